#!/usr/bin/env bash
# Takes the screenshots in docs/images/ with the real Wireshark GUI, the
# freshly built plugin loaded, on a virtual X display (Xvfb):
#
#   packet-details.png   the sipcodes subtree of a 503, opened
#   about-plugins.png    Help > About Wireshark > Plugins lists sipcodes.so
#   telephony-menu.png   Telephony > SIP Response Insight: Calls
#   statistics-menu.png  Statistics > SIP Response Insight
#   stats-tree.png       the stats tree it opens
#   expert-info.png      Analyze > Expert Information
#   calls-table.png      the per-call table of a generated 500-call capture,
#                        as it opens: in time order
#   profile-packets.png  the "SIP Response Insight" profile on that capture:
#                        its columns, its filter buttons, "decided the call"
#                        clicked, the deciding responses coloured by severity
#   follow-call.png      right-click a failed call > Follow > SIP Call
#   call-packets.png     what that one action leaves: the call's packets
#   io-graph.png         Statistics > I/O Graphs: answered against failed
#                        calls per 10 s
#
# The menus and dialogs are driven with xdotool key presses and a few clicks
# at positions inside windows this script places and sizes itself, for the
# Wireshark 4.0 of Debian 12. Look at every picture after a run: a different
# Wireshark version may lay its menus out differently.
#
# Usage: scripts/gui-screenshots.sh [--build DIR] [--out DIR] [--keep]
#   --build DIR  build folder holding plugin/sipcodes.so (default ./build)
#   --out DIR    where the PNGs go (default docs/images)
#   --keep       keep the temporary folder (HOME, logs, raw screenshots)
#
# Needs the Debian packages wireshark-qt (wireshark), xvfb (Xvfb), xdotool,
# imagemagick (import, convert), wireshark-common (mergecap) and, as root,
# util-linux (setpriv): Wireshark ignores personal plugin folders for root,
# so root runs it as uid 65534 with a private HOME that holds the plugin.
# Exit status: 0 all screenshots taken, 1 something missing or failed.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
out=$top/docs/images
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --out) mkdir -p "$2"; out=$(cd "$2" && pwd); shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gui-screenshots: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done

die() { echo "gui-screenshots: $*" >&2; exit 1; }

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package $2)"); }
need wireshark wireshark-qt
need Xvfb xvfb
need xdotool xdotool
need import imagemagick
need convert imagemagick
need mergecap wireshark-common
[ "$(id -u)" -ne 0 ] || need setpriv util-linux
[ ${#missing[@]} -eq 0 ] || die "missing: ${missing[*]}; install them first (apt-get install wireshark-qt xvfb xdotool imagemagick)"
# Debian's convert may be shadowed by a stand-in that only converts to PPM.
convert=convert
[ -x /usr/bin/convert ] && convert=/usr/bin/convert

plugin=$build/plugin/sipcodes.so
[ -f "$plugin" ] || die "$plugin not built; run scripts/build.sh"
abi=$(sed -n 's/^SIPCODES_WIRESHARK_ABI:[A-Z]*=//p' "$build/CMakeCache.txt")
[ -n "$abi" ] || die "no SIPCODES_WIRESHARK_ABI in $build/CMakeCache.txt"

work=$(mktemp -d /tmp/sipcodes-gui.XXXXXX)
chmod 755 "$work"
xvfb_pid=
ws_pid=
cleanup() {
  [ -z "$ws_pid" ] || kill "$ws_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "$keep" -eq 1 ]; then echo "gui-screenshots: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# ---- a private HOME: the plugin, the window layout, the captures ----------
home=$work/home
config=$home/.config/wireshark
mkdir -p "$home/.local/lib/wireshark/plugins/$abi/epan" "$config" "$home/run"
cp "$plugin" "$home/.local/lib/wireshark/plugins/$abi/epan/"
# Main window at the top left, 1280x1000; the packet list kept short so the
# packet details have room; no packet bytes pane.
cat > "$config/recent_common" <<'EOF'
gui.geometry_main_x: 0
gui.geometry_main_y: 0
gui.geometry_main_width: 1280
gui.geometry_main_height: 1000
gui.geometry_main_maximized: FALSE
privs.warn_if_elevated: FALSE
privs.warn_if_no_npf: FALSE
EOF
# window_layout UPPER-PANE: a "recent" file: toolbars, packet list and
# details, no packet bytes, the packet list UPPER-PANE pixels high.
window_layout() {
  printf '%s\n' gui.toolbar_show:\ TRUE gui.filter_toolbar_show:\ TRUE gui.packet_list_show:\ TRUE \
    gui.tree_view_show:\ TRUE gui.byte_view_show:\ FALSE gui.statusbar_show:\ TRUE \
    "gui.geometry_main_upper_pane: $1"
}
window_layout 110 > "$config/recent"
cat > "$config/preferences" <<'EOF'
gui.update.enabled: FALSE
EOF
samples=$top/sample-pcaps
cp "$samples/service-unavailable-503.pcapng" "$home/"
# Every bundled call in one capture (the deliberately malformed one left out).
captures=()
for capture in "$samples"/*.pcapng; do
  case "$(basename "$capture")" in malformed-*) ;; *) captures+=("$capture") ;; esac
done
mergecap -w "$home/all-samples.pcapng" "${captures[@]}"
# shellcheck source=scripts/gui-lib.sh
. "$(dirname "$0")/gui-lib.sh"
# A few hundred calls: 500 at one a second (bench/gen_pcap.py, seed 1).
gui_generated_capture calls.pcap 500 1 || die "bench/gen_pcap.py failed"
gui_install_profile
# The profile's own window layout (Wireshark keeps one per profile): a tall
# packet list.
window_layout 560 > "$config/profiles/SIP Response Insight/recent"
gui_prepare_user

# ---- the X display ------------------------------------------------------
gui_start_xvfb 1920x1200 || die "Xvfb did not start: $(cat "$work/xvfb.log")"

# ---- helpers ------------------------------------------------------------
start_wireshark() {
  env -i HOME="$home" DISPLAY="$DISPLAY" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      XDG_RUNTIME_DIR="$home/run" QT_SCALE_FACTOR=1 \
      "${as_user[@]}" wireshark "$@" >> "$work/wireshark.log" 2>&1 &
  ws_pid=$!
}

stop_wireshark() {
  kill "$ws_pid" 2>/dev/null || true
  wait "$ws_pid" 2>/dev/null || true
  ws_pid=
}

# wait_window REGEX [SECONDS]: prints the id of the visible window whose
# name matches REGEX, waiting for it to appear.
wait_window() {
  local regex=$1 seconds=${2:-30} id
  for _ in $(seq $((seconds * 5))); do
    id=$(xdotool search --onlyvisible --name "$regex" 2>/dev/null | head -n1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    kill -0 "$ws_pid" 2>/dev/null || { tail -n 20 "$work/wireshark.log" >&2; die "Wireshark exited"; }
    sleep 0.2
  done
  return 1
}

need_window() {
  wait_window "$@" || { tail -n 20 "$work/wireshark.log" >&2; die "no window named /$1/ appeared"; }
}

gone_window() {
  for _ in $(seq 25); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 || return 0
    sleep 0.2
  done
  die "window /$1/ did not close"
}

# menu_geometry MAIN-WINDOW-ID: the open popup menu, the one visible
# Wireshark window besides the main window.
menu_geometry() {
  local id
  id=$(xdotool search --onlyvisible --classname '^wireshark$' 2>/dev/null | grep -vx "$1" | tail -n1 || true)
  [ -n "$id" ] || { import -window root "$work/failure.png" || true; die "no menu popped up (screen: $work/failure.png)"; }
  xdotool getwindowgeometry --shell "$id"
}

# save RAW NAME: a compact PNG in $out (no metadata, 256 colours; the
# screenshots are flat UI colours, so nothing visible is lost).
save() {
  "$convert" "$1" -strip +dither -colors 256 -define png:compression-level=9 "PNG8:$out/$2"
  echo "gui-screenshots: $out/$2 ($(stat -c %s "$out/$2") bytes)"
}

shot_window() {  # WINDOW-ID NAME [CROP-GEOMETRY]
  import -window "$1" "$work/raw-$2"
  if [ -n "${3:-}" ]; then
    "$convert" "$work/raw-$2" -crop "$3" +repage "$work/raw-$2"
  fi
  save "$work/raw-$2" "$2"
}

grab_menu() {  # MAIN-WINDOW-ID NAME: the main window's top left with the open menu
  local X Y WIDTH HEIGHT WINDOW SCREEN geometry
  geometry=$(menu_geometry "$1") || exit 1
  eval "$geometry"
  import -window root -crop "$((X + WIDTH + 60))x$((Y + HEIGHT + 40))+0+0" +repage "$work/raw-$2"
}

shot_menu() {  # MAIN-WINDOW-ID NAME
  grab_menu "$1" "$2"
  save "$work/raw-$2" "$2"
}

key() { xdotool key --delay 120 "$@"; sleep 0.4; }
focus() { xdotool windowfocus --sync "$1"; sleep 0.3; }
click() { xdotool mousemove --sync "$1" "$2" click 1; sleep 0.3; }

mkdir -p "$out"
failed=()

# ---- 1. packet details: frame 3 of the 503 capture, sipcodes opened -----
start_wireshark -r "$home/service-unavailable-503.pcapng" -g 3
main=$(need_window '^service-unavailable-503\.pcapng$')
sleep 3
focus "$main"
# A click on the empty part of the packet details pane focuses it; End
# selects its last item (the sipcodes subtree, added by a post-dissector) --
# the first End only makes the first item current --; Shift+Right opens it
# and all its subtrees.
click 640 800
key End End shift+Right
sleep 1
shot_window "$main" packet-details.png

# ---- 2. Help > About Wireshark > Plugins, searched for "sipcodes" --------
key alt+h
key Up Return
about=$(need_window '^About Wireshark$')
focus "$about"
key ctrl+Tab ctrl+Tab ctrl+Tab
xdotool windowmove --sync "$about" 40 40
xdotool windowsize --sync "$about" 960 650
sleep 0.5
click $((40 + 270)) $((40 + 61))     # the "Search Plugins" field
xdotool type --delay 60 sipcodes
sleep 1
shot_window "$about" about-plugins.png 960x130+0+0
focus "$about"
key Escape
stop_wireshark

# ---- 3. all bundled calls: menus, the tree, expert ------------------------
start_wireshark -r "$home/all-samples.pcapng"
main=$(need_window '^all-samples\.pcapng$')
sleep 3
focus "$main"
click 640 800     # the empty part of the packet details: the window is active

# Telephony > SIP Response Insight: Calls is the third entry from the bottom
# in Debian 12's Wireshark 4.0 (then SIP Statistics, WAP-WSP Packet Counter).
key alt+y
key Up Up Up
sleep 0.5
shot_menu "$main" telephony-menu.png
key Return
calls=$(need_window 'SIP Response Insight: Calls · ')
focus "$calls"
key Escape
gone_window 'SIP Response Insight: Calls · '

# Statistics > SIP Response Insight: a plugin's stats tree is the last entry
# of the Statistics menu (Wireshark lists only trees registered with
# stats_tree_register_plugin() there).
focus "$main"
key alt+s
key Up
sleep 0.5
grab_menu "$main" statistics-menu.png     # saved once the entry proves right
key Return
if tree=$(wait_window 'SIP Response Insight · ' 8); then
  save "$work/raw-statistics-menu.png" statistics-menu.png
  xdotool windowmove --sync "$tree" 20 60
  xdotool windowsize --sync "$tree" 980 900
  sleep 1.5
  # Fold the first two branches (responses by code, non-INVITE
  # transactions) so the KPIs, dispositions and call outcomes show.
  click $((20 + 200)) $((60 + 41))
  key Left Down Left Home
  shot_window "$tree" stats-tree.png
  focus "$tree"
  key Escape
  gone_window 'SIP Response Insight · '
else
  echo "gui-screenshots: the Statistics menu has no \"SIP Response Insight\" entry: the plugin" \
       "must register its stats tree with stats_tree_register_plugin() for the GUI to list it" >&2
  failed+=(statistics-menu.png stats-tree.png)
  key Escape Escape
fi

# Analyze > Expert Information (its last entry), one line per entry: the
# Summary column widened, the server/network errors and the configuration
# warnings opened.
focus "$main"
key alt+a
key Up Return
expert=$(need_window '· Expert Information · ')
expert_height=440
xdotool windowmove --sync "$expert" 20 60
xdotool windowsize --sync "$expert" 1560 $expert_height
sleep 1.5
click $((20 + 208)) $((60 + expert_height - 55))     # untick "Group by summary"
xdotool mousemove --sync $((20 + 541)) $((60 + 22)) mousedown 1 \
        mousemove $((20 + 800)) $((60 + 22)) mousemove $((20 + 1180)) $((60 + 22)) mouseup 1
sleep 0.3
click $((20 + 300)) $((60 + 41))           # first group: Error / Response
key Right
key Down Down Down Down Down Down Right    # Warning / Response
key Home
sleep 0.5
shot_window "$expert" expert-info.png
focus "$expert"
key Escape
stop_wireshark

# ---- 4. the per-call table of 500 calls, as it opens ----------------------
start_wireshark -r "$home/calls.pcap" -z sipcodes,calls
need_window '^calls\.pcap$' >/dev/null
calls=$(need_window 'SIP Response Insight: Calls · ')
xdotool windowmove --sync "$calls" 20 60
xdotool windowsize --sync "$calls" 1780 540
sleep 1.5
shot_window "$calls" calls-table.png
stop_wireshark

# ---- 5. the "SIP Response Insight" profile on the 500 calls --------------
start_wireshark -C "SIP Response Insight" -r "$home/calls.pcap"
main=$(need_window '^calls\.pcap$')
xdotool windowsize --sync "$main" 1400 760
sleep 3
# "decided the call", the second of the six filter buttons: one row per
# call, coloured by the profile's rules.
buttons=$(gui_filter_buttons "$main") || die "the profile's filter buttons are not in the toolbar"
read -r -a button_x <<< "$buttons"
click "${button_x[1]}" 76
sleep 2
shot_window "$main" profile-packets.png

# Right-click the first call that failed on the network side (the rule's
# red), then Follow > SIP Call: the packet list keeps that call, the Follow
# window shows its messages.
import -window root "$work/packets.png"
red=$(python3 "$gui_lib_dir/gui-pixels.py" find "$work/packets.png" 0 110 1300 500 '#b3261e') \
  || die "no red (failed on the network) call in the packet list"
red_y=${red#* }
xdotool mousemove --sync 400 $((red_y + 6)) click 1
sleep 0.5
xdotool click 3
sleep 1
gui_follow_sip_call "$abi"
sleep 0.8
import -window root -crop 1100x760+0+0 +repage "$work/raw-follow-call.png"
save "$work/raw-follow-call.png" follow-call.png
key Return
follow=$(need_window 'Follow SIP Stream')
focus "$follow"
key Escape                                  # Close: the filter stays
gone_window 'Follow SIP Stream'
focus "$main"
sleep 1
shot_window "$main" call-packets.png 1400x330+0+0

# Statistics > I/O Graphs (its I, underlined): the profile's two graphs;
# the interval set to 10 s (three entries below 1 s). The display filter is
# cleared first: the dialog would add a graph for it.
click 300 76
key ctrl+a BackSpace Return
sleep 2
click 640 700
key alt+s i
iog=$(need_window '· I/O Graphs · ')
xdotool windowmove --sync "$iog" 20 60
xdotool windowsize --sync "$iog" 1200 800
sleep 2
click $((20 + 513)) $((60 + 744))            # the Interval list
key Down Down Down Return
sleep 2
shot_window "$iog" io-graph.png 1200x760+0+0
focus "$iog"
key Escape
stop_wireshark

if [ ${#failed[@]} -gt 0 ]; then
  echo "gui-screenshots: not taken: ${failed[*]}" >&2
  exit 1
fi
echo "gui-screenshots: all screenshots in $out; look at each before committing them"
