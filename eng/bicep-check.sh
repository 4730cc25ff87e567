#!/usr/bin/env bash
# Compiles and lints the Bicep in infra/ with the Bicep CLI restored from NuGet
# (eng/bicep/Bicep.proj), then checks the parameter files against the compiled template and the
# template for what it must close (eng/bicep/check-hardening.mjs).
# Any diagnostic at any level (error, warning, info) fails the check: exit 1.
#
#   bash eng/bicep-check.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
proj="$root/eng/bicep/Bicep.proj"
version="$(sed -n 's/.*Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' "$proj")"
[[ -n "$version" ]] || { echo "bicep-check: no Azure.Bicep.CommandLine.linux-x64 version in $proj" >&2; exit 1; }

if ! restore_log="$(dotnet restore "$proj" --verbosity quiet 2>&1)"; then
  echo "bicep-check: restoring the Bicep CLI from NuGet failed:" >&2
  echo "$restore_log" >&2
  exit 1
fi
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[[ -f "$bicep" ]] || { echo "bicep-check: $bicep not found after restore" >&2; exit 1; }
chmod +x "$bicep" # NuGet does not keep the executable bit
export DOTNET_CLI_TELEMETRY_OPTOUT=1 BICEP_TRACING_ENABLED=false

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Bicep prints diagnostics as "<file>(line,col) : <Level> <code>: <message>" and exits 0 on warnings,
# so the output is read, not just the exit code.
diagnostics() { grep -E '\([0-9]+,[0-9]+\) : (Error|Warning|Info) ' || true; }

passed=0
failed=0
run() { # run <label> <bicep args...>; prints diagnostics, returns 1 if any or if bicep failed
  local label="$1"; shift
  local out status=0
  out="$("$bicep" "$@" 2>&1)" || status=$?
  local found; found="$(diagnostics <<<"$out")"
  if [[ $status -ne 0 || -n "$found" ]]; then
    echo "FAIL $label" >&2
    echo "${found:-$out}" >&2
    failed=$((failed + 1))
    return 1
  fi
  echo "ok   $label"
  passed=$((passed + 1))
}

# Canary: a file with an unused parameter must be caught, or this script proves nothing; and it
# must be reported as an Error, which only infra/bicepconfig.json makes it (the default is Warning).
mkdir -p "$work/canary"
cp "$root/infra/bicepconfig.json" "$work/canary/"
printf "param unused string\n" > "$work/canary/canary.bicep"
if run "canary (must fail)" lint "$work/canary/canary.bicep" 2>"$work/canary.log"; then
  echo "bicep-check: the canary with an unused parameter passed; diagnostics are not being detected" >&2
  exit 1
fi
if ! grep -q ' : Error no-unused-params: ' "$work/canary.log"; then
  echo "bicep-check: the canary was not reported as an Error; is infra/bicepconfig.json being read?" >&2
  cat "$work/canary.log" >&2
  exit 1
fi
echo "ok   canary with an unused parameter was rejected at the configured level"
passed=1 failed=0 # the canary counts as one passed check

echo "Bicep CLI $("$bicep" --version | sed -n 's/^Bicep CLI version \([^ ]*\).*/\1/p') ($bicep)"
if run "build infra/main.bicep" build "$root/infra/main.bicep" --outfile "$work/main.json"; then
  if node "$root/eng/bicep/check-parameters.mjs" "$work/main.json" \
    "$root/infra/main.parameters.json" "$root/infra/azure.parameters.json"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  if node "$root/eng/bicep/check-hardening.mjs" "$work/main.json"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
fi
for file in "$root"/infra/main.bicep "$root"/infra/modules/*.bicep; do
  run "lint ${file#"$root"/}" lint "$file" || true
done

echo "bicep-check: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
