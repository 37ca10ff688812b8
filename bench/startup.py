#!/usr/bin/env python3
"""Best-of-N wall and CPU time of one command, measured from this process.

    bench/startup.py N COMMAND [ARGS...]

Wall time runs from just before the fork to the end of the wait, with nothing else in the
way (a shell's `date` and /usr/bin/time each add a fork and exec of their own, some
milliseconds that would swamp a start-up time). CPU time is the child's user + system time.
"""
import os
import resource
import subprocess
import sys
import time


def main() -> None:
    runs = int(sys.argv[1])
    command = sys.argv[2:]
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall = min(best_wall, wall)
        best_cpu = min(best_cpu, cpu)
    print(f"wall {best_wall * 1000:.1f} ms  cpu {best_cpu * 1000:.1f} ms")


if __name__ == "__main__":
    main()
