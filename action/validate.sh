#!/usr/bin/env bash
# Validates the org: findings become annotations on the pull request (the job fails as
# `orgc validate` would), their counts outputs, and with sarif=true a SARIF file for code scanning.
set -uo pipefail
source "$GITHUB_ACTION_PATH/action/common.sh"

args=("${ORG_PATHS[@]}" "${CONFIG_ARGS[@]}")
[[ -n "${INPUT_LANG:-}" ]] && args+=(--lang "$INPUT_LANG")
check_args=(--fail-on "${INPUT_FAIL_ON:-error}")
[[ -n "${INPUT_MAX_WARNINGS:-}" ]] && check_args+=(--max-warnings "$INPUT_MAX_WARNINGS")

# The annotations.
status=0
run_orgc validate "${args[@]}" "${check_args[@]}" --format github || status=$?
(( status >= 2 )) && exit "$status"

report="$RUNNER_TEMP/orgc-report.json"
"$ORGC" validate "${args[@]}" --format json --output "$report" || true
read -r errors warnings < <(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(r.counts.error, r.counts.warning);' "$report")
echo "errors=$errors" >> "$GITHUB_OUTPUT"
echo "warnings=$warnings" >> "$GITHUB_OUTPUT"
echo "### orgc: $errors error(s), $warnings warning(s)" >> "$GITHUB_STEP_SUMMARY"

if [[ "${INPUT_SARIF:-false}" == true ]]; then
  sarif="$RUNNER_TEMP/orgc.sarif"
  "$ORGC" validate "${args[@]}" --format sarif --output "$sarif" || true
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
fi
exit "$status"
