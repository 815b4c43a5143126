"""--jobs 1 against --jobs 2 end to end, and against another checkout of termcheck (the code before
a change): wall seconds and peak RSS (/usr/bin/time "%e %M": the largest process of the run), the
median of the runs, rounds interleaved so that a noisy machine weighs on every variant alike; and
whether every run wrote the same JSON report, byte for byte (cmp).

    python bench/jobs.py /work/bench-data/builtin-20mb.tsv --before /tmp/before-checkout --repeat 3

Never part of the test run.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(tree: Path, path: Path, jobs: int, report: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KB) and CPU seconds (all processes) of `termcheck check` with the
    code of `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = ["/usr/bin/time", "-f", "%e %M %U %S", sys.executable, "-m", "termcheck", "check", str(path), "--no-config"]
    command += ["--format", "json", "--output", str(report), "--fail-on", "never", "--jobs", str(jobs)]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=tempfile.gettempdir())
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
    seconds, kilobytes, user, system = done.stderr.split()[-4:]
    return float(seconds), int(kilobytes), float(user) + float(system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--before", type=Path, help="another checkout, run with --jobs 2")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    variants = [("this", ROOT, 1), ("this", ROOT, 2)] + ([("before", arguments.before, 2)] if arguments.before else [])
    with tempfile.TemporaryDirectory() as scratch:
        for path in arguments.inputs:
            times: dict[tuple[str, int], list[tuple[float, int, float]]] = {(name, jobs): [] for name, _, jobs in variants}
            reports: list[Path] = []
            for round_ in range(arguments.repeat):
                for name, tree, jobs in variants:
                    report = Path(scratch) / f"{path.name}-{name}-{jobs}-{round_}.json"
                    times[name, jobs].append(run(tree, path, jobs, report))
                    reports.append(report)
                    print(path.name, name, jobs, *times[name, jobs][-1], flush=True)
            same = all(filecmp.cmp(reports[0], report, shallow=False) for report in reports[1:])
            one = statistics.median(run[0] for run in times["this", 1])
            print(f"\n{path.name}: every report identical: {same}")
            for (name, jobs), runs in times.items():
                seconds = statistics.median(run[0] for run in runs)
                rss = statistics.median(run[1] for run in runs) / 1024
                cpu = statistics.median(run[2] for run in runs)
                print(
                    f"  {name} --jobs {jobs}: {seconds:.1f} s (runs {', '.join(f'{run[0]:.1f}' for run in runs)}), peak RSS {rss:.0f} MB, "
                    f"CPU {cpu:.1f} s, {one / seconds:.2f}x this --jobs 1"
                )
            print(flush=True)


if __name__ == "__main__":
    main()
