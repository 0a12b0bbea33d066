#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Tally-only runs read SIP from message bytes, everything else from SIP's
fields (plugin/parse/sip_parse.h explains why). Both must decide alike:
every sipcodes field of every frame, on every sample capture and on the
RFC 4475 torture capture, is the same whichever way SIP was read."""
import glob
import re
import json
import os
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


def fields_per_frame(home, capture, fields, extra_args):
    """-T json with the fields; a -z statistic prints after the JSON."""
    args = list(extra_args) + ["-r", capture, "-T", "json", "-e", "frame.number"]
    for field in fields:
        args += ["-e", field]
    output = home.run(args).stdout
    packets, _ = json.JSONDecoder().raw_decode(output.lstrip() or "[]")
    table = {}
    for packet in packets:
        layers = packet["_source"]["layers"]
        table[int(layers["frame.number"][0])] = {
            field: [BOOLEAN_TEXT.get(v, v) for v in layers.get(field, [])] for field in fields}
    return table


def compare(home, extra_args, what):
    fields = sipcodes_fields(home)
    explained = 0
    for capture in captures(home):
        from_fields = fields_per_frame(home, capture, fields, [])
        from_bytes = fields_per_frame(home, capture, fields, extra_args)
        name = os.path.basename(capture)
        check_equal(sorted(from_bytes), sorted(from_fields), f"{name}: frames {what}")
        for number, values in from_fields.items():
            for field in fields:
                check_equal(from_bytes[number][field], values[field], f"{name} frame {number} {field} {what}")
            explained += bool(values["sipcodes.code"])
    check(explained >= 90, f"only {explained} frames explained: the comparison compared little")


def test_message_bytes_decide_like_fields(home):
    """With the stats tree running, sipcodes reads message bytes."""
    compare(home, ["-z", "sipcodes,tree"], "with -z sipcodes,tree")


def test_message_bytes_decide_like_fields_in_the_call_table(home):
    compare(home, ["-z", "sipcodes,calls"], "with -z sipcodes,calls")


def sipcodes_expert_lines(home, capture, extra_args):
    output = home.run(list(extra_args) + ["-r", capture, "-q", "-z", "expert"]).stdout
    return sorted(line for line in output.splitlines() if "  sipcodes  " in line)


def test_expert_info_alike_both_ways(home):
    """Expert information is added while the frame is dissected, so reading
    the tapped bytes must happen in the frame itself, before taps run."""
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


def test_two_pass_tally_with_and_without_a_filter(home):
    """tshark -2 taps only its second pass; with a display filter its first
    pass builds a tree, and sipcodes reads SIP's top-level items there."""
    for capture in captures(home):
        name = os.path.basename(capture)
        one = tree_text(home, capture, [])
        check_equal(tree_text(home, capture, ["-2"]), one, f"{name}: -2")
        check_equal(tree_text(home, capture, ["-2", "-Y", "frame"]), one, f"{name}: -2 -Y frame")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
