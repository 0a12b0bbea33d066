#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Mutation campaign in the style of Wireshark's tools/fuzz-test.sh.

For each seed, every input capture (sample-pcaps/*.pcapng and the RFC 4475
torture capture) is mutated with `editcap -E PROBABILITY --seed SEED`
(random bytes of every frame changed), the mutated captures of the seed are
concatenated into one round file (mergecap -a: tshark starts once per round,
and Call-IDs and times of different captures meet), and tshark reads the
round with the plugin:

    tshark -n -r ROUND -V -z sipcodes,tree -z sipcodes,calls   (one pass)
    tshark -n -r ROUND -2 -V                                   (two passes)

A run fails on a crash (signal, exit status >= 128), a timeout, an ASan or
UBSan report, a GLib critical, a dissector bug (WIRESHARK_ABORT_ON_DISSECTOR_BUG
is set, as fuzz-test.sh does) or an exception escaping sipcodes' dissector.
A failed round is run again by plain tshark (a HOME without the plugin): if
that fails the same way the problem is Wireshark's, not ours. Otherwise each
mutated capture of the round is run alone to find the culprit. Failing
inputs are kept, with the command lines and stderr, in --keep.

Exit status: 0 when nothing attributable to sipcodes was found, 1 otherwise,
2 for usage or setup errors.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import tsharkrun  # noqa: E402

# (error probability, bytes left alone at the start of each frame): the
# second kind keeps Ethernet, IPv4 and UDP intact so more mutations reach SIP.
PROFILES = [(0.02, 0), (0.02, 42), (0.005, 42), (0.05, 42)]

MODES = {
    "one-pass": ["-V", "-z", "sipcodes,tree", "-z", "sipcodes,calls"],
    "two-pass": ["-2", "-V"],
}


def default_plugin():
    for candidate in (os.environ.get("SIPCODES_ROBUSTNESS_PLUGIN"),
                      os.path.join(TOP, "build", "tests", "robustness", "asan", "sipcodes.so"),
                      os.environ.get("SIPCODES_PLUGIN"),
                      os.path.join(TOP, "build", "plugin", "sipcodes.so")):
        if candidate and os.path.isfile(candidate):
            return candidate
    return None


def frame_count(path):
    out = subprocess.run(["capinfos", "-M", "-c", "-T", "-r", path], capture_output=True,
                         text=True, check=True).stdout
    return int(out.strip().split("\t")[-1])


class Campaign:
    def __init__(self, args):
        self.args = args
        self.captures = args.captures
        self.frames_per_round = {c: frame_count(c) for c in self.captures}
        abi = tsharkrun.wireshark_abi()
        self.work = tempfile.mkdtemp(prefix="sipcodes-mutate-")
        tsharkrun.make_readable(self.work)
        self.asan = tsharkrun.plugin_is_asan(args.plugin)
        self.plugin_home = tsharkrun.Home(args.plugin, abi, parent=self.work,
                                          overrides=tsharkrun.EXAMPLE_OVERRIDES)
        self.plain_home = tsharkrun.Home(None, abi, parent=self.work)
        self.with_plugin = tsharkrun.Runner(self.plugin_home, asan=self.asan, timeout=args.timeout)
        self.plain = tsharkrun.Runner(self.plain_home, asan=self.asan, timeout=args.timeout)
        self.lock = threading.Lock()
        self.stats = {"rounds": 0, "mutated_captures": 0, "mutated_frames": 0, "tshark_runs": 0,
                      "failures_sipcodes": 0, "failures_wireshark": 0, "failures": []}
        self.started = time.monotonic()

    def check_plugin_loads(self):
        """The campaign means nothing if tshark silently runs without the plugin."""
        sample = self.captures[0]
        copy = os.path.join(self.work, "loads.pcapng")
        shutil.copy(sample, copy)
        tsharkrun.make_readable(copy)
        rc, out, err = self.with_plugin.run(["-n", "-r", copy, "-V"])
        problem = tsharkrun.verdict(rc, out, err)
        if problem or b"SIP Response Insight" not in out:
            raise SystemExit("mutate.py: tshark did not run the plugin on %s (%s):\n%s" % (
                os.path.basename(sample), problem or "no sipcodes tree", err.decode("utf-8", "replace")[-3000:]))

    def log(self, text):
        if not self.args.quiet:
            with self.lock:
                print(text, flush=True)

    def mutate(self, capture, seed, target):
        probability, offset = PROFILES[seed % len(PROFILES)]
        command = ["editcap", "-E", str(probability), "--seed", str(seed)]
        if offset:
            command += ["-o", str(offset)]
        command += [capture, target]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tsharkrun.make_readable(target)
        return command

    def keep(self, name, files, notes):
        folder = os.path.join(self.args.keep, name)
        os.makedirs(folder, exist_ok=True)
        for path in files:
            shutil.copy(path, folder)
        with open(os.path.join(folder, "README.txt"), "w") as handle:
            handle.write(notes)
        return folder

    def run_mode(self, runner, mode, path):
        args = MODES[mode]
        if runner is self.plain:
            # Without the plugin its taps do not exist: tshark would refuse them.
            args = [a for i, a in enumerate(args)
                    if not a.startswith("sipcodes") and not (a == "-z" and args[i + 1].startswith("sipcodes"))]
        rc, out, err = runner.run(["-n", "-r", path] + args)
        with self.lock:
            self.stats["tshark_runs"] += 1
        return tsharkrun.verdict(rc, out, err), rc, err

    def round(self, seed):
        folder = os.path.join(self.work, "seed-%d" % seed)
        os.makedirs(folder)
        tsharkrun.make_readable(folder)
        units = []
        for index, capture in enumerate(self.captures):
            target = os.path.join(folder, "%02d-%s" % (index, os.path.basename(capture)))
            command = self.mutate(capture, seed, target)
            units.append((capture, target, command))
        round_file = os.path.join(folder, "round-%d.pcapng" % seed)
        subprocess.run(["mergecap", "-a", "-F", "pcapng", "-w", round_file] + [u[1] for u in units],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tsharkrun.make_readable(round_file)
        frames = sum(self.frames_per_round[c] for c in self.captures)

        for mode in MODES:
            problem, rc, err = self.run_mode(self.with_plugin, mode, round_file)
            if problem:
                self.investigate(seed, mode, round_file, units, problem, err)
        with self.lock:
            self.stats["rounds"] += 1
            self.stats["mutated_captures"] += len(units)
            self.stats["mutated_frames"] += frames
        shutil.rmtree(folder, ignore_errors=True)
        self.log("seed %d: %d captures, %d frames (%.0f s)" % (seed, len(units), frames,
                                                               time.monotonic() - self.started))

    def investigate(self, seed, mode, round_file, units, problem, err):
        baseline, _, plain_err = self.run_mode(self.plain, mode, round_file)
        in_stack = tsharkrun.mentions_sipcodes(err)
        if baseline and not in_stack:
            owner = "wireshark"
            culprits = [round_file]
        else:
            owner = "sipcodes"
            culprits = [u[1] for u in units if self.run_mode(self.with_plugin, mode, u[1])[0]] or [round_file]
        notes = ["seed %d, mode %s: %s" % (seed, mode, problem),
                 "plain tshark (no plugin): %s" % (baseline or "clean"),
                 "stack mentions sipcodes: %s" % in_stack,
                 "tshark arguments: -n -r FILE " + " ".join(MODES[mode]),
                 "mutations:"] + ["  " + " ".join(u[2]) for u in units
                                  if u[1] in culprits or round_file in culprits]
        notes += ["", "---- stderr with the plugin ----", err.decode("utf-8", "replace")[-20000:],
                  "---- stderr without the plugin ----", plain_err.decode("utf-8", "replace")[-5000:]]
        folder = self.keep("%s-seed%d-%s" % (owner, seed, mode), culprits, "\n".join(notes) + "\n")
        with self.lock:
            self.stats["failures_" + owner] += 1
            self.stats["failures"].append({"seed": seed, "mode": mode, "owner": owner, "problem": problem,
                                           "kept": folder})
        self.log("seed %d %s: %s -> %s (kept in %s)" % (seed, mode, problem, owner, folder))

    def run(self):
        args = self.args
        seeds = iter(range(args.start_seed, args.start_seed + args.seeds))
        frames_per_seed = sum(self.frames_per_round.values())
        planned = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            running = set()
            while True:
                out_of_time = args.max_seconds and time.monotonic() - self.started > args.max_seconds
                enough = args.frames and planned >= args.frames
                while not out_of_time and not enough and len(running) < args.jobs:
                    seed = next(seeds, None)
                    if seed is None:
                        break
                    running.add(pool.submit(self.round, seed))
                    planned += frames_per_seed
                    enough = args.frames and planned >= args.frames
                if not running:
                    break
                done, running = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in done:
                    future.result()
        self.stats["seconds"] = round(time.monotonic() - self.started, 1)
        self.stats["stopped_by_time_limit"] = bool(args.max_seconds) and \
            self.stats["seconds"] > args.max_seconds and (not args.frames or planned < args.frames)
        return self.stats

    def cleanup(self):
        shutil.rmtree(self.work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=20, help="seeds (rounds) to run at most (default 20)")
    parser.add_argument("--start-seed", type=int, default=1)
    parser.add_argument("--frames", type=int, default=0,
                        help="stop once this many mutated frames are planned (0: no limit)")
    parser.add_argument("--max-seconds", type=float, default=0,
                        help="start no new round after this many seconds (0: no limit)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=300, help="seconds per tshark run")
    parser.add_argument("--plugin", default=default_plugin(),
                        help="sipcodes.so to load (default: the ASan build of tests/robustness, else build/plugin)")
    parser.add_argument("--captures", nargs="*",
                        default=sorted(glob.glob(os.path.join(TOP, "sample-pcaps", "*.pcapng")))
                        + [os.path.join(HERE, "rfc4475-torture.pcapng")])
    parser.add_argument("--keep", default=os.path.join(os.getcwd(), "robustness-failures"),
                        help="folder for failing inputs (default ./robustness-failures)")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--require-asan", action="store_true",
                        help="refuse to run with a plugin built without AddressSanitizer")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    if not args.plugin or not os.path.isfile(args.plugin):
        print("mutate.py: no plugin found; build first or pass --plugin", file=sys.stderr)
        return 2
    for tool in ("editcap", "mergecap", "capinfos", "tshark"):
        if not shutil.which(tool):
            print("mutate.py: %s not found (Debian package tshark)" % tool, file=sys.stderr)
            return 2
    if args.require_asan and not tsharkrun.plugin_is_asan(args.plugin):
        print("mutate.py: %s is not built with AddressSanitizer" % args.plugin, file=sys.stderr)
        return 2
    installed = tsharkrun.global_sipcodes_plugin()
    if installed:
        print("mutate.py: %s is installed; Wireshark would load it instead of %s. Remove it "
              "(or uninstall the global build) to test this build." % (installed, args.plugin), file=sys.stderr)
        return 2
    args.captures = [c for c in args.captures if os.path.isfile(c)]
    args.keep = os.path.abspath(args.keep)

    campaign = Campaign(args)
    campaign.check_plugin_loads()
    print("mutate.py: plugin %s (%s), %d captures, %d frames per seed, %d jobs" % (
        args.plugin, "ASan+UBSan" if campaign.asan else "no sanitizer", len(args.captures),
        sum(campaign.frames_per_round.values()), args.jobs), flush=True)
    try:
        stats = campaign.run()
    finally:
        campaign.cleanup()
    stats["plugin"] = args.plugin
    stats["sanitizers"] = campaign.asan
    stats["profiles"] = PROFILES
    stats["modes"] = MODES
    print("mutate.py: %(rounds)d seeds, %(mutated_captures)d mutated captures, %(mutated_frames)d mutated "
          "frames, %(tshark_runs)d tshark runs in %(seconds).0f s; failures: sipcodes "
          "%(failures_sipcodes)d, Wireshark itself %(failures_wireshark)d" % stats, flush=True)
    for failure in stats["failures"]:
        print("  %(owner)s: seed %(seed)d %(mode)s: %(problem)s (%(kept)s)" % failure)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(stats, handle, indent=2)
    return 1 if stats["failures_sipcodes"] else 0


if __name__ == "__main__":
    sys.exit(main())
