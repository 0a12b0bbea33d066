#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The RFC 4475 torture capture (tests/robustness/rfc4475-torture.pcapng,
written by make-torture-pcap.py): what sipcodes says about every response,
and that no way of reading the capture crashes tshark.

Frames are named as in make-torture-pcap.py (RFC 4475's short names, and
sc-* for the responses that torture what sipcodes reads). Where the outcome
depends on how Wireshark's SIP dissector parses a broken message (whether it
is SIP at all, what number it reads out of an overflowing field), the tests
accept each parse Wireshark 4.0 to 4.6 may make, and check what sipcodes
does with it.

Runs like tests/integration/*.py (harness.py): `test_torture.py --list`,
`test_torture.py NAME`; ctest registers each test from tests/robustness.
"""
import importlib.util
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
import harness  # noqa: E402
from harness import check, check_equal, frames, run_tests  # noqa: E402

ROBUSTNESS = os.path.join(os.path.dirname(HERE), "robustness")
CAPTURE = "rfc4475-torture.pcapng"
# The capture lives beside this suite, not in sample-pcaps/.
harness.SAMPLES = ROBUSTNESS

_spec = importlib.util.spec_from_file_location("make_torture_pcap", os.path.join(ROBUSTNESS, "make-torture-pcap.py"))
generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generator)
FRAME = generator.frame_numbers()

FIELDS = ["sip.Status-Code", "sip.Method", "sipcodes.code", "sipcodes.class", "sipcodes.final",
          "sipcodes.registered", "sipcodes.phrase", "sipcodes.phrase_nonstandard", "sipcodes.description",
          "sipcodes.action", "sipcodes.disposition", "sipcodes.retry", "sipcodes.retry_after",
          "sipcodes.method", "sipcodes.request_frame", "sipcodes.retransmission",
          "sipcodes.call.outcome", "sipcodes.call.decisive", "sipcodes.call.superseded",
          "sipcodes.q850.cause", "sipcodes.q850.description", "sipcodes.sip_reason.cause",
          "sipcodes.warning.code", "sipcodes.warning.text"]

# Every response that Wireshark reads as one, with what sipcodes must say.
# request: the frame (by name) of the request it answers; outcome: the
# call's outcome on the second pass; decisive: "1" when it decides its call.
EXPECTED = {
    # 3.1.1.13: no reason phrase at all (the SP after the code is there).
    "noreason": dict(code="100", final="0", disposition="In Progress", nonstandard="1", phrase="",
                     request="call-invite", outcome="Answered", decisive="0"),
    # 3.1.1.12: a reason phrase of symbols and UTF-8 text.
    "unreason": dict(code="200", final="1", disposition="Answered", nonstandard="1",
                     phrase="= 2**3 * 5**2 двести - 二百, deux cents, zweihundert",
                     request="call-invite", outcome="Answered", decisive="1"),
    # 3.3.10: a 200 whose Via holds a broadcast address. Its top Via branch
    # is not the INVITE's, so it answers another transaction (RFC 3261
    # 17.1.3: a hop whose request the capture lacks); a 2xx to an initial
    # INVITE of the call answers the call all the same.
    "bcast": dict(code="200", final="1", disposition="Answered", nonstandard="0",
                  request=None, outcome="Answered", decisive="1"),
    # 3.1.2.5: overlarge CSeq, Retry-After and warn-code in a 503 to a REGISTER.
    "scalarlg": dict(code="503", final="1", disposition="Congestion", retry="later", method="REGISTER",
                     warnings=["0"], outcome=None),
    "sc-folded-reason": dict(code="480", final="1", disposition="No Answer", request="sc-invite-1",
                             outcome="No Answer", decisive="1"),
    "sc-bad-causes": dict(code="486", final="1", disposition="Busy", request="sc-invite-2",
                          outcome="Busy", decisive="1"),
    "sc-retry-after-params": dict(code="503", final="1", disposition="Congestion", retry="later",
                                  request="sc-invite-3", outcome="Congestion", decisive="1"),
    "sc-warnings": dict(code="488", final="1", disposition="Media Rejected", request="sc-invite-4",
                        outcome="Media Rejected", decisive="1", warnings=["399", "0", "301", "380", "370"]),
    "sc-compact": dict(code="404", final="1", disposition="Invalid Number", request="sc-invite-5",
                       outcome="Invalid Number", decisive="1"),
    "sc-long-phrase": dict(code="600", final="1", disposition="Busy", nonstandard="1", request="sc-invite-8",
                           outcome="Busy", decisive="1"),
    "sc-cseq-no-method": dict(code="500", final="1", disposition="Service Failure", outcome=None),
    "sc-empty-tag": dict(code="418", final="1", registered="0", disposition="Request Error",
                         request="sc-invite-12", outcome="Request Error", decisive="1"),
    "sc-no-call-id": dict(code="481", final="1", disposition="Request Error", outcome=None),
    # Wireshark 4.0 reads one message per UDP datagram; the 486 behind the
    # 180 is checked in its own test.
    "sc-two-in-one": dict(code="180", final="0", disposition="In Progress", request="sc-invite-13"),
}
# Responses that may carry more sipcodes subtrees than the first, depending
# on the Wireshark version; EXPECTED describes the first.
MAY_HOLD_MORE = {"sc-two-in-one"}

# Calls whose INVITE never gets a final response in the capture.
UNANSWERED = ["wsinv", "esc01", "longreq", "badinv01", "clerr", "ncl", "escruri", "baddate",
              "invut", "sdp01", "inv2543", "sc-invite-6", "sc-invite-7", "sc-invite-10"]

# Messages no sipcodes subtree may come from, whatever Wireshark makes of
# them: requests, and responses whose status code is no SIP status code.
NOT_EXPLAINED_REQUESTS = [name for name, to_callee, _ in generator.MESSAGES if to_callee]


def table(home, two_pass=True):
    return frames(home, CAPTURE, FIELDS, extra_args=["-2"] if two_pass else [])


def row(t, name):
    return t[FRAME[name]]


def test_capture_matches_generator(home):
    """rfc4475-torture.pcapng is what make-torture-pcap.py writes today."""
    with tempfile.TemporaryDirectory() as work:
        fresh = os.path.join(work, "fresh.pcapng")
        subprocess.run([sys.executable, os.path.join(ROBUSTNESS, "make-torture-pcap.py"), fresh],
                       check=True, capture_output=True)
        check_equal(packets(fresh), packets(os.path.join(ROBUSTNESS, CAPTURE)),
                    "packets of the committed capture vs. a fresh one (run make-torture-pcap.py)")


def packets(path):
    """(timestamp, bytes) of every Enhanced Packet Block of a pcapng file."""
    with open(path, "rb") as handle:
        data = handle.read()
    out, offset = [], 0
    while offset + 12 <= len(data):
        block_type, length = struct.unpack_from("<II", data, offset)
        if block_type == 6:
            _, high, low, captured, _ = struct.unpack_from("<IIIII", data, offset + 8)
            out.append(((high << 32) | low, data[offset + 28:offset + 28 + captured]))
        offset += length
    return out


def test_every_way_of_reading_it_exits_cleanly(home):
    capture = home.capture(CAPTURE)
    for args in (["-V"], ["-2", "-V"], ["-q", "-z", "sipcodes,tree"], ["-2", "-q", "-z", "sipcodes,calls"],
                 ["-T", "pdml"], ["-2", "-T", "json"], ["-Y", "sipcodes"], ["-2", "-Y", "sipcodes.call.decisive"]):
        result = home.run(["-n", "-r", capture] + args)   # fails on a non-zero exit status
        check("Malformed Packet: sipcodes" not in result.stdout
              and "Dissector bug, protocol sipcodes" not in result.stdout
              and "sipcodes" not in "".join(l for l in result.stderr.splitlines(True) if "CRITICAL" in l),
              f"tshark {' '.join(args)}: an exception or critical from sipcodes:\n{result.stderr[-2000:]}")


def test_sipcodes_codes_are_the_sip_status_codes(home):
    """Exactly the messages SIP reads as responses get a sipcodes subtree,
    one per status code, carrying that code."""
    t = table(home)
    for number, fields in sorted(t.items()):
        check_equal(fields["sipcodes.code"], fields["sip.Status-Code"], f"frame {number}: sipcodes codes")


def test_responses_explained_as_expected(home):
    t = table(home)
    for name, want in EXPECTED.items():
        r = row(t, name)
        if name in MAY_HOLD_MORE:
            r = {field: values[:1] for field, values in r.items()}
        what = f"{name} (frame {FRAME[name]})"
        check_equal(r["sipcodes.code"], [want["code"]], what + ": code")
        check_equal(r["sipcodes.final"], [want["final"]], what + ": final")
        check_equal(r["sipcodes.disposition"], [want["disposition"]], what + ": disposition")
        check_equal(r["sipcodes.class"], [want["code"][0]], what + ": class")
        check(len(r["sipcodes.description"]) == 1 and len(r["sipcodes.description"][0]) > 20,
              what + ": explained in words")
        check(len(r["sipcodes.action"]) == 1, what + ": has an action")
        if "registered" in want:
            check_equal(r["sipcodes.registered"], [want["registered"]], what + ": registered")
        if "nonstandard" in want:
            check_equal(r["sipcodes.phrase_nonstandard"], [want["nonstandard"]], what + ": non-standard phrase")
        if "phrase" in want:
            check_equal(r["sipcodes.phrase"], [want["phrase"]], what + ": carried phrase")
        if "retry" in want:
            check_equal(r["sipcodes.retry"], [want["retry"]], what + ": retry")
        if "method" in want:
            check_equal(r["sipcodes.method"], [want["method"]], what + ": method")
        if "warnings" in want:
            check_equal(r["sipcodes.warning.code"], want["warnings"], what + ": warn-codes")
        if "request" in want:
            check_equal(r["sipcodes.request_frame"], [str(FRAME[want["request"]])] if want["request"] else [],
                        what + ": request frame")
        if "outcome" in want:
            check_equal(r["sipcodes.call.outcome"], [want["outcome"]] if want["outcome"] else [],
                        what + ": call outcome")
        if "decisive" in want:
            check_equal(r["sipcodes.call.decisive"], [want["decisive"]], what + ": decisive")


def test_bigcode_is_never_explained_as_a_status(home):
    """3.1.2.19: status code 4294967301. Wireshark 4.0 does not take the
    message for SIP; should a version read a number from it, sipcodes must
    flag it as no SIP status code (no class, no disposition) and let it
    decide nothing: the call stays answered by its 200."""
    t = table(home)
    r = row(t, "bigcode")
    if r["sipcodes.code"] and not 100 <= int(r["sipcodes.code"][0]) <= 699:
        check_equal(r["sipcodes.disposition"], [], "an out-of-range code has no disposition")
        check_equal(r["sipcodes.call.decisive"], [], "an out-of-range code decides nothing")
    check_equal(row(t, "unreason")["sipcodes.call.outcome"], ["Answered"], "the call is still answered")


def test_out_of_range_codes_are_flagged_not_explained(home):
    """sc-999 (three digits, above 699) is shown as malformed: its code, no
    class, meaning or disposition, and its call is not decided by it. sc-99,
    sc-0486, sc-nospace and sc-binary-phrase are not SIP for Wireshark 4.0;
    if a version reads them, the same rules apply."""
    t = table(home)
    for name in ("sc-999", "sc-99", "sc-0486", "sc-nospace", "sc-binary-phrase"):
        r = row(t, name)
        for code in r["sipcodes.code"]:
            if not 100 <= int(code) <= 699:
                check_equal(r["sipcodes.class"], [], f"{name}: no class for {code}")
                check_equal(r["sipcodes.disposition"], [], f"{name}: no disposition for {code}")
                check_equal(r["sipcodes.description"], [], f"{name}: no meaning for {code}")
                check_equal(r["sipcodes.call.decisive"], [], f"{name}: decides nothing")
    check_equal(row(t, "sc-999")["sipcodes.code"], ["999"], "sc-999 is shown with its code")
    output = home.run(["-2", "-n", "-r", home.capture(CAPTURE), "-q", "-z", "expert,error"]).stdout
    check("Status code 999 is outside 100-699" in output, f"999 flagged as malformed:\n{output[-3000:]}")
    invite6 = row(t, "sc-invite-6")
    check_equal(invite6["sipcodes.call.outcome"], ["No Final Response"], "the 999 decided nothing")


def test_requests_get_no_response_subtree(home):
    t = table(home)
    for name in NOT_EXPLAINED_REQUESTS:
        r = row(t, name)
        check_equal(r["sipcodes.code"], [], f"{name}: a request has no status code")
        check_equal(r["sipcodes.disposition"], [], f"{name}: a request has no disposition")


def test_unanswered_invites_end_as_no_final_response(home):
    t = table(home)
    for name in UNANSWERED:
        r = row(t, name)
        check_equal(r["sip.Method"], ["INVITE"], f"{name} is an INVITE")
        check_equal(r["sipcodes.call.outcome"], ["No Final Response"], f"{name}: outcome")


def test_overflowing_numbers_stay_in_their_fields(home):
    """scalarlg / sc-bad-causes: whatever number Wireshark reads out of an
    overflowing CSeq, Retry-After or Reason cause, sipcodes shows it in
    range and explains it (a cause above 127 as "not a Q.850 cause")."""
    t = table(home)
    scalarlg = row(t, "scalarlg")
    for value in scalarlg["sipcodes.retry_after"]:
        check(0 <= int(value) <= 0xFFFFFFFF, f"Retry-After {value}")
    causes = row(t, "sc-bad-causes")
    check_equal(len(causes["sipcodes.q850.description"]), len(causes["sipcodes.q850.cause"]),
                "every Q.850 cause explained")
    for value in causes["sipcodes.q850.cause"]:
        check(0 <= int(value) <= 0xFFFFFFFF, f"Q.850 cause {value}")


def test_two_responses_in_one_datagram(home):
    """sc-two-in-one: a 180 and a 486 in one UDP datagram. Wireshark 4.0
    shows the first only; a version that reads both must get both
    explained, each bound to its own message, and the 486 decides the call."""
    t = table(home)
    r = row(t, "sc-two-in-one")
    check(r["sipcodes.code"] in (["180"], ["180", "486"]), f"codes {r['sipcodes.code']}")
    if r["sipcodes.code"] == ["180", "486"]:
        check_equal(r["sipcodes.disposition"], ["In Progress", "Busy"], "each message its own disposition")
        check_equal(r["sipcodes.call.outcome"][-1:], ["Busy"], "the 486 decides the call")


def test_first_pass_agrees_with_second(home):
    """What is decided on the first pass (code, disposition, request) is
    what the second pass shows."""
    one, two = table(home, two_pass=False), table(home)
    for name in EXPECTED:
        for field in ("sipcodes.code", "sipcodes.disposition", "sipcodes.request_frame", "sipcodes.phrase",
                      "sipcodes.warning.code"):
            check_equal(row(one, name)[field], row(two, name)[field], f"{name}: {field} on pass 1 vs 2")


def test_call_table(home):
    output = home.run(["-2", "-n", "-r", home.capture(CAPTURE), "-q", "-z", "sipcodes,calls"]).stdout
    # A row is "first frame |Call-ID |...": the Call-ID is the second cell.
    call_ids = [line.split(" |")[1] for line in output.splitlines() if re.match(r"^\d+ \|", line)]
    lines = [line for line in output.splitlines() if " |torture-call.1@" in line]
    check(len(lines) == 1, f"one row for the answered torture call:\n{output[-3000:]}")
    check("|200 |= 2**3 * 5**2 двести - 二百, deux cents, zweihundert |Answered |" in lines[0],
          f"decided by the 200 with its unusual phrase: {lines[0]}")
    check(call_ids and not any(c.startswith(("mismatch01", "mismatch02", "insuf")) for c in call_ids),
          f"no call for requests that are not INVITEs or lack a Call-ID: {call_ids}")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
