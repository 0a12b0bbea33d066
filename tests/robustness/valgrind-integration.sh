#!/usr/bin/env bash
# Runs tshark with the sipcodes plugin under valgrind memcheck over the sample
# captures and the RFC 4475 torture capture, and fails when a memory error or
# a "definitely lost" / "indirectly lost" leak record has a frame in
# sipcodes (sipcodes.so, or a source file under plugin/). Wireshark's own
# leaks at exit (it frees little by design) are reported in the summary but
# do not fail the run.
#
# Usage: tests/robustness/valgrind-integration.sh [--quick] [--jobs N]
#            [--plugin PATH] [--logs DIR] [CAPTURE...]
#   default   every capture alone, each with -V, -2 -V, -q -z sipcodes,tree
#             and -q -z sipcodes,calls (4 runs per capture)
#   --quick   all captures concatenated into one file, two runs:
#             -V and -2 -V -z sipcodes,tree -z sipcodes,calls (what ctest runs)
#   --plugin  a sipcodes.so built WITHOUT sanitizers (default build/plugin/sipcodes.so
#             or $SIPCODES_PLUGIN)
#   --logs    keep the valgrind logs there (default: a temporary folder, removed)
#
# tshark unloads its plugins at exit (g_module_close) before valgrind's leak
# scan, and memory that only the plugin's static variables still point to
# would then show as lost; valgrind could not even name the frames. So the
# plugin is also preloaded (LD_PRELOAD; the dynamic loader maps the same file
# once), which keeps it mapped until the end, and --keep-debuginfo=yes keeps
# its symbols.
#
# As root, tshark runs as uid 65534 with a private HOME holding the plugin
# (tshark ignores personal plugins for root), like tests/integration/harness.py.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
quick=0
jobs=$(nproc 2>/dev/null || echo 2)
plugin=${SIPCODES_PLUGIN:-$top/build/plugin/sipcodes.so}
logs=
captures=()

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --jobs) jobs=$2; shift ;;
    --plugin) plugin=$2; shift ;;
    --logs) logs=$2; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    -*) echo "valgrind-integration.sh: unknown option $1" >&2; exit 2 ;;
    *) captures+=("$1") ;;
  esac
  shift
done

command -v valgrind >/dev/null || { echo "valgrind-integration.sh: valgrind not installed (Debian package valgrind)" >&2; exit 2; }
command -v tshark >/dev/null || { echo "valgrind-integration.sh: tshark not installed" >&2; exit 2; }
[ -f "$plugin" ] || { echo "valgrind-integration.sh: plugin $plugin not built" >&2; exit 2; }
if grep -q __asan_init "$plugin"; then
  echo "valgrind-integration.sh: $plugin is built with ASan; valgrind needs a build without sanitizers" >&2
  exit 2
fi
if [ ${#captures[@]} -eq 0 ]; then
  captures=("$top"/sample-pcaps/*.pcapng "$here/rfc4475-torture.pcapng")
fi
global_dir=$(tshark -G folders 2>/dev/null | sed -n 's/^Global Plugins:[[:space:]]*//p')
if [ -n "$global_dir" ] && [ -e "$global_dir/epan/sipcodes.so" ]; then
  echo "valgrind-integration.sh: $global_dir/epan/sipcodes.so is installed; Wireshark would load it" \
       "instead of $plugin. Remove it to test this build." >&2
  exit 2
fi
abi=$(tshark --version | sed -n 's/^TShark (Wireshark) \([0-9]*\.[0-9]*\).*/\1/p' | head -1)

work=$(mktemp -d /tmp/sipcodes-valgrind.XXXXXX)
# shellcheck disable=SC2317  # called by the trap
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
home="$work/home"
mkdir -p "$home/.local/lib/wireshark/plugins/$abi/epan" "$home/.config/wireshark" "$work/in" "$work/logs"
cp "$plugin" "$home/.local/lib/wireshark/plugins/$abi/epan/sipcodes.so"
# The example provider overrides exercise the UAT and the override matching.
if [ -f "$top/docs/examples/sipcodes_overrides" ]; then
  cp "$top/docs/examples/sipcodes_overrides" "$home/.config/wireshark/"
fi
preload="$home/.local/lib/wireshark/plugins/$abi/epan/sipcodes.so"

if [ $quick -eq 1 ]; then
  mergecap -a -F pcapng -w "$work/in/all-captures.pcapng" "${captures[@]}" 2>/dev/null
  inputs=("$work/in/all-captures.pcapng")
  modes=("-V" "-2 -V -z sipcodes,tree -z sipcodes,calls")
else
  for capture in "${captures[@]}"; do cp "$capture" "$work/in/"; done
  inputs=("$work"/in/*.pcapng)
  modes=("-V" "-2 -V" "-q -z sipcodes,tree" "-q -z sipcodes,calls")
fi
chmod -R a+rX "$work"
chmod a+rwx "$work/logs"
if [ "$(id -u)" -eq 0 ]; then
  chown -R 65534:65534 "$home" "$work/logs"
  as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  as_nobody=()
fi

# One job per line: "INDEX<TAB>CAPTURE<TAB>MODE".
jobs_file="$work/jobs"
: > "$jobs_file"
index=0
for input in "${inputs[@]}"; do
  for mode in "${modes[@]}"; do
    index=$((index + 1))
    printf '%d\t%s\t%s\n' "$index" "$input" "$mode" >> "$jobs_file"
  done
done

run_one() {
  local index=$1 input=$2 mode=$3 rc=0
  local log="$work/logs/$index.vg" out="$work/logs/$index.out"
  # shellcheck disable=SC2086  # the mode is several words on purpose
  env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 G_SLICE=always-malloc G_DEBUG=gc-friendly \
      LD_PRELOAD="$preload" ${as_nobody[@]+"${as_nobody[@]}"} \
      valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
               --num-callers=40 --fullpath-after= --keep-debuginfo=yes \
               --log-file="$log" \
      tshark -n -r "$input" $mode > "$out" 2> "$out.err" || rc=$?
  echo "$rc" > "$work/logs/$index.rc"
  printf '%s\t%s\n' "$(basename "$input")" "$mode" > "$work/logs/$index.what"
}

started=$(date +%s)
echo "valgrind-integration.sh: $index tshark runs under valgrind, $jobs at a time"
running=0
while IFS=$'\t' read -r i input mode; do
  run_one "$i" "$input" "$mode" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done < "$jobs_file"
wait
elapsed=$(( $(date +%s) - started ))

status=0
python3 - "$work/logs" "$elapsed" <<'EOF' || status=$?
import glob, os, re, sys

logs, elapsed = sys.argv[1], int(sys.argv[2])
PREFIX = re.compile(r"^==\d+== ?")
START = re.compile(r"^(\d[\d,]* (\([\d,]+ direct, [\d,]+ indirect\) )?bytes in [\d,]+ blocks are "
                   r"(definitely|indirectly|possibly) lost|Invalid (read|write|free)|Mismatched free|"
                   r"Conditional jump|Use of uninitialised|Syscall param|Source and destination overlap|"
                   r"Argument .* of function)")
OURS = re.compile(r"sipcodes\.so|/plugin/((kb|outcome)/)?[A-Za-z0-9_-]+\.[ch]:\d+")
totals = {"runs": 0, "failed_runs": 0, "ours": 0, "theirs_leak_records": 0, "theirs_errors": 0,
          "definitely_lost_bytes": 0, "indirectly_lost_bytes": 0}
problems = []
for vg in sorted(glob.glob(os.path.join(logs, "*.vg")), key=lambda p: int(os.path.basename(p)[:-3])):
    index = os.path.basename(vg)[:-3]
    what = open(os.path.join(logs, index + ".what")).read().strip().replace("\t", " ")
    rc = int(open(os.path.join(logs, index + ".rc")).read().strip() or 1)
    out = open(os.path.join(logs, index + ".out"), errors="replace").read()
    totals["runs"] += 1
    if rc != 0:
        totals["failed_runs"] += 1
        problems.append("%s: tshark exit status %d" % (what, rc))
    if "-V" in what and "SIP Response Insight" not in out:
        problems.append("%s: no sipcodes tree in the output (plugin not loaded?)" % what)
    blocks, current = [], None
    for line in open(vg, errors="replace"):
        body = PREFIX.sub("", line.rstrip("\n"))
        if START.match(body):
            current = [body]
            blocks.append(current)
        elif current is not None:
            if body.strip() == "":
                current = None
            else:
                current.append(body)
    summary = open(vg, errors="replace").read()
    for kind in ("definitely", "indirectly"):
        m = re.search(r"%s lost: ([\d,]+) bytes" % kind, summary)
        if m:
            totals[kind + "_lost_bytes"] += int(m.group(1).replace(",", ""))
    for block in blocks:
        is_leak = " lost in loss record" in block[0]
        if is_leak and "possibly lost" in block[0]:
            continue
        if any(OURS.search(line) for line in block):
            totals["ours"] += 1
            problems.append("%s: %s\n      %s" % (what, block[0], "\n      ".join(block[1:16])))
        elif is_leak:
            totals["theirs_leak_records"] += 1
        else:
            totals["theirs_errors"] += 1
print("valgrind-integration.sh: %(runs)d runs; records with a sipcodes frame: %(ours)d; "
      "Wireshark/GLib leak records without one: %(theirs_leak_records)d (definitely lost %(definitely_lost_bytes)d B, "
      "indirectly lost %(indirectly_lost_bytes)d B over all runs); memory errors without a sipcodes frame: "
      "%(theirs_errors)d; tshark failures: %(failed_runs)d" % totals)
print("valgrind-integration.sh: %d s" % elapsed)
for problem in problems:
    print("  " + problem)
sys.exit(1 if problems else 0)
EOF

if [ -n "$logs" ]; then
  mkdir -p "$logs"
  cp "$work"/logs/* "$logs"/
  echo "valgrind-integration.sh: logs in $logs"
fi
exit $status
