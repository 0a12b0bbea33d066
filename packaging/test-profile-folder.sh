#!/usr/bin/env bash
# ctest packaging/profile-folder: a personal install puts the "SIP Response
# Insight" profile where Wireshark looks for personal profiles, chosen the
# way Wireshark chooses its configuration folder ($WIRESHARK_CONFIG_DIR, an
# existing $XDG_CONFIG_HOME/wireshark or ~/.config/wireshark, an existing
# ~/.wireshark, else the XDG one);
# a global one into Wireshark's global profiles folder. Configures scratch
# build folders only (nothing is built or installed).
# Usage: packaging/test-profile-folder.sh
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

work=$(mktemp -d /tmp/sipcodes-profiletest.XXXXXX)
trap 'rm -rf "$work"' EXIT

# profile_folder ENV-ASSIGNMENTS... -- CMAKE-ARGS...: the folder a fresh
# configuration installs the profile into.
profile_folder() {
  local envs=() build
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  build=$(mktemp -d "$work/build.XXXXXX")
  env -u WIRESHARK_CONFIG_DIR -u XDG_CONFIG_HOME "${envs[@]}" \
    cmake -S "$top" -B "$build" -DSIPCODES_MATRIX_TESTS=OFF "$@" > "$build.log" 2>&1 \
    || fail "cmake failed: $(tail -n 20 "$build.log")"
  sed -n 's/^SIPCODES_PROFILE_INSTALL_DIR:INTERNAL=//p' "$build/CMakeCache.txt"
}

expect() {  # WHAT EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: expected \"$2\", got \"$3\""
  echo "ok - $1: $3"
}

name="SIP Response Insight"
home=$work/home
mkdir -p "$home"
expect "personal, plain HOME" "$home/.config/wireshark/profiles/$name" \
  "$(profile_folder HOME="$home" --)"
expect "personal, XDG_CONFIG_HOME" "$work/xdg/wireshark/profiles/$name" \
  "$(profile_folder HOME="$home" XDG_CONFIG_HOME="$work/xdg" --)"
expect "personal, WIRESHARK_CONFIG_DIR" "$work/wsconf/profiles/$name" \
  "$(profile_folder HOME="$home" XDG_CONFIG_HOME="$work/xdg" WIRESHARK_CONFIG_DIR="$work/wsconf" --)"
mkdir "$home/.wireshark"
expect "personal, an existing ~/.wireshark" "$home/.wireshark/profiles/$name" \
  "$(profile_folder HOME="$home" XDG_CONFIG_HOME="$work/xdg" --)"
mkdir -p "$work/xdg/wireshark"
expect "personal, both exist: the XDG one wins" "$work/xdg/wireshark/profiles/$name" \
  "$(profile_folder HOME="$home" XDG_CONFIG_HOME="$work/xdg" --)"
# Wireshark's own global folder, as tshark -G folders reports it.
global=$(tshark -G folders 2>/dev/null | sed -n 's/^Global configuration:[[:space:]]*//p')
[ -n "$global" ] || fail "tshark -G folders names no global configuration folder"
expect "global" "$global/profiles/$name" \
  "$(profile_folder HOME="$home" -- -DSIPCODES_INSTALL_GLOBAL=ON)"
