#!/usr/bin/env bash
# Runs the end-to-end tests: the bot in Microsoft's Teams emulator, driven by headless Chromium.
#
#   tests/node/run-e2e.sh              build the bot, then node --test tests/node/e2e/
#   tests/node/run-e2e.sh --no-build   without building (the bot must be built already)
#
# Screenshots and logs: artifacts/e2e/ (gitignored). Only loopback traffic; no browser download:
# Chromium comes from Debian's package 'chromium' (or CHROMIUM_PATH).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-e2e.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

if [ ! -x "$chromium" ]; then
  echo "run-e2e.sh: Chromium is missing at $chromium." >&2
  echo "  Install Debian's package: apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)." >&2
  echo "  The tests never download a browser." >&2
  exit 1
fi
command -v node >/dev/null 2>&1 || { echo "run-e2e.sh: node is missing (Node.js 20 or newer)." >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || { echo "run-e2e.sh: dotnet is missing (.NET 10 SDK)." >&2; exit 1; }

if [ ! -d "$repo/tests/node/node_modules" ]; then
  (cd "$repo/tests/node" && npm ci --no-audit --no-fund)
fi

if [ "$build" = 1 ]; then
  (cd "$repo" && dotnet build Samskapelse.Bot.sln --nologo -tl:off -v quiet "-clp:ErrorsOnly;NoSummary")
fi

# Fresh screenshots each run.
rm -rf "$repo/artifacts/e2e"
mkdir -p "$repo/artifacts/e2e"

cd "$repo"
exec node --test tests/node/e2e/
