#!/usr/bin/env bash
# Builds akslint and the tests of its threaded parts with clang under ThreadSanitizer (the
# system's allocator: jemalloc and TSan each want malloc), runs those tests, and scans the
# project's fixtures with four jobs: any data race fails the run, and the report must be the
# same bytes as with one job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build-tsan -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAKSLINT_JEMALLOC=OFF -DAKSLINT_BUILD_TESTS=ON \
      -DCMAKE_C_FLAGS=-fsanitize=thread -DCMAKE_CXX_FLAGS=-fsanitize=thread \
      -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
suites=(model analyzer scan)
cmake --build build-tsan -j "$(nproc)" --target akslint $(printf 'akslint_%s_tests ' "${suites[@]}")
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
for suite in "${suites[@]}"; do
  "build-tsan/tests/akslint_${suite}_tests"
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for jobs in 1 4; do
  # 2: the fixtures include files that cannot be analysed; a race found exits with TSan's 66.
  status=0
  build-tsan/cli/akslint scan --format sarif --jobs "$jobs" --fail-level none -o "$out/$jobs.sarif" tests samples ||
    status=$?
  [ "$status" -le 2 ] || { echo "akslint scan --jobs $jobs exited with $status" >&2; exit 1; }
done
cmp "$out/1.sarif" "$out/4.sarif"
echo "ThreadSanitizer: no data race; the report is the same with one job and four"
