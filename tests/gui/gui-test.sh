#!/usr/bin/env bash
# GUI tests: the real Wireshark (Qt) on a virtual X display (Xvfb) with the
# built plugin in the personal plugin folder of a throw-away HOME.
#
# Usage: gui-test.sh TEST PLUGIN ABI CAPTURE
#   loads-plugin  Wireshark starts, maps PLUGIN into its process, lists the
#                 plugin's per-call table as a -z statistic and opens it.
#   menus         Telephony > SIP Response Insight: Calls and
#                 Statistics > SIP Response Insight open their windows.
#   calls-table   on a generated 500-call capture the per-call table opens
#                 in time order: saved with its Save as... button, its rows
#                 come by first frame, one per call, as tshark lists them.
#   profile       Wireshark with the "SIP Response Insight" profile (-C):
#                 the filter button "decided the call" shows the calls'
#                 deciding responses coloured by severity (answered green,
#                 normal outcomes grey-blue, failures red and orange),
#                 "failures" leaves no answered call, and the packet list
#                 exported as CSV (File > Export Packet Dissections) has the
#                 profile's columns and exactly the failures tshark finds;
#                 right-click a red row > Follow > SIP Call filters on that
#                 row's call; the I/O graph draws the profile's two graphs.
#
# Needs wireshark-qt, xvfb, xdotool, imagemagick and python3 (and
# util-linux's setpriv as root):
# when one is missing the test FAILS and says what to install.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 loads-plugin|menus|calls-table|profile PLUGIN ABI CAPTURE" >&2; exit 2; }
test_name=$1 plugin=$2 abi=$3 capture=$4

fail() { echo "FAIL ($test_name): $*" >&2; exit 1; }

missing=()
for tool in wireshark:wireshark-qt Xvfb:xvfb xdotool:xdotool import:imagemagick identify:imagemagick python3:python3; do
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
# Wide enough for the profile's six filter buttons beside the filter field.
printf 'gui.geometry_main_x: 0\ngui.geometry_main_y: 0\ngui.geometry_main_width: 1400\ngui.geometry_main_height: 900\n' \
  > "$home/.config/wireshark/recent_common"
echo "gui.update.enabled: FALSE" > "$home/.config/wireshark/preferences"
# shellcheck source=scripts/gui-lib.sh
. "$(dirname "$0")/../../scripts/gui-lib.sh"
case "$test_name" in
calls-table|profile)
  gui_install_profile
  gui_generated_capture calls.pcap 500 1 || fail "bench/gen_pcap.py failed"
  capture=$home/calls.pcap
  ;;
esac
gui_prepare_user
gui_start_xvfb 1600x1000 || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

start_wireshark() {
  env -i HOME="$home" DISPLAY="$DISPLAY" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      XDG_RUNTIME_DIR="$home/run" "${as_user[@]}" wireshark "$@" > "$work/wireshark.log" 2>&1 &
  ws_pid=$!
}

# tshark with the same plugin and HOME, for the expected values.
run_tshark() {
  env -i HOME="$home" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${as_user[@]}" tshark "$@"
}

main_window() {
  wait_window "^$(basename "$capture" | sed 's/\./\\./g')\$" 40 \
    || fail "no Wireshark main window within 40 s: $(tail -n 20 "$work/wireshark.log")"
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
calls-table)
  start_wireshark -r "$capture" -z sipcodes,calls
  main_window >/dev/null
  calls=$(wait_window 'SIP Response Insight: Calls · ' 30) || fail "the per-call table did not open"
  xdotool windowmove --sync "$calls" 0 40
  xdotool windowsize --sync "$calls" 1400 600
  sleep 1.5
  # Its "Save as..." button, left of Close at the bottom right.
  xdotool mousemove --sync $((1400 - 145)) $((40 + 600 - 24)) click 1
  wait_window 'Save Statistics As' 10 >/dev/null || fail "Save as... opened no file dialog"
  gui_save_file_dialog "$home/calls-table.txt" || fail "the table was not saved"
  # Plain text: a title, the column titles, a rule, then one line per row.
  header=$(sed -n '3p' "$home/calls-table.txt")
  case "$header" in
    "First frame "*) ;;
    *) fail "the first column is not First frame: $header" ;;
  esac
  awk 'f { print $1 } /^---/ && !f { f = 1 }' "$home/calls-table.txt" | grep -E '^[0-9]+$' > "$work/gui-order"
  run_tshark -2 -n -q -r "$capture" -z sipcodes,calls \
    | awk -F' [|]' '/^[ 0-9]+ [|]/ { gsub(/ /, "", $1); print $1 }' | sort -n > "$work/tshark-order"
  calls_planned=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["calls"])' "$work/calls.pcap.json")
  [ "$(wc -l < "$work/gui-order")" -eq "$calls_planned" ] \
    || fail "the GUI table has $(wc -l < "$work/gui-order") rows for $calls_planned calls"
  cmp -s "$work/gui-order" "$work/tshark-order" \
    || fail "the GUI table is not in first-frame order: $(diff "$work/tshark-order" "$work/gui-order" | head -n 5)"
  echo "ok - the per-call table opens with its $calls_planned calls in first-frame (time) order"
  ;;
profile)
  # Colours of colouring rules (profile/colorfilters) in the packet list.
  answered='#c5e8c7' normal='#d5deea' network='#b3261e' request='#f29a3e'
  start_wireshark -C "SIP Response Insight" -r "$capture"
  main=$(main_window)
  sleep 4
  buttons=$(gui_filter_buttons "$main") \
    || fail "the profile's six filter buttons are not in the display filter toolbar"
  read -r -a button_x <<< "$buttons"
  packet_colours() {  # the colours' pixel counts in the packet list (not its minimap)
    import -window root "$work/packets.png"
    python3 "$gui_lib_dir/gui-pixels.py" colours "$work/packets.png" 0 110 1300 330 \
      "$answered" "$normal" "$network" "$request" | awk '{ print $2 }' | tr '\n' ' '
  }
  click_button() { xdotool mousemove --sync "${button_x[$1]}" 76 click 1; sleep 3; }
  click_button 1      # decided the call
  read -r n_answered n_normal n_network n_request <<< "$(packet_colours)"
  for pair in "answered calls:$n_answered" "normal outcomes:$n_normal" "network failures:$n_network" \
              "request failures:$n_request"; do
    [ "${pair##*:}" -gt 0 ] || fail "\"decided the call\" shows no ${pair%%:*} in their colour" \
                                    "(counts: $n_answered $n_normal $n_network $n_request)"
  done
  click_button 0      # failures
  read -r n_answered n_normal n_network n_request <<< "$(packet_colours)"
  [ "$n_answered" -eq 0 ] || fail "\"failures\" still shows answered calls ($n_answered green pixels)"
  [ "$n_network" -gt 0 ] || fail "\"failures\" shows no red failure"
  # File > Export Packet Dissections > As CSV: the displayed packets with
  # the profile's columns.
  xdotool mousemove --sync 640 800 click 1
  xdotool key --delay 150 alt+f Down Down Down Down Down Down Down Down Right Down Return
  wait_window 'Export Packet Dissections' 10 >/dev/null || fail "File > Export Packet Dissections > As CSV did not open"
  gui_save_file_dialog "$home/failures.csv" || fail "the packet list was not exported"
  expected_header='"No.","Time","Source","Destination","Protocol","Code","Disposition","Call outcome","Retry","Response ms","Info"'
  [ "$(head -n1 "$home/failures.csv")" = "$expected_header" ] \
    || fail "exported columns: $(head -n1 "$home/failures.csv")"
  tail -n +2 "$home/failures.csv" | awk -F'","' '{ print $6 }' | sort -u > "$work/codes"
  awk '$1 < 400 || $1 > 699' "$work/codes" | grep -q . && fail "\"failures\" shows codes $(tr '\n' ' ' < "$work/codes")"
  want=$(run_tshark -2 -r "$capture" -Y 'sipcodes.class >= 4' -T fields -e frame.number | wc -l)
  got=$(($(wc -l < "$home/failures.csv") - 1))
  [ "$got" -eq "$want" ] || fail "\"failures\" shows $got packets, tshark finds $want"
  grep -q '"503","Congestion","Congestion","later",' "$home/failures.csv" \
    || fail "no 503 row with its disposition, call outcome and retry advice"
  # One action from a row to its call: right-click the first red row >
  # Follow > SIP Call. Its window names the filter it applied: the Call-ID
  # of that row's call.
  import -window root "$work/packets.png"
  red=$(python3 "$gui_lib_dir/gui-pixels.py" find "$work/packets.png" 0 110 1300 330 "$network") \
    || fail "no red row to follow"
  xdotool mousemove --sync 400 $((${red#* } + 6)) click 1
  sleep 0.5
  xdotool click 3
  sleep 1
  gui_follow_sip_call "$abi"
  xdotool key Return
  follow=$(wait_window 'Follow SIP Stream' 15) || fail "Follow > SIP Call opened no Follow SIP Stream window"
  first_red=$(run_tshark -2 -r "$capture" -Y 'sipcodes.expert.call_failed_error && sipcodes.class >= 4' \
                -T fields -e sip.Call-ID | head -n1)
  case "$(xdotool getwindowname "$follow")" in
    *"(sip.Call-ID == \"$first_red\")"*) ;;
    *) fail "Follow SIP Stream is not on the red row's call $first_red: $(xdotool getwindowname "$follow")" ;;
  esac
  xdotool windowfocus --sync "$follow" key Escape
  sleep 1
  # Statistics > I/O Graphs: the profile's two graphs, in their colours
  # (the swatches of its table, the lines of its plot).
  xdotool windowfocus --sync "$main"
  xdotool mousemove --sync 640 800 click 1
  xdotool key --delay 150 alt+s i
  iog=$(wait_window '· I/O Graphs · ' 15) || fail "Statistics > I/O Graphs did not open"
  sleep 3
  import -window "$iog" "$work/iog.png"
  read -r n_answered_graph n_failed_graph <<< "$(python3 "$gui_lib_dir/gui-pixels.py" colours "$work/iog.png" \
    0 0 "$(identify -format %w "$work/iog.png")" "$(identify -format %h "$work/iog.png")" '#2e7d32' '#c62828' \
    | awk '{ print $2 }' | tr '\n' ' ')"
  [ "$n_answered_graph" -gt 0 ] && [ "$n_failed_graph" -gt 0 ] \
    || fail "the I/O graph lacks the profile's graphs (green $n_answered_graph, red $n_failed_graph pixels)"
  echo "ok - profile: buttons found, colours by severity, \"failures\" shows the $want failures with the" \
       "profile's columns, Follow > SIP Call reaches the red call, the I/O graph has both graphs"
  ;;
*)
  echo "unknown test $test_name" >&2; exit 2 ;;
esac
