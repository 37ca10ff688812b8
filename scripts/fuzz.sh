#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, in the sanitizer build) and runs each for N seconds
# (default 30), seeded from the test fixtures. Crashing inputs land in build-asan/fuzz/crashes/;
# copy each into tests/reliability/data/crashes/ once fixed, where every later run replays it.
# Usage: scripts/fuzz.sh [seconds] [harness...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(hcl hcl_parser tfvars terraform_expression plan arm arm_expression json bicep bicepparam yaml)

scripts/setup.sh
scripts/configure-sanitized.sh
build=build-asan
out=$build/fuzz
cmake --build "$build" -j "$(nproc)" --target "${harnesses[@]/#/fuzz_}"

# name -> fixture file patterns that seed it; dictionary
seeds() {
  case $1 in
    hcl | hcl_parser) find tests -name '*.tf' ;;
    tfvars) find tests -name '*.tfvars' ;;
    terraform_expression) find tests -name '*.tf' ;;
    plan) grep -rl --include='*.json' '"format_version"' tests ;;
    arm) grep -rl --include='*.json' 'deploymentTemplate.json' tests ;;
    json) find tests -name '*.json' -size -64k ;;
    arm_expression) find tests/parsers/data/arm -name '*.json' ;;
    bicep) find tests -name '*.bicep' ;;
    bicepparam) find tests -name '*.bicepparam' ;;
    yaml) find tests -name '*.yaml' -o -name '*.yml' ;;
  esac
}
dict() {
  case $1 in
    plan | arm | json) echo json ;;
    bicepparam) echo bicep ;;
    hcl_parser) echo hcl ;;
    *) echo "$1" ;;
  esac
}

mkdir -p "$out/crashes"
status=0
for h in "${harnesses[@]}"; do
  corpus="$out/corpus/$h"
  mkdir -p "$corpus"
  { seeds "$h"; find tests/reliability/data/crashes -name "$h-*" 2>/dev/null || true; } | while read -r f; do cp -n "$f" "$corpus/$(cksum <"$f" | cut -d' ' -f1)" 2>/dev/null || true; done
  echo "fuzz: $h for ${seconds}s"
  # Slow units (over 10 s) and memory over 2 GB count as findings, like crashes.
  if ! ASAN_OPTIONS=detect_leaks=1 "$out/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -dict="fuzz/dict/$(dict "$h").dict" -artifact_prefix="$out/crashes/$h-" \
       -print_final_stats=1 "$corpus" 2>"$out/fuzz-$h.log"; then
    echo "fuzz: $h found a problem (see $out/fuzz-$h.log and $out/crashes/)" >&2
    status=1
  fi
  grep -E 'stat::number_of_executed_units|cov:' "$out/fuzz-$h.log" | tail -2 || true
done
exit $status
