"""Peak memory and time of `termcheck check` on a file with many findings, for two copies of the
code side by side (e.g. a `git archive` of the commit before a change and the working tree), and
whether their reports are the same bytes.

    python bench/findings_memory.py /tmp/bench100/builtin-100mb.tsv --before /tmp/old --after . \
        --format json --jobs 1

Each pair of runs starts together, so that both see the same load on a busy machine; CPU time
(user + system, workers included) is the figure to compare there, wall time only on a quiet one.
Peak RSS is the largest of the process and its workers (what `/usr/bin/time -f %M` reports).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def start(code: str, path: str, output_format: str, jobs: int, folder: Path, tag: str) -> tuple[subprocess.Popen[bytes], Path, Path]:
    report, stdout = folder / f"{tag}.{output_format}", folder / f"{tag}.stdout"
    environment = dict(os.environ, PYTHONPATH=str(Path(code).resolve()), TERMCHECK_CACHE_DIR=str(folder / f"cache-{tag}"))
    command = [
        sys.executable, "-m", "termcheck", "check", path, "--no-config", "--format", output_format,
        "--output-format", output_format, "--output", str(report), "--fail-on", "never", "--jobs", str(jobs),
    ]
    with stdout.open("wb") as out:
        process = subprocess.Popen(command, env=environment, stdout=out)
    return process, report, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--before", required=True, help="folder of the code before the change")
    parser.add_argument("--after", required=True, help="folder of the code after the change")
    parser.add_argument("--format", default="json")
    parser.add_argument("--jobs", type=int, default=1)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="findings-memory-") as name:
        folder = Path(name)
        began = time.perf_counter()
        started = {tag: start(code, arguments.path, arguments.format, arguments.jobs, folder, tag) for tag, code in (("before", arguments.before), ("after", arguments.after))}
        tags = {process.pid: tag for tag, (process, _, _) in started.items()}
        # The caches are built by the first run of each copy (about the same for both).
        while tags:
            pid, status, usage = os.wait4(-1, 0)
            if pid not in tags:
                continue
            tag = tags.pop(pid)
            started[tag][0].returncode = os.waitstatus_to_exitcode(status)
            print(
                f"{tag}: {arguments.format} --jobs {arguments.jobs}: exit {started[tag][0].returncode}, wall {time.perf_counter() - began:.1f} s, "
                f"CPU {usage.ru_utime + usage.ru_stime:.1f} s, peak RSS {usage.ru_maxrss / 1024:.0f} MB"
            )
        _, report_before, stdout_before = started["before"]
        _, report_after, stdout_after = started["after"]
        same = filecmp.cmp(report_before, report_after, shallow=False) and filecmp.cmp(stdout_before, stdout_after, shallow=False)
        print("reports (file and standard output) identical" if same else "REPORTS DIFFER")


if __name__ == "__main__":
    main()
