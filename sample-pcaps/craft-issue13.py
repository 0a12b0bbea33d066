#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes the crafted captures of issue 13: what no SIPp peer sends, or what
would take minutes to record. Built as Ethernet/IPv4/UDP (and ICMP) frames on
127.0.0.1 with tools/udp_pcap.py, deterministic (fixed timestamps from
2026-12-07 00:00:00 UTC, fixed tags and branches): running this script again
writes the same bytes.

  ./craft-issue13.py            write every file below
  ./craft-issue13.py NAME...    write only these (file names, .pcapng optional)

Capture number N (record.sh's port plan): caller 127.0.0.1:5300+N, callee
5100+N, another peer 5150+N. The Call-ID is
<file name without .pcapng>-1@127.0.0.1 (and -2@127.0.0.1 for the unrelated
OPTIONS of the Timer C captures).

  34 reinvite-200-without-invite  only the in-dialog part of a call whose
                                  INVITE was before the capture
  35 lone-100-trying              one 100 Trying to an INVITE not captured
  36 cseq-not-a-number            a 486 whose CSeq is "abc INVITE", then the
                                  real 486
  38 icmp-quote-truncated         ICMP port unreachable quoting the INVITE cut
                                  short in its From header (before Call-ID)
  43 timer-c-expired              INVITE, 100, 180 at 1 s, then an unrelated
                                  OPTIONS/200 at 190 s
  44 timer-c-running              the same, the OPTIONS/200 at 120 s
  45 via-without-branch-rfc2543   INVITE 180 486 ACK, no branch in any Via
  48 via-hundreds                 INVITE and 486 carrying 300 Via values
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from udp_pcap import icmp_unreachable_frame, udp_datagram, udp_frame, write_pcapng  # noqa: E402

IP = "127.0.0.1"
START_S = 1796601600  # 2026-12-07 00:00:00 UTC


class Capture:
    """Ports and names of capture number N of the port plan."""

    def __init__(self, name, number):
        self.name = name
        self.caller = 5300 + number
        self.callee = 5100 + number
        self.other = 5150 + number
        self.call_id = "%s-1@%s" % (name, IP)
        self.from_hdr = "sipp <sip:sipp@%s:%d>;tag=%s-caller" % (IP, self.caller, name)
        self.to_uri = "service <sip:service@%s:%d>" % (IP, self.callee)
        self.to_hdr = self.to_uri + ";tag=%s-callee" % name
        self.frames = []      # (offset in microseconds, Ethernet frame)

    def via(self, label, port=None):
        return "Via: SIP/2.0/UDP %s:%d;branch=z9hG4bK-%s-%s" % (IP, port or self.caller, self.name, label)

    def add(self, offset_us, src_port, dst_port, text):
        payload = text.encode() if isinstance(text, str) else text
        self.frames.append((offset_us, udp_frame(IP, IP, src_port, dst_port, payload,
                                                 len(self.frames) + 1)))

    def add_raw(self, offset_us, frame):
        self.frames.append((offset_us, frame))

    def write(self):
        target = os.path.join(HERE, self.name + ".pcapng")
        write_pcapng(target, [f for _, f in self.frames], start_s=START_S,
                     offsets_us=[o for o, _ in self.frames])
        return target


def sip(first_line, headers, body=""):
    """A SIP message: CRLF line ends, Content-Length from the body."""
    lines = [first_line] + list(headers) + ["Content-Length: %d" % len(body.encode()), ""]
    return "\r\n".join(lines) + "\r\n" + body


def sdp(version, media_port):
    return ("v=0\r\no=user1 53655765 %d IN IP4 %s\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\n"
            "m=audio %d RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n" % (version, IP, IP, media_port))


def invite(cap, via_lines, cseq=1, body=True, extra=()):
    return sip("INVITE sip:service@%s:%d SIP/2.0" % (IP, cap.callee),
               list(via_lines) + ["From: " + cap.from_hdr, "To: " + cap.to_uri,
                                  "Call-ID: " + cap.call_id, "CSeq: %d INVITE" % cseq,
                                  "Contact: <sip:sipp@%s:%d>" % (IP, cap.caller),
                                  "Max-Forwards: 70", "Subject: Performance Test"]
               + list(extra) + (["Content-Type: application/sdp"] if body else []),
               sdp(2353687637, 6000 + cap.caller - 5300) if body else "")


def response(cap, status, via_lines, cseq="1 INVITE", tag=True, extra=()):
    return sip("SIP/2.0 " + status,
               list(via_lines) + ["From: " + cap.from_hdr,
                                  "To: " + (cap.to_hdr if tag else cap.to_uri),
                                  "Call-ID: " + cap.call_id, "CSeq: " + cseq] + list(extra))


def ack(cap, via_line, cseq=1):
    return sip("ACK sip:service@%s:%d SIP/2.0" % (IP, cap.callee),
               [via_line, "From: " + cap.from_hdr, "To: " + cap.to_hdr, "Call-ID: " + cap.call_id,
                "CSeq: %d ACK" % cseq, "Max-Forwards: 70"])


def options_ping(cap, at_us):
    """An unrelated OPTIONS (its own Call-ID) from the caller's port to the
    other peer, answered 200 2 ms later."""
    call_id = "%s-2@%s" % (cap.name, IP)
    via = cap.via("opt1")
    frm = "sipp <sip:sipp@%s:%d>;tag=%s-options" % (IP, cap.caller, cap.name)
    to = "monitor <sip:monitor@%s:%d>" % (IP, cap.other)
    cap.add(at_us, cap.caller, cap.other,
            sip("OPTIONS sip:monitor@%s:%d SIP/2.0" % (IP, cap.other),
                [via, "From: " + frm, "To: " + to, "Call-ID: " + call_id, "CSeq: 1 OPTIONS",
                 "Contact: <sip:sipp@%s:%d>" % (IP, cap.caller), "Accept: application/sdp",
                 "Max-Forwards: 70"]))
    cap.add(at_us + 2000, cap.other, cap.caller,
            sip("SIP/2.0 200 OK",
                [via, "From: " + frm, "To: " + to + ";tag=%s-monitor" % cap.name,
                 "Call-ID: " + call_id, "CSeq: 1 OPTIONS",
                 "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS", "Accept: application/sdp"]))


# ---------------------------------------------------------------------------

def reinvite_200_without_invite():
    """The call was set up before the capture began (its INVITE, CSeq 1, is
    not here): a re-INVITE in the dialog (To-tag, CSeq 2, new SDP version),
    200, ACK, then the caller's BYE (CSeq 3), 200."""
    cap = Capture("reinvite-200-without-invite", 34)
    target = "sip:%s:%d;transport=UDP" % (IP, cap.callee)
    dialog = ["From: " + cap.from_hdr, "To: " + cap.to_hdr, "Call-ID: " + cap.call_id]
    via2, via_ack, via3 = cap.via("inv2"), cap.via("ack2"), cap.via("bye3")
    cap.add(0, cap.caller, cap.callee,
            sip("INVITE %s SIP/2.0" % target,
                [via2] + dialog + ["CSeq: 2 INVITE", "Contact: <sip:sipp@%s:%d>" % (IP, cap.caller),
                                   "Max-Forwards: 70", "Content-Type: application/sdp"],
                sdp(2353687638, 6034)))
    cap.add(60000, cap.callee, cap.caller,
            sip("SIP/2.0 200 OK",
                [via2] + dialog + ["CSeq: 2 INVITE",
                                   "Contact: <sip:%s:%d;transport=UDP>" % (IP, cap.callee),
                                   "Content-Type: application/sdp"],
                sdp(2353687640, 6134)))
    cap.add(61000, cap.caller, cap.callee,
            sip("ACK %s SIP/2.0" % target,
                [via_ack] + dialog + ["CSeq: 2 ACK", "Max-Forwards: 70"]))
    cap.add(5061000, cap.caller, cap.callee,
            sip("BYE %s SIP/2.0" % target,
                [via3] + dialog + ["CSeq: 3 BYE", "Max-Forwards: 70"]))
    cap.add(5062000, cap.callee, cap.caller,
            sip("SIP/2.0 200 OK", [via3] + dialog + ["CSeq: 3 BYE"]))
    return cap


def lone_100_trying():
    """One 100 Trying; the INVITE it answers is not in the capture."""
    cap = Capture("lone-100-trying", 35)
    cap.add(0, cap.callee, cap.caller,
            response(cap, "100 Trying", [cap.via("inv1")], tag=False))
    return cap


def cseq_not_a_number():
    """INVITE (CSeq 1), 100, 180, a 486 whose CSeq is "abc INVITE" (not a
    number: RFC 3261 20.16 CSeq = 1*DIGIT LWS Method), then the real 486
    (CSeq 1 INVITE), ACK."""
    cap = Capture("cseq-not-a-number", 36)
    via = cap.via("inv1")
    cap.add(0, cap.caller, cap.callee, invite(cap, [via]))
    cap.add(5000, cap.callee, cap.caller, response(cap, "100 Trying", [via], tag=False))
    cap.add(110000, cap.callee, cap.caller,
            response(cap, "180 Ringing", [via],
                     extra=["Contact: <sip:%s:%d;transport=UDP>" % (IP, cap.callee)]))
    cap.add(420000, cap.callee, cap.caller, response(cap, "486 Busy Here", [via], cseq="abc INVITE"))
    cap.add(430000, cap.callee, cap.caller, response(cap, "486 Busy Here", [via]))
    cap.add(431000, cap.caller, cap.callee, ack(cap, via))
    return cap


def icmp_quote_truncated():
    """The INVITE, then ICMP port unreachable for it whose quote holds the
    IPv4 and UDP headers and the SIP text only up to the middle of the From
    header: no Call-ID, no CSeq to match it by."""
    cap = Capture("icmp-quote-truncated", 38)
    text = invite(cap, [cap.via("inv1")])
    cap.add(0, cap.caller, cap.callee, text)
    datagram = udp_datagram(IP, IP, cap.caller, cap.callee, text.encode(), 1)
    cut = text.index("From: ") + len("From: sipp <sip:sipp@")
    quoted = datagram[:20 + 8 + cut]
    assert b"Call-ID" not in quoted and b"CSeq" not in quoted
    cap.add_raw(60, icmp_unreachable_frame(IP, IP, quoted, 2))
    return cap


def timer_c(name, number, ping_at_s):
    """INVITE, 100, 180 at 1 s, then nothing for this call; an unrelated
    OPTIONS/200 (Call-ID <name>-2@) ends the capture at ping_at_s."""
    cap = Capture(name, number)
    via = cap.via("inv1")
    cap.add(0, cap.caller, cap.callee, invite(cap, [via]))
    cap.add(5000, cap.callee, cap.caller, response(cap, "100 Trying", [via], tag=False))
    cap.add(1000000, cap.callee, cap.caller,
            response(cap, "180 Ringing", [via],
                     extra=["Contact: <sip:%s:%d;transport=UDP>" % (IP, cap.callee)]))
    options_ping(cap, ping_at_s * 1000000 - 2000)
    return cap


def timer_c_expired():
    """Timer C (180 s after the last provisional, at 181 s) ran out before
    the capture ended (190 s)."""
    return timer_c("timer-c-expired", 43, 190)


def timer_c_running():
    """The capture ends at 120 s, long before Timer C would run out."""
    return timer_c("timer-c-running", 44, 120)


def via_without_branch_rfc2543():
    """An RFC 2543 peer: no branch parameter in any Via (nor a magic
    cookie); INVITE, 180, 486, ACK (the ACK with the same Via)."""
    cap = Capture("via-without-branch-rfc2543", 45)
    via = "Via: SIP/2.0/UDP %s:%d" % (IP, cap.caller)
    cap.add(0, cap.caller, cap.callee, invite(cap, [via]))
    cap.add(110000, cap.callee, cap.caller,
            response(cap, "180 Ringing", [via],
                     extra=["Contact: <sip:%s:%d;transport=UDP>" % (IP, cap.callee)]))
    cap.add(420000, cap.callee, cap.caller, response(cap, "486 Busy Here", [via]))
    cap.add(421000, cap.caller, cap.callee, ack(cap, via))
    return cap


def via_hundreds():
    """INVITE and its 486 carrying 300 Via values: the sender's own (top,
    127.0.0.1:5348) above 299 earlier hops, 149 of them one per header line,
    the last 150 comma-separated, 30 to a line. ACK with the top Via only
    (RFC 3261 17.1.1.3). Max-Forwards 70 cannot have survived 299 hops: a
    stress capture, not a plausible route."""
    cap = Capture("via-hundreds", 48)
    values = ["SIP/2.0/UDP %s:%d;branch=z9hG4bK-via-hundreds-hop%d" % (IP, 20000 + hop, hop)
              for hop in range(299, 0, -1)]
    top = cap.via("inv1")
    lines = [top] + ["Via: " + v for v in values[:149]]
    rest = values[149:]
    lines += ["Via: " + ", ".join(rest[i:i + 30]) for i in range(0, len(rest), 30)]
    count = sum(1 + line.count(", SIP/2.0/") for line in lines)
    assert count == 300, count
    cap.add(0, cap.caller, cap.callee, invite(cap, lines))
    cap.add(420000, cap.callee, cap.caller, response(cap, "486 Busy Here", lines))
    cap.add(421000, cap.caller, cap.callee, ack(cap, top))
    return cap


CAPTURES = [reinvite_200_without_invite, lone_100_trying, cseq_not_a_number,
            icmp_quote_truncated, timer_c_expired, timer_c_running,
            via_without_branch_rfc2543, via_hundreds]


def main(argv):
    makers = {f.__name__.replace("_", "-"): f for f in CAPTURES}
    wanted = [a[:-len(".pcapng")] if a.endswith(".pcapng") else a for a in argv] or list(makers)
    for name in wanted:
        if name not in makers:
            print("craft-issue13.py: unknown capture '%s' (one of: %s)" % (name, ", ".join(makers)),
                  file=sys.stderr)
            return 2
    for name in wanted:
        cap = makers[name]()
        assert cap.name == name, (cap.name, name)
        cap.write()
        print(name + ".pcapng")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
