#!/usr/bin/env bash
# Installs the Debian packages sipcodes needs to build, test and record
# captures, when any is missing. Safe to run again.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

packages=(
  build-essential cmake pkg-config libglib2.0-dev wireshark-dev tshark  # build
  python3 util-linux                                                    # tests (setpriv)
  sip-tester                                                            # re-recording sample-pcaps/
  wireshark-qt xvfb xdotool imagemagick                                 # GUI tests and screenshots
  valgrind clang                                                        # robustness tests (clang: libFuzzer)
  debootstrap                                                           # Wireshark 4.4 / 4.6 matrix
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "sipcodes: missing Debian packages: ${missing[*]}; run this script as root or install them." >&2
  exit 1
fi

echo "sipcodes: installing ${missing[*]}"
# tshark asks whether non-root users may capture; answer it up front so
# nothing waits for a keyboard.
echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo[@]}" debconf-set-selections
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
