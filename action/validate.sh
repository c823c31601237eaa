#!/usr/bin/env bash
# Validates the org: findings become annotations on the pull request (the job fails as
# `orgc validate` would), their counts outputs, and with sarif=true a SARIF file for code scanning.
set -uo pipefail
source "$GITHUB_ACTION_PATH/action/common.sh"

args=("${ORG_PATHS[@]}" "${CONFIG_ARGS[@]}")
[[ -n "${INPUT_LANG:-}" ]] && args+=(--lang "$INPUT_LANG")
check_args=(--fail-on "${INPUT_FAIL_ON:-error}")
[[ -n "${INPUT_MAX_WARNINGS:-}" ]] && check_args+=(--max-warnings "$INPUT_MAX_WARNINGS")

# The annotations; stderr holds the one-line reason of a usage error (exit 2).
status=0
"$ORGC" validate "${args[@]}" "${check_args[@]}" --format github 2> "$RUNNER_TEMP/orgc-stderr" || status=$?
if (( status >= 2 )); then
  reason="$(head -n 1 "$RUNNER_TEMP/orgc-stderr")"
  cat "$RUNNER_TEMP/orgc-stderr" >&2
  echo "::error title=orgc::$(escape_data "$reason")"
  exit "$status"
fi

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
