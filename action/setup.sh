#!/usr/bin/env bash
# Finds the orgc the other steps run and hands its path on as the output `orgc`:
#   1. the version asked for with the input orgc-version, installed from npm;
#   2. else the orgc of the repository itself (node_modules/.bin/orgc, after `npm ci`), so CI runs
#      the version the team pinned and runs locally;
#   3. else this action's own checkout — the version in `uses: …@ref` — built in place.
set -euo pipefail

version="${INPUT_ORGC_VERSION:-}"
local_bin="$GITHUB_WORKSPACE/node_modules/.bin/orgc"
if [[ -n "$version" ]]; then
  prefix="$RUNNER_TEMP/orgc-cli"
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "orgc@$version"
  orgc="$prefix/node_modules/.bin/orgc"
  echo "orgc $("$orgc" --version), installed from npm"
elif [[ -x "$local_bin" ]]; then
  orgc="$local_bin"
  echo "orgc $("$orgc" --version), from the repository's node_modules"
else
  # `npm ci` installs what the lock file says and builds dist/ (the prepare script).
  (cd "$GITHUB_ACTION_PATH" && npm ci --no-audit --no-fund --loglevel=error)
  orgc="$GITHUB_ACTION_PATH/bin/orgc"
  echo "orgc $("$orgc" --version), built from the action's checkout"
fi
echo "orgc=$orgc" >> "$GITHUB_OUTPUT"
