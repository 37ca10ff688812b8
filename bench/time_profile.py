#!/usr/bin/env python3
"""Where a scan's time goes beyond the parsers, by time rather than instructions.

    bench/time_profile.py [--build BUILD_DIR] [--frequency HZ] [--runs N] DIR

Samples the one-job scan of DIR (`akslint scan --format json --jobs 1`) and `akslint_bench DIR`
with the kernel's CPU clock (`perf record -e cpu-clock`, which needs no hardware counters), and
prints each program's samples by part of the code, grouped by symbol name, with the scan's
samples less the bench's: of N runs each (3 unless told), taking turns, the one with the
fewest samples. Both programs walk and read the files alike, so the difference is
the scan's work beyond the parsers plus the parsers' own slowdown inside the scan. Needs perf
(Debian `linux-perf`) and `kernel.perf_event_paranoid` of 2 or less. Builds nothing: run
`bench/run.sh` or `ninja -C BUILD_DIR akslint akslint_bench` first.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# (part, test on a symbol name), first match wins: the arena's functions sit in akslint::ts
# beside the tree copy's, and tree-sitter's own names all start as its C API does.
PARTS = [
    ("the parse arena", lambda s: "ParseArena" in s or "arena_" in s),
    ("tree-sitter", lambda s: re.match(r"(ts_|stack_|stack__|tree_sitter_|iswspace|__GI_iswspace|reusable_node)", s)),
    ("the copy of HCL trees", lambda s: "SyntaxTree" in s or re.match(r"akslint::ts::(type|child|named_child|field|is_named|child_count|named_child_count|start_byte|end_byte|is_null)\b", s)),
    ("the allocator", lambda s: re.match(r"(je_|operator new|operator delete|free$|malloc$|calloc$|realloc$)", s)),
    ("memcmp, memmove, memmem, strlen", lambda s: re.match(r"(__mem|memcpy|memmove|memcmp|__strlen|strlen|__GI___memmem)", s)),
    ("the HCL parser", lambda s: "parse_hcl" in s or "terraform::(anonymous namespace)::Parser" in s),
    ("Bicep", lambda s: "bicep" in s),
    ("Terraform", lambda s: "terraform" in s),
    ("ARM", lambda s: "arm::" in s or "azure::" in s),
    ("the JSON reader", lambda s: "Json" in s),
    ("Value", lambda s: "Value" in s),
]
REST = "the rest"


def part_of(symbol):
    for name, test in PARTS:
        if test(symbol):
            return name
    return REST


def samples_by_symbol(perf, data):
    report = subprocess.run(
        [perf, "report", "-i", data, "--stdio", "--no-children", "-g", "none", "--sort", "sym", "-F", "sample,sym"],
        check=True, capture_output=True, text=True).stdout
    found = {}
    for line in report.splitlines():
        m = re.match(r"\s*(\d+)\s+\[.\]\s+(.*\S)", line)
        if m:
            found[m.group(2)] = found.get(m.group(2), 0) + int(m.group(1))
    return found


def record(perf, frequency, out, command):
    if os.path.exists(out):
        os.remove(out)
    # The scan exits 1 when it finds something: its status is not perf's.
    subprocess.run([perf, "record", "-q", "-e", "cpu-clock", "-F", str(frequency), "-o", out, "--"] + command,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(out):
        sys.exit(f"bench/time_profile.py: perf recorded nothing for {command[0]} (kernel.perf_event_paranoid?)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--build", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build-bench"))
    parser.add_argument("--frequency", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.dir):
        sys.exit(f"bench/time_profile.py: no {args.dir}")
    perf = shutil.which("perf")
    if perf is None:
        sys.exit("bench/time_profile.py: needs perf (apt-get install linux-perf)")
    akslint = os.path.join(args.build, "cli", "akslint")
    bench = os.path.join(args.build, "bench", "akslint_bench")
    for program in (akslint, bench):
        if not os.access(program, os.X_OK):
            sys.exit(f"bench/time_profile.py: no {program} (ninja -C {args.build} akslint akslint_bench)")
    scan_command = [akslint, "scan", "--format", "json", "--jobs", "1", "--root", args.dir, args.dir]
    scans, parses = [], []
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "perf.data")
        # Taking turns, so that the host's load falls on both alike; each program's calmest run
        # (fewest samples) is kept, as bench/run.sh keeps the best time.
        for _ in range(args.runs):
            record(perf, args.frequency, data, scan_command)
            scans.append(samples_by_symbol(perf, data))
            record(perf, args.frequency, data, [bench, args.dir])
            parses.append(samples_by_symbol(perf, data))
    scan = min(scans, key=lambda found: sum(found.values()))
    parse = min(parses, key=lambda found: sum(found.values()))
    totals = {}
    for symbol in set(scan) | set(parse):
        s, b = totals.get(part_of(symbol), (0, 0))
        totals[part_of(symbol)] = (s + scan.get(symbol, 0), b + parse.get(symbol, 0))
    print(f"{'part':36} {'scan':>8} {'bench':>8} {'beyond':>8}")
    for name, (s, b) in sorted(totals.items(), key=lambda item: item[1][1] - item[1][0]):
        print(f"{name:36} {s:8d} {b:8d} {s - b:8d}")
    s, b = sum(v[0] for v in totals.values()), sum(v[1] for v in totals.values())
    print(f"{'total':36} {s:8d} {b:8d} {s - b:8d}   ({args.frequency} samples a second of CPU)")


if __name__ == "__main__":
    main()
