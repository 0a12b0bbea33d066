#!/usr/bin/env bash
# First README command: installs what is missing, builds sipcodes, and shows
# it explaining the responses of a bundled capture.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
capture=${1:-sample-pcaps/service-unavailable-503.pcapng}
tshark_with_plugin() { scripts/tshark-with-plugin.sh "$@" 2>/dev/null; }

echo
echo "== $capture: every SIP response explained (tshark -Y sipcodes -O sipcodes) =="
# Keep each frame's summary line and its sipcodes subtree; the lower layers
# are one line each and say nothing new here.
tshark_with_plugin -r "$capture" -Y sipcodes -O sipcodes \
  | awk '/^Frame /{print; next} /^\[SIP Response Insight/{show=1} /^[A-Z]/{if(!/^\[SIP/)show=0} show'
echo
echo "== Expert information (tshark -q -z expert) =="
tshark_with_plugin -r "$capture" -q -z expert
echo
echo "== Calls and outcomes of all bundled captures (tshark -q -z sipcodes,calls) =="
for sample in sample-pcaps/*.pcapng; do
  tshark_with_plugin -r "$sample" -2 -q -z sipcodes,calls | sed -n '/^SIP calls$/,/^=====/p' | sed '1d;$d'
done
echo
echo "sipcodes works. Install it for your own Wireshark with: cmake --install build"
