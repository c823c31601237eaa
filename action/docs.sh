#!/usr/bin/env bash
# Fails when the committed handbook differs from what orgc renders from the org now.
set -uo pipefail
source "$GITHUB_ACTION_PATH/action/common.sh"

status=0
run_orgc render "${ORG_PATHS[@]}" "${CONFIG_ARGS[@]}" --format "${INPUT_DOCS_FORMAT:-md}" --out "$INPUT_DOCS" --check || status=$?
if (( status == 1 )); then
  render="orgc render ${ORG_PATHS[*]} --format ${INPUT_DOCS_FORMAT:-md} --out $INPUT_DOCS"
  echo "::error title=orgc::$(escape_data "The handbook in $INPUT_DOCS is out of date: run \`$render\` and commit the result.")"
fi
exit "$status"
