#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""rename-call-id.py IN OUT OLD NEW: copies a capture of SIP over UDP/IPv4
with every occurrence of the Call-ID OLD replaced by NEW, frame for frame,
timestamps kept (to the microsecond). Used by record.sh to derive
proxy-downstream-only.pcapng from proxy-failover-503-then-486.pcapng: the
derived file must have a Call-ID of its own (<file name>-1@127.0.0.1), or
two sample files would hold the same call.

The frames are rebuilt with tools/udp_pcap.py (Ethernet/IPv4/UDP, the
original IPv4 identification, UDP checksum 0), since the lengths change.
Needs tshark to read IN."""
import decimal
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from udp_pcap import udp_frame, write_pcapng  # noqa: E402

FIELDS = ["frame.time_epoch", "ip.src", "ip.dst", "ip.id", "udp.srcport", "udp.dstport",
          "udp.payload"]


def main(argv):
    if len(argv) != 4:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    source, target, old, new = argv
    old_b, new_b = old.encode(), new.encode()
    command = ["tshark", "-r", source, "-T", "fields", "-E", "occurrence=f"]
    for field in FIELDS:
        command += ["-e", field]
    lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()
    frames, times = [], []
    for number, line in enumerate(lines, 1):
        epoch, src, dst, ident, sport, dport, payload = line.split("\t")
        if not (src and sport and payload):
            print("rename-call-id.py: frame %d of %s is not UDP/IPv4 with a payload" % (number, source),
                  file=sys.stderr)
            return 1
        data = bytes.fromhex(payload.replace(":", ""))
        if old_b not in data:
            print("rename-call-id.py: frame %d does not carry %s" % (number, old), file=sys.stderr)
            return 1
        frames.append(udp_frame(src, dst, int(sport), int(dport), data.replace(old_b, new_b),
                                int(ident, 0)))
        times.append(decimal.Decimal(epoch))
    if not frames:
        print("rename-call-id.py: %s holds no frame" % source, file=sys.stderr)
        return 1
    start_s = int(times[0])
    offsets = [int(((t - start_s) * 1000000).to_integral_value(decimal.ROUND_HALF_EVEN)) for t in times]
    write_pcapng(target, frames, start_s=start_s, offsets_us=offsets)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
