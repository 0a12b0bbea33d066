#!/usr/bin/env python3
"""Synthetic captures for the sipcodes benchmark (stdlib only).

  gen_pcap.py sip    --calls N   [--seed S] [--cps R] -o FILE
  gen_pcap.py nonsip --packets N [--seed S]           -o FILE
  gen_pcap.py udp    --packets N [--seed S]           -o FILE

"sip" writes a dialer-to-trunk SIP capture over UDP 5060: N calls with
mixed outcomes (answered ~57 %, busy, cancelled, 404, 503 + Retry-After,
407 challenge answered then 200, 480, 603, 408, no final response), some
retransmitted requests and responses, plus REGISTER and OPTIONS
transactions outside calls. Every call has its own Call-ID, tags, branches
and its own SDP media address and port on both sides (Wireshark's SDP
conversation setup turns quadratic on a shared media address, DESIGN 4).
Calls start at --cps per second and overlap (answered calls last 5-120 s),
so thousands are in progress at once; packets come out in time order.

"udp" writes N UDP datagrams of media-like payload (RTP-shaped, 172
bytes) between many host pairs on high ports: the bystander's capture of
the benchmark, which no dissector but UDP's own has much to do with.

"nonsip" writes about N packets of DNS over UDP 53 and short HTTP/1.1
exchanges over TCP 80 (handshake, GET, response, close) with correct
sequence numbers: traffic SIP's heuristics never claim.

Both are classic pcap, Ethernet / IPv4, with correct lengths and IPv4
header checksums; UDP checksums are 0 (not computed), TCP checksums are 0
(Wireshark does not verify them by default). Output is deterministic for a
given seed and size, and streamed: memory stays flat at any size.

The summary printed at the end (calls by planned outcome, packets) lets the
benchmark check that tshark saw what was generated.

SPDX-License-Identifier: GPL-2.0-or-later
"""
import argparse
import heapq
import json
import random
import struct
import sys

# ---- pcap writing ---------------------------------------------------------

PCAP_HEADER = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
ETH_IP = 0x0800


def ip_bytes(dotted):
    return bytes(int(x) for x in dotted.split("."))


def mac_for(ip):
    b = ip_bytes(ip)
    return b"\x02\x00" + b


class PcapWriter:
    def __init__(self, path):
        self.f = open(path, "wb", buffering=1 << 20)
        self.f.write(PCAP_HEADER)
        self.ip_id = 0
        self.packets = 0
        self.bytes = len(PCAP_HEADER)
        self._eth_cache = {}

    def _eth(self, src, dst):
        key = (src, dst)
        eth = self._eth_cache.get(key)
        if eth is None:
            eth = mac_for(dst) + mac_for(src) + struct.pack("!H", ETH_IP)
            self._eth_cache[key] = eth
        return eth

    def _ipv4(self, src, dst, proto, payload_len):
        self.ip_id = (self.ip_id + 1) & 0xFFFF
        total = 20 + payload_len
        s = ip_bytes(src) if isinstance(src, str) else src
        d = ip_bytes(dst) if isinstance(dst, str) else dst
        hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, self.ip_id, 0x4000, 64, proto, 0, s, d)
        words = struct.unpack("!10H", hdr)
        c = sum(words)
        c = (c & 0xFFFF) + (c >> 16)
        c = (c & 0xFFFF) + (c >> 16)
        c = ~c & 0xFFFF
        return hdr[:10] + struct.pack("!H", c) + hdr[12:]

    def _record(self, t, frame):
        sec = int(t)
        usec = int(round((t - sec) * 1e6))
        if usec >= 1000000:
            sec += 1
            usec -= 1000000
        n = len(frame)
        self.f.write(struct.pack("<IIII", sec, usec, n, n))
        self.f.write(frame)
        self.packets += 1
        self.bytes += 16 + n

    def udp(self, t, src, sport, dst, dport, payload):
        udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
        self._record(t, self._eth(src, dst) + self._ipv4(src, dst, 17, len(udp)) + udp)

    def tcp(self, t, src, sport, dst, dport, seq, ack, flags, payload=b""):
        tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF,
                          5 << 4, flags, 64240, 0, 0) + payload
        self._record(t, self._eth(src, dst) + self._ipv4(src, dst, 6, len(tcp)) + tcp)

    def close(self):
        self.f.close()


# ---- SIP ------------------------------------------------------------------

DIALERS = ["10.20.0.11", "10.20.0.12", "10.20.0.13", "10.20.0.14"]
TRUNK = "198.51.100.20"
TRUNK_HOST = "trunk.example.net"
REGISTRAR = "198.51.100.30"
SIP_PORT = 5060
CALLER_IDS = ["+442071234500", "+442071234501", "+442071234502", "+442071234503",
              "+442071234504", "+442071234505", "+442071234506", "+442071234507"]
USER_AGENT = "BenchDialer/2.4.1"
SERVER = "ExampleTrunk SBC 7.2"

# (name, weight). Weights are percent of calls.
OUTCOMES = [
    ("answered", 52), ("auth_answered", 5), ("busy", 10), ("cancelled", 8),
    ("unavailable480", 6), ("notfound404", 5), ("unavail503", 4), ("declined603", 4),
    ("timeout408", 2), ("no_final", 1), ("auth_only", 1), ("answered_late_retrans", 2),
]
# The disposition the sipcodes stats tree should give each planned outcome.
EXPECTED_DISPOSITION = {
    "answered": "Answered", "auth_answered": "Answered", "answered_late_retrans": "Answered",
    "busy": "Busy", "cancelled": "Cancelled", "unavailable480": "No Answer",
    "notfound404": "Invalid Number", "unavail503": "Congestion", "declined603": "Declined",
    "timeout408": "No Answer", "no_final": "No Final Response", "auth_only": "Auth Challenge",
}


def pick_table(weights):
    table = []
    for name, w in weights:
        table.extend([name] * w)
    return table


class Call:
    """Builds one call's messages; all text is ASCII."""

    def __init__(self, i, rng):
        self.i = i
        self.rng = rng
        self.dialer = DIALERS[i % len(DIALERS)]
        tok = "%08x%06x" % (i, rng.getrandbits(24))
        self.call_id = "%s@%s" % (tok, self.dialer)
        self.from_tag = "ft%x%04x" % (i, rng.getrandbits(16))
        self.to_tag = "tt%x%04x" % (i, rng.getrandbits(16))
        self.caller = CALLER_IDS[i % len(CALLER_IDS)]
        self.callee = "+4420%08d" % ((i * 7919 + 12345) % 100000000)
        self.branch_n = 0
        # Media: a distinct address and port per call on both sides.
        self.media_a = "10.%d.%d.%d" % (64 + ((i >> 16) & 63), (i >> 8) & 255, i & 255)
        self.port_a = 10000 + 2 * (i % 25000)
        self.media_b = "172.%d.%d.%d" % (16 + ((i >> 16) & 15), (i >> 8) & 255, i & 255)
        self.port_b = 20000 + 2 * ((i * 31) % 20000)

    def branch(self):
        self.branch_n += 1
        return "z9hG4bK%x.%d.%04x" % (self.i, self.branch_n, self.rng.getrandbits(16))

    def sdp(self, addr, port, sess):
        return ("v=0\r\n"
                "o=- %d %d IN IP4 %s\r\n"
                "s=-\r\n"
                "c=IN IP4 %s\r\n"
                "t=0 0\r\n"
                "m=audio %d RTP/AVP 0 8 101\r\n"
                "a=rtpmap:0 PCMU/8000\r\n"
                "a=rtpmap:8 PCMA/8000\r\n"
                "a=rtpmap:101 telephone-event/8000\r\n"
                "a=fmtp:101 0-15\r\n"
                "a=ptime:20\r\n"
                "a=sendrecv\r\n") % (sess, sess, addr, addr, port)

    def request(self, method, cseq, branch, with_to_tag, body="", extra=""):
        uri = "sip:%s@%s" % (self.callee, TRUNK_HOST)
        to_tag = ";tag=%s" % self.to_tag if with_to_tag else ""
        ctype = "Content-Type: application/sdp\r\n" if body else ""
        msg = ("%s %s SIP/2.0\r\n"
               "Via: SIP/2.0/UDP %s:%d;branch=%s;rport\r\n"
               "Max-Forwards: 70\r\n"
               "From: \"Dialer\" <sip:%s@%s>;tag=%s\r\n"
               "To: <%s>%s\r\n"
               "Call-ID: %s\r\n"
               "CSeq: %d %s\r\n"
               "Contact: <sip:%s@%s:%d>\r\n"
               "User-Agent: %s\r\n"
               "%s%s"
               "Content-Length: %d\r\n\r\n%s") % (
            method, uri, self.dialer, SIP_PORT, branch, self.caller, self.dialer,
            self.from_tag, uri, to_tag, self.call_id, cseq, method,
            self.caller, self.dialer, SIP_PORT, USER_AGENT, extra, ctype, len(body), body)
        return msg.encode("ascii")

    def response(self, code, phrase, method, cseq, branch, with_to_tag, body="", extra=""):
        uri = "sip:%s@%s" % (self.callee, TRUNK_HOST)
        to_tag = ";tag=%s" % self.to_tag if with_to_tag else ""
        ctype = "Content-Type: application/sdp\r\n" if body else ""
        contact = ("Contact: <sip:%s@%s:%d>\r\n" % (self.callee, TRUNK, SIP_PORT)
                   if 100 < code < 300 and method == "INVITE" else "")
        msg = ("SIP/2.0 %d %s\r\n"
               "Via: SIP/2.0/UDP %s:%d;branch=%s;rport=%d;received=%s\r\n"
               "From: \"Dialer\" <sip:%s@%s>;tag=%s\r\n"
               "To: <%s>%s\r\n"
               "Call-ID: %s\r\n"
               "CSeq: %d %s\r\n"
               "%s"
               "Server: %s\r\n"
               "%s%s"
               "Content-Length: %d\r\n\r\n%s") % (
            code, phrase, self.dialer, SIP_PORT, branch, SIP_PORT, self.dialer,
            self.caller, self.dialer, self.from_tag, uri, to_tag, self.call_id, cseq, method,
            contact, SERVER, extra, ctype, len(body), body)
        return msg.encode("ascii")

    def bye_from_callee(self, cseq, branch):
        """BYE sent by the trunk: From/To swap roles."""
        uri = "sip:%s@%s:%d" % (self.caller, self.dialer, SIP_PORT)
        msg = ("BYE %s SIP/2.0\r\n"
               "Via: SIP/2.0/UDP %s:%d;branch=%s\r\n"
               "Max-Forwards: 70\r\n"
               "From: <sip:%s@%s>;tag=%s\r\n"
               "To: \"Dialer\" <sip:%s@%s>;tag=%s\r\n"
               "Call-ID: %s\r\n"
               "CSeq: %d BYE\r\n"
               "Server: %s\r\n"
               "Content-Length: 0\r\n\r\n") % (
            uri, TRUNK, SIP_PORT, branch, self.callee, TRUNK_HOST, self.to_tag,
            self.caller, self.dialer, self.from_tag, self.call_id, cseq, SERVER)
        return msg.encode("ascii")

    def bye_response_to_callee(self, cseq, branch):
        msg = ("SIP/2.0 200 OK\r\n"
               "Via: SIP/2.0/UDP %s:%d;branch=%s\r\n"
               "From: <sip:%s@%s>;tag=%s\r\n"
               "To: \"Dialer\" <sip:%s@%s>;tag=%s\r\n"
               "Call-ID: %s\r\n"
               "CSeq: %d BYE\r\n"
               "User-Agent: %s\r\n"
               "Content-Length: 0\r\n\r\n") % (
            TRUNK, SIP_PORT, branch, self.callee, TRUNK_HOST, self.to_tag,
            self.caller, self.dialer, self.from_tag, self.call_id, cseq, USER_AGENT)
        return msg.encode("ascii")


def call_events(c, outcome, t0, rng):
    """Returns [(time, direction, payload)]; direction 0 dialer->trunk, 1 back."""
    ev = []
    up = lambda t, p: ev.append((t, 0, p))      # noqa: E731
    down = lambda t, p: ev.append((t, 1, p))    # noqa: E731
    r = rng.random
    offer = c.sdp(c.media_a, c.port_a, 100000 + c.i)
    answer = c.sdp(c.media_b, c.port_b, 500000 + c.i)
    t = t0
    cseq = 1
    br = c.branch()
    invite = c.request("INVITE", cseq, br, False, offer)
    up(t, invite)
    if outcome == "no_final":
        # Timer A retransmissions, then nothing.
        for k, dt in enumerate((0.5, 1.0, 2.0, 4.0, 8.0)):
            t += dt
            up(t, invite)
        return ev
    if r() < 0.02:  # INVITE retransmitted before the 100 arrives
        up(t + 0.5, invite)
        t += 0.5
    t += 0.01 + r() * 0.04
    down(t, c.response(100, "Trying", "INVITE", cseq, br, False))

    if outcome in ("auth_answered", "auth_only"):
        t += 0.01 + r() * 0.03
        down(t, c.response(407, "Proxy Authentication Required", "INVITE", cseq, br, True,
                           extra='Proxy-Authenticate: Digest realm="%s", nonce="%x%08x", '
                                 'algorithm=MD5, qop="auth"\r\n' % (TRUNK_HOST, c.i, rng.getrandbits(32))))
        t += 0.005
        up(t, c.request("ACK", cseq, br, True))
        if outcome == "auth_only":
            return ev
        cseq += 1
        br = c.branch()
        auth = ('Proxy-Authorization: Digest username="dialer", realm="%s", nonce="%x", '
                'uri="sip:%s@%s", response="%032x", algorithm=MD5\r\n'
                % (TRUNK_HOST, c.i, c.callee, TRUNK_HOST, rng.getrandbits(128)))
        t += 0.01
        up(t, c.request("INVITE", cseq, br, False, offer, extra=auth))
        t += 0.01 + r() * 0.04
        down(t, c.response(100, "Trying", "INVITE", cseq, br, False))
        outcome = "answered"

    def ack_final():
        up(t + 0.003, c.request("ACK", cseq, br, True))

    if outcome == "notfound404":
        t += 0.05 + r() * 0.2
        down(t, c.response(404, "Not Found", "INVITE", cseq, br, True))
        ack_final()
        return ev
    if outcome == "unavail503":
        t += 0.05 + r() * 0.3
        down(t, c.response(503, "Service Unavailable", "INVITE", cseq, br, True,
                           extra="Retry-After: %d\r\nReason: Q.850;cause=34;text=\"No circuit available\"\r\n"
                           % (30 + int(r() * 300))))
        ack_final()
        return ev

    # Ringing (sometimes retransmitted).
    t += 0.2 + r() * 2.5
    down(t, c.response(180, "Ringing", "INVITE", cseq, br, True))
    if r() < 0.03:
        down(t + 1.0, c.response(180, "Ringing", "INVITE", cseq, br, True))

    if outcome in ("answered", "answered_late_retrans"):
        t += 1.0 + r() * 20.0
        ok = c.response(200, "OK", "INVITE", cseq, br, True, answer)
        down(t, ok)
        if outcome == "answered_late_retrans" or r() < 0.03:
            t += 0.5
            down(t, ok)  # 200 retransmitted before the ACK got through
        t += 0.004
        up(t, c.request("ACK", cseq, c.branch(), True))
        t += 5.0 + r() * 115.0
        if r() < 0.7:
            bb = c.branch()
            up(t, c.request("BYE", cseq + 1, bb, True))
            down(t + 0.02 + r() * 0.05, c.response(200, "OK", "BYE", cseq + 1, bb, True))
        else:
            bb = "z9hG4bKsbc%x.%04x" % (c.i, rng.getrandbits(16))
            down(t, c.bye_from_callee(1, bb))
            up(t + 0.01 + r() * 0.03, c.bye_response_to_callee(1, bb))
        return ev
    if outcome == "busy":
        t += 0.5 + r() * 6.0
        down(t, c.response(486, "Busy Here", "INVITE", cseq, br, True,
                           extra="Reason: Q.850;cause=17;text=\"User busy\"\r\n"))
        ack_final()
        return ev
    if outcome == "cancelled":
        t += 15.0 + r() * 15.0
        up(t, c.request("CANCEL", cseq, br, False))
        t += 0.02 + r() * 0.03
        down(t, c.response(200, "OK", "CANCEL", cseq, br, False))
        t += 0.002
        down(t, c.response(487, "Request Terminated", "INVITE", cseq, br, True))
        ack_final()
        return ev
    if outcome == "unavailable480":
        t += 10.0 + r() * 30.0
        down(t, c.response(480, "Temporarily Unavailable", "INVITE", cseq, br, True,
                           extra="Reason: Q.850;cause=19;text=\"No answer from user\"\r\n"))
        ack_final()
        return ev
    if outcome == "declined603":
        t += 2.0 + r() * 10.0
        down(t, c.response(603, "Decline", "INVITE", cseq, br, True))
        ack_final()
        return ev
    if outcome == "timeout408":
        t += 30.0 + r() * 5.0
        down(t, c.response(408, "Request Timeout", "INVITE", cseq, br, True))
        ack_final()
        return ev
    raise ValueError(outcome)


def side_events(kind, j, rng, t0):
    """A REGISTER (challenged then accepted) or an OPTIONS ping, outside calls."""
    dialer = DIALERS[j % len(DIALERS)]
    call_id = "%s-%08x-%06x@%s" % (kind.lower(), j, rng.getrandbits(24), dialer)
    ftag = "sf%x%04x" % (j, rng.getrandbits(16))
    ev = []

    def req(method, cseq, br, dst_host, extra=""):
        msg = ("%s sip:%s SIP/2.0\r\n"
                "Via: SIP/2.0/UDP %s:%d;branch=%s\r\n"
                "Max-Forwards: 70\r\n"
                "From: <sip:dialer@%s>;tag=%s\r\n"
                "To: <sip:dialer@%s>\r\n"
                "Call-ID: %s\r\n"
                "CSeq: %d %s\r\n"
                "Contact: <sip:dialer@%s:%d>\r\n"
                "User-Agent: %s\r\n"
                "%s"
                "Content-Length: 0\r\n\r\n") % (
            method, dst_host, dialer, SIP_PORT, br, TRUNK_HOST, ftag, TRUNK_HOST, call_id, cseq,
            method, dialer, SIP_PORT, USER_AGENT, extra)
        return msg.encode("ascii")

    def resp(code, phrase, method, cseq, br, extra=""):
        msg = ("SIP/2.0 %d %s\r\n"
                "Via: SIP/2.0/UDP %s:%d;branch=%s\r\n"
                "From: <sip:dialer@%s>;tag=%s\r\n"
                "To: <sip:dialer@%s>;tag=st%x\r\n"
                "Call-ID: %s\r\n"
                "CSeq: %d %s\r\n"
                "Server: %s\r\n"
                "%s"
                "Content-Length: 0\r\n\r\n") % (
            code, phrase, dialer, SIP_PORT, br, TRUNK_HOST, ftag, TRUNK_HOST, j, call_id, cseq,
            method, SERVER, extra)
        return msg.encode("ascii")

    if kind == "OPTIONS":
        br = "z9hG4bKo%x" % j
        ev.append((t0, dialer, TRUNK, req("OPTIONS", 1, br, TRUNK_HOST)))
        ev.append((t0 + 0.01, TRUNK, dialer, resp(200, "OK", "OPTIONS", 1, br,
                                                  "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n")))
    else:
        br = "z9hG4bKr%x.1" % j
        ev.append((t0, dialer, REGISTRAR, req("REGISTER", 1, br, TRUNK_HOST, "Expires: 3600\r\n")))
        ev.append((t0 + 0.01, REGISTRAR, dialer, resp(
            401, "Unauthorized", "REGISTER", 1, br,
            'WWW-Authenticate: Digest realm="%s", nonce="%08x", algorithm=MD5\r\n'
            % (TRUNK_HOST, rng.getrandbits(32)))))
        br2 = "z9hG4bKr%x.2" % j
        ev.append((t0 + 0.02, dialer, REGISTRAR, req(
            "REGISTER", 2, br2, TRUNK_HOST,
            'Expires: 3600\r\nAuthorization: Digest username="dialer", realm="%s", '
            'response="%032x"\r\n' % (TRUNK_HOST, rng.getrandbits(128)))))
        ev.append((t0 + 0.03, REGISTRAR, dialer, resp(200, "OK", "REGISTER", 2, br2,
                                                      "Expires: 3600\r\n")))
    return ev


def generate_sip(path, calls, seed, cps):
    rng = random.Random(seed)
    table = pick_table(OUTCOMES)
    w = PcapWriter(path)
    heap = []
    seq = 0
    planned = {}
    side = {"OPTIONS": 0, "REGISTER": 0}
    t_base = 1700000000.0
    t = t_base
    max_live = 0

    def flush(until):
        while heap and heap[0][0] <= until:
            tt, _, src, dst, payload = heapq.heappop(heap)
            w.udp(tt, src, SIP_PORT, dst, SIP_PORT, payload)

    for i in range(calls):
        t += rng.expovariate(cps)
        flush(t)
        c = Call(i, rng)
        outcome = table[rng.randrange(len(table))]
        planned[outcome] = planned.get(outcome, 0) + 1
        for tt, direction, payload in call_events(c, outcome, t, rng):
            src, dst = (c.dialer, TRUNK) if direction == 0 else (TRUNK, c.dialer)
            seq += 1
            heapq.heappush(heap, (tt, seq, src, dst, payload))
        x = rng.random()
        if x < 0.05 or x > 0.98:
            kind = "OPTIONS" if x < 0.05 else "REGISTER"
            side[kind] += 1
            for tt, src, dst, payload in side_events(kind, i, rng, t + rng.random()):
                seq += 1
                heapq.heappush(heap, (tt, seq, src, dst, payload))
        if len(heap) > max_live:
            max_live = len(heap)
    flush(float("inf"))
    w.close()
    expected = {}
    for outcome, n in planned.items():
        d = EXPECTED_DISPOSITION[outcome]
        expected[d] = expected.get(d, 0) + n
    return {"kind": "sip", "calls": calls, "packets": w.packets, "bytes": w.bytes,
            "seed": seed, "cps": cps, "planned": planned, "expected_outcomes": expected,
            "side_transactions": side, "max_pending_packets": max_live,
            "duration_s": round(t - t_base, 1)}


# ---- non-SIP --------------------------------------------------------------

DNS_SERVER = "192.0.2.53"
WEB_SERVER = "203.0.113.80"
NAMES = ["www.example.com", "mail.example.org", "cdn.example.net", "api.example.com",
         "static.example.org", "login.example.net", "news.example.com", "img.example.org"]


def dns_name(name):
    out = b""
    for label in name.split("."):
        out += bytes([len(label)]) + label.encode("ascii")
    return out + b"\x00"


def dns_pair(j, rng):
    name = NAMES[j % len(NAMES)] if rng.random() < 0.5 else "host%d.zone%d.example.com" % (j, j % 97)
    qid = rng.getrandbits(16)
    q = dns_name(name) + struct.pack("!HH", 1, 1)
    query = struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + q
    ans = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + bytes(
        [203, 0, 113, 1 + j % 250])
    resp = struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + q + ans
    return query, resp


def http_payloads(j, rng):
    path = "/assets/%d/item%d.json" % (j % 1000, j)
    req = ("GET %s HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: bench/1.0\r\n"
           "Accept: application/json\r\nConnection: close\r\n\r\n" % path).encode("ascii")
    body = ('{"id": %d, "value": "%s"}\n' % (j, "x" * (50 + j % 400))).encode("ascii")
    resp = ("HTTP/1.1 200 OK\r\nServer: example/1.0\r\nContent-Type: application/json\r\n"
            "Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)).encode("ascii") + body
    return req, resp


def generate_nonsip(path, packets, seed):
    rng = random.Random(seed)
    w = PcapWriter(path)
    heap = []
    seq = 0
    t = 1700000000.0
    j = 0
    planned = 0
    while planned < packets:
        t += rng.expovariate(500.0)
        while heap and heap[0][0] <= t:
            item = heapq.heappop(heap)
            emit(w, item)
        j += 1
        client = "10.%d.%d.%d" % (30 + (j >> 16) % 64, (j >> 8) & 255, 1 + (j & 255) % 254)
        cport = 1024 + (j * 7) % 60000
        if rng.random() < 0.5:
            query, resp = dns_pair(j, rng)
            for tt, item in ((t, ("udp", client, cport, DNS_SERVER, 53, query)),
                             (t + 0.001 + rng.random() * 0.02, ("udp", DNS_SERVER, 53, client, cport, resp))):
                seq += 1
                heapq.heappush(heap, (tt, seq, item))
            planned += 2
        else:
            req, resp = http_payloads(j, rng)
            c_isn = rng.getrandbits(32)
            s_isn = rng.getrandbits(32)
            rtt = 0.005 + rng.random() * 0.05
            S, A, P, F = 0x02, 0x10, 0x08, 0x01
            c, s = client, WEB_SERVER
            seg = [
                (0, (c, cport, s, 80, c_isn, 0, S, b"")),
                (rtt / 2, (s, 80, c, cport, s_isn, c_isn + 1, S | A, b"")),
                (rtt, (c, cport, s, 80, c_isn + 1, s_isn + 1, A, b"")),
                (rtt + 0.0001, (c, cport, s, 80, c_isn + 1, s_isn + 1, P | A, req)),
                (rtt * 1.5 + 0.002, (s, 80, c, cport, s_isn + 1, c_isn + 1 + len(req), P | A, resp)),
                (rtt * 1.5 + 0.0021, (s, 80, c, cport, s_isn + 1 + len(resp), c_isn + 1 + len(req), F | A, b"")),
                (rtt * 2 + 0.003, (c, cport, s, 80, c_isn + 1 + len(req), s_isn + 2 + len(resp), F | A, b"")),
                (rtt * 2.5 + 0.003, (s, 80, c, cport, s_isn + 2 + len(resp), c_isn + 2 + len(req), A, b"")),
            ]
            for dt, args in seg:
                seq += 1
                heapq.heappush(heap, (t + dt, seq, ("tcp",) + args))
            planned += len(seg)
    while heap:
        emit(w, heapq.heappop(heap))
    w.close()
    return {"kind": "nonsip", "packets": w.packets, "bytes": w.bytes, "seed": seed}


def generate_udp(path, packets, seed):
    rng = random.Random(seed)
    w = PcapWriter(path)
    t = 1700000000.0
    flows = [("10.%d.%d.%d" % (40 + i % 8, (i >> 8) & 255, 1 + i % 250), 16384 + 2 * i,
              "10.%d.%d.%d" % (50 + i % 8, (i >> 4) & 255, 1 + (i * 7) % 250), 20000 + 2 * i)
             for i in range(512)]
    for n in range(packets):
        t += rng.expovariate(5000.0)
        src, sport, dst, dport = flows[n % len(flows)]
        header = bytes([0x80, 0x00]) + (n & 0xFFFF).to_bytes(2, "big") + (n * 160 & 0xFFFFFFFF).to_bytes(4, "big") \
            + (0x1000 + n % len(flows)).to_bytes(4, "big")
        w.udp(t, src, sport, dst, dport, header + bytes((n + k) & 0xFF for k in range(160)))
    w.close()
    return {"kind": "udp", "packets": w.packets, "bytes": w.bytes, "seed": seed}


def emit(w, item):
    tt, _, spec = item
    if spec[0] == "udp":
        _, src, sport, dst, dport, payload = spec
        w.udp(tt, src, sport, dst, dport, payload)
    else:
        _, src, sport, dst, dport, sq, ak, flags, payload = spec
        w.tcp(tt, src, sport, dst, dport, sq, ak, flags, payload)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="kind", required=True)
    s = sub.add_parser("sip", help="SIP calls over UDP 5060")
    s.add_argument("--calls", type=int, required=True)
    s.add_argument("--cps", type=float, default=50.0, help="call attempts per second (default 50)")
    n = sub.add_parser("nonsip", help="DNS and HTTP, no SIP")
    n.add_argument("--packets", type=int, required=True)
    u = sub.add_parser("udp", help="UDP datagrams of media-like payload, no SIP")
    u.add_argument("--packets", type=int, required=True)
    for p in (s, n, u):
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("-o", "--output", required=True)
        p.add_argument("--summary", help="also write the summary as JSON to this file")
    a = ap.parse_args(argv)
    if a.kind == "sip":
        summary = generate_sip(a.output, a.calls, a.seed, a.cps)
    elif a.kind == "udp":
        summary = generate_udp(a.output, a.packets, a.seed)
    else:
        summary = generate_nonsip(a.output, a.packets, a.seed)
    text = json.dumps(summary, sort_keys=True)
    if a.summary:
        with open(a.summary, "w") as f:
            f.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
