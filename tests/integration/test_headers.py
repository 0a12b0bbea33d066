#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Reason, Warning and Retry-After explained; preferences; provider
overrides loaded from a test HOME; malformed input never stops tshark."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, check_equal, frames, run_tests  # noqa: E402

HEADER_FIELDS = ["sipcodes.code", "sipcodes.q850.cause", "sipcodes.q850.name", "sipcodes.q850.description",
                 "sipcodes.q850.action", "sipcodes.q850.mismatch", "sipcodes.sip_reason.cause",
                 "sipcodes.sip_reason.description", "sipcodes.warning.code", "sipcodes.warning.description",
                 "sipcodes.warning.text", "sipcodes.retry", "sipcodes.retry_after", "sipcodes.action",
                 "sipcodes.description", "sipcodes.registered", "sipcodes.disposition", "sipcodes.override",
                 "sipcodes.cause", "sipcodes.call.outcome", "sipcodes.phrase", "sip.Status-Code"]

EXAMPLE_OVERRIDES = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "examples", "sipcodes_overrides")
OVERRIDES_FILE = os.path.join(".config", "wireshark", "sipcodes_overrides")


def final_response(home, capture, code, extra_args=()):
    table = frames(home, capture, HEADER_FIELDS, extra_args=["-2"] + list(extra_args))
    matches = [f for n, f in sorted(table.items()) if f["sipcodes.code"] == [str(code)]]
    check(len(matches) >= 1, f"{capture}: no response {code}")
    return matches[0]


def expert(home, capture, extra_args=()):
    return home.run(list(extra_args) + ["-2", "-r", home.capture(capture), "-q", "-z", "expert,chat"]).stdout


# ---- Reason -----------------------------------------------------------------

def test_503_with_q850_cause_34_and_retry_after(home):
    r = final_response(home, "reason-q850-503.pcapng", 503)
    check_equal(r["sipcodes.q850.cause"], ["34"], "Q.850 cause")
    check_equal(r["sipcodes.q850.name"], ["No circuit/channel available"], "ITU name")
    check_equal(r["sipcodes.q850.mismatch"], ["0"], "34 agrees with 503")
    check(len(r["sipcodes.q850.description"][0]) > 20, "cause explained")
    check(len(r["sipcodes.q850.action"][0]) > 20, "cause has an action")
    check_equal(r["sipcodes.retry"], ["later"], "retry later")
    check_equal(r["sipcodes.retry_after"], ["120"], "Retry-After")
    check(r["sipcodes.action"][0].startswith("Wait 120 s (Retry-After)"), "the action names the delay")


def test_480_with_cause_17_is_contradictory(home):
    r = final_response(home, "q850-mismatch-480.pcapng", 480)
    check_equal(r["sipcodes.q850.cause"], ["17"], "cause 17")
    check_equal(r["sipcodes.q850.mismatch"], ["1"], "user busy contradicts 480")
    output = expert(home, "q850-mismatch-480.pcapng")
    check("Q.850 cause 17 (User busy) says Busy, status 480 says No Answer" in output
          and "sends this cause with 486" in output, f"a Note names both meanings:\n{output}")
    check("Nothing says where the cause was set" in output and "Trust the cause" not in output,
          f"without a location the Note does not take the cause's side:\n{output}")


def test_sip_and_q850_reasons_each_explained(home):
    r = final_response(home, "reason-sip-and-q850.pcapng", 480)
    check_equal(r["sipcodes.sip_reason.cause"], ["480"], "SIP reason")
    check(len(r["sipcodes.sip_reason.description"]) == 1, "SIP reason explained")
    check_equal(r["sipcodes.q850.cause"], ["18"], "Q.850 reason")
    check_equal(r["sipcodes.q850.mismatch"], ["0"], "18 (no user responding) agrees with 480")


def test_call_table_carries_the_q850_cause(home):
    output = home.run(["-2", "-r", home.capture("reason-q850-503.pcapng"), "-q", "-z", "sipcodes,calls"]).stdout
    line = [l for l in output.splitlines() if " |reason-q850-503-" in l]
    check(len(line) == 1 and " |Congestion | 34 |" in line[0], f"Q.850 column: {line}")


# ---- Warning ----------------------------------------------------------------

def test_several_warnings_each_explained(home):
    r = final_response(home, "warning-488.pcapng", 488)
    check_equal(r["sipcodes.warning.code"], ["305", "304", "0"], "three warn-values, the last malformed")
    check_equal(len(r["sipcodes.warning.description"]), 2, "the two registered ones explained")
    check("Incompatible media format" in r["sipcodes.warning.text"], "warn-text kept")
    output = expert(home, "warning-488.pcapng")
    check("Malformed Warning value" in output, f"the malformed value is flagged:\n{output}")


# ---- unregistered and malformed --------------------------------------------

def test_unregistered_code_explained_by_its_class(home):
    r = final_response(home, "unregistered-499.pcapng", 499)
    check_equal(r["sipcodes.registered"], ["0"], "499 is not registered")
    check(r["sipcodes.description"][0].startswith("Code 499 is not in the IANA registry"), "says so")
    check("400 Bad Request" in r["sipcodes.description"][0], "handled as 400")
    check_equal(r["sipcodes.disposition"], ["Request Error"], "400's disposition")
    check("499 is not a registered SIP status code" in expert(home, "unregistered-499.pcapng"), "expert info")


def test_malformed_messages_never_stop_tshark(home):
    for args in (["-V"], ["-2", "-V"], ["-q", "-z", "sipcodes,tree", "-z", "sipcodes,calls", "-z", "expert"]):
        result = home.run(args + ["-r", home.capture("malformed-sip.pcapng")], expect_success=False)
        check_equal(result.returncode, 0, f"tshark {' '.join(args)} on malformed-sip.pcapng: {result.stderr}")
    table = frames(home, "malformed-sip.pcapng", HEADER_FIELDS + ["frame.number"])
    for number, fields in table.items():
        check_equal(fields["sipcodes.code"], fields["sip.Status-Code"], f"frame {number}: explained")
    check_equal(table[2]["sipcodes.description"], [], "700 is not explained as a SIP code")
    check_equal(table[3]["sipcodes.retry_after"], [], "an unreadable Retry-After is not '0 s'")
    check_equal(table[3]["sipcodes.q850.cause"], ["999"], "an impossible cause is shown as it is")
    check("not a Q.850" in table[3]["sipcodes.q850.name"][0], "and called impossible")
    check_equal(table[6]["sipcodes.phrase"], [""], "an empty phrase is a non-standard one")
    output = expert(home, "malformed-sip.pcapng")
    check("Status code 700 is outside 100-699" in output, f"700 flagged:\n{output}")
    check("carries no reason phrase" in output, "empty phrase flagged")


# ---- preferences ----------------------------------------------------------

def test_preference_disable(home):
    table = frames(home, "busy-486.pcapng", ["sipcodes.code"], extra_args=["-o", "sipcodes.enabled:FALSE"])
    check(all(not f["sipcodes.code"] for f in table.values()), "no subtree when disabled")


def test_preference_provisional_subtree_off(home):
    table = frames(home, "busy-486.pcapng", ["sipcodes.code"],
                   extra_args=["-o", "sipcodes.provisional_subtree:FALSE"])
    codes = [c for f in table.values() for c in f["sipcodes.code"]]
    check_equal(codes, ["486"], "only the final response keeps its subtree")


def test_preference_disposition_in_info(home):
    output = home.run(["-o", "sipcodes.disposition_in_info:TRUE", "-r", home.capture("busy-486.pcapng")]).stdout
    check(any("486 Busy Here" in l and "[Busy]" in l for l in output.splitlines()), f"Info column:\n{output}")
    plain = home.run(["-r", home.capture("busy-486.pcapng")]).stdout
    check("[Busy]" not in plain, "off by default")


def test_preference_timeout_rejects_bad_values(home):
    result = home.run(["-o", "sipcodes.no_final_timeout:0", "-r", home.capture("busy-486.pcapng")])
    check("must be 1 to 3600 seconds; 0 was rejected" in result.stderr, f"clear message: {result.stderr}")
    for bad in ("abc", "-5"):
        result = home.run(["-o", f"sipcodes.no_final_timeout:{bad}", "-r", home.capture("busy-486.pcapng")],
                          expect_success=False)
        check(result.returncode != 0 and "Invalid -o flag" in result.stderr,
              f"Wireshark's own preference error for {bad}: {result.stderr}")


def test_preference_timeout_applies(home):
    # The INVITE of no-final-response.pcapng got a 100: the timeout never
    # applies, the end of the capture decides.
    r = final_response(home, "busy-486.pcapng", 486, extra_args=["-o", "sipcodes.no_final_timeout:1"])
    check_equal(r["sipcodes.call.outcome"], ["Busy"], "a ringing call is not cut by the timeout")


# ---- provider overrides ----------------------------------------------------

def install_example_overrides(home):
    with open(EXAMPLE_OVERRIDES) as example:
        home.add_file(OVERRIDES_FILE, example.read())


def test_override_changes_fields_expert_and_tallies(home):
    install_example_overrides(home)
    r = final_response(home, "vendor-phrase-603.pcapng", 603)
    check_equal(r["sipcodes.disposition"], ["Blocked"], "disposition overridden")
    check_equal(r["sipcodes.override"], ["1"], "override flagged")
    check_equal(r["sipcodes.retry"], ["no"], "retry overridden")
    check_equal(r["sipcodes.cause"], ["Destination's per-minute price is higher than the account's MaxPeak cost cap"],
                "cause replaced")
    check(r["sipcodes.description"][0].startswith("The provider refused the call"), "description replaced")
    check_equal(r["sipcodes.call.outcome"], ["Blocked"], "call outcome follows")
    check("The provider refused the call" in expert(home, "vendor-phrase-603.pcapng"), "expert text follows")
    tree = home.run(["-2", "-r", home.capture("vendor-phrase-603.pcapng"), "-q", "-z", "sipcodes,tree"]).stdout
    check(" Blocked " in tree and " Declined " not in tree, f"tallies follow:\n{tree}")
    table = home.run(["-2", "-r", home.capture("vendor-phrase-603.pcapng"), "-q", "-z", "sipcodes,calls"]).stdout
    check(" |Blocked |" in table, "table follows")


def test_override_touches_only_matching_rows(home):
    install_example_overrides(home)
    r = final_response(home, "declined-603.pcapng", 603)
    check_equal(r["sipcodes.disposition"], ["Declined"], "a plain 603 Decline is untouched")
    check_equal(r["sipcodes.override"], [], "no override flag")
    r = final_response(home, "unavailable-480.pcapng", 480)
    check_equal(r["sipcodes.disposition"], ["No Answer"], "the carrier row needs its Server text")


def test_malformed_override_rows_reported_and_good_rows_kept(home):
    home.add_file(OVERRIDES_FILE, "\n".join([
        '"999","","","","","","",""',
        '"603","MaxPeak","","","","","Blocked","no"',
        '"486","","","","","","Cost Cap",""',
        '"480","","","","","","","sometimes"',
    ]) + "\n")
    result = home.run(["-2", "-r", home.capture("vendor-phrase-603.pcapng"), "-T", "fields",
                       "-Y", "sipcodes.code == 603", "-e", "sipcodes.disposition"])
    check_equal(result.stdout.strip(), "Blocked", "the good row still applies")
    for message in ("row 1 ignored: code 999 is not a SIP status code",
                    "row 3 ignored: disposition \"Cost Cap\" is unknown",
                    "row 4 ignored: retry \"sometimes\" is unknown"):
        check(message in result.stderr, f"reported: {message!r} in {result.stderr}")


def test_unparsable_override_file_reported_and_tshark_runs(home):
    home.add_file(OVERRIDES_FILE, '"603","MaxPeak","","","","","Blocked","no"\nthis is not a row\n')
    result = home.run(["-2", "-r", home.capture("vendor-phrase-603.pcapng"), "-T", "fields",
                       "-Y", "sipcodes.code == 603", "-e", "sipcodes.disposition"])
    check("Error loading table 'SIP response overrides'" in result.stderr, f"reported: {result.stderr}")
    check_equal(result.stdout.strip(), "Blocked", "rows before the broken line still apply")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
