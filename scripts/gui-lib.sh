# Shared by scripts/gui-screenshots.sh and tests/gui/gui-test.sh: a private
# X display and the unprivileged user Wireshark runs as. Source it; needs
# $work (a scratch folder) and $home (the private HOME holding the plugin).
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
gui_start_xvfb() {
  exec 3> "$work/display"
  Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp > "$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || return 1
  export DISPLAY=":$(head -n1 "$work/display")"
}
