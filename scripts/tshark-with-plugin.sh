#!/usr/bin/env bash
# Runs tshark with the sipcodes plugin from ./build, without installing it:
# a private HOME holds the plugin in its personal plugin folder. tshark
# ignores personal plugins when run as root, so root runs it as uid 65534.
# Usage: scripts/tshark-with-plugin.sh TSHARK-ARGUMENTS...
#        (SIPCODES_BUILD_DIR picks another build folder than ./build)
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SIPCODES_BUILD_DIR:-$top/build}
plugin="$build/plugin/sipcodes.so"
[ -f "$plugin" ] || { echo "sipcodes: $plugin not built; run scripts/build.sh" >&2; exit 1; }
abi=$(sed -n 's/^SIPCODES_WIRESHARK_ABI:[A-Z]*=//p' "$build/CMakeCache.txt")

home=$(mktemp -d /tmp/sipcodes-home.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.local/lib/wireshark/plugins/$abi/epan"
cp "$plugin" "$home/.local/lib/wireshark/plugins/$abi/epan/"
chmod -R a+rX "$home"

# Capture files are copied in so the unprivileged user can read them.
args=()
for arg in "$@"; do
  if [ -f "$arg" ]; then
    cp "$arg" "$home/"
    args+=("$home/$(basename "$arg")")
  else
    args+=("$arg")
  fi
done

if [ "$(id -u)" -eq 0 ]; then
  chown -R 65534:65534 "$home"
  HOME="$home" setpriv --reuid=65534 --regid=65534 --clear-groups tshark "${args[@]}"
else
  HOME="$home" tshark "${args[@]}"
fi
