#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Call outcomes: the call fields per frame, the stats tree counts and the
per-call table lines, on the sample captures, with one pass and two."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, check_equal, frames, generated_calls, run_tests  # noqa: E402

CALL_FIELDS = ["sipcodes.code", "sipcodes.call.outcome", "sipcodes.call.decisive",
               "sipcodes.call.superseded", "sipcodes.call.attempts", "sipcodes.call.pdd",
               "sipcodes.call.setup_time", "sipcodes.retransmission", "sip.Method",
               "sip.CSeq.method"]

# capture -> (outcome, deciding code, attempts)
EXPECTED_CALLS = {
    "answered.pcapng": ("Answered", 200, 1),
    "busy-486.pcapng": ("Busy", 486, 1),
    "not-found-404.pcapng": ("Invalid Number", 404, 1),
    "forbidden-403.pcapng": ("Blocked", 403, 1),
    "unavailable-480.pcapng": ("No Answer", 480, 1),
    "cancelled-487.pcapng": ("Cancelled", 487, 1),
    "service-unavailable-503.pcapng": ("Congestion", 503, 1),
    "auth-407-then-200.pcapng": ("Answered", 200, 2),
    "declined-603.pcapng": ("Declined", 603, 1),
    "vendor-phrase-603.pcapng": ("Declined", 603, 1),
    "redirect-302-then-200.pcapng": ("Answered", 200, 2),
    "redirect-302-unfollowed.pcapng": ("Redirected", 302, 1),
    "fork-two-branches.pcapng": ("Answered", 200, 1),
    "reinvite-491-after-answer.pcapng": ("Answered", 200, 1),
    "in-progress-at-capture-end.pcapng": ("In Progress", 0, 1),
    "auth-407-unanswered.pcapng": ("Auth Challenge", 407, 1),
    "retransmitted-486.pcapng": ("Busy", 486, 1),
    "cancelled-after-auth.pcapng": ("Cancelled", 487, 2),
    "redirect-then-busy.pcapng": ("Busy", 486, 2),
    "reason-q850-503.pcapng": ("Congestion", 503, 1),
    "q850-mismatch-480.pcapng": ("No Answer", 480, 1),
    "reason-sip-and-q850.pcapng": ("No Answer", 480, 1),
    "warning-488.pcapng": ("Media Rejected", 488, 1),
    "unregistered-499.pcapng": ("Request Error", 499, 1),
    "freeswitch-488-cause-88.pcapng": ("Media Rejected", 488, 1),
    "asterisk-606-cause-58.pcapng": ("Media Rejected", 606, 1),
    "asterisk-607-cause-21.pcapng": ("Unwanted", 607, 1),
    "freeswitch-403-cause-52.pcapng": ("Blocked", 403, 1),
    "phrase-500-internal-server-error.pcapng": ("Service Failure", 500, 1),
    "refer-202-accepted.pcapng": ("Answered", 200, 1),
}

NOT_CALLS = ["register-401-then-200.pcapng", "options-200.pcapng"]


def call_frames(home, capture, two_pass=True):
    return frames(home, capture, CALL_FIELDS, extra_args=["-2"] if two_pass else [])


def responses_with(table, code):
    return [n for n, f in sorted(table.items()) if str(code) in f["sipcodes.code"]]


def decisive_frames(table):
    return [n for n, f in sorted(table.items()) if "1" in f["sipcodes.call.decisive"]]


# ---- stats output parsers -------------------------------------------------

def stats_tree(home, capture, two_pass):
    """{path tuple: count} from tshark -z sipcodes,tree."""
    args = ["-r", home.capture(capture), "-q", "-z", "sipcodes,tree"]
    if two_pass:
        args.insert(0, "-2")
    output = home.run(args).stdout
    body = output.split("-" * 20, 1)[1]
    counts, stack = {}, []
    for line in body.splitlines():
        match = re.match(r"^( *)(\S.*?)\s{2,}(-?\d+)\s", line)
        if not match:
            continue
        depth = len(match.group(1))
        stack = stack[:depth] + [match.group(2)]
        counts[tuple(stack)] = int(match.group(3))
    return counts


def call_table(home, capture, two_pass, extra=()):
    """Rows of tshark -z sipcodes,calls as dicts keyed by column name."""
    args = list(extra) + ["-r", home.capture(capture), "-q", "-z", "sipcodes,calls"]
    if two_pass:
        args.insert(0, "-2")
    lines = home.run(args).stdout.splitlines()
    header = next(l for l in lines if l.startswith("First frame |"))
    columns = [c.strip() for c in header.split(" |")[:-1]]
    start = lines.index("SIP calls") + 1
    rows = []
    for line in lines[start:]:
        if line.startswith("====="):
            break
        values = [v.strip() for v in line.split(" |")[:-1]]
        check_equal(len(values), len(columns), f"columns in table line {line!r}")
        rows.append(dict(zip(columns, values)))
    return rows


# ---- per-frame call fields ------------------------------------------------

def test_every_call_capture_has_one_decisive_response(home):
    for capture, (outcome, code, attempts) in EXPECTED_CALLS.items():
        table = call_frames(home, capture)
        decisive = decisive_frames(table)
        if code == 0:
            check_equal(decisive, [], f"{capture}: nothing decides a call without final response")
        else:
            check_equal(len(decisive), 1, f"{capture}: exactly one decisive response")
            check(str(code) in table[decisive[0]]["sipcodes.code"], f"{capture}: decided by {code}")
        for number, fields in table.items():
            for value in fields["sipcodes.call.outcome"]:
                check_equal(value, outcome, f"{capture} frame {number}: call outcome with -2")
            for value in fields["sipcodes.call.attempts"]:
                check_equal(value, str(attempts), f"{capture} frame {number}: attempts")


def test_single_pass_knows_the_outcome_at_the_deciding_frame(home):
    for capture, (outcome, code, _) in EXPECTED_CALLS.items():
        if code == 0:
            continue
        table = call_frames(home, capture, two_pass=False)
        deciding = [n for n, f in sorted(table.items()) if "1" in f["sipcodes.call.decisive"]]
        check(len(deciding) >= 1, f"{capture}: a decisive response on one pass")
        last = table[deciding[-1]]
        check_equal(last["sipcodes.call.outcome"][-1], outcome, f"{capture}: outcome on one pass")


def test_auth_challenge_then_answer(home):
    table = call_frames(home, "auth-407-then-200.pcapng")
    challenge = responses_with(table, 407)[0]
    check_equal(table[challenge]["sipcodes.call.superseded"], ["1"], "407 superseded")
    check_equal(table[challenge]["sipcodes.call.decisive"], ["0"], "407 not decisive")
    answer = [n for n in responses_with(table, 200) if table[n]["sip.CSeq.method"] == ["INVITE"]][0]
    check_equal(table[answer]["sipcodes.call.decisive"], ["1"], "200 decides")
    check(float(table[answer]["sipcodes.call.pdd"][0]) > 0, "PDD measured from the first INVITE")
    check(float(table[answer]["sipcodes.call.setup_time"][0]) >= float(table[answer]["sipcodes.call.pdd"][0]),
          "setup time is at least the PDD")


def test_auth_challenge_superseded_only_with_two_passes(home):
    one = call_frames(home, "auth-407-then-200.pcapng", two_pass=False)
    challenge = responses_with(one, 407)[0]
    check_equal(one[challenge]["sipcodes.call.superseded"], ["0"], "one pass cannot know the retry yet")


def test_redirect_followed(home):
    table = call_frames(home, "redirect-302-then-200.pcapng")
    redirect = responses_with(table, 302)[0]
    check_equal(table[redirect]["sipcodes.call.superseded"], ["1"], "302 superseded")


def test_fork_losing_branch_does_not_decide(home):
    table = call_frames(home, "fork-two-branches.pcapng")
    for number in responses_with(table, 487):
        check_equal(table[number]["sipcodes.call.decisive"], ["0"], f"487 in frame {number} not decisive")
    check(len(responses_with(table, 180)) >= 2, "180 from two branches")


def test_reinvite_failure_after_answer(home):
    table = call_frames(home, "reinvite-491-after-answer.pcapng")
    glare = responses_with(table, 491)[0]
    check_equal(table[glare]["sipcodes.call.decisive"], ["0"], "491 after answer not decisive")
    check_equal(table[glare]["sipcodes.call.superseded"], ["0"], "491 after answer not superseded")
    check_equal(table[glare]["sipcodes.call.outcome"], ["Answered"], "call stays answered")


def test_retransmitted_486_marked(home):
    table = call_frames(home, "retransmitted-486.pcapng")
    busy = responses_with(table, 486)
    check(len(busy) >= 2, "the capture holds the 486 twice")
    check_equal(table[busy[0]]["sipcodes.retransmission"], ["0"], "first 486 is the original")
    check_equal(table[busy[1]]["sipcodes.retransmission"], ["1"], "second 486 is a retransmission")


def test_capture_end_is_no_failure(home):
    """DESIGN 2: the capture ends 4 s after the 100 Trying, long before Timer
    C: the call is In Progress, raises no error, and counts in no KPI."""
    capture = "in-progress-at-capture-end.pcapng"
    table = frames(home, capture, ["sip.Method", "sipcodes.code", "sipcodes.call.outcome"], extra_args=["-2"])
    trying = [n for n, f in sorted(table.items()) if f["sipcodes.code"] == ["100"]]
    check_equal(table[trying[0]]["sipcodes.call.outcome"], ["In Progress"], "the call waits")
    output = home.run(["-2", "-r", home.capture(capture), "-q", "-z", "expert"]).stdout
    check("INVITE got no final response" not in output, f"no expert error for the INVITE:\n{output}")
    tree = stats_tree(home, capture, True)
    check_equal(tree.get(("Calls by outcome", "In Progress")), 1, "counted as In Progress")
    kpi = [key for key in tree if key[0].startswith("KPIs")]
    check(kpi and tree[kpi[0]] == 0, f"no call ended, so no KPI counts it: {tree}")


def test_non_invite_transactions_are_not_calls(home):
    for capture in NOT_CALLS:
        table = call_frames(home, capture)
        for number, fields in table.items():
            check_equal(fields["sipcodes.call.outcome"], [], f"{capture} frame {number}: no call")
        check_equal(call_table(home, capture, True), [], f"{capture}: no call in the table")


# ---- statistics ----------------------------------------------------------

def test_tree_counts_every_capture_one_and_two_passes(home):
    for capture, (outcome, code, _) in EXPECTED_CALLS.items():
        for two_pass in (False, True):
            counts = stats_tree(home, capture, two_pass)
            label = f"{capture} ({'two passes' if two_pass else 'one pass'})"
            check_equal(counts.get(("Calls by outcome",)), 1, f"{label}: one call")
            check_equal(counts.get(("Calls by outcome", outcome)), 1, f"{label}: outcome {outcome}")
            deciding = [k for k, v in counts.items() if k[:2] == ("Calls by outcome", outcome) and len(k) == 3 and v]
            check_equal(len(deciding), 1, f"{label}: one deciding code under {outcome}")
            prefix = str(code) if code else {"In Progress": "waiting for a final response",
                                             "Service Failure": "transport failure"}.get(outcome, "no final response")
            check(deciding[0][2].startswith(prefix), f"{label}: deciding code {deciding[0][2]}")
            answered = 1 if outcome == "Answered" else 0
            reached = 1 if outcome in ("Answered", "Busy", "No Answer", "Declined", "Unwanted") else 0
            kpi = [k for k in counts if k[0].startswith("KPIs")][0][0]
            check_equal(counts.get((kpi, "ASR: answered")), answered, f"{label}: ASR count")
            ner = [k for k in counts if len(k) == 2 and k[0] == kpi and k[1].startswith("NER")][0]
            check_equal(counts[ner], reached, f"{label}: NER count")


def test_tree_excludes_retransmissions(home):
    counts = stats_tree(home, "retransmitted-486.pcapng", True)
    busy = [v for k, v in counts.items() if k[0].startswith("Responses") and k[-1].startswith("486")]
    check_equal(busy, [1], "the retransmitted 486 is counted once")


def test_tree_non_invite_per_method(home):
    counts = stats_tree(home, "register-401-then-200.pcapng", True)
    check_equal(counts.get(("Calls by outcome",)), 0, "REGISTER is not a call")
    methods = {k[1]: v for k, v in counts.items() if k[0].startswith("Non-INVITE") and len(k) == 2}
    check_equal(methods.get("REGISTER"), 2, "two REGISTER transactions tallied")


def test_table_one_line_per_call_one_and_two_passes(home):
    for capture, (outcome, code, attempts) in EXPECTED_CALLS.items():
        for two_pass in (False, True):
            rows = call_table(home, capture, two_pass)
            label = f"{capture} ({'two passes' if two_pass else 'one pass'})"
            check_equal(len(rows), 1, f"{label}: one call line")
            row = rows[0]
            check_equal(row["Disposition"], outcome, f"{label}: disposition")
            check_equal(row["Code"], str(code), f"{label}: code")
            check_equal(row["Attempts"], str(attempts), f"{label}: attempts")
            check(row["First frame"] == "1", f"{label}: first frame")
            check(row["From"].startswith("sip:") and row["To"].startswith("sip:"), f"{label}: From/To")
            check(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}", row["Start time (UTC)"]),
                  f"{label}: start time {row['Start time (UTC)']}")


def test_table_is_greppable_by_call_id(home):
    table = frames(home, "busy-486.pcapng", ["sip.Call-ID"])
    call_id = next(f["sip.Call-ID"][0] for f in table.values() if f["sip.Call-ID"])
    output = home.run(["-2", "-r", home.capture("busy-486.pcapng"), "-q", "-z", "sipcodes,calls"]).stdout
    lines = [l for l in output.splitlines() if f" |{call_id} |" in l]
    check_equal(len(lines), 1, "one line holds the Call-ID as a cell")
    check(re.match(r"^ *\d+ \|", lines[0]), f"the line starts with the first frame: {lines[0]}")
    check(" |486 |Busy Here |Busy |" in lines[0], f"the line carries code, reason, disposition: {lines[0]}")


def test_table_in_time_order_first_frame_first(home):
    """The GUI opens the table sorted by its first column (as a number when
    the column is one): First frame, so calls come in the order they began.
    tshark prints the rows in that order too."""
    capture, summary = generated_calls(home, 120, 4)
    rows = call_table(home, capture, True, extra=["-n"])
    check_equal(len(rows), summary["calls"], "one row per generated call")
    check_equal(list(rows[0])[0], "First frame", "first column")
    first_frames = [int(r["First frame"]) for r in rows]
    check_equal(first_frames, sorted(set(first_frames)), "rows in first-frame order, one per frame")
    starts = [r["Start time (UTC)"] for r in rows]
    check_equal(starts, sorted(starts), "start times in the same order")


def gui_sorted(texts):
    """How the GUI's table sorts a text column: byte by byte (g_strcmp0)."""
    return sorted(texts, key=lambda t: t.encode())


def test_optional_numbers_sort_as_numbers_in_the_gui(home):
    """PDD, setup time and Q.850 are text (they may be "-"); the GUI sorts
    text as text, so the plugin right-aligns them in a fixed width. Sorted as
    the GUI sorts them they come in numeric order, absent ones first."""
    capture, _ = generated_calls(home, 120, 4)
    args = ["-2", "-n", "-r", capture, "-q", "-z", "sipcodes,calls"]
    lines = home.run(args).stdout.splitlines()
    header = next(l for l in lines if l.startswith("First frame |"))
    names = [c.strip() for c in header.split(" |")[:-1]]
    start = lines.index("SIP calls") + 1
    cells = [line.split(" |")[:-1] for line in lines[start:] if not line.startswith("=====")]
    cells = [c for c in cells if len(c) == len(names)]
    for column in ("PDD (ms)", "Setup (ms)", "Q.850"):
        texts = [c[names.index(column)] for c in cells]
        check_equal(len({len(t) for t in texts}), 1, f"{column}: one width for every cell")
        numeric = sorted(texts, key=lambda t: -1.0 if t.strip() == "-" else float(t))
        check_equal(gui_sorted(texts), numeric, f"{column}: text order is numeric order")
        check(any(t.strip() == "-" for t in texts) or column != "PDD (ms)",
              f"{column}: some calls have none (busy without ringing, no final response)")
        check(len({t for t in texts if t.strip() != "-"}) > 3 or column == "Q.850",
              f"{column}: several distinct values to order")


def test_table_filter_argument(home):
    rows = call_table(home, "busy-486.pcapng", True)
    check_equal(len(rows), 1, "unfiltered")
    args = ["-2", "-r", home.capture("busy-486.pcapng"), "-q", "-z", "sipcodes,calls,sip.Status-Code == 200"]
    output = home.run(args).stdout
    check("Filter for statistics: sip.Status-Code == 200" in output, f"the filter is reported:\n{output}")
    check("|486 |" not in output, "the filter keeps the 486 frame out")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
