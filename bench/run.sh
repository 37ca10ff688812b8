#!/bin/sh
# Builds akslint and akslint_bench, generates synthetic estates at scale 1, 2, 4, 8, 16 into a
# temporary directory, and measures each (plus the project's fixtures and, when present, the
# shared corpus):
#   bench/run.sh [BUILD_DIR] [SCALES...]        (default: build-bench, 1 2 4 8 16)
# Extra cmake arguments go in AKSLINT_CMAKE_ARGS (e.g. -DAKSLINT_NODE_MODULES=...).
# Times are CPU seconds (user + sys, from wait4), which a busy machine barely disturbs, and
# wall seconds, which it does; jobs speed-up compares wall times. Each
# figure is the best of AKSLINT_BENCH_REPEAT runs (default 5); scan/parse is also given for each
# run on its own, sorted, with their median.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-$src/build-bench}
[ $# -gt 0 ] && shift
scales=${*:-1 2 4 8 16}
repeat=${AKSLINT_BENCH_REPEAT:-5}  # runs per measurement; each figure is the best of them
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/datasets"

# shellcheck disable=SC2086
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAKSLINT_BUILD_BENCH=ON \
  ${AKSLINT_CMAKE_ARGS:-} >/dev/null
ninja -C "$build" -j2 akslint akslint_bench akslint_measure >/dev/null
akslint=$build/cli/akslint
bench=$build/bench/akslint_bench
measure=$build/bench/akslint_measure

# run_once LOG CMD...: runs CMD once and appends "wall cpu peak_rss_kib" to LOG, its stdout
# kept in $work/out (bench/measure.cpp: microsecond times, where /usr/bin/time gives hundredths).
run_once() {
  log=$1
  shift
  "$measure" "$log" "$work/out" "$@"
}

# best LOG: "wall cpu peak_rss_kb": the smallest wall and CPU time of the runs in LOG (the
# host's load only ever adds time) and the largest peak RSS.
best() {
  awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < c { c = $2 } $3 > r { r = $3 } END { printf "%.4f %.4f %d\n", w, c, r }' "$1"
}

# parse_once DIR: runs akslint_bench; appends its total CPU time to $work/parses, and keeps its
# report in $work/parse when that time is the least so far.
parse_once() {
  "$bench" "$1" >"$work/parse.try"
  cpu=$(awk '$1 == "total" { print $7 }' "$work/parse.try")
  echo "$cpu" >>"$work/parses"
  if [ ! -s "$work/parse" ] || awk -v a="$cpu" -v b="$(awk '$1 == "total" { print $7 }' "$work/parse")" 'BEGIN { exit !(a < b) }'; then
    cp "$work/parse.try" "$work/parse"
  fi
}

# best_of N CMD...: the smallest wall and CPU time of N runs of CMD, in milliseconds.
best_of() {
  n=$1
  shift
  : >"$work/startup"
  i=0
  while [ "$i" -lt "$n" ]; do
    run_once "$work/startup" "$@"
    i=$((i + 1))
  done
  best "$work/startup" | awk '{ printf "wall %.1f ms  cpu %.1f ms\n", $1 * 1000, $2 * 1000 }'
}

# dataset NAME DIR: the scan and parse-only numbers for one directory.
dataset() {
  name=$1 dir=$2
  # Parse-only, one job and two jobs take turns, $repeat rounds of them, so that the best of
  # each comes from the same minutes of the host's load. The one-job scan runs right after the
  # parse-only run, so that each round's own ratio of the two meets one stretch of the load.
  : >"$work/parse"
  : >"$work/parses"
  : >"$work/runs1"
  : >"$work/runs2"
  i=0
  while [ "$i" -lt "$repeat" ]; do
    parse_once "$dir"
    run_once "$work/runs1" "$akslint" scan --format json --jobs 1 --root "$dir" "$dir"
    run_once "$work/runs2" "$akslint" scan --format json --jobs 2 --root "$dir" "$dir"
    i=$((i + 1))
  done
  files=$(awk '$1 == "total" { print $3 }' "$work/parse")
  bytes=$(awk '$1 == "total" { print $5 }' "$work/parse")
  parse_cpu=$(awk '$1 == "total" { print $7 }' "$work/parse")
  results=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/out" 2>/dev/null || echo "?")
  set -- $(best "$work/runs1")
  wall1=$1 cpu1=$2 rss1=$3
  # The median of the rounds' own scan/parse ratios: a slow spell that falls on one run of a
  # pair moves the ratio of the bests, and only that round's ratio here.
  paired=$(paste "$work/runs1" "$work/parses" | awk '{ printf "%.2f\n", ($4 > 0 ? $2 / $4 : 0) }' | sort -n |
    awk '{ r[NR] = $1; all = all (NR > 1 ? " " : "") $1 }
         END { printf "median %.2f of %s", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2, all }')
  set -- $(best "$work/runs2")
  wall2=$1 rss2=$3
  awk -v n="$name" -v f="$files" -v b="$bytes" -v w1="$wall1" -v c1="$cpu1" -v r1="$rss1" -v w2="$wall2" \
      -v r2="$rss2" -v p="$parse_cpu" -v res="$results" -v pr="$paired" 'BEGIN {
    mb = b / 1e6
    printf "%-10s files %6d  %8.2f MB  results %6s | jobs=1 wall %7.3f s cpu %7.3f s %7.2f MB/s(cpu) RSS %6.1f MiB" \
           " | jobs=2 wall %7.3f s (x%.2f) RSS %6.1f MiB | parse-only cpu %7.3f s, scan/parse %.2f (rounds: %s)" \
           ", beyond parsing %.3f s | RSS - input %.1f MiB\n",
      n, f, mb, res, w1, c1, (c1 > 0 ? mb / c1 : 0), r1 / 1024, w2, (w2 > 0 ? w1 / w2 : 0), r2 / 1024, p,
      (p > 0 ? c1 / p : 0), pr, c1 - p, r1 / 1024 - b / 1048576 }'
  awk '{ print ($1 == "discovery" ? "    " : "    parse-only ") $0 }' "$work/parse"
  # The memory target again with the larger log: a SARIF report, written with two jobs.
  : >"$work/sarif"
  run_once "$work/sarif" "$akslint" scan --format sarif --jobs 2 --root "$dir" "$dir"
  awk -v b="$bytes" '{ printf "    sarif report, jobs=2: RSS %.1f MiB | RSS - input %.1f MiB\n", $3 / 1024, $3 / 1024 - b / 1048576 }' \
    "$work/sarif"
  echo "$name $bytes $cpu1" >>"$work/datasets"
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "each figure: the best of $repeat runs (AKSLINT_BENCH_REPEAT)"
echo "start-up (best of 10):"
mkdir -p "$work/empty"
echo "  akslint --version        $(best_of 10 "$akslint" --version)"
echo "  akslint scan <empty dir> $(best_of 10 "$akslint" scan --root "$work/empty" "$work/empty")"
python3 "$here/generate.py" --scale 1 "$work/one" >/dev/null
single=$work/one/terraform/env1/main.tf
echo "  akslint scan <one .tf>   $(best_of 10 "$akslint" scan --root "$work/one" "$single")"

for scale in $scales; do
  python3 "$here/generate.py" --scale "$scale" "$work/scale$scale" >/dev/null
  dataset "scale$scale" "$work/scale$scale"
  rm -rf "$work/scale$scale"
done
# The first scale's and the last's CPU time per byte: 1.00 is linear growth.
awk 'NR == 1 { first = $1; per = $3 / $2 } END { if (NR > 1) printf "%s -> %s: CPU per byte %.2fx the first'"'"'s (1.00 is linear)\n", first, $1, ($3 / $2) / per }' "$work/datasets"
dataset fixtures "$src/tests"
[ -d "$src/../shared/corpus" ] && dataset corpus "$src/../shared/corpus"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
