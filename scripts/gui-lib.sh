# Shared by scripts/gui-screenshots.sh and tests/gui/gui-test.sh: a private
# X display, the unprivileged user Wireshark runs as, the profile, the
# filter buttons and file dialogs. Source it; needs $work (a scratch folder)
# and $home (the private HOME holding the plugin).
# SPDX-License-Identifier: GPL-2.0-or-later

# Wireshark ignores personal plugin folders when the real user is root, so
# root hands the HOME to uid 65534 and runs Wireshark as that user.
gui_prepare_user() {
  chmod -R a+rX "$home"
  chmod 700 "$home/run"
  as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    chown -R 65534:65534 "$home"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
}

# gui_start_xvfb WIDTHxHEIGHT: starts Xvfb on a free display, exports
# DISPLAY and sets xvfb_pid; returns 1 with the log in $work/xvfb.log.
# Xvfb servers started at the same moment (ctest runs GUI tests in
# parallel) can pick the same display, and the loser exits: the display is
# taken only once it answers, with a new server otherwise.
gui_start_xvfb() {
  local attempt
  for attempt in 1 2 3; do
    rm -f "$work/display"
    exec 3> "$work/display"
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp > "$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    exec 3>&-
    for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
    if [ -s "$work/display" ]; then
      export DISPLAY=":$(head -n1 "$work/display")"
      sleep 0.5
      if kill -0 "$xvfb_pid" 2>/dev/null && xdotool getdisplaygeometry >/dev/null 2>&1; then
        return 0
      fi
    fi
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    echo "gui-lib: Xvfb attempt $attempt did not answer on ${DISPLAY:-no display}" >> "$work/xvfb.log"
    sleep "$attempt"
  done
  return 1
}

gui_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gui_top=$(dirname "$gui_lib_dir")

# gui_install_profile: the repository's "SIP Response Insight" profile in
# $home's personal profiles folder, as `cmake --install` puts it there.
gui_install_profile() {
  local dir="$home/.config/wireshark/profiles/SIP Response Insight"
  mkdir -p "$dir"
  cp "$gui_top"/profile/{preferences,colorfilters,dfilter_buttons,io_graphs} "$dir/"
}

# gui_generated_capture NAME CALLS CPS: a synthetic capture in $home
# (bench/gen_pcap.py, deterministic); its summary goes to $work/NAME.json.
gui_generated_capture() {
  python3 "$gui_top/bench/gen_pcap.py" sip --calls "$2" --cps "$3" -o "$home/$1" > "$work/$1.json"
}

# gui_filter_buttons MAIN-WINDOW-ID: the centre x of each of the profile's
# six filter buttons, left to right, read from a screenshot of the display
# filter toolbar (its labels end the toolbar). The window sits at 0,0.
gui_filter_buttons() {
  local WIDTH HEIGHT X Y SCREEN WINDOW
  eval "$(xdotool getwindowgeometry --shell "$1")"
  xdotool mousemove 5 "$((HEIGHT - 5))"   # no hover highlight on a button
  sleep 0.3
  import -window root "$work/toolbar.png"
  python3 "$gui_lib_dir/gui-pixels.py" buttons "$work/toolbar.png" 70 82 "$((WIDTH / 3))" "$WIDTH" 6
}

# gui_follow_sip_call ABI: with a packet list row's context menu open,
# Follow (its twelfth entry in 4.0, 4.4 and 4.6) > SIP Call. Wireshark 4.0
# lists every follow type in that submenu, greyed when it does not apply,
# SIP Call last (Up from the first enabled entry wraps round to it); 4.4 and
# 4.6 list only the types that apply, SIP Call first.
gui_follow_sip_call() {
  xdotool key --delay 120 Down Down Down Down Down Down Down Down Down Down Down Down Right
  [ "$1" != 4.0 ] || xdotool key --delay 120 Up
  sleep 0.5
}

# gui_save_file_dialog PATH: types PATH into the file dialog that has just
# opened (its file name field has the focus) and waits for the file.
gui_save_file_dialog() {
  local size=-1
  sleep 1
  xdotool type --delay 20 "$1"
  xdotool key Return
  for _ in $(seq 50); do
    if [ -s "$1" ] && [ "$(stat -c %s "$1")" = "$size" ]; then return 0; fi
    [ -f "$1" ] && size=$(stat -c %s "$1")
    sleep 0.2
  done
  return 1
}
