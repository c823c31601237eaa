# Shared by the action's bash steps: the org's paths and the configuration as arguments.

# The input path holds paths separated by spaces; none lets orgc find org.yaml or org/.
read -r -a ORG_PATHS <<< "${INPUT_PATH:-}"
CONFIG_ARGS=()
if [[ -n "${INPUT_CONFIG:-}" ]]; then CONFIG_ARGS=(--config "$INPUT_CONFIG"); fi

# A workflow command's message: %, CR and LF escaped as the runner decodes them.
escape_data() {
  local s="${1//%/%25}"
  s="${s//$'\r'/%0D}"
  printf '%s' "${s//$'\n'/%0A}"
}

# Runs orgc and returns its exit code; a usage error (exit 2) also becomes an annotation that
# carries orgc's one-line reason, since the log is not where people look first.
run_orgc() {
  local status=0 err="$RUNNER_TEMP/orgc-stderr"
  "$ORGC" "$@" 2> "$err" || status=$?
  cat "$err" >&2
  if (( status >= 2 )); then echo "::error title=orgc::$(escape_data "$(head -n 1 "$err")")"; fi
  return "$status"
}
