#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 13's rules on captures (sample-pcaps/README.md has every frame):
calls through a stateful proxy (failover, the caller's transaction missing,
two challenges in one attempt), a fork whose losing 487 comes first,
dialogs without their INVITE, a CSeq that is no number, ICMP unreachable,
Timer B and Timer C at the end of the capture, how calls end (BYE and
CANCEL with Reason), peers, and Vias without branch or by the hundred. Each
with one pass and two."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, check_equal, frames, run_tests  # noqa: E402

FLAGS = ["sipcodes.code", "sipcodes.call.outcome", "sipcodes.call.decisive", "sipcodes.call.superseded",
         "sipcodes.retransmission", "sipcodes.call.invite_missing", "sipcodes.transport_error",
         "sipcodes.call.peer", "sipcodes.call.ended_by", "sipcodes.call.end_reason", "sipcodes.call.duration",
         "sipcodes.call.attempts", "sip.Method"]

# capture -> the calls table row of its call: outcome, code, attempts, peer,
# ended by, end reason (as the table shows them, "-" for none)
CALLS = {
    "proxy-failover-503-then-486.pcapng": ("Busy", "486", "1", "127.0.0.1:5230", "-", "-"),
    "proxy-downstream-only.pcapng": ("Busy", "486", "1", "127.0.0.1:5230", "-", "-"),
    "proxy-failover-503-then-200.pcapng": ("Answered", "200", "1", "127.0.0.1:5231", "caller", "-"),
    "two-407s-then-answered.pcapng": ("Answered", "200", "2", "127.0.0.1:5182", "caller", "-"),
    "fork-487-before-200.pcapng": ("Answered", "200", "1", "127.0.0.1:5133", "caller", "-"),
    "cseq-not-a-number.pcapng": ("Busy", "486", "1", None, "-", "-"),
    "icmp-port-unreachable.pcapng": ("Service Failure", "0", "1", "127.0.0.1:5137", "-", "-"),
    "icmp-quote-truncated.pcapng": ("In Progress", "0", "1", None, "-", "-"),
    "bye-with-reason-callee-hangs-up.pcapng": ("Answered", "200", "1", None, "callee",
                                               "Q.850 16: normal call clearing"),
    "cancel-answered-elsewhere.pcapng": ("Answered Elsewhere", "487", "1", None, "caller",
                                         "SIP 200: call completed elsewhere"),
    "cancel-with-q850-reason.pcapng": ("Cancelled", "487", "1", None, "caller", "Q.850 16: normal call clearing"),
    "no-final-response.pcapng": ("No Final Response", "0", "1", "127.0.0.1:5142", "-", "-"),
    "timer-c-expired.pcapng": ("No Final Response", "0", "1", None, "-", "-"),
    "timer-c-running.pcapng": ("In Progress", "0", "1", None, "-", "-"),
    "in-progress-at-capture-end.pcapng": ("In Progress", "0", "1", None, "-", "-"),
    "via-without-branch-rfc2543.pcapng": ("Busy", "486", "1", None, "-", "-"),
    "via-hundreds.pcapng": ("Busy", "486", "1", None, "-", "-"),
}

NOT_CALLS = ["reinvite-200-without-invite.pcapng", "lone-100-trying.pcapng"]


def table_rows(home, capture, two_pass=True, extra=()):
    """The calls table as dicts, from -z sipcodes,calls."""
    args = list(extra) + ["-r", home.capture(capture), "-q", "-z", "sipcodes,calls"]
    if two_pass:
        args.insert(0, "-2")
    lines = home.run(args).stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("First frame |"))
    columns = [c.strip() for c in lines[header].split(" |")[:-1]]
    rows = []
    for line in lines[header + 1:]:
        if line.startswith("====="):
            break
        if " |" in line:
            rows.append(dict(zip(columns, [v.strip() for v in line.split(" |")[:-1]])))
    return rows


def frame_table(home, capture, two_pass=True, extra=()):
    return frames(home, capture, FLAGS, extra_args=(["-2"] if two_pass else []) + list(extra))


def decisive_and_superseded(table):
    decisive = [n for n, f in sorted(table.items()) if "1" in f["sipcodes.call.decisive"]]
    superseded = [n for n, f in sorted(table.items()) if "1" in f["sipcodes.call.superseded"]]
    return decisive, superseded


def test_calls_table_for_every_capture_one_and_two_passes(home):
    for capture, (outcome, code, attempts, peer, ended_by, end_reason) in CALLS.items():
        for two_pass in (False, True):
            label = f"{capture} ({'two passes' if two_pass else 'one pass'})"
            rows = [r for r in table_rows(home, capture, two_pass) if r["Disposition"] != "No INVITE (not a call)"]
            check_equal(len(rows), 1, f"{label}: one call")
            row = rows[0]
            check_equal((row["Disposition"], row["Code"], row["Attempts"], row["Ended by"], row["End reason"]),
                        (outcome, code, attempts, ended_by, end_reason), label)
            if peer:
                check_equal(row["Peer"], peer, f"{label}: peer")


def test_proxy_failover_decided_by_what_the_caller_got(home):
    """Carrier A's 503 (5) was got past; B's 486 (11) was relayed to the
    caller as 13, which decides: Busy, not Congestion."""
    table = frame_table(home, "proxy-failover-503-then-486.pcapng")
    check_equal(decisive_and_superseded(table), ([13], [5]), "decisive and superseded frames")
    check_equal(table[11]["sipcodes.call.decisive"] + table[11]["sipcodes.call.superseded"], ["0", "0"],
                "B's own 486 neither")
    check_equal(table[7]["sipcodes.call.attempts"], [], "the proxy's INVITE is no response")
    # The proxy's INVITE to B is its own transaction, not a retransmission.
    check(all(f["sipcodes.retransmission"] in ([], ["0"]) for f in table.values()), "no retransmission")


def test_caller_transaction_missing_is_inferred(home):
    table = frame_table(home, "proxy-downstream-only.pcapng")
    check_equal(decisive_and_superseded(table), ([8], [3]), "RFC 3261 16.7: the 486 over the 503")
    one = frame_table(home, "proxy-downstream-only.pcapng", two_pass=False)
    check_equal(one[3]["sipcodes.call.outcome"], ["Congestion"], "one pass: all the proxy had at frame 3")


def test_two_challenges_both_superseded(home):
    """Issue 13 bug 1: both 407s of the retried attempt are superseded."""
    table = frame_table(home, "two-407s-then-answered.pcapng")
    check_equal(decisive_and_superseded(table), ([15], [4, 6]), "decisive and superseded frames")


def test_fork_loser_before_the_winner(home):
    """Issue 13 bug 2: the losing branch's 487 arrives before the 200 and
    is neither decisive nor superseded."""
    table = frame_table(home, "fork-487-before-200.pcapng")
    check_equal(decisive_and_superseded(table), ([6], []), "decisive and superseded frames")


def test_dialogs_without_their_invite_are_no_calls(home):
    """Issue 13 bug 3: a re-INVITE's 200 or a lone 100 is no call: no
    outcome on its frames, counted apart in the tree, in no KPI."""
    for capture in NOT_CALLS:
        for two_pass in (False, True):
            table = frame_table(home, capture, two_pass)
            for number, fields in table.items():
                check_equal(fields["sipcodes.call.outcome"], [], f"{capture} frame {number}: no outcome")
                if fields["sipcodes.code"]:
                    check_equal(fields["sipcodes.call.invite_missing"], ["1"], f"{capture} frame {number}")
            tree = home.run((["-2"] if two_pass else []) + ["-r", home.capture(capture), "-q", "-z",
                                                             "sipcodes,tree"]).stdout
            check(re.search(r"^Dialogs without their INVITE[^\n]*?\s1\s", tree, re.M), f"{capture}: counted apart")
            check(re.search(r"^Calls by outcome\s+0\s", tree, re.M), f"{capture}: no call\n{tree}")
            rows = table_rows(home, capture, two_pass)
            check_equal([r["Disposition"] for r in rows], ["No INVITE (not a call)"], f"{capture}: table row")


def test_cseq_that_is_no_number_is_discarded(home):
    """Issue 13 bug 4: the 486 with "CSeq: abc INVITE" joins no
    transaction; the real 486 decides; attempts stay 1."""
    table = frame_table(home, "cseq-not-a-number.pcapng")
    check_equal(table[4]["sipcodes.code"], ["486"], "frame 4 is still explained")
    check_equal(table[4]["sipcodes.call.outcome"], [], "but belongs to no call")
    check_equal(decisive_and_superseded(table), ([5], []), "the real 486 decides")


def test_icmp_unreachable_fails_the_call(home):
    table = frame_table(home, "icmp-port-unreachable.pcapng")
    check_equal(table[2]["sipcodes.transport_error"], ["ICMP port unreachable"], "frame 2 explained")
    check_equal(table[2]["sipcodes.call.decisive"], ["1"], "the first ICMP error decides")
    for number in (4, 6, 8):
        check_equal(table[number]["sipcodes.call.decisive"], ["0"], f"ICMP {number}: the transaction had failed")
    output = home.run(["-2", "-r", home.capture("icmp-port-unreachable.pcapng"), "-q", "-z", "expert"]).stdout
    check("could not be delivered: ICMP port unreachable" in output, f"expert entry:\n{output}")
    check_equal(table[1]["sipcodes.call.attempts"], [], "the INVITE shows no failure of its own")


def test_icmp_quote_cut_short_matches_nothing(home):
    table = frame_table(home, "icmp-quote-truncated.pcapng")
    check_equal(table[2]["sipcodes.transport_error"], [], "a quote without Call-ID matches nothing")
    check_equal(home.run(["-2", "-V", "-r", home.capture("icmp-quote-truncated.pcapng")]).returncode, 0, "-2 -V")


def test_timer_c_preference(home):
    """sipcodes.timer_c: with 60 s the call of timer-c-running (last frame
    at 120 s) has run out of it."""
    rows = table_rows(home, "timer-c-running.pcapng", extra=["-o", "sipcodes.timer_c:60"])
    check_equal(rows[0]["Disposition"], "No Final Response", "Timer C of 60 s ran out")
    rows = table_rows(home, "timer-c-expired.pcapng", extra=["-o", "sipcodes.timer_c:600"])
    check_equal(rows[0]["Disposition"], "In Progress", "Timer C of 600 s still runs")
    bad = home.run(["-o", "sipcodes.timer_c:0", "-r", home.capture("timer-c-running.pcapng"), "-q",
                    "-z", "sipcodes,calls"])
    check("Timer C must be 1 to 3600 seconds; 0 was rejected" in bad.stderr, f"refused out loud: {bad.stderr}")


def test_in_progress_left_out_of_the_kpis(home):
    tree = home.run(["-2", "-r", home.capture("timer-c-running.pcapng"), "-q", "-z", "sipcodes,tree"]).stdout
    check(re.search(r"^ In Progress\s+1\s", tree, re.M), f"In Progress counted:\n{tree}")
    check(re.search(r"^KPIs[^\n]*?\s0\s", tree, re.M), f"no call ended, no KPI:\n{tree}")


def test_how_calls_end_on_every_response(home):
    """Once known (two passes), every response of the call shows how it
    ended."""
    table = frame_table(home, "bye-with-reason-callee-hangs-up.pcapng")
    for number in (2, 3, 4):
        check_equal(table[number]["sipcodes.call.ended_by"], ["callee"], f"frame {number}: ended by")
        check_equal(table[number]["sipcodes.call.end_reason"], ["Q.850 16: normal call clearing"],
                    f"frame {number}: end reason")
        duration = float(table[number]["sipcodes.call.duration"][0])
        check(1.9 < duration < 2.2, f"frame {number}: duration {duration}")
    one = frame_table(home, "bye-with-reason-callee-hangs-up.pcapng", two_pass=False)
    check_equal(one[4]["sipcodes.call.ended_by"], [], "one pass: not known at the answer yet")
    cancel = frame_table(home, "cancel-answered-elsewhere.pcapng")
    decisive = decisive_and_superseded(cancel)[0]
    check_equal(cancel[decisive[0]]["sipcodes.call.outcome"], ["Answered Elsewhere"], "RFC 3326 cause 200")
    check_equal(cancel[decisive[0]]["sipcodes.call.duration"], [], "no talk time")


def test_vias_without_branch_or_by_the_hundred(home):
    for capture in ("via-without-branch-rfc2543.pcapng", "via-hundreds.pcapng"):
        result = home.run(["-2", "-V", "-r", home.capture(capture)])
        check_equal(result.returncode, 0, f"{capture}: -2 -V")
        table = frame_table(home, capture)
        check_equal(len(decisive_and_superseded(table)[0]), 1, f"{capture}: one decisive response")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
