#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The `sipcodes` companion command: every subcommand and every error path,
with the real tshark and the built plugin over the sample captures.

Like tshark in harness.py, the command runs as uid 65534 with the test's
private HOME when the tests run as root: tshark, which the command starts,
ignores personal plugin folders for root. The command is found through
SIPCODES_CLI, or beside the plugin's build folder (build/plugin/sipcodes.so
-> build/cli/sipcodes).
"""
import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (NOBODY, PLUGIN, SAMPLES, TSHARK, TsharkHome, check,  # noqa: E402
                     check_equal, run_tests)

CLI = os.environ.get("SIPCODES_CLI") or os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(PLUGIN or "."))), "cli", "sipcodes")
SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAN_PAGE = os.path.join(SOURCE_DIR, "docs", "sipcodes.1")
CSV_COLUMNS = ["capture", "first_frame", "call_id", "start_time_utc", "from", "to", "code",
               "reason", "disposition", "q850_cause", "pdd_ms", "setup_ms", "attempts", "peer",
               "duration_s", "ended_by", "end_reason"]
USAGE, FAILURE = 2, 1
# Found with the test's own PATH: some tests give the command another one.
SETPRIV = shutil.which("setpriv") or "setpriv"


# ---- running the command -------------------------------------------------

def give_to_nobody(path):
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)


def cli_in(home):
    """The command, copied where the unprivileged user can run it."""
    target = os.path.join(home.path, "sipcodes")
    if not os.path.exists(target):
        check(os.path.isfile(CLI), f"built command not found at {CLI!r}")
        shutil.copy(CLI, target)
        os.chmod(target, 0o755)
        give_to_nobody(target)
    return target


def sipcodes(home, args, as_root=False, env=None, wrapper=()):
    """Runs the command in the home; as uid 65534 when root, unless as_root."""
    full_env = {"HOME": home.path, "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "LANG": "C.UTF-8"}
    full_env.update(env or {})
    command = list(wrapper) + [cli_in(home)] + list(args)
    if os.geteuid() == 0 and not as_root:
        command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] + command
    result = subprocess.run(command, env=full_env, cwd=home.path, capture_output=True, timeout=600)
    # Decoded by hand: text=True would turn CSV's CRLF into LF.
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result


def succeeds(home, args, **kwargs):
    result = sipcodes(home, args, **kwargs)
    check(result.returncode == 0,
          f"sipcodes {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    check_equal(result.stderr, "", f"sipcodes {' '.join(args)}: stderr")
    return result.stdout


def fails(home, args, status, *needles, **kwargs):
    """Runs a command that must fail: the status, nothing on stdout (never
    partial output), one 'sipcodes: ' message mentioning every needle."""
    result = sipcodes(home, args, **kwargs)
    what = f"sipcodes {' '.join(args)}"
    check_equal(result.returncode, status, f"{what}: exit status (stderr: {result.stderr!r})")
    check_equal(result.stdout, "", f"{what}: stdout")
    check(result.stderr.startswith("sipcodes: "), f"{what}: message {result.stderr!r}")
    if status == USAGE:
        check_equal(len(result.stderr.strip().splitlines()), 1, f"{what}: one-line message")
    for needle in needles:
        check(needle.lower() in result.stderr.lower(), f"{what}: {needle!r} not in {result.stderr!r}")
    return result.stderr


def file_in(home, name, content=b"", mode=0o644):
    path = os.path.join(home.path, name)
    with open(path, "wb") as handle:
        handle.write(content)
    os.chmod(path, mode)
    give_to_nobody(path)
    return name


def script_in(home, name, text):
    """A fake program the unprivileged user can run."""
    return os.path.join(home.path, file_in(home, name, text.encode(), 0o755))


# ---- sample captures -------------------------------------------------------

def sample_names():
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(SAMPLES, "*.pcapng")))


def cap(home, name):
    """A sample capture copied into the home, by the name the command sees."""
    home.capture(name)
    return name


def all_samples(home):
    names = sample_names()
    check(len(names) >= 2, f"need sample captures in {SAMPLES}")
    for name in names:
        home.capture(name)
    return names


def merged_samples(home):
    """Every sample call in one capture, for comparing with tshark's own tables."""
    names = all_samples(home)
    target = os.path.join(home.path, "all-samples.pcapng")
    subprocess.run(["mergecap", "-F", "pcapng", "-w", target] +
                   [os.path.join(home.path, n) for n in names], check=True)
    os.chmod(target, 0o644)
    give_to_nobody(target)
    return "all-samples.pcapng"


def plugin_tables(home, capture):
    """tshark's own per-call table (Call-ID -> cells) and stats tree text."""
    result = home.run(["-2", "-q", "-n", "-r", os.path.join(home.path, capture),
                       "-z", "sipcodes,calls", "-z", "sipcodes,tree"])
    lines = result.stdout.splitlines()
    start = lines.index("SIP Response Insight: Calls:")
    header = lines[start + 2]
    names = [c.strip() for c in header.split("|")[:-1]]
    rows = {}
    for line in lines[start + 4:]:
        if line.startswith("====="):
            break
        # "value |", numbers that may be absent right-aligned
        cells = [(c[:-1] if c.endswith(" ") else c).lstrip(" ") for c in line.split("|")[:-1]]
        row = dict(zip(names, cells))
        rows[row["Call-ID"]] = row
    return rows, result.stdout


def csv_rows(text):
    check(text.endswith("\r\n"), "CSV records end in CRLF (RFC 4180)")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return rows


def report_csv(home, args):
    text = succeeds(home, ["report", "--format", "csv"] + args)
    check_equal(text.split("\r\n")[0].split(","), CSV_COLUMNS, "CSV header")
    return csv_rows(text)


def report_json(home, args):
    return json.loads(succeeds(home, ["report", "--format", "json"] + args))


def kb_counts(home):
    version = succeeds(home, ["--version"])
    match = re.search(r"(\d+) SIP status codes, (\d+) Q\.850 causes, (\d+) warn-codes", version)
    check(match is not None, f"--version tells the kb's size: {version!r}")
    return tuple(int(n) for n in match.groups())


def split_capture(home, name, packets_per_file):
    """Rotated files as a ring buffer would leave them, made with editcap."""
    source = home.capture(name)
    stem = os.path.join(home.path, "ring.pcapng")
    subprocess.run(["editcap", "-c", str(packets_per_file), source, stem], check=True,
                   capture_output=True)
    parts = sorted(p for p in os.listdir(home.path) if p.startswith("ring_"))
    for part in parts:
        os.chmod(os.path.join(home.path, part), 0o644)
        give_to_nobody(os.path.join(home.path, part))
    return parts


# ---- help and version ------------------------------------------------------

def test_help(home):
    text = succeeds(home, ["--help"])
    for word in ["explain", "report", "q850:", "warning:", "--version", "Exit status"]:
        check(word in text, f"--help mentions {word}")
    check_equal(succeeds(home, ["-h"]), text, "-h is --help")
    check_equal(succeeds(home, ["help"]), text, "help is --help")
    for command, option in [("report", "--filter"), ("explain", "--all")]:
        text = succeeds(home, ["help", command])
        check(option in text and f"sipcodes {command} [OPTION" in text, f"help {command}: {text!r}")
        check(option in succeeds(home, [command, "--help"]), f"{command} --help lists {option}")
    fails(home, ["help", "frobnicate"], USAGE, "frobnicate")


def test_version(home):
    text = succeeds(home, ["--version"])
    check_equal(succeeds(home, ["-V"]), text, "-V is --version")
    match = re.match(r"sipcodes (\d+\.\d+\.\d+)\n", text)
    check(match is not None, f"--version starts with the version: {text!r}")
    plugins = home.run(["-G", "plugins"]).stdout
    plugin_line = [l for l in plugins.splitlines() if l.startswith("sipcodes.so")]
    check_equal(plugin_line[0].split("\t")[1].strip(), match.group(1), "plugin and command version")
    check(os.environ.get("SIPCODES_WIRESHARK_ABI", "") in text, "--version names the Wireshark ABI")
    kb_counts(home)


def test_usage_errors(home):
    fails(home, [], USAGE, "no command")
    fails(home, ["frobnicate"], USAGE, "unknown command", "frobnicate")
    fails(home, ["--bogus"], USAGE, "--bogus")
    fails(home, ["explain", "--bogus", "486"], USAGE, "--bogus")
    fails(home, ["report", "--bogus", "x.pcapng"], USAGE, "--bogus")
    fails(home, ["explain", "486", "--format", "xml"], USAGE, "xml", "csv")
    fails(home, ["explain", "486", "--format"], USAGE, "format")
    fails(home, ["explain"], USAGE, "explain 486")
    fails(home, ["explain", "486", "487"], USAGE, "one code")
    fails(home, ["explain", "--all", "486"], USAGE, "--all")


# ---- explain ---------------------------------------------------------------

def test_explain_code(home):
    text = succeeds(home, ["explain", "486"])
    check(text.startswith("486 Busy Here\n"), f"title line: {text.splitlines()[0]!r}")
    for label, value in [("Class:", "Client Failure"), ("Defined in:", "RFC 3261"),
                         ("Disposition:", "Busy"), ("Retry:", "later"), ("Fault:", "callee"),
                         ("Meaning:", ""), ("Likely causes:", ""), ("Action:", ""),
                         ("Q.850:", "17")]:
        line = [l for l in text.splitlines() if l.strip().startswith(label)]
        check(len(line) == 1 and value in line[0], f"486 {label} {value}: {line}")
    data = json.loads(succeeds(home, ["explain", "486", "--format", "json"]))
    check_equal((data["kind"], data["code"], data["name"], data["registered"]),
                ("sip", 486, "Busy Here", "yes"), "486 as JSON")
    check(len(data["causes"]) >= 2 and data["action"], "486 JSON has causes and an action")
    rows = csv_rows(succeeds(home, ["explain", "486", "--format", "csv"]))
    check_equal(len(rows), 1, "486 as CSV: one row")
    check_equal((rows[0]["code"], rows[0]["disposition"], rows[0]["maps_to"]), ("486", "Busy", "17"),
                "486 CSV row")
    historic = json.loads(succeeds(home, ["explain", "409", "--format", "json"]))
    check_equal(historic["registered"], "historic", "409 is historic")
    check("historic" in succeeds(home, ["explain", "409"]).splitlines()[0], "409 says historic")


def test_explain_matches_plugin(home):
    """explain and the plugin show the same texts: one library, one truth."""
    fields = ["sipcodes.code", "sipcodes.reason", "sipcodes.rfc", "sipcodes.description",
              "sipcodes.cause", "sipcodes.action", "sipcodes.fault", "sipcodes.registered",
              "sipcodes.disposition"]
    seen = {}
    for name in all_samples(home):
        args = ["-r", home.capture(name), "-Y", "sipcodes.code", "-T", "json"]
        for field in fields:
            args += ["-e", field]
        for packet in json.loads(home.run(args).stdout or "[]"):
            layers = packet["_source"]["layers"]
            if len(layers.get("sipcodes.code", [])) != 1:
                continue
            code = int(layers["sipcodes.code"][0])
            # A 487 answered elsewhere is explained by its context (the
            # CANCEL's Reason), not by its code alone.
            if layers.get("sipcodes.disposition") == ["Answered Elsewhere"]:
                continue
            if 100 <= code <= 699:  # explain refuses others (tested elsewhere)
                seen.setdefault(code, layers)
    check(len(seen) >= 8, f"the samples hold several codes: {sorted(seen)}")
    for code, layers in sorted(seen.items()):
        entry = json.loads(succeeds(home, ["explain", str(code), "--format", "json"]))
        if entry["explained_as"] is None:
            check_equal(entry["name"], layers["sipcodes.reason"][0], f"{code} reason")
            check_equal(entry["reference"], layers["sipcodes.rfc"][0], f"{code} RFC")
        # An unregistered code: both explain it by its class row (checked below).
        check_equal(entry["causes"], layers.get("sipcodes.cause", []), f"{code} causes")
        # The plugin may put the response's context first ("Code 499 is not in
        # the IANA registry; ...", "Wait 120 s (Retry-After) ...").
        for key, field in [("description", "sipcodes.description"), ("action", "sipcodes.action")]:
            shown = layers[field][0]
            check(shown == entry[key] or shown.endswith(" " + entry[key]),
                  f"{code} {key}: plugin {shown!r}, explain {entry[key]!r}")
        check_equal(entry["fault"], layers["sipcodes.fault"][0], f"{code} fault")


def test_explain_unregistered_code(home):
    text = succeeds(home, ["explain", "499"])
    check("not a registered" in text.splitlines()[0], f"499 says unregistered: {text[:80]!r}")
    check("8.1.3.2" in text and "400 Bad Request" in text, "499 explained by its class (400)")
    data = json.loads(succeeds(home, ["explain", "499", "--format", "json"]))
    check_equal((data["registered"], data["explained_as"], data["name"]), ("no", 400, None),
                "499 as JSON")
    provisional = json.loads(succeeds(home, ["explain", "150", "--format", "json"]))
    check_equal(provisional["explained_as"], 183, "an unknown 1xx is treated like 183")


def test_explain_out_of_range_and_not_codes(home):
    for arg in ["999", "99", "700", "0", "1000000"]:
        fails(home, ["explain", arg], USAGE, arg, "100", "699")
    for arg in ["banana", "48x", "+486", " 486", "4.86", "", "q850:", "q850:x", "warning:abc",
                "sip:486"]:
        fails(home, ["explain", arg], USAGE, "q850:", "warning:")
    fails(home, ["explain", "-486"], USAGE, "-486")


def test_explain_q850(home):
    text = succeeds(home, ["explain", "q850:17"])
    check(text.startswith("Q.850 cause 17: User busy"), f"q850:17 title: {text[:40]!r}")
    check("486" in text, "q850:17 maps to 486 (RFC 3398)")
    data = json.loads(succeeds(home, ["explain", "Q850:17", "--format", "json"]))
    check_equal((data["kind"], data["code"], data["maps_to"]), ("q850", 17, 486), "q850:17 JSON")
    assigned = {c["code"] for c in json.loads(succeeds(home, ["explain", "--all", "--format", "json"]))["q850_causes"]}
    unassigned = min(set(range(1, 128)) - assigned)
    text = succeeds(home, ["explain", f"q850:{unassigned}"])
    check("unassigned" in text.splitlines()[0], f"q850:{unassigned} says unassigned")
    for arg in ["q850:0", "q850:128", "q850:999"]:
        fails(home, ["explain", arg], USAGE, "1 to 127")


def test_explain_warning(home):
    text = succeeds(home, ["explain", "warning:305"])
    check(text.startswith("Warning 305: Incompatible media format"), f"warning:305: {text[:50]!r}")
    registered = {w["code"] for w in json.loads(succeeds(home, ["explain", "--all", "--format", "json"]))["warn_codes"]}
    unregistered = min(set(range(300, 330)) - registered)
    text = succeeds(home, ["explain", f"warning:{unregistered}"])
    check("not a registered" in text.splitlines()[0] and "session description" in text,
          f"warning:{unregistered} placed by its range: {text!r}")
    for arg in ["warning:350", "warning:299", "warning:400", "warning:0"]:
        fails(home, ["explain", arg], USAGE, "warn-code")


def test_explain_all(home):
    codes, causes, warnings = kb_counts(home)
    data = json.loads(succeeds(home, ["explain", "--all", "--format", "json"]))
    check_equal((len(data["sip_codes"]), len(data["q850_causes"]), len(data["warn_codes"])),
                (codes, causes, warnings), "--all JSON holds the whole kb")
    sip = [e["code"] for e in data["sip_codes"]]
    check_equal(sip, sorted(set(sip)), "SIP codes unique and ascending")
    check(all(e["description"] and e["action"] for e in data["sip_codes"]), "every code explained")
    rows = csv_rows(succeeds(home, ["explain", "--all", "--format", "csv"]))
    check_equal(len(rows), codes + causes + warnings, "--all CSV: one row per entry")
    check_equal([r["kind"] for r in rows].count("q850"), causes, "--all CSV Q.850 rows")
    by_code = {r["code"]: r for r in rows if r["kind"] == "sip"}
    check_equal(by_code["486"]["causes"].count(" | ") + 1,
                len([e for e in data["sip_codes"] if e["code"] == 486][0]["causes"]),
                "CSV joins causes with ' | '")
    text = succeeds(home, ["explain", "--all"])
    check(text.count("\n486 Busy Here\n") == 1 and "Warning 399" in text, "--all text")


# ---- report ----------------------------------------------------------------

def test_report_text(home):
    names = all_samples(home)
    text = succeeds(home, ["report"] + names)
    first = text.splitlines()[0]
    match = re.match(r"sipcodes report: (\d+) calls? in (\d+) capture files?", first)
    check(match is not None, f"report says what it read: {first!r}")
    check_equal(int(match.group(2)), len(names), "files read")
    rows = report_csv(home, names)
    check_equal(int(match.group(1)), len(rows), "calls read")
    header = [l for l in text.splitlines() if l.startswith("Call-ID")]
    check(len(header) == 1, "one table header")
    for column in ["Start (UTC)", "From", "To", "Code", "Reason", "Disposition", "Q.850",
                   "PDD ms", "Setup ms", "Attempts", "Frame", "Capture"]:
        check(column in header[0], f"text column {column}")
    # Aligned: every row's Disposition starts where its title does.
    position = header[0].index("Disposition")
    for row in rows:
        line = [l for l in text.splitlines() if l.startswith(row["call_id"] + " ")]
        check(len(line) == 1 and line[0][position:].startswith(row["disposition"]),
              f"row of {row['call_id']} aligned: {line}")
    for part in ["Calls by outcome", "ASR", "NER", "Top failure codes", "Action:"]:
        check(part in text, f"text summary has {part}")


def test_report_csv_matches_plugin_table(home):
    capture = merged_samples(home)
    table, _ = plugin_tables(home, capture)
    # The plugin lists dialogs without their INVITE too; they are no calls.
    no_calls = {call_id for call_id, row in table.items() if row["Disposition"] == "No INVITE (not a call)"}
    check(len(no_calls) >= 2, f"the samples hold dialogs without their INVITE: {sorted(no_calls)}")
    table = {call_id: row for call_id, row in table.items() if call_id not in no_calls}
    rows = report_csv(home, [capture])
    check_equal(sorted(r["call_id"] for r in rows), sorted(table), "one CSV row per call")
    none = lambda v: "" if v == "-" else v  # noqa: E731
    for row in rows:
        plugin = table[row["call_id"]]
        check_equal(row["capture"], capture, "capture column")
        expected = {"first_frame": plugin["First frame"], "start_time_utc": plugin["Start time (UTC)"],
                    "from": plugin["From"], "to": plugin["To"],
                    "code": "" if plugin["Code"] == "0" else plugin["Code"],
                    "reason": none(plugin["Reason"]), "disposition": plugin["Disposition"],
                    "q850_cause": none(plugin["Q.850"]), "pdd_ms": none(plugin["PDD (ms)"]),
                    "setup_ms": none(plugin["Setup (ms)"]), "attempts": plugin["Attempts"]}
        for key, value in expected.items():
            check_equal(row[key], value, f"{row['call_id']} {key}")


def test_report_known_outcomes(home):
    """A few calls whose outcome a person checked (DESIGN 2)."""
    rows = {r["call_id"].split("-1@")[0]: r for r in report_csv(home, all_samples(home))}
    expected = {
        "answered": ("200", "Answered", "1"),
        "busy-486": ("486", "Busy", "1"),
        "auth-407-then-200": ("200", "Answered", "2"),
        "cancelled-487": ("487", "Cancelled", "1"),
        "declined-603": ("603", "Declined", "1"),
        "in-progress-at-capture-end": ("", "In Progress", "1"),
        "redirect-302-then-200": ("200", "Answered", "2"),
    }
    for scenario, (code, disposition, attempts) in expected.items():
        if scenario + ".pcapng" not in sample_names():
            continue
        row = rows[scenario]
        check_equal((row["code"], row["disposition"], row["attempts"]), (code, disposition, attempts),
                    f"{scenario} outcome")
        check_equal(row["capture"], scenario + ".pcapng", f"{scenario} capture")
    if "vendor-phrase-603.pcapng" in sample_names():
        check(rows["vendor-phrase-603"]["reason"] not in ("", "Decline"),
              f"the carried vendor phrase is kept: {rows['vendor-phrase-603']['reason']!r}")


def test_report_json(home):
    names = all_samples(home)
    data = report_json(home, names)
    calls, summary = data["calls"], data["summary"]
    check_equal(summary["calls"], len(calls), "summary counts every call")
    check_equal(summary["files"], len(names), "summary counts every file")
    check_equal(summary["merged"], False, "no sample call spans files")
    check_equal(sum(summary["by_outcome"].values()), len(calls), "outcomes add up")
    answered = sum(1 for c in calls if c["disposition"] == "Answered")
    in_progress = sum(1 for c in calls if c["disposition"] == "In Progress")
    ended = len(calls) - in_progress
    check(in_progress >= 1, "a sample call is still in progress at the end of its capture")
    check_equal((summary["in_progress"], summary["ended"]), (in_progress, ended), "calls that ended")
    check_equal(summary["answered"], answered, "answered calls")
    check_equal(summary["asr_percent"], round(100.0 * answered / ended, 1), "ASR over the calls that ended")
    reached = sum(1 for c in calls if c["disposition"] in ("Answered", "Busy", "No Answer", "Declined", "Unwanted",
                                                           "Answered Elsewhere"))
    check_equal(summary["ner_percent"], round(100.0 * reached / ended, 1), "NER over the calls that ended")
    elsewhere = sum(1 for c in calls if c["disposition"] == "Answered Elsewhere")
    check(elsewhere >= 1, "a sample call was answered elsewhere")
    check_equal(sum(f["calls"] for f in summary["failures"]), ended - answered - elsewhere,
                "failures add up (a call answered elsewhere is none)")
    check(all(f["action"] for f in summary["failures"]), "every failure code has an action")
    counts = [f["calls"] for f in summary["failures"]]
    check_equal(counts, sorted(counts, reverse=True), "failures most calls first")
    rows = {r["call_id"]: r for r in report_csv(home, names)}
    for call in calls:
        row = rows[call["call_id"]]
        check_equal(str(call["code"] or ""), row["code"], "JSON and CSV code")
        check_equal(call["disposition"], row["disposition"], "JSON and CSV disposition")
        check_equal(call["attempts"], int(row["attempts"]), "JSON and CSV attempts")
        for key in ("peer", "ended_by", "end_reason"):
            check_equal(call[key] or "", row[key], f"JSON and CSV {key}")
        check_equal("" if call["duration_s"] is None else f"{call['duration_s']:.3f}", row["duration_s"],
                    "JSON and CSV duration")
        check(call["pdd_ms"] is None or isinstance(call["pdd_ms"], float), "pdd_ms is a number")


def test_report_kpis_match_stats_tree(home):
    capture = merged_samples(home)
    _, text = plugin_tables(home, capture)

    def tree_count(label):
        match = re.search(r"^\s*" + re.escape(label) + r"\S*[^\n]*?\s(\d+)\s", text, re.M)
        check(match is not None, f"stats tree has {label!r}")
        return int(match.group(1))
    summary = report_json(home, [capture])["summary"]
    check_equal(summary["calls"], tree_count("Calls by outcome"), "calls as the stats tree")
    check_equal(summary["answered"], tree_count("ASR: answered"), "ASR as the stats tree")
    check_equal(summary["reached_callee"], tree_count("NER: reached the callee"), "NER as the stats tree")


def test_report_call_split_across_files(home):
    name = "auth-407-then-200.pcapng"
    whole = report_csv(home, [cap(home, name)])
    check_equal(len(whole), 1, "the unsplit capture holds one call")
    parts = split_capture(home, name, 4)
    check(len(parts) >= 2, f"editcap split the call: {parts}")
    rows = report_csv(home, parts)
    check_equal(len(rows), 1, "a call split across files is one call")
    for key in ["call_id", "start_time_utc", "code", "reason", "disposition", "q850_cause",
                "pdd_ms", "setup_ms", "attempts", "peer", "duration_s", "ended_by", "end_reason"]:
        check_equal(rows[0][key], whole[0][key], f"split call {key}")
    check_equal((rows[0]["capture"], rows[0]["first_frame"]), (parts[0], "1"),
                "the call points at the file and frame where it starts")
    data = report_json(home, list(reversed(parts)))
    check_equal((data["summary"]["merged"], data["summary"]["files"], data["summary"]["calls"]),
                (True, len(parts), 1), "merged read reported")
    text = succeeds(home, ["report"] + parts)
    check(f"1 call in {len(parts)} capture files" in text.splitlines()[0], text.splitlines()[0])
    check("one trace" in text.splitlines()[0], "text says the files were read as one trace")


def test_report_files_without_shared_calls(home):
    names = [n for n in ["answered.pcapng", "busy-486.pcapng"] if n in sample_names()]
    check_equal(len(names), 2, "samples answered and busy-486")
    for n in names:
        home.capture(n)
    data = report_json(home, names)
    check_equal((data["summary"]["merged"], data["summary"]["files"], len(data["calls"])),
                (False, 2, 2), "two files, two calls, no merge")
    check_equal(sorted(c["capture"] for c in data["calls"]), sorted(names), "each call's capture")


def test_report_filter(home):
    names = all_samples(home)
    rows = report_csv(home, ["--filter", 'sip.Call-ID contains "busy"'] + names)
    check(len(rows) >= 1 and all("busy" in r["call_id"] for r in rows), f"filtered rows: {rows}")
    data = report_json(home, ["--filter", 'sip.Call-ID contains "busy"'] + names)
    check_equal(data["summary"]["filter"], 'sip.Call-ID contains "busy"', "JSON names the filter")
    check("Filter: " in succeeds(home, ["report", "--filter", "sip"] + names[:1]), "text names the filter")
    fails(home, ["report", "--filter", "sip.nonsense =="] + names[:1], USAGE, "filter", "sip.nonsense")


def test_report_capture_without_calls(home):
    if "options-200.pcapng" not in sample_names():
        return
    capture = cap(home, "options-200.pcapng")
    text = succeeds(home, ["report", "--format", "csv", capture])
    check_equal(text, ",".join(CSV_COLUMNS) + "\r\n", "CSV of no calls is the header")
    summary = report_json(home, [capture])["summary"]
    check_equal((summary["calls"], summary["asr_percent"], summary["ner_percent"]), (0, None, None),
                "no calls, no KPIs")
    check("0 calls in 1 capture file" in succeeds(home, ["report", capture]), "text says 0 calls")


def awkward_capture(home):
    """One INVITE answered 486, made with text2pcap, whose Call-ID, From, To
    and reason phrase hold what CSV and spreadsheets trip over."""
    def message(first_line, to_tag=""):
        return "\r\n".join([
            first_line,
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-awkward",
            'From: "Doe, John" <sip:a,b@192.0.2.1>;tag=abc',
            "To: <sip:-bob@192.0.2.2>" + to_tag,
            "Call-ID: =1+1,x@host",
            "CSeq: 1 INVITE",
            "Contact: <sip:a@192.0.2.1>",
            "Max-Forwards: 70",
            "Content-Length: 0", "", ""]).encode()
    dump = io.StringIO()
    for stamp, data in [("10:00:00.", message("INVITE sip:-bob@192.0.2.2 SIP/2.0")),
                        ("10:00:01.", message('SIP/2.0 486 Busy, "really"', ";tag=xyz"))]:
        dump.write(stamp + "\n")
        for offset in range(0, len(data), 16):
            dump.write("%06x  %s\n" % (offset, " ".join("%02x" % b for b in data[offset:offset + 16])))
        dump.write("\n")
    text = os.path.join(home.path, "awkward.txt")
    with open(text, "w") as handle:
        handle.write(dump.getvalue())
    target = os.path.join(home.path, "awkward.pcap")
    subprocess.run(["text2pcap", "-q", "-t", "%H:%M:%S.", "-4", "192.0.2.1,192.0.2.2",
                    "-u", "5060,5060", text, target], check=True, capture_output=True)
    os.chmod(target, 0o644)
    give_to_nobody(target)
    return "awkward.pcap"


def test_report_awkward_values(home):
    """Commas, quotes and formula-like text from the wire survive CSV, JSON
    and a spreadsheet."""
    if not shutil.which("text2pcap"):
        return
    capture = awkward_capture(home)
    rows = report_csv(home, [capture])
    check_equal(len(rows), 1, "one call")
    row = rows[0]
    check_equal(row["call_id"], "'=1+1,x@host", "a formula-like Call-ID is kept as text")
    check_equal(row["from"], "sip:a,b@192.0.2.1", "a comma survives")
    check_equal(row["to"], "sip:-bob@192.0.2.2", "to")
    check_equal(row["reason"], 'Busy, "really"', "quotes and commas survive")
    check_equal((row["code"], row["disposition"]), ("486", "Busy"), "outcome")
    call = report_json(home, [capture])["calls"][0]
    check_equal((call["call_id"], call["reason"]), ("=1+1,x@host", 'Busy, "really"'), "JSON keeps values")
    check("=1+1,x@host" in succeeds(home, ["report", capture]), "text shows the Call-ID")


# ---- report errors -----------------------------------------------------------

def test_report_missing_and_unreadable_files(home):
    fails(home, ["report"], USAGE, "capture file")
    fails(home, ["report", "nope.pcapng"], FAILURE, "nope.pcapng", "no such file")
    locked = file_in(home, "locked.pcapng", open(os.path.join(SAMPLES, sample_names()[0]), "rb").read(), 0o000)
    fails(home, ["report", locked], FAILURE, "locked.pcapng", "permission denied")
    os.makedirs(os.path.join(home.path, "folder"))
    fails(home, ["report", "folder"], FAILURE, "directory")


def test_report_not_a_capture(home):
    cases = [("notes.txt", b"hello\n", "not a pcap"),  # tshark itself would take this as MP4
             ("empty.pcapng", b"", "empty"),
             ("binary.pcap", open("/bin/sh", "rb").read(4096), "not a pcap")]
    for name, content, needle in cases:
        fails(home, ["report", file_in(home, name, content)], FAILURE, name, needle, "editcap")


def test_report_truncated_capture(home):
    source = open(os.path.join(SAMPLES, "answered.pcapng"), "rb").read()
    cut = file_in(home, "cut.pcapng", source[:len(source) - 20])
    fails(home, ["report", cut], FAILURE, "cut short", "editcap")


def test_report_no_partial_output(home):
    good = cap(home, "answered.pcapng")
    source = open(os.path.join(SAMPLES, "busy-486.pcapng"), "rb").read()
    cut = file_in(home, "cut.pcapng", source[:len(source) - 20])
    for args in [[good, cut], [cut, good], [good, "nope.pcapng"]]:
        for fmt in ["text", "csv", "json"]:
            fails(home, ["report", "--format", fmt] + args, FAILURE)


def test_report_same_file_twice(home):
    good = cap(home, "answered.pcapng")
    fails(home, ["report", good, "./" + good], USAGE, "twice")


def test_report_tshark_missing(home):
    good = cap(home, "answered.pcapng")
    fails(home, ["report", "--tshark", "/nonexistent/tshark", good], FAILURE, "/nonexistent/tshark")
    fails(home, ["report", good], FAILURE, "tshark was not found", "apt-get install tshark",
          env={"PATH": "/nonexistent"})


def test_report_tshark_wrong_version(home):
    good = cap(home, "answered.pcapng")
    old = script_in(home, "old-tshark", '#!/bin/sh\necho "TShark (Wireshark) 3.6.2 (Git v3.6.2)"\n')
    fails(home, ["report", "--tshark", old, good], FAILURE, "3.6.2", "too old")
    newer = script_in(home, "new-tshark", '#!/bin/sh\necho "TShark (Wireshark) 9.8.1 (Git v9.8.1)"\n')
    fails(home, ["report", "--tshark", newer, good], FAILURE, "9.8.1", "rebuild")
    impostor = script_in(home, "impostor", '#!/bin/sh\necho "hello"\n')
    fails(home, ["report", "--tshark", impostor, good], FAILURE, "does not look like tshark")


def test_report_plugin_not_loaded(home):
    bare = TsharkHome(with_plugin=False)
    try:
        good = cap(bare, "answered.pcapng")
        fails(bare, ["report", good], FAILURE, "does not load the sipcodes plugin", "cmake --install")
    finally:
        bare.cleanup()


def test_report_as_root_explains_plugin_folders(home):
    """As root tshark ignores ~/.local plugins: the message says what to do."""
    if os.geteuid() != 0:
        return
    plugins = subprocess.run([TSHARK, "-G", "plugins"], capture_output=True, text=True,
                             env={"HOME": home.path, "PATH": os.environ.get("PATH", "")}).stdout
    if "sipcodes.so" in plugins:
        return  # installed globally on this machine: root is served
    good = cap(home, "answered.pcapng")
    fails(home, ["report", good], FAILURE, "root", "SIPCODES_INSTALL_GLOBAL=ON", "normal user",
          as_root=True)


# ---- packaging -------------------------------------------------------------

def test_man_page(home):
    check(os.path.isfile(MAN_PAGE), f"man page at {MAN_PAGE}")
    if shutil.which("groff"):
        result = subprocess.run(["groff", "-man", "-ww", "-z", MAN_PAGE], capture_output=True, text=True)
        check_equal(result.stderr, "", "groff warnings")
    if shutil.which("man"):
        result = subprocess.run(["man", "-l", MAN_PAGE], capture_output=True, text=True,
                                env={"MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80",
                                     "PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"})
        check_equal(result.returncode, 0, f"man -l: {result.stderr}")
        for part in ["explain", "report", "EXIT STATUS", "--filter", "--tshark", "q850:", "root"]:
            check(part in result.stdout.replace("\u2010", "-"), f"man page covers {part}")


def test_installs_command_and_man_page(home):
    build = os.path.dirname(os.path.dirname(os.path.abspath(CLI)))
    if not os.path.isfile(os.path.join(build, "cmake_install.cmake")):
        return
    destdir = os.path.join(home.path, "destdir")
    result = subprocess.run(["cmake", "--install", build], capture_output=True, text=True,
                            env=dict(os.environ, DESTDIR=destdir))
    check_equal(result.returncode, 0, f"cmake --install: {result.stderr}")
    installed = [os.path.relpath(os.path.join(d, f), destdir)
                 for d, _, files in os.walk(destdir) for f in files]
    check(any(p.endswith("bin/sipcodes") for p in installed), f"command installed: {installed}")
    check(any(p.endswith("share/man/man1/sipcodes.1") for p in installed), f"man page installed: {installed}")


def test_valgrind_clean(home):
    """No memory errors or leaks in explain and in a merged report."""
    if not shutil.which("valgrind"):
        return
    parts = split_capture(home, "busy-486.pcapng", 3)
    wrapper = ["valgrind", "--quiet", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
               "--error-exitcode=99"]
    for args in [["explain", "--all", "--format", "json"], ["explain", "banana"],
                 ["report", "--format", "json"] + parts, ["report", "nope.pcapng"]]:
        result = sipcodes(home, args, wrapper=wrapper)
        check(result.returncode != 99, f"valgrind on {args}: {result.stderr[-2000:]}")


if __name__ == "__main__":
    sys.exit(run_tests(globals()))
