"""The speed and memory figures the performance targets are stated in, each measured as a ratio
within one run of this script (the machine's speed varies from hour to hour; a ratio of two
measurements taken minutes apart does not).

    pip install -e '.[bench]'
    python bench/acceptance.py                          # 20 MB floor ratio, 10 and 100 MB, 5 runs each
    python bench/acceptance.py --repeat 3 --large 50    # quicker

Figures:
- floor ratio: `termcheck check` end to end (CLI, JSON report to a file, both cores) on the 20 MB
  TSV corpus with the built-in glossary, divided by the ahocorasick_rs floor on the same file
  (reading the TSV and one leftmost-longest scan of each side, in one process);
- seconds per MB at 10 MB and at the large size (both cores);
- `--jobs 2` against `--jobs 1` at the large size, and whether their reports are the same bytes;
- peak RSS (the largest process, workers included) at the large size;
- warm start-up: a one-line pair, median of 10, with bytecode compiled as an installed package has it;
- the generated 100,000-entry glossary loaded from the warm cache (in a fresh process).

Prints a Markdown table; paste it into bench/RESULTS.md. Timings never belong in unit tests.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import baselines  # noqa: E402
import corpus  # noqa: E402
from run import measure_command, read_tsv  # noqa: E402

from termcheck import load_glossary  # noqa: E402

_LOAD_GLOSSARY = (
    "import sys, time\n"
    "start = time.perf_counter()\n"
    "from termcheck.api import load_matchers\n"
    "matchers = load_matchers([sys.argv[1]], builtin=False)\n"
    "print(time.perf_counter() - start)\n"
)


def corpus_file(data: Path, size: float) -> Path:
    """The TSV corpus of `size` MB with the built-in glossary, made once."""
    path = data / f"builtin-{size:g}mb.tsv"
    if not path.exists():
        entries = corpus.usable_builtin_entries(list(load_glossary().entries))
        corpus.write_corpus(list(corpus.segments(entries, int(size * 1_000_000))), path)
    return path


def floor_seconds(path: Path, repeat: int) -> float:
    """Reading the TSV and the ahocorasick_rs scan of both sides (the automata built beforehand)."""
    floor = baselines.FloorScan(list(load_glossary().entries))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        floor.scan(read_tsv(path))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_runs(path: Path, jobs: int, repeat: int, env: dict[str, str], report: Path) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of `termcheck check` end to end."""
    args = [sys.executable, "-m", "termcheck", "check", "--no-config", "-f", "json", "--jobs", str(jobs), str(path)]
    runs = [measure_command(args, env, report) for _ in range(repeat)]
    return statistics.median(seconds for seconds, _ in runs), max(rss for _, rss in runs) / 1024


def warm_start(env: dict[str, str], folder: Path, repeat: int = 10) -> float:
    source, target = folder / "one.zh.txt", folder / "one.en.txt"
    source.write_text("中国共产党领导人民。\n", encoding="utf-8")
    target.write_text("The Communist Party of China leads the people.\n", encoding="utf-8")
    args = [sys.executable, "-m", "termcheck", "check", "--no-config", str(source), str(target)]
    measure_command(args, env)  # the cache made warm
    return statistics.median(measure_command(args, env)[0] for _ in range(repeat))


def large_glossary_load(env: dict[str, str], folder: Path, repeat: int) -> tuple[float, float]:
    """Seconds to load the cached 100,000-entry glossary in a fresh process, and that process's RSS."""
    path = folder / "generated-100000.tsv"
    corpus.write_glossary_tsv(corpus.generated_glossary(100_000), path)
    args = [sys.executable, "-c", _LOAD_GLOSSARY, str(path)]
    subprocess.run(args, env=env, check=True, capture_output=True)  # compiled and cached
    loads, peak = [], 0
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True);"
             " print(r.stdout.strip(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *args],
            env=env, capture_output=True, text=True, check=True,
        ).stdout.split()
        loads.append(float(out[0]))
        peak = max(peak, int(out[1]))
    return statistics.median(loads), peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--floor-size", type=float, default=20)
    parser.add_argument("--small", type=float, default=10)
    parser.add_argument("--large", type=float, default=100)
    parser.add_argument("--large-repeat", type=int, help="runs at the large size (default: --repeat)")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="termcheck-acceptance-"))
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["TERMCHECK_CACHE_DIR"] = str(scratch / "cache")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "termcheck")], check=True)
    rows: list[tuple[str, str, str]] = []

    def row(figure: str, measured: str, target: str) -> None:
        rows.append((figure, measured, target))
        print(f"| {figure} | {measured} | {target} |", flush=True)

    # First, as it makes the built-in glossary's cache warm for the runs after it.
    start_up = warm_start(env, scratch)
    floor_path = corpus_file(args.data, args.floor_size)
    floor = floor_seconds(floor_path, args.repeat)
    both, _ = check_runs(floor_path, os.cpu_count() or 1, args.repeat, env, scratch / "floor.json")
    row(f"end to end ÷ ahocorasick_rs floor, {args.floor_size:g} MB TSV, all cores", f"{both:.1f} s ÷ {floor:.2f} s = {both / floor:.1f}×", "≤ 5×")
    small_path, large_path = corpus_file(args.data, args.small), corpus_file(args.data, args.large)
    small, _ = check_runs(small_path, os.cpu_count() or 1, args.repeat, env, scratch / "small.json")
    large_repeat = args.large_repeat or args.repeat
    one_job, rss_one = check_runs(large_path, 1, large_repeat, env, scratch / "large-1.json")
    two_jobs, rss_two = check_runs(large_path, 2, large_repeat, env, scratch / "large-2.json")
    small_rate = small / (small_path.stat().st_size / 1e6)
    large_rate = two_jobs / (large_path.stat().st_size / 1e6)
    row(f"seconds per MB, {args.large:g} MB ÷ {args.small:g} MB (2 jobs)", f"{large_rate:.2f} ÷ {small_rate:.2f} = {large_rate / small_rate:.2f}", "≤ 1")
    same = filecmp.cmp(scratch / "large-1.json", scratch / "large-2.json", shallow=False)
    row(f"--jobs 2 speed-up, {args.large:g} MB", f"{one_job:.1f} s ÷ {two_jobs:.1f} s = {one_job / two_jobs:.2f}×; reports {'identical' if same else 'DIFFER'}", "≥ 1.8×, identical")
    row(f"peak RSS, {args.large:g} MB (jobs 1 / jobs 2)", f"{rss_one:.0f} MB / {rss_two:.0f} MB", "≤ 300 MB")
    row("warm start-up, one-line pair (median of 10)", f"{start_up:.3f} s", "≤ 0.2 s")
    load, load_rss = large_glossary_load(env, scratch, args.repeat)
    row("100,000-entry glossary loaded from the cache", f"{load:.2f} s, {load_rss:.0f} MB RSS", "≤ 0.5 s")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\nRun {now} on {platform.system()} {platform.release()}, {os.cpu_count()} cores, Python {platform.python_version()}; medians of {args.repeat} ({args.large_repeat or args.repeat} at {args.large:g} MB).")
    print("\n| figure | measured | target |\n| --- | --- | --- |")
    for figure, measured, target in rows:
        print(f"| {figure} | {measured} | {target} |")


if __name__ == "__main__":
    main()
