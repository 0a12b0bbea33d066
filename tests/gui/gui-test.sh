#!/usr/bin/env bash
# GUI tests: the real Wireshark (Qt) on a virtual X display (Xvfb) with the
# built plugin in the personal plugin folder of a throw-away HOME.
#
# Usage: gui-test.sh TEST PLUGIN ABI CAPTURE
#   loads-plugin  Wireshark starts, maps PLUGIN into its process, lists the
#                 plugin's per-call table as a -z statistic and opens it.
#   menus         Telephony > SIP Response Insight: Calls and
#                 Statistics > SIP Response Insight open their windows.
#
# Needs wireshark-qt, xvfb and xdotool (and util-linux's setpriv as root):
# when one is missing the test FAILS and says what to install.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 loads-plugin|menus PLUGIN ABI CAPTURE" >&2; exit 2; }
test_name=$1 plugin=$2 abi=$3 capture=$4

fail() { echo "FAIL ($test_name): $*" >&2; exit 1; }

missing=()
for tool in wireshark:wireshark-qt Xvfb:xvfb xdotool:xdotool; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
[ "$(id -u)" -ne 0 ] || command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
[ ${#missing[@]} -eq 0 ] || fail "the GUI tests need the Debian packages ${missing[*]}:" \
  "apt-get install ${missing[*]} (or leave the GUI tests out: ctest -LE gui)"
[ -f "$plugin" ] || fail "built plugin not found at $plugin"
[ -f "$capture" ] || fail "capture not found at $capture"

work=$(mktemp -d /tmp/sipcodes-guitest.XXXXXX)
chmod 755 "$work"
xvfb_pid= ws_pid=
cleanup() {
  [ -z "$ws_pid" ] || kill "$ws_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

home=$work/home
plugin_dir=$home/.local/lib/wireshark/plugins/$abi/epan
mkdir -p "$plugin_dir" "$home/.config/wireshark" "$home/run"
cp "$plugin" "$plugin_dir/"
cp "$capture" "$home/"
capture=$home/$(basename "$capture")
printf 'gui.geometry_main_x: 0\ngui.geometry_main_y: 0\ngui.geometry_main_width: 1200\ngui.geometry_main_height: 900\n' \
  > "$home/.config/wireshark/recent_common"
echo "gui.update.enabled: FALSE" > "$home/.config/wireshark/preferences"
# shellcheck source=scripts/gui-lib.sh
. "$(dirname "$0")/../../scripts/gui-lib.sh"
gui_prepare_user
gui_start_xvfb 1600x1000 || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

start_wireshark() {
  env -i HOME="$home" DISPLAY="$DISPLAY" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      XDG_RUNTIME_DIR="$home/run" "${as_user[@]}" wireshark "$@" > "$work/wireshark.log" 2>&1 &
  ws_pid=$!
}

# wait_window REGEX SECONDS: the id of a visible window whose name matches.
wait_window() {
  local id
  for _ in $(seq $(($2 * 5))); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    kill -0 "$ws_pid" 2>/dev/null || fail "Wireshark exited: $(tail -n 20 "$work/wireshark.log")"
    sleep 0.2
  done
  return 1
}

case "$test_name" in
loads-plugin)
  # The GUI's own -z list is built from what the plugins registered.
  env -i HOME="$home" DISPLAY="$DISPLAY" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      XDG_RUNTIME_DIR="$home/run" "${as_user[@]}" wireshark -z no-such-statistic \
      > "$work/z-list.log" 2>&1 || true
  grep -qx '[[:space:]]*sipcodes,calls' "$work/z-list.log" \
    || fail "wireshark's -z list has no sipcodes,calls: $(head -n 5 "$work/z-list.log")"

  start_wireshark -r "$capture" -z sipcodes,calls
  wait_window "^$(basename "$capture" | sed 's/\./\\./g')\$" 40 >/dev/null \
    || fail "no Wireshark main window within 40 s: $(tail -n 20 "$work/wireshark.log")"
  grep -q "$plugin_dir/sipcodes.so" "/proc/$ws_pid/maps" \
    || fail "Wireshark (pid $ws_pid) did not load $plugin_dir/sipcodes.so"
  wait_window 'SIP Response Insight: Calls · ' 20 >/dev/null \
    || fail "-z sipcodes,calls opened no \"SIP Response Insight: Calls\" window"
  echo "ok - Wireshark $(wireshark --version 2>/dev/null | head -n1 | awk '{print $2}') loaded" \
       "$plugin_dir/sipcodes.so and opened its per-call table"
  ;;
menus)
  start_wireshark -r "$capture"
  main=$(wait_window "^$(basename "$capture" | sed 's/\./\\./g')\$" 40) \
    || fail "no Wireshark main window within 40 s: $(tail -n 20 "$work/wireshark.log")"
  sleep 3
  activate() {
    xdotool windowfocus --sync "$main"
    xdotool mousemove --sync 600 850 click 1   # the packet details' empty part
    sleep 0.3
  }
  # Telephony > SIP Response Insight: Calls, third from the bottom in 4.0.
  activate
  xdotool key --delay 150 alt+y Up Up Up Return
  calls=$(wait_window 'SIP Response Insight: Calls · ' 15) \
    || fail "Telephony > SIP Response Insight: Calls opened no window"
  xdotool windowfocus --sync "$calls" key Escape
  sleep 1
  # Statistics > SIP Response Insight: plugin stats trees end that menu.
  activate
  xdotool key --delay 150 alt+s Up Return
  wait_window 'SIP Response Insight · ' 15 >/dev/null \
    || fail "the Statistics menu does not end with \"SIP Response Insight\" (Wireshark lists a" \
            "plugin's stats tree there only when it is registered with stats_tree_register_plugin())"
  echo "ok - Telephony > SIP Response Insight: Calls and Statistics > SIP Response Insight open"
  ;;
*)
  echo "unknown test $test_name" >&2; exit 2 ;;
esac
