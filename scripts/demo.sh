#!/usr/bin/env bash
# First README command: installs what is missing, builds sipcodes, and shows
# it explaining the responses of a bundled capture.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
capture=sample-pcaps/busy-486.pcapng

echo
echo "== Every SIP response of $capture, explained (tshark -Y sipcodes -O sipcodes) =="
scripts/tshark-with-plugin.sh -r "$capture" -Y sipcodes -O sipcodes 2>/dev/null \
  | grep -v -E '^(Frame|Ethernet|Internet|User Datagram|Session Initiation|    \[)' 
echo
echo "== Expert information (tshark -q -z expert,note) =="
scripts/tshark-with-plugin.sh -r "$capture" -q -z expert,note 2>/dev/null
echo
echo "sipcodes works. Install it for your own Wireshark with: cmake --install build"
