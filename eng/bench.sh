#!/usr/bin/env bash
# Measures the bot against a bare Bot Builder echo bot, and how fast every card is built:
#
#   ./eng/bench.sh                  build Release, run the load generator, then BenchmarkDotNet on the cards
#   ./eng/bench.sh --seconds 8      how long each load run lasts at least (default 8)
#   ./eng/bench.sh --warmup 20      how long each bot is warmed up first, not counted (default 20)
#   ./eng/bench.sh --load-only      only the load generator;  --cards-only  only the cards
#
# Writes artifacts/bench/load.md, load.svg (chart) and cards.md, and prints them. About 13 minutes on
# 2 cores. The bot runs in Development without authentication on a fresh SQLite file in a temporary
# folder; nothing outside artifacts/bench is left behind. See bench/README.md for what is measured.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/artifacts/bench"
seconds=8
warmup=20
load=1
cards=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --load-only) cards=0 ;;
    --cards-only) load=0 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "Building Release"
for project in src/Samskapelse.Bot bench/Samskapelse.Bench.EchoBot bench/Samskapelse.Bench.Load bench/Samskapelse.Bench.Cards; do
  dotnet build "$repo/$project" -c Release -nologo -v quiet
done

mkdir -p "$out"
status=0
if [ "$load" = 1 ]; then
  say "Load: the bot, the echo bot and the stock echo bot at 1, 8, 32 and 128 conversations"
  dotnet "$repo/bench/Samskapelse.Bench.Load/bin/Release/net10.0/Samskapelse.Bench.Load.dll" \
    --bot "$repo/src/Samskapelse.Bot/bin/Release/net10.0/Samskapelse.Bot.dll" \
    --echo "$repo/bench/Samskapelse.Bench.EchoBot/bin/Release/net10.0/Samskapelse.Bench.EchoBot.dll" \
    --out "$out" --seconds "$seconds" --warmup "$warmup" >/dev/null || status=1
  cat "$out/load.md"
  say "Chart: $out/load.svg"
fi

if [ "$cards" = 1 ]; then
  say "Cards: every card of the catalogue, then BenchmarkDotNet per kind"
  (cd "$out" && dotnet "$repo/bench/Samskapelse.Bench.Cards/bin/Release/net10.0/Samskapelse.Bench.Cards.dll" --out "$out" >/dev/null) || status=1
  cat "$out/cards.md"
fi

[ "$status" = 0 ] || say "A target was missed (marked **no** above)."
exit "$status"
