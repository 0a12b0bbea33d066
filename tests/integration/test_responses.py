#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Per-response explanations: the real tshark with the built plugin over the
sample captures, checking field values frame by frame."""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SAMPLES, check, check_equal, frames, run_tests  # noqa: E402

RESPONSE_FIELDS = [
    "sipcodes.code", "sipcodes.class", "sipcodes.reason", "sipcodes.phrase",
    "sipcodes.phrase_nonstandard", "sipcodes.registered", "sipcodes.rfc",
    "sipcodes.description", "sipcodes.cause", "sipcodes.action",
    "sipcodes.disposition", "sipcodes.final", "sipcodes.retransmission",
    "sipcodes.retry", "sipcodes.retry_after", "sipcodes.fault", "sipcodes.method",
    "sipcodes.request_frame", "sipcodes.response_time",
]

DESIGN_FIELDS = RESPONSE_FIELDS + [
    "sipcodes.call.outcome", "sipcodes.call.decisive", "sipcodes.call.superseded",
    "sipcodes.call.pdd", "sipcodes.call.setup_time", "sipcodes.call.attempts",
]


def sample_names():
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(SAMPLES, "*.pcapng")))


def response_frame(table, code, nth=0):
    """The nth frame whose sipcodes.code list contains `code`."""
    matches = [n for n, fields in sorted(table.items()) if str(code) in fields["sipcodes.code"]]
    check(len(matches) > nth, f"no frame #{nth} with sipcodes.code {code}; frames: {sorted(table)}")
    return matches[nth]


def single(table, frame, field):
    values = table[frame][field]
    check(len(values) == 1, f"frame {frame}: expected one {field}, got {values}")
    return values[0]


def check_response(table, frame, **expected):
    for name, value in expected.items():
        field = "sipcodes." + name.replace("__", ".")
        check_equal(single(table, frame, field), value, f"frame {frame} {field}")


def explain(home, capture):
    return frames(home, capture, RESPONSE_FIELDS + ["sip.Status-Code", "sip.CSeq.method", "sip.Method"])


# ---- the plugin is there -------------------------------------------------

def test_plugin_listed(home):
    result = home.run(["-G", "plugins"])
    line = [l for l in result.stdout.splitlines() if l.startswith("sipcodes.so")]
    check(len(line) == 1, f"sipcodes.so not in tshark -G plugins:\n{result.stdout}")
    version = line[0].split("\t")[1].strip()
    check(re.fullmatch(r"\d+\.\d+\.\d+", version) is not None, f"plugin version {version!r}")


def test_fields_registered_with_blurbs(home):
    result = home.run(["-G", "fields"])
    registered = {}
    for row in result.stdout.splitlines():
        columns = row.split("\t")
        if len(columns) >= 8 and columns[0] == "F" and columns[2].startswith("sipcodes."):
            registered[columns[2]] = columns[7]
    for field in DESIGN_FIELDS:
        check(field in registered, f"{field} is not registered")
        check(len(registered[field].strip()) > 10, f"{field} has no useful blurb: {registered[field]!r}")


# ---- every response explained, nothing else ------------------------------

def test_every_response_gets_a_subtree(home):
    for capture in sample_names():
        table = frames(home, capture, ["sip.Status-Code", "sipcodes.code", "sipcodes.description"])
        for number, fields in table.items():
            check_equal(fields["sipcodes.code"], fields["sip.Status-Code"],
                        f"{capture} frame {number}: one explanation per response")
            real_codes = [c for c in fields["sip.Status-Code"] if 100 <= int(c) <= 699]
            check_equal(len(fields["sipcodes.description"]), len(real_codes),
                        f"{capture} frame {number}: a description per response with a real status code")


def test_requests_and_non_sip_frames_get_nothing(home):
    table = frames(home, "answered.pcapng", ["sip.Method", "sipcodes.code"])
    requests = [n for n, f in table.items() if f["sip.Method"]]
    check(len(requests) >= 3, "answered.pcapng should hold INVITE, ACK and BYE")
    for number in requests:
        check_equal(table[number]["sipcodes.code"], [], f"request frame {number}")


# ---- the explanations are right ------------------------------------------

def test_answered_call(home):
    table = explain(home, "answered.pcapng")
    ok = response_frame(table, 200)
    check_response(table, ok, code="200", **{"class": "2"}, reason="OK", disposition="Answered",
                   final="1", retry="no", fault="none", method="INVITE", registered="1",
                   phrase_nonstandard="0", rfc="RFC 3261")
    invite = [n for n, f in table.items() if f["sip.Method"] == ["INVITE"]][0]
    check_equal(single(table, ok, "sipcodes.request_frame"), str(invite), "200 answers the INVITE")
    check(float(single(table, ok, "sipcodes.response_time")) >= 0, "response time present")
    bye_ok = response_frame(table, 200, 1)
    check_response(table, bye_ok, disposition="OK", method="BYE")
    ringing = response_frame(table, 180)
    check_response(table, ringing, disposition="In Progress", final="0", **{"class": "1"})


def test_busy_486(home):
    table = explain(home, "busy-486.pcapng")
    busy = response_frame(table, 486)
    check_response(table, busy, reason="Busy Here", disposition="Busy", final="1",
                   retry="later", fault="callee", method="INVITE", **{"class": "4"})
    check("busy" in single(table, busy, "sipcodes.description").lower(), "486 description speaks of busy")
    check(len(table[busy]["sipcodes.cause"]) >= 2, "486 lists several likely causes")


def test_not_found_404(home):
    table = explain(home, "not-found-404.pcapng")
    check_response(table, response_frame(table, 404), reason="Not Found",
                   disposition="Invalid Number", retry="no", fault="caller")


def test_forbidden_403(home):
    table = explain(home, "forbidden-403.pcapng")
    frame = response_frame(table, 403)
    check_response(table, frame, reason="Forbidden", disposition="Blocked", retry="no")
    causes = " ".join(table[frame]["sipcodes.cause"]).lower()
    check("ip" in causes or "acl" in causes, f"403 causes mention the provider ACL: {causes}")


def test_unavailable_480(home):
    table = explain(home, "unavailable-480.pcapng")
    check_response(table, response_frame(table, 480), reason="Temporarily Unavailable",
                   disposition="No Answer", retry="later")


def test_cancelled_487(home):
    table = explain(home, "cancelled-487.pcapng")
    check_response(table, response_frame(table, 487), reason="Request Terminated",
                   disposition="Cancelled", method="INVITE")
    cancel_ok = [n for n, f in table.items()
                 if f["sip.Status-Code"] == ["200"] and f["sip.CSeq.method"] == ["CANCEL"]]
    check(len(cancel_ok) == 1, "one 200 answers the CANCEL")
    check_response(table, cancel_ok[0], method="CANCEL", disposition="OK")


def test_service_unavailable_503_with_retry_after(home):
    table = explain(home, "service-unavailable-503.pcapng")
    frame = response_frame(table, 503)
    check_response(table, frame, reason="Service Unavailable", disposition="Congestion",
                   retry="later", retry_after="120", fault="network", **{"class": "5"})
    check("120 s" in single(table, frame, "sipcodes.action"), "the action names the Retry-After delay")


def test_declined_603(home):
    table = explain(home, "declined-603.pcapng")
    frame = response_frame(table, 603)
    check_response(table, frame, reason="Decline", disposition="Declined", phrase_nonstandard="0",
                   **{"class": "6"})
    check_equal(table[frame]["sipcodes.phrase"], [], "no phrase field when the phrase is standard")


def test_vendor_phrase_603(home):
    table = explain(home, "vendor-phrase-603.pcapng")
    frame = response_frame(table, 603)
    check_response(table, frame, reason="Decline", phrase="MaxPeak Cost Exceeded",
                   phrase_nonstandard="1", registered="1")


def test_auth_challenge_407(home):
    table = explain(home, "auth-407-then-200.pcapng")
    check_response(table, response_frame(table, 407), reason="Proxy Authentication Required",
                   disposition="Auth Challenge", retry="modified")


def test_tcp_segment_with_several_responses(home):
    table = explain(home, "tcp-multi-message.pcapng")
    multi = [n for n, f in table.items() if len(f["sip.Status-Code"]) >= 2]
    check(len(multi) >= 1, "tcp-multi-message.pcapng has a frame with two SIP responses")
    frame = multi[0]
    codes = table[frame]["sip.Status-Code"]
    check_equal(table[frame]["sipcodes.code"], codes, f"frame {frame}: each message explained in order")
    check_equal(len(table[frame]["sipcodes.disposition"]), len(codes), "a disposition each")
    check_equal(len(table[frame]["sipcodes.method"]), len(codes), "each bound to its own CSeq")
    check_equal(table[frame]["sipcodes.final"], ["1" if int(c) >= 200 else "0" for c in codes],
                "final flag per message")


# ---- stability: -2 and expert info ---------------------------------------

def test_two_pass_matches_one_pass(home):
    """Per-response fields are decided on the first pass; only the call
    fields and the no-final-response note on an INVITE may differ."""
    fields = RESPONSE_FIELDS + ["sip.Status-Code"]
    for capture in sample_names():
        one = frames(home, capture, fields)
        two = frames(home, capture, fields, extra_args=["-2"])
        check_equal(sorted(two), sorted(one), f"{capture}: same frames")
        for number in one:
            if not one[number]["sip.Status-Code"]:
                continue
            for field in RESPONSE_FIELDS:
                if field == "sipcodes.retransmission":
                    continue
                check_equal(two[number][field], one[number][field], f"{capture} frame {number} {field} with -2")


def expert_lines(home, capture):
    result = home.run(["-r", home.capture(capture), "-q", "-z", "expert,chat"])
    return result.stdout


def test_expert_info_severity_fits_the_code(home):
    cases = [("busy-486.pcapng", "Notes", "486 Busy Here"),
             ("not-found-404.pcapng", "Warns", "404 Not Found"),
             ("forbidden-403.pcapng", "Warns", "403 Forbidden"),
             ("service-unavailable-503.pcapng", "Errors", "503 Service Unavailable")]
    for capture, section, text in cases:
        output = expert_lines(home, capture)
        match = re.search(rf"{section} \(\d+\)\n=+\n(.*?)(\n\n|\Z)", output, re.S)
        check(match is not None, f"{capture}: no {section} section in\n{output}")
        check(text in match.group(1), f"{capture}: {text!r} not among {section}:\n{match.group(1)}")
        check("Next step:" in match.group(1), f"{capture}: expert text carries the action")


def test_expert_info_for_vendor_phrase(home):
    output = expert_lines(home, "vendor-phrase-603.pcapng")
    check("MaxPeak Cost Exceeded" in output, f"non-standard phrase reported:\n{output}")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
