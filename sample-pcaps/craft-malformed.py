#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes malformed-sip.pcapng: SIP responses no real peer sends, to prove
sipcodes explains what it can and never crashes. SIPp refuses to send most
of these (it rejects status codes outside 100-699), so they are built here
as UDP datagrams on loopback and converted to pcapng with editcap.

Frames: 1 INVITE; 2 "700" status; 3 486 with a Q.850 cause above 127, an
unparsable Retry-After and a Warning without warn-code; 4 a 503 cut off in
the middle of a header; 5 a 404 without Call-ID and CSeq; 6 a 480 with an
empty reason phrase; 7 a 699 (unregistered, class 6)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from udp_pcap import udp_frame, write_pcapng  # noqa: E402
CALLER, CALLEE = 5329, 5129
CALL = "malformed-sip-1@127.0.0.1"


def headers(status, extra=(), call_id=True, cseq=True):
    lines = [status, "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-malformed-1" % CALLER,
             "From: <sip:sipp@127.0.0.1:%d>;tag=caller-1" % CALLER,
             "To: <sip:service@127.0.0.1:%d>;tag=callee-1" % CALLEE]
    if call_id:
        lines.append("Call-ID: " + CALL)
    if cseq:
        lines.append("CSeq: 1 INVITE")
    lines += list(extra) + ["Content-Length: 0", "", ""]
    return "\r\n".join(lines).encode()


def invite():
    return ("INVITE sip:service@127.0.0.1:%d SIP/2.0\r\n"
            "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-malformed-1\r\n"
            "From: <sip:sipp@127.0.0.1:%d>;tag=caller-1\r\n"
            "To: <sip:service@127.0.0.1:%d>\r\n"
            "Call-ID: %s\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
            "Contact: <sip:sipp@127.0.0.1:%d>\r\nContent-Length: 0\r\n\r\n"
            % (CALLEE, CALLER, CALLER, CALLEE, CALL, CALLER)).encode()


MESSAGES = [
    (CALLER, CALLEE, invite()),
    (CALLEE, CALLER, headers("SIP/2.0 700 Out Of Range")),
    (CALLEE, CALLER, headers("SIP/2.0 486 Busy Here",
                             ["Reason: Q.850;cause=999;text=\"Impossible\"", "Retry-After: soon",
                              "Warning: garbage without a code"])),
    (CALLEE, CALLER, headers("SIP/2.0 503 Service Unavailable", ["Retry-After: 30"])[:120]),
    (CALLEE, CALLER, headers("SIP/2.0 404 Not Found", call_id=False, cseq=False)),
    (CALLEE, CALLER, headers("SIP/2.0 480 ")),
    (CALLEE, CALLER, headers("SIP/2.0 699 Vendor Global Failure")),
]


def frame(src_port, dst_port, payload, ident):
    return udp_frame("127.0.0.1", "127.0.0.1", src_port, dst_port, payload, ident)


def main():
    target = os.path.join(HERE, "malformed-sip.pcapng")
    frames = [frame(src, dst, payload, number + 1) for number, (src, dst, payload) in enumerate(MESSAGES)]
    write_pcapng(target, frames, start_s=1795300000, step_us=20000)
    print("malformed-sip.pcapng")
    return 0


if __name__ == "__main__":
    sys.exit(main())
