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
