#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Every display filter the README and the user guide publish works.

Collects, from README.md and docs/user-guide.md: every inline code span that
mentions `sipcodes.`, and every -Y / --filter argument in their code blocks.
Then, with the real tshark and the built plugin:
  * a filter expression must be accepted (`tshark -r SAMPLE -Y FILTER`, exit 0);
  * a bare name (`sipcodes.call.outcome`) must be a registered field or a
    preference; a field is also tried as a filter;
  * a preference setting (`-o sipcodes.no_final_timeout:60`) must be accepted.
A filter that only worked in a later Wireshark (whitespace-separated sets in
4.0, say) or a field renamed in the code fails here, not in a user's hands.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, run_tests  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = "answered.pcapng"

NAME = re.compile(r"^sipcodes(\.[a-z0-9_]+)+$")
PREFERENCE = re.compile(r"^(?:-o\s+)?(sipcodes(?:\.[a-z0-9_]+)+):(\S+)$")
FILTER_ARGUMENT = re.compile(r"(?:-Y|--filter)\s+(?:'([^']*)'|\"((?:[^\"\\]|\\.)*)\")")
COMMAND = re.compile(r"^(tshark|wireshark|sipcodes|sudo|cmake|apt|dpkg)(\s|$)|^(scripts|packaging)/")
NOT_A_FILTER = re.compile(r"[/\\]|\.(so|dll|md|1|pcapng|deb)\b|^sipcodes,")


def published(path):
    """(line number, kind, text) for every filter-like thing in a Markdown file."""
    found = []
    fenced = False
    with open(path) as handle:
        for number, line in enumerate(handle, 1):
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if fenced:
                spans = [line]
            else:
                # Inline code; a pipe inside a table cell is written \|.
                spans = [s.replace("\\|", "|") for s in re.findall(r"`([^`]+)`", line.replace("\\|", "\x00"))]
                spans = [s.replace("\x00", "|") for s in spans]
            for span in spans:
                arguments = [a or b.replace('\\"', '"') for a, b in FILTER_ARGUMENT.findall(span)]
                if arguments:
                    found += [(number, "filter", a) for a in arguments]
                    continue
                if fenced or "sipcodes." not in span:
                    continue
                span = span.strip()
                if COMMAND.match(span) or NOT_A_FILTER.search(span):
                    continue
                if PREFERENCE.match(span):
                    found.append((number, "preference", span))
                elif NAME.match(span):
                    found.append((number, "name", span))
                else:
                    found.append((number, "filter", span))
    return found


def registered(home):
    fields = set()
    for row in home.run(["-G", "fields"]).stdout.splitlines():
        columns = row.split("\t")
        if len(columns) > 2 and columns[0] in ("F", "P"):
            fields.add(columns[2])
    preferences = set()
    for row in home.run(["-G", "defaultprefs"]).stdout.splitlines():
        match = re.match(r"^#?(sipcodes\.[a-z0-9_.]+):", row)
        if match:
            preferences.add(match.group(1))
    return fields, preferences


def check_document(home, relative, minimum):
    path = os.path.join(TOP, relative)
    check(os.path.isfile(path), f"{relative} is missing")
    items = published(path)
    check(len(items) >= minimum,
          f"{relative}: found only {len(items)} filters (expected at least {minimum}); is the extraction broken?")
    fields, preferences = registered(home)
    capture = home.capture(SAMPLE)
    problems = []
    tried = set()
    for number, kind, text in items:
        if (kind, text) in tried:
            continue
        tried.add((kind, text))
        if kind == "preference":
            name, value = PREFERENCE.match(text).groups()
            if name not in preferences:
                problems.append(f"{relative}:{number}: {name} is not a sipcodes preference")
                continue
            result = home.run(["-r", capture, "-o", f"{name}:{value}", "-c", "1"], expect_success=False)
            if result.returncode != 0:
                problems.append(f"{relative}:{number}: -o {name}:{value} refused: {result.stderr.strip()}")
            continue
        if kind == "name":
            if text in preferences and text not in fields:
                continue
            if text not in fields:
                problems.append(f"{relative}:{number}: {text} is neither a field nor a preference")
                continue
        result = home.run(["-r", capture, "-Y", text], expect_success=False)
        if result.returncode != 0:
            problems.append(f"{relative}:{number}: tshark refuses `{text}`: "
                            + " ".join(result.stderr.split()))
    check(not problems, "\n".join(problems))


def test_readme_filters(home):
    check_document(home, "README.md", 10)


def test_user_guide_filters(home):
    check_document(home, "docs/user-guide.md", 20)


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
