#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The "SIP Response Insight" configuration profile (profile/): tshark loads
it with -C and says nothing about it, every filter in it compiles, every
column field exists and shows its value, the colouring rules colour by
severity, the filter buttons select what their labels say, and the I/O
graph counts answered against failed calls.

The version matrix runs this suite in Wireshark 4.4 and 4.6 too: the same
files must load unchanged in 4.0, 4.4 and 4.6. The I/O graph table is read
only by the GUI; its format is checked here against the nine fields that
4.0 and 4.4 read (4.6 reads a tenth, with a default)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (REPOSITORY, check, check_equal, frames, generated_calls,  # noqa: E402
                     run_tests)

PROFILE = "SIP Response Insight"
PROFILE_SOURCE = os.path.join(REPOSITORY, "profile")
PROFILE_FILES = ["preferences", "colorfilters", "dfilter_buttons", "io_graphs"]

BUTTONS = ["failures", "decided the call", "network faults", "retry later",
           "Q.850 mismatch", "non-standard phrase"]
COLUMNS = ["No.", "Time", "Source", "Destination", "Protocol", "Code", "Disposition",
           "Call outcome", "Retry", "Response ms", "Info"]
# The nine I/O graph fields of Wireshark 4.0 and 4.4, and what they accept.
GRAPH_STYLES = {"Line", "Impulse", "Bar", "Stacked Bar", "Dot", "Square", "Diamond",
                "Cross", "Circle", "Plus"}


# ---- the profile's files, read as Wireshark reads them ---------------------

def profile_text(name):
    with open(os.path.join(PROFILE_SOURCE, name), encoding="utf-8") as handle:
        return handle.read()


def uat_records(text):
    """Records of a UAT file: quoted fields with \\xNN escapes, '#' comments."""
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = re.findall(r'"((?:[^"\\]|\\x[0-9a-fA-F]{2})*)"', line)
        rebuilt = ",".join(f'"{f}"' for f in fields)
        check_equal(rebuilt, line.strip(), f"line {number} is quoted fields and commas only")
        records.append([re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), f)
                        for f in fields])
    return records


def colour_rules(text):
    """(name, filter, background #rrggbb, foreground #rrggbb) per rule."""
    rules = []
    for line in text.splitlines():
        if not line.startswith("@"):
            check(not line.strip() or line.startswith("#"), f"colorfilters line neither rule nor comment: {line}")
            continue
        match = re.fullmatch(r"@([^@]+)@([^@]+)@\[(\d+),(\d+),(\d+)\]\[(\d+),(\d+),(\d+)\]", line)
        check(match, f"colorfilters rule in Wireshark's format: {line}")
        values = [int(v) for v in match.groups()[2:]]
        if match.group(1).startswith("SIP "):
            check(all(v % 257 == 0 for v in values), f"{match.group(1)}: 8-bit colours (x257): exact on screen")
        hexes = ["#" + "".join(f"{round(v / 257):02x}" for v in values[i:i + 3]) for i in (0, 3)]
        rules.append((match.group(1), match.group(2), hexes[0], hexes[1]))
    return rules


def column_formats(text):
    """(title, format) pairs of gui.column.format."""
    match = re.search(r"^gui\.column\.format:\s*\n((?:[ \t]+.*\n?)+)", text, re.MULTILINE)
    check(match, "the preferences set gui.column.format")
    strings = re.findall(r'"([^"]*)"', match.group(1))
    check_equal(len(strings) % 2, 0, "titles and formats come in pairs")
    return list(zip(strings[0::2], strings[1::2]))


def custom_fields(formats):
    return [re.fullmatch(r"%Cus:([^:]+):\d+:[RU]", f).group(1) for _, f in formats if f.startswith("%Cus:")]


def every_filter():
    """(where, filter) for every display filter the profile holds."""
    found = [(f"colouring rule {name}", expression) for name, expression, _, _ in colour_rules(profile_text("colorfilters"))]
    found += [(f"filter button {r[1]}", r[2]) for r in uat_records(profile_text("dfilter_buttons"))]
    found += [(f"I/O graph {r[1]}", r[2]) for r in uat_records(profile_text("io_graphs"))]
    return found


# ---- running tshark with the profile ---------------------------------------

def install_profile(home):
    for name in PROFILE_FILES:
        home.add_file(os.path.join(".config", "wireshark", "profiles", PROFILE, name), profile_text(name))


def with_profile(home, args):
    install_profile(home)
    result = home.run(["-C", PROFILE] + list(args))
    check_equal(result.stderr, "", f"tshark -C \"{PROFILE}\" {' '.join(args)} says nothing on stderr")
    return result.stdout


def psml_packets(home, capture, colour=False):
    """Column titles, and per packet its cells and, with colour, its colours."""
    args = ["-2", "-T", "psml", "-r", home.capture(capture)] + (["--color"] if colour else [])
    xml = with_profile(home, args)
    titles = re.findall(r"<section>(.*?)</section>", xml.split("</structure>")[0])
    packets = []
    for attributes, body in re.findall(r"<packet([^>]*)>(.*?)</packet>", xml, re.DOTALL):
        colours = dict(re.findall(r"(foreground|background)='(#[0-9a-f]{6})'", attributes))
        cells = re.findall(r"<section>(.*?)</section>", body, re.DOTALL)
        packets.append((dict(zip(titles, cells)), colours))
    return titles, packets


def matching_frames(home, capture, expression):
    output = with_profile(home, ["-2", "-r", home.capture(capture), "-Y", expression,
                                 "-T", "fields", "-e", "frame.number"])
    return [int(n) for n in output.split()]


# ---- tests -------------------------------------------------------------------

def test_tshark_loads_the_profile_and_its_columns(home):
    titles, packets = psml_packets(home, "service-unavailable-503.pcapng")
    check_equal(titles, COLUMNS, "packet list columns")
    check_equal([t for t, _ in column_formats(profile_text("preferences"))], COLUMNS, "columns in the file")
    row = next(cells for cells, _ in packets if cells["Code"] == "503")
    check_equal([row["Disposition"], row["Call outcome"], row["Retry"]], ["Congestion", "Congestion", "later"],
                "the 503's disposition, call outcome and retry advice")
    check(0 < float(row["Response ms"]) < 1000, f"the 503's response time in ms: {row['Response ms']}")
    invite = packets[0][0]
    check_equal([invite["Code"], invite["Disposition"]], ["", ""], "a request has no response columns")


def test_every_column_field_exists(home):
    fields = set()
    for line in home.run(["-G", "fields"]).stdout.splitlines():
        parts = line.split("\t")
        if len(parts) > 2 and parts[0] == "F":
            fields.add(parts[2])
    used = custom_fields(column_formats(profile_text("preferences")))
    check_equal(used, ["sipcodes.code", "sipcodes.disposition", "sipcodes.call.outcome", "sipcodes.retry",
                       "sipcodes.response_time"], "the columns the issue asks for")
    for field in used:
        check(field in fields, f"column field {field} is registered (tshark -G fields)")


def test_every_filter_in_the_profile_compiles(home):
    filters = every_filter()
    check_equal(len(filters), 12 + 6 + 2, "colouring rules, filter buttons and graphs")
    install_profile(home)
    for where, expression in filters:
        result = home.run(["-C", PROFILE, "-r", home.capture("busy-486.pcapng"), "-Y", expression],
                          expect_success=False)
        check(result.returncode == 0 and not result.stderr,
              f"{where}: {expression!r} does not compile: {result.stderr.strip()}")


def test_filter_buttons_are_the_cookbook_and_select_their_responses(home):
    records = uat_records(profile_text("dfilter_buttons"))
    check_equal([r[1] for r in records], BUTTONS, "button labels, in order")
    check(all(len(r) == 4 and r[0] == "TRUE" and r[3] for r in records),
          "four fields each, shown in the toolbar, with a comment")
    expression = {r[1]: r[2] for r in records}
    # button, capture, code of the INVITE responses it must select (None: nothing)
    cases = [("failures", "busy-486.pcapng", 486),
             ("failures", "answered.pcapng", None),
             ("decided the call", "auth-407-then-200.pcapng", 200),
             ("network faults", "service-unavailable-503.pcapng", 503),
             ("network faults", "busy-486.pcapng", None),
             ("retry later", "service-unavailable-503.pcapng", 503),
             ("Q.850 mismatch", "q850-mismatch-480.pcapng", 480),
             ("Q.850 mismatch", "reason-sip-and-q850.pcapng", None),
             ("non-standard phrase", "vendor-phrase-603.pcapng", 603),
             ("non-standard phrase", "declined-603.pcapng", None)]
    for button, capture, code in cases:
        want = []
        if code is not None:
            table = frames(home, capture, ["sipcodes.code", "sipcodes.method"], extra_args=["-2"])
            want = [n for n, f in sorted(table.items())
                    if f["sipcodes.code"] == [str(code)] and f["sipcodes.method"] == ["INVITE"]]
            check(want, f"{capture} has a {code}")
        check_equal(matching_frames(home, capture, expression[button]), want, f"button {button!r} on {capture}")


def test_colouring_rules_colour_by_severity(home):
    rules = {name: (background, foreground) for name, _, background, foreground
             in colour_rules(profile_text("colorfilters"))}
    backgrounds = [b for name, (b, _) in rules.items() if name.startswith("SIP ")]
    check_equal(len(set(backgrounds)), len(backgrounds), "every SIP rule has its own background")
    # capture -> {start of the Info column: the rule that must colour that packet}
    expected = {
        "service-unavailable-503.pcapng": {"Status: 503": "SIP call failed: server or network",
                                           "Status: 100": None},
        "forbidden-403.pcapng": {"Status: 403": "SIP call failed: configuration or request"},
        "no-final-response.pcapng": {"Request: INVITE": "SIP INVITE without final response"},
        "busy-486.pcapng": {"Status: 486": "SIP call ended without answer (normal)", "Status: 180": None},
        "cancelled-487.pcapng": {"Status: 487": "SIP call ended without answer (normal)"},
        "answered.pcapng": {"Status: 200 OK (INVITE)": "SIP call answered", "Status: 200 OK (BYE)": None},
        "auth-407-then-200.pcapng": {
            "Status: 407": "SIP normal failure response (busy, cancelled, challenge, redirect)",
            "Status: 200 OK (INVITE)": "SIP call answered"},
        "q850-mismatch-480.pcapng": {"Status: 480": "SIP contradiction or vendor wording"},
        "vendor-phrase-603.pcapng": {"Status: 603": "SIP contradiction or vendor wording"},
    }
    # The INVITE of no-final-response.pcapng is retransmitted (Timer A); the
    # first copy carries the note, the retransmissions repeat nothing.
    first_only = {("no-final-response.pcapng", "Request: INVITE")}
    for capture, by_info in expected.items():
        _, packets = psml_packets(home, capture, colour=True)
        for info, rule in by_info.items():
            coloured = [colours for cells, colours in packets if cells["Info"].startswith(info)]
            if (capture, info) in first_only:
                coloured = coloured[:1]
            check(coloured, f"{capture}: a packet {info!r}")
            want = (None, None) if rule is None else rules[rule]
            for colours in coloured:
                check_equal((colours.get("background"), colours.get("foreground")), want,
                            f"{capture} {info!r}: coloured by {rule!r}")


def test_io_graph_counts_answered_and_failed_calls(home):
    records = uat_records(profile_text("io_graphs"))
    check_equal([r[1] for r in records], ["Answered calls", "Failed calls"], "graph names")
    for record in records:
        check_equal(len(record), 9, f"{record[1]}: the nine fields Wireshark 4.0 and 4.4 read")
        check_equal(record[0], "Enabled", f"{record[1]}: enabled")
        check(re.fullmatch(r"#[0-9A-Fa-f]{6}", record[3]), f"{record[1]}: colour #RRGGBB")
        check(record[4] in GRAPH_STYLES, f"{record[1]}: style {record[4]!r}")
        check_equal(record[5:], ["Packets", "", "None", "1"], f"{record[1]}: counts packets, no SMA, factor 1")
    capture, summary = generated_calls(home, 200, 2)
    outcomes = summary["expected_outcomes"]
    check_equal(sum(outcomes.values()), summary["calls"], "every generated call has an outcome")
    answered = matching_frames(home, capture, records[0][2])
    failed = matching_frames(home, capture, records[1][2])
    check_equal(len(answered), outcomes["Answered"], "one answered frame per answered call")
    check_equal(len(failed), summary["calls"] - outcomes["Answered"], "one failed frame per other call")
    check_equal(set(answered) & set(failed), set(), "no frame counts on both graphs")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
