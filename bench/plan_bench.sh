#!/bin/sh
# Measures the plan readers on synthetic plans written into a temporary directory.
#   bench/plan_bench.sh BUILD_DIR [SIZE_MB...]
# BUILD_DIR is a configured and built tree (the bench links its static libraries). The
# tree-sitter reader needs about 30 times the plan's size in memory, so it runs only on
# plans up to TREE_SITTER_MAX_MB (default 50).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=$(cd "$1" && pwd)
shift
sizes=${*:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

c++ -std=c++20 -O2 -DNDEBUG -I"$src/parsers/src" -I"$src/parsers/include" -I"$src/model/include" \
  "$here/plan_reader_bench.cpp" -o "$work/plan_reader_bench" \
  "$build/parsers/libakslint_parsers.a" "$build/model/libakslint_model.a" "$build/libakslint_treesitter.a" -lfmt

for size in $sizes; do
  for layout in one-line pretty; do
    plan="$work/plan-$size-$layout.json"
    python3 "$here/plan_generate.py" --size-mb "$size" --layout "$layout" "$plan"
    for mode in read skip nlohmann-sax plan; do
      "$work/plan_reader_bench" "$mode" "$plan"
    done
    if [ "$size" -le "${TREE_SITTER_MAX_MB:-50}" ]; then
      "$work/plan_reader_bench" tree-sitter "$plan"
    fi
    /usr/bin/time -f "akslint scan  wall %e s  cpu %U+%S s  peak RSS %M KB" "$build/cli/akslint" scan --format json "$plan" >/dev/null || true
  done
done
