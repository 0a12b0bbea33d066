#!/usr/bin/env bash
# Runs the libFuzzer harness fuzz_decide for a bounded time and prints its
# figures. Inputs that crash are written to WORK/artifacts/ and make the run
# fail; new interesting inputs accumulate in WORK/corpus/ (the seed corpus in
# tests/fuzz/corpus/ is only read).
#
# Usage: tests/fuzz/run-fuzz.sh FUZZER SECONDS WORK [SEED-CORPUS]
#   FUZZER  the fuzz_decide binary (built by clang with -fsanitize=fuzzer);
#           "" or a missing file: clang/libFuzzer was not found at configure time
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

fuzzer=${1:-}
seconds=${2:-60}
work=${3:-fuzz-work}
seeds=${4:-$(cd "$(dirname "$0")" && pwd)/corpus}

if [ -z "$fuzzer" ] || [ ! -x "$fuzzer" ]; then
  echo "run-fuzz.sh: the libFuzzer harness was not built: CMake found no clang with libFuzzer." >&2
  echo "run-fuzz.sh: install the Debian package 'clang' (clang 14 ships libFuzzer), then reconfigure" >&2
  echo "run-fuzz.sh: (cmake -S . -B build) and rebuild." >&2
  exit 1
fi

mkdir -p "$work/corpus" "$work/artifacts"
log="$work/fuzz.log"
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  "$fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
            "$work/corpus" "$seeds" > "$log" 2>&1 || status=$?

grep -E '^(stat::|Done|INFO: (Seed|Loaded|-max_len))' "$log" || true
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
corpus=$(find "$work/corpus" -type f | wc -l)
echo "run-fuzz.sh: ${runs:-0} runs in ${seconds} s (${rate:-0} exec/s), working corpus ${corpus} inputs"
if [ "$status" -ne 0 ]; then
  echo "run-fuzz.sh: the fuzzer failed (exit status $status); the end of its log:" >&2
  tail -60 "$log" >&2
  ls -l "$work/artifacts" >&2 || true
  echo "run-fuzz.sh: reproduce with: $fuzzer $work/artifacts/<crash-file>  (FUZZ_DECIDE_TRACE=1 traces it)" >&2
  exit 1
fi
