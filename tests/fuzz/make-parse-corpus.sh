#!/usr/bin/env bash
# Writes the seed corpus of fuzz_parse: every UDP and TCP payload of the
# sample captures and of the RFC 4475 torture capture, one file each, named
# by capture and frame. Run again when the captures change.
# Usage: tests/fuzz/make-parse-corpus.sh   (needs tshark; any user)
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$top/tests/fuzz/parse-corpus"
rm -rf "$out"
mkdir -p "$out"
for capture in "$top"/sample-pcaps/*.pcapng "$top"/tests/robustness/rfc4475-torture.pcapng; do
  name=$(basename "$capture" .pcapng)
  tshark -n -r "$capture" -T fields -E separator=/t -e frame.number -e udp.payload -e tcp.payload \
      -Y 'udp.payload or tcp.payload' 2>/dev/null |
    while IFS=$'\t' read -r frame udp tcp; do
      payload=${udp:-$tcp}
      [ -n "$payload" ] || continue
      python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.argv[1].replace(":", "")))' \
        "$payload" > "$out/$name-$frame"
    done
done
echo "make-parse-corpus.sh: $(find "$out" -type f | wc -l) seeds in $out"
