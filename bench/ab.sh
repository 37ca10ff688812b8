#!/bin/sh
# Two akslint binaries taking turns on one directory, so that the host's load falls on both
# alike (on the machines docs/benchmarks.md reports, it moves by half for minutes at a time):
#   bench/ab.sh OLD NEW DIR [ROUNDS]       (default: 6 rounds)
# Each round runs OLD, then NEW, each scanning DIR with --jobs 1 and with --jobs 2, timed by
# akslint_measure (AKSLINT_MEASURE, or build-bench's: `ninja -C build-bench akslint_measure`).
# Prints for each binary: the best one-job wall and CPU times, the best two-job wall time, the
# speed-up between the two best walls (as bench/run.sh gives it), the largest peak RSS, and
# every run's wall time, so the spread shows.
set -eu
[ $# -ge 3 ] || { echo "usage: bench/ab.sh OLD NEW DIR [ROUNDS]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
measure=${AKSLINT_MEASURE:-$(dirname "$here")/build-bench/bench/akslint_measure}
[ -x "$measure" ] || { echo "bench/ab.sh: no $measure (ninja -C build-bench akslint_measure)" >&2; exit 2; }
old=$1 new=$2 dir=$3 rounds=${4:-6}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

i=0
while [ "$i" -lt "$rounds" ]; do
  for side in old new; do
    binary=$old
    [ "$side" = new ] && binary=$new
    for jobs in 1 2; do
      "$measure" "$work/$side.$jobs" "$work/out" "$binary" scan --format json --jobs "$jobs" --root "$dir" "$dir"
    done
  done
  i=$((i + 1))
done

echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds"
for side in old new; do
  # Each log line is "wall cpu peak_rss_kib" (bench/measure.cpp).
  awk -v side="$side" -v j1="$work/$side.1" -v j2="$work/$side.2" 'BEGIN {
    while ((getline line < j1) > 0) {
      split(line, f, " ")
      if (w1 == "" || f[1] < w1) w1 = f[1]
      if (c1 == "" || f[2] < c1) c1 = f[2]
      if (f[3] > r) r = f[3]
      w1s = w1s sprintf(" %.3f", f[1])
    }
    while ((getline line < j2) > 0) {
      split(line, f, " ")
      if (w2 == "" || f[1] < w2) w2 = f[1]
      if (f[3] > r) r = f[3]
      w2s = w2s sprintf(" %.3f", f[1])
    }
    printf "%s: jobs=1 best wall %.3f s cpu %.3f s | jobs=2 best wall %.3f s (x%.2f) | peak RSS %.1f MiB\n",
      side, w1, c1, w2, w1 / w2, r / 1024
    printf "    jobs=1 walls:%s\n    jobs=2 walls:%s\n", w1s, w2s
  }'
done
