#!/usr/bin/env bash
# Everything issue 6 ships, checked in one go (for the repo's test script and CI):
#   1. node tests for the Teams app package (tests/node/manifest/*.test.mjs), which package the app
#      with sample values and validate it against the official schemas from @microsoft/app-manifest;
#   2. eng/bicep-check.sh: build + lint of infra/ with the NuGet Bicep CLI, parameter files checked.
# Installs tests/node's npm packages first when they are missing (fresh clone).
#
#   bash eng/check-deploy.sh
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodedir="$root/tests/node"

if [[ ! -d "$nodedir/node_modules/@microsoft/app-manifest" || ! -d "$nodedir/node_modules/ajv-draft-04" ]]; then
  echo "check-deploy: installing tests/node packages (npm ci)"
  (cd "$nodedir" && npm ci --no-audit --no-fund) || { echo "check-deploy: npm ci failed" >&2; exit 1; }
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0

echo "== Teams app package tests"
(cd "$nodedir" && node --test --test-reporter=tap manifest/*.test.mjs) | tee "$log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
node_pass="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log")"
node_fail="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log")"

echo "== Bicep"
bash "$root/eng/bicep-check.sh" | tee "$log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
read -r bicep_pass bicep_fail < <(sed -n 's/^bicep-check: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log")

# One plain summary line for whoever calls this; a step that never reported counts as a failure.
passed=$(( ${node_pass:-0} + ${bicep_pass:-0} ))
failed=$(( ${node_fail:-1} + ${bicep_fail:-1} ))
[[ $status -eq 0 ]] || (( failed > 0 )) || failed=1
echo "check-deploy: $passed passed, $failed failed"
exit $status
