#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""sipcodes reads every SIP message from its bytes with one parser
(plugin/parse/). This suite keeps that parser honest against Wireshark's own
SIP dissector: on every sample capture and on the RFC 4475 torture capture,
every SIP message (each `sip` item, over UDP and TCP, several to a
segment) is parsed by tests/tools/sip_parse_json and what it read must equal
SIP's fields for the same message.

The parser reads only what sipcodes uses, so some comparisons are
conditional (each says why): From and To URIs only for initial INVITE
requests, the
Server/User-Agent only for responses, the From tag only for INVITE, BYE and
CANCEL, an ACK only for its method and CSeq. Where the parser reads more
than SIP's fields show (every value of a Reason line), SIP's must be among
what the parser read.
"""
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, check_equal, run_tests, SAMPLES  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TORTURE = os.path.normpath(os.path.join(HERE, "..", "robustness", "rfc4475-torture.pcapng"))
PARSE_JSON = os.environ.get("SIPCODES_PARSE_JSON", "")


def captures(home):
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SAMPLES, "*.pcapng")))
    return ([home.capture(name) for name in names]
            + [home.capture(os.path.basename(TORTURE), os.path.dirname(TORTURE))])


def pairs_hook(pairs):
    """Keeps repeated keys: tshark's JSON repeats "sip" for every message
    of a frame and a field for every header that carries it."""
    return pairs


def flatten(pairs, into):
    """Every field of a SIP item, subtrees included: name -> [values]."""
    for key, value in pairs:
        if isinstance(value, list) and value and isinstance(value[0], tuple):
            flatten(value, into)
        elif not key.endswith("_raw"):
            into.setdefault(key, []).append(value)
    return into


def sip_items(pairs, found):
    """(bytes as hex, fields) of every SIP item in a frame, in order, also
    inside other items (an ICMP error quoting a SIP message)."""
    raw = None
    for key, value in pairs:
        if key == "sip_raw":
            raw = value[0]
        elif key == "sip" and isinstance(value, list):
            found.append((raw, flatten(value, {})))
            raw = None
        elif isinstance(value, list) and value and isinstance(value[0], tuple):
            sip_items(value, found)
    return found


def messages_of(home, capture):
    output = home.run(["-r", capture, "-T", "json", "-x"]).stdout
    packets = json.loads(output or "[]", object_pairs_hook=pairs_hook)
    messages = []
    for packet in packets:
        source = dict(packet)["_source"]
        layers = dict(source)["layers"]
        frame = int(dict(flatten(layers, {}))["frame.number"][0])
        for index, (raw, fields) in enumerate(sip_items(layers, [])):
            messages.append((f"frame {frame} message {index + 1}", raw, fields))
    return messages


def parse_all(hex_messages):
    check(os.path.isfile(PARSE_JSON), f"sip_parse_json not built at {PARSE_JSON!r}")
    result = subprocess.run([PARSE_JSON], input="\n".join(hex_messages) + "\n",
                            capture_output=True, text=True, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def last(fields, name):
    values = fields.get(name)
    return values[-1] if values else None


def number(text):
    return int(text) if text is not None else None


def phrase_of(status_line):
    """"SIP/2.0 603 MaxPeak Cost Exceeded" -> "MaxPeak Cost Exceeded"."""
    parts = status_line.split(" ", 2)
    return parts[2].strip() if len(parts) == 3 else ""


def compare_message(what, parsed, fields):
    is_response = "sip.Status-Code" in fields
    check_equal(parsed["is_response"], is_response, f"{what}: is a response")
    check(parsed["length"] > 0, f"{what}: the parser did not recognise the message")
    if is_response:
        check_equal(parsed["status_code"], number(last(fields, "sip.Status-Code")), f"{what}: status code")
        check_equal(parsed["phrase"], phrase_of(last(fields, "sip.Status-Line")), f"{what}: phrase")
    else:
        check_equal(parsed["method"], last(fields, "sip.Method"), f"{what}: method")
    check_equal(parsed["cseq_method"], last(fields, "sip.CSeq.method"), f"{what}: CSeq method")
    if parsed["cseq_method"] is not None:
        check_equal(parsed["cseq"], number(last(fields, "sip.CSeq.seq")), f"{what}: CSeq number")
    if parsed["cseq_valid"]:
        check(fields.get("sip.CSeq.seq"), f"{what}: a valid CSeq number SIP did not read")
    if parsed["method"] == "ACK":
        return 1        # the parser reads nothing else of an ACK: nothing else uses it
    check_equal(parsed["call_id"], last(fields, "sip.Call-ID"), f"{what}: Call-ID")
    # SIP shows one sip.Via per header line and a transport per value.
    transports = fields.get("sip.Via.transport", [])
    check_equal(parsed["via_count"], len(transports), f"{what}: Via values")
    # SIP reads no branch with blanks around its "=" (RFC 3261 allows
    # them); where it read one for every value, the top one is the parser's.
    branches = fields.get("sip.Via.branch", [])
    if branches and len(branches) == len(transports):
        check_equal(parsed["via_branch"], branches[0], f"{what}: top Via branch")

    check_equal(parsed["to_tag"], last(fields, "sip.to.tag"), f"{what}: To tag")
    if parsed["method"] in ("INVITE", "BYE", "CANCEL"):
        check_equal(parsed["from_tag"], last(fields, "sip.from.tag"), f"{what}: From tag")
    if parsed["method"] == "INVITE" and parsed["to_tag"] is None:
        check_equal(parsed["from"], last(fields, "sip.from.addr"), f"{what}: From address")
        check_equal(parsed["to"], last(fields, "sip.to.addr"), f"{what}: To address")
    if is_response:
        server = last(fields, "sip.Server")
        check_equal(parsed["server"], server if server is not None else last(fields, "sip.User-Agent"),
                    f"{what}: Server, else User-Agent")
    compare_reasons(what, parsed["reasons"], fields)
    check_equal(parsed["warnings"], fields.get("sip.Warning", [])[:4], f"{what}: Warning values")
    # Retry-After: SIP shows 0, or a wrapped number flagged invalid, for a
    # value it cannot read fully ("soon", "18000;duration=3600", an
    # overflow). The parser reads the leading delta-seconds (RFC 3261
    # 20.33); test_sip_parse checks it on those values.
    sip_retry = number(last(fields, "sip.Retry-After"))
    if sip_retry is None:
        check_equal(parsed["retry_after"], None, f"{what}: no Retry-After")
    elif sip_retry and "Invalid retry_after value" not in fields.get("_ws.expert.message", []):
        check_equal(parsed["retry_after"], sip_retry, f"{what}: Retry-After")
    return 1


def compare_reasons(what, reasons, fields):
    """SIP reads the first value of each Reason line, and takes a protocol
    with blanks around it ("SIP ;cause=480") for another protocol: each of
    its causes must be one the parser read, with the same protocol unless
    SIP says "other". A value whose cause is no number the parser can take
    (twelve, -1, 4294967297) it marks malformed, where SIP reads some number
    out of it: each such value excuses one of SIP's."""
    read = [(r["protocol"], r["cause"]) for r in reasons if not r["malformed"]]
    excused = sum(1 for r in reasons if r["malformed"])
    sip = ([("Q.850", int(c)) for c in fields.get("sip.reason_cause_q850", [])]
           + [("SIP", int(c)) for c in fields.get("sip.reason_cause_sip", [])]
           + [("other", int(c)) for c in fields.get("sip.reason_cause_other", [])])
    for protocol, cause in sip:
        match = next((r for r in read if r[1] == cause and (r[0] == protocol or protocol == "other")), None)
        if match is None and excused:
            excused -= 1
            continue
        check(match is not None, f"{what}: SIP's Reason {protocol} {cause} not among the parser's {read}")
        read.remove(match)


def test_parser_reads_what_sip_reads(home):
    compared = 0
    for capture in captures(home):
        name = os.path.basename(capture)
        messages = messages_of(home, capture)
        parsed = parse_all([raw for _, raw, _ in messages])
        for (what, _, fields), result in zip(messages, parsed):
            compared += compare_message(f"{name} {what}", result, fields)
    check(compared >= 200, f"only {compared} messages compared: the comparison compared little")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
