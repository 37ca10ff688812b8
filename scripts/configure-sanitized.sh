#!/usr/bin/env bash
# Configures build-asan/: clang, warnings as errors, AddressSanitizer + UndefinedBehaviorSanitizer,
# the tests and the libFuzzer harnesses. One instrumented build serves both
# scripts/test-sanitizers.sh and scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DAKSLINT_SANITIZE=ON -DAKSLINT_BUILD_TESTS=ON -DAKSLINT_BUILD_FUZZERS=ON >/dev/null
