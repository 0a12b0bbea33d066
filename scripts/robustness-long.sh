#!/usr/bin/env bash
# The long robustness campaign (issue 6; docs/robustness.md): about 100 000
# mutated frames through tshark with the ASan+UBSan plugin, the libFuzzer
# harness for longer than CI's minute, and valgrind over every sample capture
# in every output mode. The figures replace the "Last long run" section of
# docs/robustness.md.
#
# Usage: scripts/robustness-long.sh [--frames N] [--fuzz-seconds S] [--jobs N]
#            [--start-seed S] [--max-minutes M] [--no-fuzz] [--no-valgrind] [--no-docs]
#   --frames        mutated frames to run (default 100000)
#   --fuzz-seconds  libFuzzer time (default 600)
#   --max-minutes   no new mutation round after this (default 120): bounded
#                   even on a slow machine; the figures say when it stopped early
#   --start-seed    first editcap seed (default 1000: CI's short run uses 1-100)
# Builds in ./build (or $SIPCODES_BUILD_DIR) first. Exit status 1 when any
# part found a problem attributable to sipcodes (or could not run).
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SIPCODES_BUILD_DIR:-$top/build}
frames=100000
fuzz_seconds=600
jobs=$(nproc 2>/dev/null || echo 2)
start_seed=1000
max_minutes=120
do_fuzz=1
do_valgrind=1
do_docs=1

while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames=$2; shift ;;
    --fuzz-seconds) fuzz_seconds=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --start-seed) start_seed=$2; shift ;;
    --max-minutes) max_minutes=$2; shift ;;
    --no-fuzz) do_fuzz=0 ;;
    --no-valgrind) do_valgrind=0 ;;
    --no-docs) do_docs=0 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "robustness-long.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

[ -f "$build/CMakeCache.txt" ] || cmake -S "$top" -B "$build" >/dev/null
cmake --build "$build" --parallel "$jobs" >/dev/null

out="$build/robustness-long"
rm -rf "$out"
mkdir -p "$out"
status=0

# The instrumented plugin: the sipcodes_asan copy, or the plugin itself in a
# SIPCODES_SANITIZE=ON build.
if [ -f "$build/tests/robustness/asan/sipcodes.so" ]; then
  asan_plugin="$build/tests/robustness/asan/sipcodes.so"
else
  asan_plugin="$build/plugin/sipcodes.so"
fi

echo "== mutation campaign: $frames frames, $jobs jobs"
mutation_rc=0
python3 "$top/tests/robustness/mutate.py" --plugin "$asan_plugin" --frames "$frames" --seeds 1000000 \
  --start-seed "$start_seed" --max-seconds $((max_minutes * 60)) --jobs "$jobs" --quiet \
  --keep "$out/mutation-failures" --json "$out/mutation.json" || mutation_rc=$?
[ "$mutation_rc" -eq 0 ] || status=1

fuzz_rc=skipped
if [ $do_fuzz -eq 1 ]; then
  echo "== libFuzzer: $fuzz_seconds s"
  fuzz_rc=0
  "$top/tests/fuzz/run-fuzz.sh" "$build/tests/robustness/fuzz_decide" "$fuzz_seconds" "$out/fuzz-work" \
    "$top/tests/fuzz/corpus" | tee "$out/fuzz.txt" || fuzz_rc=$?
  [ "$fuzz_rc" -eq 0 ] || status=1
fi

valgrind_rc=skipped
if [ $do_valgrind -eq 1 ]; then
  echo "== valgrind: every capture, 4 modes"
  valgrind_rc=0
  "$top/tests/robustness/valgrind-integration.sh" --jobs "$jobs" --plugin "$build/plugin/sipcodes.so" \
    --logs "$out/valgrind-logs" > "$out/valgrind.txt" 2>&1 || valgrind_rc=$?
  grep -v 'Running as user' "$out/valgrind.txt" || true
  [ "$valgrind_rc" -eq 0 ] || status=1
fi

if [ $do_docs -eq 1 ]; then
  commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git -C "$top" status --porcelain -- plugin 2>/dev/null)" ]; then
    commit="$commit + uncommitted changes in plugin/"
  fi
  python3 - "$top/docs/robustness.md" "$out" "$commit" "$mutation_rc" "$fuzz_rc" "$valgrind_rc" "$jobs" <<'EOF'
import datetime, json, os, re, subprocess, sys

doc, out, commit, mutation_rc, fuzz_rc, valgrind_rc, jobs = sys.argv[1:]
version = subprocess.run(["tshark", "--version"], capture_output=True, text=True).stdout.splitlines()[0].rstrip(".")
lines = ["Run on %s UTC, commit %s, %s, %s CPUs (`scripts/robustness-long.sh`, %s jobs)." % (
    datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), commit, version, os.cpu_count(), jobs), ""]
lines += ["| part | what ran | result |", "|---|---|---|"]
try:
    m = json.load(open(os.path.join(out, "mutation.json")))
    what = ("%d seeds x %d captures = %d mutated captures, %d mutated frames, %d tshark runs "
            "(ASan+UBSan plugin: %s), %.0f min%s" % (
                m["rounds"], m["mutated_captures"] // max(m["rounds"], 1), m["mutated_captures"],
                m["mutated_frames"], m["tshark_runs"], "yes" if m["sanitizers"] else "no", m["seconds"] / 60,
                ", stopped by the time limit" if m.get("stopped_by_time_limit") else ""))
    result = "crashes/sanitizer reports in sipcodes: %d; in Wireshark itself: %d" % (
        m["failures_sipcodes"], m["failures_wireshark"])
    for f in m["failures"]:
        result += "<br>%s: seed %d %s: %s" % (f["owner"], f["seed"], f["mode"], f["problem"].replace("|", "\\|"))
except (OSError, ValueError, KeyError) as error:
    what, result = "mutation campaign", "did not complete (exit %s): %s" % (mutation_rc, error)
lines.append("| mutation (editcap -E) | %s | %s |" % (what, result))
if fuzz_rc == "skipped":
    lines.append("| libFuzzer (fuzz_decide) | skipped | - |")
else:
    text = open(os.path.join(out, "fuzz.txt")).read() if os.path.exists(os.path.join(out, "fuzz.txt")) else ""
    m = re.search(r"run-fuzz.sh: (\d+) runs in (\d+) s \((\d+) exec/s\), working corpus (\d+)", text)
    what = ("%s runs in %s s, %s exec/s, corpus grew to %s inputs" % m.groups()) if m else "libFuzzer"
    lines.append("| libFuzzer (fuzz_decide) | %s | %s |" % (
        what, "no crash, no sanitizer report, no failed check" if fuzz_rc == "0" else "FAILED (exit %s)" % fuzz_rc))
if valgrind_rc == "skipped":
    lines.append("| valgrind memcheck | skipped | - |")
else:
    text = open(os.path.join(out, "valgrind.txt")).read() if os.path.exists(os.path.join(out, "valgrind.txt")) else ""
    m = re.search(r"(\d+) runs; records with a sipcodes frame: (\d+); Wireshark/GLib leak records without one: "
                  r"(\d+) \(definitely lost (\d+) B, indirectly lost (\d+) B over all runs\); memory errors "
                  r"without a sipcodes frame: (\d+); tshark failures: (\d+)", text)
    if m:
        runs, ours, theirs, dl, il, errors, failures = m.groups()
        what = "%s tshark runs (every capture x -V, -2 -V, -z sipcodes,tree, -z sipcodes,calls)" % runs
        result = ("leak records or memory errors with a sipcodes frame: %s; Wireshark's own leak records: %s "
                  "(%s B definitely + %s B indirectly lost, summed over the runs); other memory errors: %s; "
                  "tshark failures: %s" % (ours, theirs, dl, il, errors, failures))
    else:
        what, result = "valgrind", "did not complete (exit %s)" % valgrind_rc
    lines.append("| valgrind memcheck | %s | %s |" % (what, result))

text = open(doc).read()
begin, end = "<!-- robustness-long:begin -->", "<!-- robustness-long:end -->"
if begin not in text or end not in text:
    text += "\n## Last long run\n\n%s\n%s\n" % (begin, end)
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w").write(head + begin + "\n" + "\n".join(lines) + "\n" + end + tail)
print("robustness-long.sh: figures written to docs/robustness.md")
EOF
fi

echo "robustness-long.sh: results in $out"
exit $status
