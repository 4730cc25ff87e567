#!/usr/bin/env bash
# Runs the bot locally and chats with it in Microsoft's Teams emulator (m365agentsplayground):
#
#   ./eng/start.sh              build, start the bot on http://127.0.0.1:3978 and the emulator on
#                               http://127.0.0.1:56150, then open that address in a browser
#   ./eng/start.sh --no-build   the same without building first
#
# Plans are kept in <repo>/data/samskapelse.db (SQLite). Ctrl+C stops both processes.
# Needs: .NET SDK 10 (dotnet) and Node.js 20+ (node, npm). No Azure or Teams account: the bot runs
# without authentication (empty MicrosoftAppId), which is for local use only.
set -euo pipefail

BOT_PORT=3978
EMULATOR_PORT=56150

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo/tests/node"
bot_dir="$repo/src/Samskapelse.Bot/bin/Debug/net10.0"
db="$repo/data/samskapelse.db"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'start.sh: %s\n' "$*" >&2; exit 1; }

# --- prerequisites -------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || fail "dotnet is missing: install the .NET 10 SDK (https://dot.net), then run this again."
command -v node >/dev/null 2>&1 || fail "node is missing: install Node.js 20 or newer, then run this again."
command -v npm >/dev/null 2>&1 || fail "npm is missing: it comes with Node.js 20 or newer."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node.js $(node --version) is too old: 20 or newer is needed."
(cd "$repo" && dotnet --version >/dev/null 2>&1) || fail "no .NET SDK matches global.json (10.0.100 or a later 10.0 feature band): $(cd "$repo" && dotnet --version 2>&1 | head -n 3)"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$BOT_PORT" && fail "port $BOT_PORT is taken (is the bot already running?). Stop that process first."
port_in_use "$EMULATOR_PORT" && fail "port $EMULATOR_PORT is taken (is the emulator already running?). Stop that process first; the emulator would silently pick another port."

if [ ! -d "$node_dir/node_modules" ]; then
  say "Installing the emulator and test tools (npm ci in tests/node)"
  (cd "$node_dir" && npm ci --no-audit --no-fund)
fi
emulator="$node_dir/node_modules/.bin/agentsplayground"
[ -x "$emulator" ] || fail "the emulator is missing at $emulator: run 'npm ci' in tests/node."

if [ "$build" = 1 ]; then
  say "Building Samskapelse.Bot.sln"
  (cd "$repo" && dotnet build Samskapelse.Bot.sln --nologo -tl:off -v quiet "-clp:ErrorsOnly;NoSummary") || fail "the build failed (see above)."
fi
[ -f "$bot_dir/Samskapelse.Bot.dll" ] || fail "the bot is not built ($bot_dir/Samskapelse.Bot.dll is missing): run without --no-build."

# --- run -----------------------------------------------------------------------------------------
run_dir="$(mktemp -d "${TMPDIR:-/tmp}/samskapelse-start.XXXXXX")"
bot_pid=""
emulator_pid=""
status=0

stop() {
  trap - INT TERM EXIT
  local pid
  for pid in $emulator_pid $bot_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in $emulator_pid $bot_pid; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in $emulator_pid $bot_pid; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$status" = 0 ]; then
    rm -rf "$run_dir"
  else
    echo "Logs kept in $run_dir" >&2
  fi
  echo "Stopped the bot and the emulator."
}
# Ctrl+C and kill are the normal way to stop: the logs go with the temp folder then.
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop' EXIT

mkdir -p "$(dirname "$db")"
say "Starting the bot on http://127.0.0.1:$BOT_PORT (plans in $db)"
# Started from its output folder, which holds appsettings.json (the content root is the cwd).
(
  cd "$bot_dir"
  ASPNETCORE_ENVIRONMENT=Development \
  Storage__Provider=Sqlite \
  Storage__SqlitePath="$db" \
  DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  exec dotnet Samskapelse.Bot.dll --urls "http://127.0.0.1:$BOT_PORT"
) >"$run_dir/bot.log" 2>&1 &
bot_pid=$!

# Wait (at most 60 s) until GET / answers.
answers() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}
deadline=$((SECONDS + 60))
until answers "http://127.0.0.1:$BOT_PORT/"; do
  if ! kill -0 "$bot_pid" 2>/dev/null; then
    status=1
    tail -n 30 "$run_dir/bot.log" >&2 || true
    fail "the bot stopped while starting (log above: $run_dir/bot.log)."
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    status=1
    tail -n 30 "$run_dir/bot.log" >&2 || true
    fail "the bot did not answer on http://127.0.0.1:$BOT_PORT/ within 60 s (log: $run_dir/bot.log)."
  fi
  sleep 0.3
done

say "Starting the Teams emulator on http://127.0.0.1:$EMULATOR_PORT"
# In its own folder: it writes devTools/m365agentsplayground.log and reads .m365agentsplayground.yml
# from its cwd. TEAMSAPPTESTER_BROWSER=none: it does not try to open a browser (and exit).
# bind-loopback.cjs makes it listen on 127.0.0.1 only (it has no host option).
(
  cd "$run_dir"
  TEAMSAPPTESTER_BROWSER=none \
  NODE_OPTIONS="--require \"$node_dir/e2e/bind-loopback.cjs\" ${NODE_OPTIONS:-}" \
  exec "$emulator" \
    -e "http://127.0.0.1:$BOT_PORT/api/messages" \
    -c msteams \
    -p "$EMULATOR_PORT" \
    --su "http://127.0.0.1:$EMULATOR_PORT/_connector" \
    --disable-telemetry
) >"$run_dir/emulator.log" 2>&1 &
emulator_pid=$!

# It prints "Listening on N"; if the port was taken it silently takes another one.
deadline=$((SECONDS + 30))
until grep -q 'Listening on' "$run_dir/emulator.log" 2>/dev/null; do
  if ! kill -0 "$emulator_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    status=1
    tail -n 30 "$run_dir/emulator.log" >&2 || true
    fail "the emulator did not start (log above: $run_dir/emulator.log)."
  fi
  sleep 0.2
done
listening="$(grep -o 'Listening on [0-9]*' "$run_dir/emulator.log" | head -n 1 | awk '{print $3}')"
if [ "$listening" != "$EMULATOR_PORT" ]; then
  status=1
  fail "the emulator listens on $listening instead of $EMULATOR_PORT (the port was taken)."
fi

echo
echo "Open http://127.0.0.1:$EMULATOR_PORT to chat"
echo "  (type 'help' or 'start'; Ctrl+C stops both)"
echo "  logs: $run_dir/bot.log, $run_dir/emulator.log, $run_dir/devTools/m365agentsplayground.log"
echo

# Run until Ctrl+C, or until one of the two stops by itself.
set +e
wait -n "$bot_pid" "$emulator_pid"
code=$?
set -e
if kill -0 "$bot_pid" 2>/dev/null; then
  echo "start.sh: the emulator stopped (exit $code); see $run_dir/emulator.log" >&2
else
  echo "start.sh: the bot stopped (exit $code); see $run_dir/bot.log" >&2
fi
status=1
exit 1
