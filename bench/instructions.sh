#!/bin/sh
# Instruction counts, which do not move with the host's load as times do:
#   bench/instructions.sh [BUILD_DIR] [DIR...]    (default: build-bench; scales 1 and 16, and
#                                                  the shared corpus when it is present)
# For each directory: the one-job scan's instructions (`akslint scan --format json --jobs 1`),
# the parsers' alone (`akslint_bench`, counting only under its parse_one_file, the code its
# parse-only time covers), each per byte, and their ratio; then, over the synthetic scales,
# the first's and the last's scan instructions per byte. Needs valgrind (Debian `valgrind`); runs the two counts
# of a directory side by side, and takes about 50 times as long as the scans themselves.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-$src/build-bench}
[ $# -gt 0 ] && shift
command -v valgrind >/dev/null || { echo "bench/instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2086
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAKSLINT_BUILD_BENCH=ON \
  ${AKSLINT_CMAKE_ARGS:-} >/dev/null
ninja -C "$build" -j2 akslint akslint_bench >/dev/null
akslint=$build/cli/akslint
bench=$build/bench/akslint_bench

if [ $# -eq 0 ]; then
  python3 "$here/generate.py" --scale 1 "$work/scale1" >/dev/null
  python3 "$here/generate.py" --scale 16 "$work/scale16" >/dev/null
  set -- "$work/scale1" "$work/scale16"
  [ -d "$src/../shared/corpus" ] && set -- "$@" "$src/../shared/corpus"
fi

# total OUT: the instructions a callgrind output file counted.
total() {
  awk '$1 == "summary:" { print $2 }' "$1"
}

for dir in "$@"; do
  # The scan has no time limit here: under valgrind a large unit would run past it.
  valgrind --tool=callgrind --callgrind-out-file="$work/scan.out" \
    "$akslint" scan --format json --jobs 1 --unit-timeout 0 --root "$dir" "$dir" >/dev/null 2>&1 &
  valgrind --tool=callgrind --toggle-collect='*parse_one_file*' --callgrind-out-file="$work/parse.out" \
    "$bench" "$dir" >"$work/parse.txt" 2>/dev/null
  wait
  bytes=$(awk '$1 == "total" { print $5 }' "$work/parse.txt")
  scan=$(total "$work/scan.out")
  parse=$(total "$work/parse.out")
  echo "$(basename "$dir") $bytes $scan $parse" >>"$work/counts"
  awk -v n="$(basename "$dir")" -v b="$bytes" -v s="$scan" -v p="$parse" 'BEGIN {
    printf "%-22s %10.0f bytes | scan %14.0f instructions, %6.0f per byte | parse-only %14.0f, %6.0f per byte | scan/parse %.3f\n",
      n, b, s, s / b, p, p / b, s / p }'
done
# Linearity, over the synthetic scales only: the first's and the last's scan instructions per byte.
awk '$1 ~ /^scale/ { if (first == "") { first = $1; per = $3 / $2 } last = $1; last_per = $3 / $2; n++ }
     END { if (n > 1) printf "%s -> %s: scan instructions per byte %.3fx the first'"'"'s (1.000 is linear)\n", first, last, last_per / per }' "$work/counts"
