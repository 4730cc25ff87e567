#!/usr/bin/env bash
# Runs every test of the project: the .NET tests (conversations, cards through the official
# Adaptive Cards parser, storage, HTTP), the Teams app package and Bicep checks, and the
# end-to-end chat in Microsoft's Teams emulator driven by headless Chromium.
#
#   ./eng/test.sh
#
# Needs: .NET 10 SDK, Node.js 20+, and Debian's chromium for the end-to-end part (.ci/run installs it).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT
status=0
passed=0
failed=0

step() { echo; echo "== $*"; }

step "npm packages for the Node-side checks (tests/node)"
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error) || { echo "test: npm ci failed" >&2; exit 1; }

step "build (warnings are errors)"
dotnet build Samskapelse.Bot.sln -nologo -v minimal || { echo "test: build failed" >&2; exit 1; }

step ".NET tests"
dotnet test Samskapelse.Bot.sln --no-build -nologo -v minimal 2>&1 | tee "$log/dotnet.txt"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
while read -r f p; do failed=$((failed + f)); passed=$((passed + p)); done < <(
  sed -n 's/.*Failed:[[:space:]]*\([0-9]*\), Passed:[[:space:]]*\([0-9]*\),.*/\1 \2/p' "$log/dotnet.txt")
grep -q "Passed:" "$log/dotnet.txt" || { failed=$((failed + 1)); status=1; }

step "Teams app package and infrastructure"
bash eng/check-deploy.sh 2>&1 | tee "$log/deploy.txt"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
read -r p f < <(sed -n 's/^check-deploy: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log/deploy.txt")
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))

if [[ -f tests/node/run-e2e.sh ]]; then
  step "end-to-end in the Teams emulator"
  bash tests/node/run-e2e.sh 2>&1 | tee "$log/e2e.txt"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
  p="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log/e2e.txt" | tail -1)"
  f="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log/e2e.txt" | tail -1)"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
fi

(( status == 0 )) || (( failed > 0 )) || failed=1
echo
echo "tests: $passed passed, $failed failed"
exit $status
