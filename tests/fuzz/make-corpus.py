#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes the seed corpus of fuzz_decide (tests/fuzz/corpus/): one script
per call scenario of DESIGN 2 plus knowledge-base, Reason, Warning and
override scripts, in the byte format documented at the top of fuzz_decide.c.
libFuzzer mutates from these, so it starts from sequences that reach deep
into the outcome machine instead of discovering SIP from scratch.

Usage: make-corpus.py [FOLDER]   (default: corpus/ next to this script)
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

KB, EXPLAIN, WARN, Q850, OVERRIDE, REQUEST, RESPONSE, FINISH, VERIFY, NEW_MACHINE = range(10)

# Mirrors fuzz_decide.c (interesting_codes, methods, phrases, tags).
CODES = [0, 1, 99, 100, 101, 180, 181, 182, 183, 199, 200, 202, 204, 299, 300, 301,
         302, 305, 380, 399, 400, 401, 403, 404, 407, 408, 422, 423, 480, 481, 482,
         486, 487, 488, 489, 491, 493, 494, 499, 500, 502, 503, 504, 513, 555, 580,
         599, 600, 603, 604, 606, 607, 608, 699, 700, 999, 1000, 4294967295, 5]
METHODS = ["INVITE", "ACK", "CANCEL", "BYE", "REGISTER", "OPTIONS", "PRACK", "UPDATE"]
PHRASES = ["", "OK", "Busy Here", "Trying", "MaxPeak Cost Exceeded"]
TAGS = [None, "", "t1", "t2", "t3"]


def u8(v):
    return bytes([v & 0xFF])


def u32(v):
    return struct.pack(">I", v & 0xFFFFFFFF)


def text(s):
    data = s.encode("utf-8")[:255]
    return u8(len(data)) + data


def code(c):
    if c in CODES:
        return u8(CODES.index(c))
    return u8(250) + u32(c)


def cause(c):
    return u8(c) if c < 132 else u8(255) + u32(c)


def message(call=0, cseq=1, method="INVITE", status=None, phrase=None, tag=None, dt=0.25, new_frame=True,
            reasons=(), warnings=(), retry_after=None, server=None):
    out = u8(call) + u8(cseq - 1) + u8(METHODS.index(method))
    if status is None:
        out += u8(1)                       # the request method is the CSeq method
    else:
        out += code(status)
        out += u8(PHRASES.index(phrase)) if phrase in PHRASES else u8(255) + text(phrase or "")
    out += u8(TAGS.index(tag))
    steps = int(round(dt / 0.25))
    out += u8(0x7F) if dt >= 100 else u8(steps & 0xFF)
    out += u8(1 if new_frame else 0)
    extras = 1 | 2
    if retry_after is not None:
        extras |= 4
    extras |= (min(len(reasons), 4) << 3)
    if warnings:
        extras |= 0x40
    if server is not None:
        extras |= 0x80
    out += u8(extras) + u8(0) + u8(1)      # From alice, To bob
    if retry_after is not None:
        out += u32(retry_after)
    for protocol, value in list(reasons)[:4]:
        out += u8(protocol) + cause(value)
    if warnings:
        out += u8(len(warnings) - 1) + b"".join(text(w) for w in warnings)
    if server is not None:
        out += text(server)
    return out


def req(**kw):
    return u8(REQUEST) + message(**kw)


def resp(status, **kw):
    kw.setdefault("phrase", "")
    return u8(RESPONSE) + message(status=status, **kw)


SCENARIOS = {
    "answered": [req(), resp(100), resp(180, tag="t1"), resp(200, phrase="OK", tag="t1"),
                 req(method="ACK", tag="t1"), req(cseq=2, method="BYE", tag="t1"),
                 resp(200, cseq=2, method="BYE", tag="t1"), u8(FINISH), u8(VERIFY)],
    "auth-407-then-200": [req(), resp(407, tag="t1"), req(method="ACK", tag="t1"), req(cseq=2),
                          resp(180, cseq=2, tag="t2"), resp(200, cseq=2, tag="t2"), u8(FINISH)],
    "cancelled": [req(), resp(180, tag="t1"), req(method="CANCEL"), resp(200, method="CANCEL", tag="t1"),
                  resp(487, tag="t1"), req(method="ACK", tag="t1"), u8(VERIFY), u8(FINISH)],
    "fork": [req(), resp(180, tag="t1"), resp(180, tag="t2"), resp(200, tag="t1"), resp(487, tag="t2"),
             req(method="ACK", tag="t1"), u8(FINISH), u8(VERIFY)],
    "no-final-timer-b": [req(), resp(100), req(call=1, dt=100), resp(100, call=1), u8(VERIFY),
                         req(call=2, dt=100), u8(FINISH), resp(486, call=2, tag="t1"), u8(VERIFY)],
    "retransmitted-486": [req(), resp(100), resp(486, tag="t1"), resp(486, tag="t1"),
                          req(method="ACK", tag="t1"), u8(FINISH)],
    "redirect-then-200": [req(), resp(302, tag="t1"), req(method="ACK", tag="t1"), req(cseq=2),
                          resp(200, cseq=2, tag="t2"), u8(FINISH)],
    "reinvite-491": [req(), resp(200, tag="t1"), req(method="ACK", tag="t1"), req(cseq=2, tag="t1"),
                     resp(491, cseq=2, tag="t1"), u8(FINISH), u8(VERIFY)],
    "response-before-request": [resp(180, tag="t1"), req(dt=-1), resp(486, tag="t1"), u8(FINISH)],
    "reason-and-warning": [req(), resp(480, tag="t1", reasons=[(0, 17), (1, 480), (0, 300)],
                                      warnings=['399 gw "said \\"no\\", firmly", 3999 x "y"', "370"],
                                      retry_after=120, server="ExampleCarrier SBC"), u8(FINISH)],
    "two-calls-interleaved": [req(call=0), req(call=1), resp(180, call=1, tag="t1"), resp(603, call=0, tag="t2"),
                              resp(200, call=1, tag="t1"), req(call=0, cseq=2), resp(200, call=0, cseq=2, tag="t3"),
                              u8(FINISH), u8(VERIFY)],
    "malformed-codes": [req(), resp(700, tag="t1"), resp(99, tag="t1"), resp(4294967295, tag="t2"),
                        resp(5), resp(699, tag="t3"), u8(FINISH)],
    "restart-machine": [req(), resp(180, tag="t1"), u8(NEW_MACHINE) + u8(6), req(call=1), resp(486, call=1, tag="t1"),
                        u8(NEW_MACHINE) + u8(1), req(), req(dt=0.5), u8(FINISH)],
    "kb-and-q850": [u8(KB) + code(c) + u8(f) + text(p) for c, f, p in
                    [(486, 3, "Busy Here"), (603, 0, "MaxPeak Cost Exceeded"), (499, 1, ""), (700, 0, "x"),
                     (183, 1, "Session Progress"), (200, 1, " ok ")]]
                   + [u8(Q850) + cause(c) + code(s) for c, s in
                      [(17, 486), (17, 480), (34, 503), (127, 500), (0, 404), (128, 486), (300, 600), (21, 603)]],
    "warnings": [u8(WARN) + u8(8) + u8(n) + text(w) for n, w in
                 [(16, '399 host "text, with comma", 301 isi.edu "Incompatible network address type \'E.164\'"'),
                  (3, '305 "no agent"'), (0, '042 x "y"'), (5, '380 sbc "unterminated'),
                  (23, ', , ,399 a "b"junk, 1812 overture "In Progress"'), (1, '\\"\\\\"')]],
    "overrides": [u8(OVERRIDE) + u8(1) + code(603) + u8(2) + u8(1) + text("MaxPeak") + text("") + text("cost cap")
                  + text("price above the cap") + text("raise the cap"),
                  u8(OVERRIDE) + u8(1) + code(480) + u8(4) + u8(3) + text("") + text("ExampleCarrier") + text("")
                  + text("") + text(""),
                  u8(OVERRIDE) + u8(1) + code(480) + u8(10) + u8(6) + text("") + text("") + text("") + text("")
                  + text(""),
                  u8(EXPLAIN) + code(603) + u8(1) + text("MaxPeak Cost Exceeded") + text("Trunk"),
                  u8(EXPLAIN) + code(480) + u8(3) + text("") + text("examplecarrier sbc 2.1"),
                  req(), resp(603, phrase="MaxPeak Cost Exceeded", tag="t1"), u8(FINISH)],
}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus")
    os.makedirs(folder, exist_ok=True)
    for name, ops in SCENARIOS.items():
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(b"".join(ops))
    print("%d seeds in %s" % (len(SCENARIOS), folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
