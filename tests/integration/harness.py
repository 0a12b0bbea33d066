# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs the real tshark with the freshly built sipcodes plugin.

tshark ignores personal plugin folders when the real user is root, so as root
every run drops to uid/gid 65534 with setpriv, HOME pointing at a private
folder that holds the plugin (DESIGN 4). As any other user the same HOME
trick is enough.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

PLUGIN = os.environ.get("SIPCODES_PLUGIN", "")
SAMPLES = os.environ.get("SIPCODES_SAMPLES", "")
TSHARK = os.environ.get("SIPCODES_TSHARK", "tshark")
ABI = os.environ.get("SIPCODES_WIRESHARK_ABI", "")
NOBODY = 65534
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# tshark prints FT_BOOLEAN fields as "1"/"0" in 4.0 and "True"/"False" in 4.4
# and 4.6 (-T json -e, -T fields): tests compare the 4.0 form.
BOOLEAN_TEXT = {"True": "1", "False": "0"}


class TestFailure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def check_equal(actual, expected, what):
    if actual != expected:
        raise TestFailure(f"{what}: expected {expected!r}, got {actual!r}")


class TsharkHome:
    """A throw-away HOME with the plugin in its personal plugin folder."""

    def __init__(self, with_plugin=True):
        self.path = tempfile.mkdtemp(prefix="sipcodes-test-")
        os.chmod(self.path, 0o755)
        if with_plugin:
            check(os.path.isfile(PLUGIN), f"built plugin not found at {PLUGIN!r}")
            plugin_dir = os.path.join(self.path, ".local", "lib", "wireshark", "plugins", ABI, "epan")
            os.makedirs(plugin_dir)
            shutil.copy(PLUGIN, plugin_dir)
        self.config_dir = os.path.join(self.path, ".config", "wireshark")
        os.makedirs(self.config_dir)
        for root, dirs, files in os.walk(self.path):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
            for name in files:
                os.chmod(os.path.join(root, name), 0o644)
        if os.geteuid() == 0:
            for root, dirs, files in os.walk(self.path):
                for name in dirs + files:
                    os.chown(os.path.join(root, name), NOBODY, NOBODY)
                os.chown(root, NOBODY, NOBODY)

    def add_file(self, relative, content):
        """Writes a file (e.g. a preference or UAT file) into the HOME."""
        full = os.path.join(self.path, relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(content)
        os.chmod(full, 0o644)
        if os.geteuid() == 0:
            os.chown(full, NOBODY, NOBODY)
        return full

    def capture(self, name, folder=None):
        """A copy of a capture (a sample unless another folder is given)
        that the unprivileged user can read."""
        source = os.path.join(folder or SAMPLES, name)
        check(os.path.isfile(source), f"capture missing: {source}")
        target = os.path.join(self.path, name)
        if not os.path.exists(target):
            shutil.copy(source, target)
            os.chmod(target, 0o644)
            if os.geteuid() == 0:
                os.chown(target, NOBODY, NOBODY)
        return target

    def run(self, args, expect_success=True, stdin_path=None):
        """tshark ARGS; stdin_path feeds a file to its standard input (a
        capture read live with -i -)."""
        env = {
            "HOME": self.path,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
        }
        command = [TSHARK] + list(args)
        if os.geteuid() == 0:
            command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] + command
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            result = subprocess.run(command, env=env, cwd=self.path, stdin=stdin, capture_output=True,
                                    text=True, timeout=300)
        finally:
            if stdin_path:
                stdin.close()
        if expect_success and result.returncode != 0:
            raise TestFailure(f"tshark {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


def generated_calls(home, calls, cps, seed=1):
    """A synthetic capture of CALLS calls (bench/gen_pcap.py, deterministic)
    in HOME, and the generator's summary (planned outcomes)."""
    name = f"generated-{calls}-{cps}-{seed}.pcap"
    folder = tempfile.mkdtemp(prefix="sipcodes-gen-")
    try:
        result = subprocess.run([sys.executable, os.path.join(REPOSITORY, "bench", "gen_pcap.py"), "sip",
                                 "--calls", str(calls), "--cps", str(cps), "--seed", str(seed),
                                 "-o", os.path.join(folder, name)],
                                capture_output=True, text=True, timeout=300)
        check(result.returncode == 0, f"gen_pcap.py failed: {result.stderr}")
        return home.capture(name, folder), json.loads(result.stdout)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def frames(home, capture, fields, extra_args=()):
    """Per frame number, a dict field -> list of values (tshark -T json -e)."""
    args = ["-r", home.capture(capture), "-T", "json", "-e", "frame.number"]
    for field in fields:
        args += ["-e", field]
    result = home.run(list(extra_args) + args)
    packets = json.loads(result.stdout or "[]")
    table = {}
    for packet in packets:
        layers = packet["_source"]["layers"]
        number = int(layers["frame.number"][0])
        table[number] = {field: [BOOLEAN_TEXT.get(v, v) for v in layers.get(field, [])]
                         for field in fields}
    return table


def run_tests(module_globals):
    """`script.py --list` prints the test names; `script.py NAME` runs one."""
    tests = {name[5:]: fn for name, fn in module_globals.items()
             if name.startswith("test_") and callable(fn)}
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print(";".join(sorted(tests)))
        return 0
    selected = sys.argv[1:] or sorted(tests)
    failures = 0
    for name in selected:
        if name not in tests:
            print(f"unknown test {name}", file=sys.stderr)
            return 2
        home = TsharkHome()
        try:
            tests[name](home)
            print(f"ok - {name}")
        except TestFailure as failure:
            failures += 1
            print(f"not ok - {name}: {failure}")
        finally:
            home.cleanup()
    return 1 if failures else 0
