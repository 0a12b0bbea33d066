#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 15 on real captures: the Q.850 pairs FreeSWITCH and Asterisk send
every day raise no mismatch, causes 52/54 are explained as the barring they
are, and the phrases of RFC 3261's grammar and of common stacks (500
Internal Server Error, 202 Accepted to a REFER) are not vendor wording,
while real contradictions and real vendor wording are still reported."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, check_equal, frames, run_tests  # noqa: E402

FIELDS = ["sipcodes.code", "sipcodes.reason", "sipcodes.phrase", "sipcodes.phrase_nonstandard",
          "sipcodes.disposition", "sipcodes.method", "sipcodes.fault", "sipcodes.q850.cause",
          "sipcodes.q850.name", "sipcodes.q850.description", "sipcodes.q850.mismatch",
          "sipcodes.call.outcome", "sip.Status-Code", "sip.Status-Line"]


def response(home, capture, code):
    table = frames(home, capture, FIELDS, extra_args=["-2"])
    matches = [f for _, f in sorted(table.items()) if f["sipcodes.code"] == [str(code)]]
    check(len(matches) == 1, f"{capture}: one response {code}, got {len(matches)}")
    return matches[0]


def expert(home, capture):
    return home.run(["-2", "-r", home.capture(capture), "-q", "-z", "expert,chat"]).stdout


def check_no_mismatch(home, capture, code, cause):
    r = response(home, capture, code)
    check_equal(r["sipcodes.q850.cause"], [str(cause)], f"{capture}: the Reason's cause is read")
    check_equal(r["sipcodes.q850.mismatch"], ["0"], f"{code} with cause {cause} is no contradiction")
    notes = expert(home, capture)
    check("Q.850 cause" not in notes, f"{capture}: no mismatch note:\n{notes}")
    return r


# ---- de-facto pairs ---------------------------------------------------------

def test_freeswitch_codec_failure_488_cause_88(home):
    r = check_no_mismatch(home, "freeswitch-488-cause-88.pcapng", 488, 88)
    check_equal(r["sipcodes.q850.name"], ["Incompatible destination"], "ITU name")
    check_equal(r["sipcodes.disposition"], ["Media Rejected"], "still a media failure")


def test_asterisk_606_cause_58(home):
    r = check_no_mismatch(home, "asterisk-606-cause-58.pcapng", 606, 58)
    check_equal(r["sipcodes.disposition"], ["Media Rejected"], "606 disposition")
    check_equal(r["sipcodes.fault"], ["caller"], "606 faults the offer, as 488 does")


def test_asterisk_607_cause_21(home):
    r = check_no_mismatch(home, "asterisk-607-cause-21.pcapng", 607, 21)
    check_equal(r["sipcodes.disposition"], ["Unwanted"], "607 disposition")
    check_equal(r["sipcodes.call.outcome"], ["Unwanted"], "the call's outcome")


def test_607_counts_towards_ner(home):
    output = home.run(["-2", "-r", home.capture("asterisk-607-cause-21.pcapng"), "-q",
                       "-z", "sipcodes,tree"]).stdout
    ner = [re.match(r"\s*NER:[^)]*\)\s+(\d+)\s", line) for line in output.splitlines() if "NER:" in line]
    check(len(ner) == 1 and ner[0], f"one NER line:\n{output}")
    check_equal(ner[0].group(1), "1", "the Unwanted call reached the callee")


def test_freeswitch_403_cause_52_is_explained(home):
    r = check_no_mismatch(home, "freeswitch-403-cause-52.pcapng", 403, 52)
    check_equal(r["sipcodes.q850.name"], ["Outgoing calls barred (not in Q.850)"], "the senders' name")
    description = r["sipcodes.q850.description"][0]
    check("calling line" in description and "private value" not in description,
          f"52 explained as a barring: {description}")


def test_real_contradiction_still_flagged(home):
    r = response(home, "q850-mismatch-480.pcapng", 480)
    check_equal(r["sipcodes.q850.mismatch"], ["1"], "480 with user busy still contradicts")
    check("says Busy, status 480 says No Answer" in expert(home, "q850-mismatch-480.pcapng"),
          "the note names both meanings")


# ---- phrases ----------------------------------------------------------------

def test_500_internal_server_error_is_standard(home):
    r = response(home, "phrase-500-internal-server-error.pcapng", 500)
    check_equal(r["sip.Status-Line"], ["SIP/2.0 500 Internal Server Error"], "the phrase on the wire")
    check_equal(r["sipcodes.phrase_nonstandard"], ["0"], "RFC 3261 grammar spelling")
    check_equal(r["sipcodes.phrase"], [], "no carried-phrase field")
    check("Reason phrase" not in expert(home, "phrase-500-internal-server-error.pcapng"),
          "no non-standard-phrase note")


def test_202_accepted_to_refer(home):
    r = response(home, "refer-202-accepted.pcapng", 202)
    check_equal(r["sipcodes.method"], ["REFER"], "answers the REFER")
    check_equal(r["sipcodes.reason"], ["Accepted"], "registered phrase shown as sent")
    check_equal(r["sipcodes.phrase_nonstandard"], ["0"], "202 Accepted is standard")
    check_equal(r["sipcodes.disposition"], ["OK"], "a 2xx to a non-INVITE")
    check_equal(r["sipcodes.call.outcome"], ["Answered"], "the transfer does not change the call")
    check("Reason phrase" not in expert(home, "refer-202-accepted.pcapng"), "no phrase note")


def test_vendor_wording_still_flagged(home):
    r = response(home, "vendor-phrase-603.pcapng", 603)
    check_equal(r["sipcodes.phrase_nonstandard"], ["1"], "vendor wording")
    check_equal(r["sipcodes.phrase"], ["MaxPeak Cost Exceeded"], "carried phrase shown")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
