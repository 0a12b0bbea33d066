#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""sipcodes decides on the first, sequential pass of every run and stores
what it decided per frame (DESIGN 2 and 4); later passes render what was
stored. Every kind of run must therefore show the same thing: one pass with
or without a statistic, a live capture, and tshark's -2 with or without a
display filter, with -T fields or with the whole tree (-V, -T json). On
every sample capture and on the RFC 4475 torture capture."""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import BOOLEAN_TEXT, check, check_equal, run_tests, SAMPLES  # noqa: E402

TORTURE = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "robustness",
                                        "rfc4475-torture.pcapng"))


def captures(home):
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SAMPLES, "*.pcapng")))
    return [home.capture(name) for name in names] + [home.capture(os.path.basename(TORTURE), os.path.dirname(TORTURE))]


def sipcodes_fields(home):
    result = home.run(["-G", "fields"])
    names = [line.split("\t")[2] for line in result.stdout.splitlines()
             if line.startswith("F\t") and line.split("\t")[2].startswith("sipcodes.")]
    check(len(names) > 30, f"only {len(names)} sipcodes fields listed")
    return names


def fields_per_frame(home, capture, fields, extra_args, live=False):
    """frame -> field -> values, from -T json -e (a -z statistic prints
    after the JSON). live: the capture is fed to -i - as a live capture."""
    source = ["-i", "-"] if live else ["-r", capture]
    args = list(extra_args) + source + ["-T", "json", "-e", "frame.number"]
    for field in fields:
        args += ["-e", field]
    output = home.run(args, stdin_path=capture if live else None).stdout
    packets, _ = json.JSONDecoder().raw_decode(output.lstrip() or "[]")
    table = {}
    for packet in packets:
        layers = packet["_source"]["layers"]
        table[int(layers["frame.number"][0])] = {
            field: [BOOLEAN_TEXT.get(v, v) for v in layers.get(field, [])] for field in fields}
    return table


def pairs_hook(pairs):
    return pairs


def sipcodes_values(pairs, into):
    """Every sipcodes.* value in a whole-tree JSON packet, by field name."""
    for key, value in pairs:
        if isinstance(value, list) and value and isinstance(value[0], tuple):
            sipcodes_values(value, into)
        elif key.startswith("sipcodes.") and not key.endswith("_raw") and not key.startswith("sipcodes.expert"):
            into.setdefault(key, []).append(BOOLEAN_TEXT.get(value, value))
    return into


def whole_tree_per_frame(home, capture, fields):
    """The same table from -2 -T json without -e: the whole, visible tree."""
    output = home.run(["-2", "-r", capture, "-T", "json"]).stdout
    table = {}
    for packet in json.loads(output or "[]", object_pairs_hook=pairs_hook):
        layers = dict(dict(packet)["_source"])["layers"]
        frame = dict(layers)["frame"]
        number = int(dict(frame)["frame.number"])
        values = sipcodes_values(layers, {})
        table[number] = {field: values.get(field, []) for field in fields}
    return table


def compare_tables(got, expected, what, name, filtered=False):
    """filtered: `got` holds only the frames a display filter kept."""
    if filtered:
        expected = {number: values for number, values in expected.items() if number in got}
    check_equal(sorted(got), sorted(expected), f"{name}: frames {what}")
    explained = 0
    for number, values in expected.items():
        for field, value in values.items():
            check_equal(got[number][field], value, f"{name} frame {number} {field} {what}")
        explained += bool(values["sipcodes.code"])
    return explained


def compare_runs(home, baseline_args, other_args, what, live=False, filtered=False):
    fields = sipcodes_fields(home)
    explained = 0
    for capture in captures(home):
        expected = fields_per_frame(home, capture, fields, baseline_args)
        got = fields_per_frame(home, capture, fields, other_args, live=live)
        explained += compare_tables(got, expected, what, os.path.basename(capture), filtered)
    check(explained >= 90, f"only {explained} frames explained: the comparison compared little")


def test_fields_alike_with_a_statistic_running(home):
    """A statistic running changes nothing of what a frame shows."""
    compare_runs(home, [], ["-z", "sipcodes,tree"], "with -z sipcodes,tree")
    compare_runs(home, [], ["-z", "sipcodes,calls"], "with -z sipcodes,calls")


def test_live_capture_like_a_file(home):
    """A capture read live (tshark -i -, dumpcap reading a pipe) is decided
    as it comes, like one pass over the file."""
    compare_runs(home, [], [], "read live with -i -", live=True)


def test_two_passes_alike_with_a_filter(home):
    """-2 decides on its first pass, which builds a tree whether or not a
    display filter asks for one."""
    compare_runs(home, ["-2"], ["-2", "-Y", "frame"], "-2 -Y frame against -2")
    compare_runs(home, ["-2"], ["-2", "-Y", "sip"], "-2 -Y sip against -2", filtered=True)


def test_two_passes_alike_with_the_whole_tree(home):
    """-2 -T json with the whole tree (what -V shows) holds the same values
    as -2 -T json -e with the fields named."""
    # Expert items show in the whole tree as Wireshark's own _ws.expert.
    fields = [field for field in sipcodes_fields(home) if not field.startswith("sipcodes.expert.")]
    explained = 0
    for capture in captures(home):
        name = os.path.basename(capture)
        expected = fields_per_frame(home, capture, fields, ["-2"])
        explained += compare_tables(whole_tree_per_frame(home, capture, fields), expected, "-2 -T json", name)
    check(explained >= 90, f"only {explained} frames explained: the comparison compared little")


def test_second_pass_knows_later_frames(home):
    """What only a later frame tells is there on -2's second pass: the 407
    of auth-407-then-200 is superseded, and its call is Answered."""
    capture = home.capture("auth-407-then-200.pcapng")
    fields = ["sipcodes.code", "sipcodes.call.superseded", "sipcodes.call.outcome"]
    two = fields_per_frame(home, capture, fields, ["-2"])
    check_equal(two[2], {"sipcodes.code": ["407"], "sipcodes.call.superseded": ["1"],
                         "sipcodes.call.outcome": ["Answered"]}, "-2 frame 2")
    one = fields_per_frame(home, capture, fields, [])
    check_equal(one[2]["sipcodes.call.superseded"], ["0"], "one pass frame 2 superseded (not known yet)")


def sipcodes_expert_lines(home, capture, extra_args):
    output = home.run(list(extra_args) + ["-r", capture, "-q", "-z", "expert"]).stdout
    return sorted(line for line in output.splitlines() if "  sipcodes  " in line)


def test_expert_info_alike_with_a_statistic_running(home):
    total = 0
    for capture in captures(home):
        from_fields = sipcodes_expert_lines(home, capture, [])
        check_equal(sipcodes_expert_lines(home, capture, ["-z", "sipcodes,tree"]), from_fields,
                    f"{os.path.basename(capture)}: sipcodes expert lines with -z sipcodes,tree")
        total += len(from_fields)
    check(total >= 40, f"only {total} sipcodes expert lines: the comparison compared little")


def tree_text(home, capture, extra_args):
    output = home.run(list(extra_args) + ["-r", capture, "-q", "-z", "sipcodes,tree"]).stdout
    start = output.find("SIP Response Insight")
    check(start >= 0, f"no stats tree in\n{output}")
    # A single pass may leave an outcome line a call passed through at
    # count 0 (docs/outcomes.md); a first pass that decided everything
    # before the tally does not. Lines that count something must agree.
    return [line for line in output[start:].splitlines()
            if not re.match(r"^\s*\S.*?\s{2,}0\s", line)]


def test_tally_alike_in_one_pass_and_two(home):
    """-2 taps only its second pass, from what its first pass decided."""
    for capture in captures(home):
        name = os.path.basename(capture)
        one = tree_text(home, capture, [])
        check_equal(tree_text(home, capture, ["-2"]), one, f"{name}: -2")
        check_equal(tree_text(home, capture, ["-2", "-Y", "frame"]), one, f"{name}: -2 -Y frame")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
