# SPDX-License-Identifier: GPL-2.0-or-later
"""Running tshark with and without the sipcodes plugin for the robustness
tools (mutate.py, valgrind-integration.sh's checker), and telling a crash or
sanitizer report from a normal run.

As in tests/integration/harness.py: tshark ignores personal plugin folders
when the real user is root, so as root every run drops to uid/gid 65534 with
setpriv and HOME pointing at a private folder that holds the plugin
(DESIGN 4). A plugin built with ASan (SIPCODES_SANITIZE=ON, or the
sipcodes_asan target of tests/robustness) is loaded into Debian's
uninstrumented tshark with libasan preloaded.
"""
import os
import re
import shutil
import signal
import subprocess
import tempfile

NOBODY = 65534

# What marks a run as failed, whatever its exit status.
SANITIZER_PATTERNS = [
    re.compile(r"ERROR: AddressSanitizer"),
    re.compile(r"ERROR: LeakSanitizer"),
    re.compile(r"runtime error: "),                  # UBSan
    re.compile(r"SUMMARY: (Address|UndefinedBehavior)Sanitizer"),
    re.compile(r"AddressSanitizer:DEADLYSIGNAL"),
]
ABORT_PATTERNS = [
    re.compile(r"\*\* \(tshark:\d+\): (CRITICAL|ERROR) \*\*"),   # GLib criticals and g_error
    re.compile(r"Dissector bug", re.IGNORECASE),
    re.compile(r"tshark: .*(assertion|Assertion).*failed"),
]
# In the packet details: an exception escaped from sipcodes' own dissector.
SIPCODES_EXCEPTION = re.compile(r"\[(Malformed Packet|Dissector bug, protocol)[^\]\n]*sipcodes")


def plugin_is_asan(path):
    """True when the shared object was built with AddressSanitizer."""
    try:
        with open(path, "rb") as handle:
            return b"__asan_init" in handle.read()
    except OSError:
        return False


def libasan_path():
    """The libasan the plugin was linked with (gcc's), for LD_PRELOAD."""
    for compiler in ("gcc", "cc"):
        try:
            out = subprocess.run([compiler, "-print-file-name=libasan.so"], capture_output=True,
                                 text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            continue
        if out and os.path.isabs(out) and os.path.exists(out):
            return os.path.realpath(out)
    return None


def wireshark_abi():
    out = subprocess.run(["tshark", "--version"], capture_output=True, text=True).stdout
    match = re.search(r"TShark \(Wireshark\) (\d+)\.(\d+)", out)
    if not match:
        raise RuntimeError("cannot read the Wireshark version from tshark --version")
    return "%s.%s" % match.groups()


def make_readable(path):
    """Lets uid 65534 read a file or walk a folder we created."""
    os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)


def global_sipcodes_plugin():
    """The path of a sipcodes.so installed in Wireshark's global plugin folder,
    or None. Wireshark loads global plugins first and skips a personal plugin
    of the same name, so with one installed the build under test never runs."""
    out = subprocess.run(["tshark", "-G", "folders"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Global Plugins:"):
            path = os.path.join(line.split(":", 1)[1].strip(), "epan", "sipcodes.so")
            return path if os.path.exists(path) else None
    return None


# Provider overrides shipped as an example: loading them exercises the UAT and
# the override matching on every mutated response.
EXAMPLE_OVERRIDES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                 "docs", "examples", "sipcodes_overrides")


class Home:
    """A private HOME, with the plugin in its personal plugin folder or without."""

    def __init__(self, plugin=None, abi=None, parent=None, overrides=None):
        self.path = tempfile.mkdtemp(prefix="sipcodes-robust-", dir=parent)
        self.plugin = plugin
        if plugin:
            plugin_dir = os.path.join(self.path, ".local", "lib", "wireshark", "plugins",
                                      abi or wireshark_abi(), "epan")
            os.makedirs(plugin_dir)
            shutil.copy(plugin, os.path.join(plugin_dir, "sipcodes.so"))
        os.makedirs(os.path.join(self.path, ".config", "wireshark"))
        if overrides and os.path.isfile(overrides):
            shutil.copy(overrides, os.path.join(self.path, ".config", "wireshark", "sipcodes_overrides"))
        for root, dirs, files in os.walk(self.path):
            make_readable(root)
            for name in files:
                make_readable(os.path.join(root, name))

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


class Runner:
    """Runs tshark (optionally under a wrapper such as valgrind) in a Home."""

    def __init__(self, home, asan=False, tshark="tshark", wrapper=(), timeout=300):
        self.home = home
        self.tshark = tshark
        self.wrapper = list(wrapper)
        self.timeout = timeout
        self.env = {
            "HOME": home.path,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            # Wireshark's own fuzz-test.sh: a dissector bug aborts instead of
            # becoming an expert item.
            "WIRESHARK_ABORT_ON_DISSECTOR_BUG": "1",
            "WIRESHARK_ABORT_ON_TOO_MANY_ITEMS": "1",
        }
        if asan:
            libasan = libasan_path()
            if not libasan:
                raise RuntimeError("the plugin is built with ASan but libasan.so was not found "
                                   "(gcc -print-file-name=libasan.so)")
            self.env["LD_PRELOAD"] = libasan
            # tshark frees little at exit by design: leaks are valgrind's job.
            self.env["ASAN_OPTIONS"] = "detect_leaks=0:allocator_may_return_null=1:handle_abort=1"
            self.env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

    def command(self, args):
        command = self.wrapper + [self.tshark] + list(args)
        if os.geteuid() == 0:
            command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] + command
        return command

    def run(self, args, capture_stdout=True):
        """(returncode, stdout, stderr); returncode None on timeout."""
        try:
            result = subprocess.run(self.command(args), env=self.env, cwd=self.home.path,
                                    stdout=subprocess.PIPE if capture_stdout else subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, timeout=self.timeout)
        except subprocess.TimeoutExpired as expired:
            return None, expired.stdout or b"", expired.stderr or b""
        return result.returncode, result.stdout or b"", result.stderr


def verdict(returncode, stdout, stderr):
    """None for a clean run, else a short description of what went wrong."""
    err = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    out = stdout.decode("utf-8", "replace") if isinstance(stdout, bytes) else stdout
    for pattern in SANITIZER_PATTERNS:
        match = pattern.search(err)
        if match:
            line = err[err.rfind("\n", 0, match.start()) + 1:].split("\n", 1)[0]
            return "sanitizer: " + line.strip()[:200]
    if returncode is None:
        return "timeout"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        return "killed by " + name
    if returncode >= 128:
        return "exit status %d (signal?)" % returncode
    for pattern in ABORT_PATTERNS:
        match = pattern.search(err)
        if match:
            line = err[err.rfind("\n", 0, match.start()) + 1:].split("\n", 1)[0]
            return "abort: " + line.strip()[:200]
    match = SIPCODES_EXCEPTION.search(out)
    if match:
        return "exception in sipcodes: " + match.group(0)[:200]
    if returncode != 0:
        return "exit status %d" % returncode
    return None


def mentions_sipcodes(text):
    """A sanitizer or valgrind stack with a frame in the plugin."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "sipcodes.so" in text or PLUGIN_SOURCE.search(text) is not None


PLUGIN_SOURCE = re.compile(r"/plugin/((kb|outcome)/)?[A-Za-z0-9_-]+\.[ch]:\d+")
