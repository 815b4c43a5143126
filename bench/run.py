"""Benchmarks: termcheck against a per-term loop, a regex alternation and the ahocorasick_rs floor,
on generated corpora, with the built-in glossary and a generated 100,000-entry one. Writes
bench/RESULTS.md.

    pip install -e '.[bench]'
    python bench/run.py                 # 1 and 10 MB, 5 runs each (about 20 minutes)
    python bench/run.py --large 100     # and 100 MB with the built-in glossary: speed and memory
    python bench/run.py --quick         # 1 MB, 3 runs: a smoke test of the harness

Never part of the test run: timings belong here, not in unit tests.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import baselines  # noqa: E402
import corpus  # noqa: E402

from termcheck import Config, check_paths, compile_glossary, load_glossary  # noqa: E402
from termcheck.glossary import read_glossary_file  # noqa: E402
from termcheck.model import Entry  # noqa: E402

_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "out = open(sys.argv[1], 'wb') if sys.argv[1] else subprocess.DEVNULL\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
    "elapsed = time.perf_counter() - start\n"
    "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def measure_command(args: Sequence[str], env: dict[str, str] | None = None, output: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one run of a command (its output kept in `output`)."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(output or ""), *args], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    if out[2] not in ("0", "1"):
        raise RuntimeError(f"{' '.join(args)} exited {out[2]}")
    return float(out[0]), int(out[1])


def median_time(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            segment_id, source, target = line.rstrip("\n").split("\t")
            rows.append((segment_id, source, target))
    return rows


def termcheck_findings(path: Path, glossary_args: dict[str, object]) -> set[tuple[str, str, str]]:
    result = check_paths([str(path)], Config(**glossary_args, fail_on="never"))  # type: ignore[arg-type]
    return {(f.segment.id, f.entry_id, f.rule) for f in result.findings if f.rule in ("missing", "deprecated")}


def mb(path: Path) -> float:
    return path.stat().st_size / 1_000_000


def large(sizes: Sequence[float], repeat: int, data: Path, env: dict[str, str]) -> list[str]:
    """End to end on large inputs with the built-in glossary: the corpus of the tables above, and a
    clean one (every term rendered correctly, so few findings: memory shows what the input costs)."""
    termcheck_cli = [sys.executable, "-m", "termcheck", "check", "--no-config", "-f", "json"]
    entries = corpus.usable_builtin_entries(list(load_glossary().entries))
    lines = [
        "## Large inputs, built-in glossary",
        "",
        f"End to end, medians of {repeat} run(s); peak RSS is that of the largest process (workers included).",
        "",
        "| input | findings | jobs | seconds | MB/s | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        for prefix, proportions in (("", corpus.PROPORTIONS), ("clean-", corpus.CLEAN)):
            paths = {suffix: data / f"{prefix}builtin-{size:g}mb{suffix}" for suffix in (".tsv", ".jsonl", ".tmx")}
            if not all(path.exists() for path in paths.values()):
                items = list(corpus.segments(entries, int(size * 1_000_000), proportions=proportions))
                for path in paths.values():
                    corpus.write_corpus(items, path)
            for suffix, path in paths.items():
                for jobs in (["1"] if suffix == ".tsv" else []) + [None]:
                    args = [*termcheck_cli, *(["--jobs", jobs] if jobs else []), str(path)]
                    report = Path(tempfile.mkdtemp(prefix="termcheck-bench-")) / "report.json"
                    runs = [measure_command(args, env, report) for _ in range(repeat)]
                    seconds = statistics.median(t for t, _ in runs)
                    rss = max(r for _, r in runs) / 1024
                    findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
                    label = f"{size:g} MB {suffix[1:].upper()}{' (clean)' if prefix else ''} ({mb(path):.0f} MB file)"
                    lines.append(f"| {label} | {findings:,} | {jobs or 'all cores'} | {seconds:.1f} | {mb(paths['.tsv']) / seconds:.2f} | {rss:.0f} |")
                    print(lines[-1], flush=True)
    return [*lines, ""]


def run(sizes: Sequence[float], repeat: int, data: Path, large_sizes: Sequence[float] = (), large_repeat: int = 1) -> str:
    termcheck_cli = [sys.executable, "-m", "termcheck", "check", "--no-config", "-f", "json"]
    lines: list[str] = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cpu = platform.processor() or platform.machine()
    lines += [
        "# Benchmark results",
        "",
        f"Run {now} on {platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()};",
        f"medians of {repeat} runs. Reproduce with `python bench/run.py --sizes {' '.join(f'{s:g}' for s in sizes)} --repeat {repeat}"
        + (f" --large {' '.join(f'{s:g}' for s in large_sizes)} --large-repeat {large_repeat}`." if large_sizes else "`."),
        "Throughput is MB of bilingual input per second; the input is the TSV file of the corpus (the",
        "JSONL and TMX files hold the same segments).",
        "",
    ]
    cache = tempfile.mkdtemp(prefix="termcheck-bench-cache-")
    env = {**os.environ, "TERMCHECK_CACHE_DIR": cache}
    glossaries: list[tuple[str, list[Entry], list[str], dict[str, object]]] = []
    builtin_entries = list(load_glossary().entries)
    glossaries.append(("built-in", corpus.usable_builtin_entries(builtin_entries), [], {}))
    generated = corpus.generated_glossary(100_000)
    generated_path = data / "glossary-100000.tsv"
    if not generated_path.exists():
        corpus.write_glossary_tsv(generated, generated_path)
    glossaries.append(("generated 100,000", generated, ["--no-builtin", "-g", str(generated_path)], {"glossaries": (str(generated_path),), "builtin": False}))

    for name, entries, cli_glossary, api_glossary in glossaries:
        all_entries = builtin_entries if name == "built-in" else list(read_glossary_file(generated_path))
        lines += [f"## Glossary: {name} ({len(all_entries):,} entries; corpus terms drawn from {len(entries):,})", ""]
        tag = "builtin" if name == "built-in" else "generated"
        files: dict[float, dict[str, Path]] = {}
        for size in sizes:
            items = None
            files[size] = {}
            for suffix in (".tsv", ".jsonl", ".tmx"):
                path = data / f"{tag}-{size:g}mb{suffix}"
                if not path.exists():
                    items = items or list(corpus.segments(entries, int(size * 1_000_000)))
                    corpus.write_corpus(items, path)
                files[size][suffix] = path
        # Warm the compiled-glossary cache, then time.
        measure_command([*termcheck_cli, *cli_glossary, str(files[sizes[0]][".tsv"])], env)
        lines += ["| input | termcheck MB/s (1 job) | termcheck MB/s (all cores) | peak RSS MB (1 job) |", "| --- | ---: | ---: | ---: |"]
        for size in sizes:
            for suffix, path in files[size].items():
                one = [measure_command([*termcheck_cli, *cli_glossary, "--jobs", "1", str(path)], env) for _ in range(repeat)]
                many = [measure_command([*termcheck_cli, *cli_glossary, str(path)], env) for _ in range(repeat)]
                t1 = statistics.median(t for t, _ in one)
                tn = statistics.median(t for t, _ in many)
                rss = max(r for _, r in one) / 1024
                lines.append(f"| {size:g} MB {suffix[1:].upper()} ({mb(path):.1f} MB file) | {mb(files[size]['.tsv']) / t1:.2f} | {mb(files[size]['.tsv']) / tn:.2f} | {rss:.0f} |")
        lines.append("")

        # In-process comparison on the smallest TSV: same segments for everyone.
        tsv = files[sizes[0]][".tsv"]
        rows = read_tsv(tsv)
        # The baselines are slow: time them on a slice sized to take seconds, not hours.
        slice_rows = rows if len(all_entries) < 10_000 else rows[: max(20, len(rows) // 100)]
        slice_mb = sum(len(s.encode()) + len(t.encode()) + 2 for _, s, t in slice_rows) / 1_000_000
        full_mb = mb(tsv)
        matchers = compile_glossary(load_glossary(api_glossary.get("glossaries", ()), builtin=api_glossary.get("builtin", True)))  # type: ignore[arg-type]
        from termcheck.check import check
        from termcheck.model import Segment, TextOrigin

        segments = [Segment(s, t, TextOrigin("c.tsv"), TextOrigin("c.tsv"), n, "c.tsv", i) for n, (i, s, t) in enumerate(rows, 1)]
        scan_only = median_time(lambda: check(segments, matchers, jobs=1), repeat)
        floor = baselines.FloorScan(all_entries)
        floor_time = median_time(lambda: floor.scan(rows), repeat)
        regex_build = time.perf_counter()
        regex = baselines.RegexAlternation(all_entries)
        regex_build = time.perf_counter() - regex_build
        regex_time = median_time(lambda: regex.check(slice_rows), 1)
        loop_time = median_time(lambda: baselines.per_term_loop(all_entries, slice_rows), 1)
        cli_time = statistics.median(measure_command([*termcheck_cli, *cli_glossary, "--jobs", "1", str(tsv)], env)[0] for _ in range(repeat))
        # Same findings where the semantics agree: every placed term, every deprecated rendering.
        slice_ids = {i for i, _, _ in slice_rows}
        ours = {f for f in termcheck_findings(tsv, api_glossary) if f[0] in slice_ids}
        by_loop = baselines.per_term_loop(all_entries, slice_rows)
        by_regex = regex.check(slice_rows)
        agree = ours == by_loop == by_regex
        lines += [
            f"In-process, {full_mb:.1f} MB TSV (baselines on a {slice_mb:.2f} MB slice of it):",
            "",
            "| | MB/s | termcheck ÷ it |",
            "| --- | ---: | ---: |",
            f"| floor: ahocorasick_rs scan of both sides | {full_mb / floor_time:.2f} | {floor_time / scan_only:.2f}× (scan) / {floor_time / cli_time:.2f}× (end to end) |",
            f"| termcheck end to end (CLI, 1 job) | {full_mb / cli_time:.2f} | |",
            f"| termcheck scan and rules (in-process, 1 job) | {full_mb / scan_only:.2f} | |",
            f"| regex alternation (+{regex_build:.1f} s to compile) | {slice_mb / regex_time:.3f} | {(slice_mb / regex_time and (full_mb / cli_time) / (slice_mb / regex_time)):.1f}× faster |",
            f"| per-term loop | {slice_mb / loop_time:.4f} | {(full_mb / cli_time) / (slice_mb / loop_time):.1f}× faster |",
            "",
            f"Findings on the slice: termcheck {len(ours)}, per-term loop {len(by_loop)}, regex {len(by_regex)}: "
            + ("**identical**." if agree else f"**differ** (termcheck only: {sorted(ours - by_loop)[:5]}, loop only: {sorted(by_loop - ours)[:5]})."),
            "",
        ]
        print("\n".join(lines[-16:]), flush=True)

    if large_sizes:
        lines += large(large_sizes, large_repeat, data, env)

    # Start-up of a one-line check with the built-in glossary, as an installed termcheck starts:
    # with its modules' bytecode written (this machine sets PYTHONDONTWRITEBYTECODE; pip compiles
    # bytecode when it installs a package).
    env = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "termcheck")], check=True)
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "a.zh.txt", Path(folder) / "a.en.txt"
        source.write_text("中国共产党领导中华全国总工会。\n", encoding="utf-8")
        target.write_text("The CPC leads the All-China Federation of Trade Unions.\n", encoding="utf-8")
        cold = []
        for _ in range(repeat):
            cold_env = {**env, "TERMCHECK_CACHE_DIR": tempfile.mkdtemp(prefix="termcheck-cold-")}
            cold.append(measure_command([sys.executable, "-m", "termcheck", "check", "--no-config", str(source), str(target)], cold_env)[0])
        warm = [measure_command([sys.executable, "-m", "termcheck", "check", "--no-config", str(source), str(target)], env)[0] for _ in range(repeat)]
        script = [str(Path(sys.executable).parent / "termcheck"), "check", "--no-config", str(source), str(target)]
        warm_script = [measure_command(script, env)[0] for _ in range(repeat)] if Path(script[0]).exists() else warm
    lines += [
        "## Start-up: a one-line pair, built-in glossary",
        "",
        "| cache | wall seconds |",
        "| --- | ---: |",
        f"| cold (glossary compiled, then cached) | {statistics.median(cold):.2f} |",
        f"| warm (`python -m termcheck`) | {statistics.median(warm):.2f} |",
        f"| warm (`termcheck` console script) | {statistics.median(warm_script):.2f} |",
        "",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="1 MB, 3 runs")
    parser.add_argument("--large", type=float, nargs="*", default=[], help="sizes (MB) of the large-input table, built-in glossary")
    parser.add_argument("--large-repeat", type=int, default=1)
    parser.add_argument("--large-only", action="store_true", help="only the large-input table, replaced in --out")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat = [1.0], 3
    args.data.mkdir(parents=True, exist_ok=True)
    if args.large_only:
        _replace_large_table(args.out, args.large, args.large_repeat, args.data)
        return
    report = run(args.sizes, args.repeat, args.data, args.large, args.large_repeat)
    # The hand-written analysis below the marker survives a re-run.
    analysis = ""
    if args.out.exists():
        previous = args.out.read_text(encoding="utf-8")
        if ANALYSIS_MARKER in previous:
            analysis = previous[previous.index(ANALYSIS_MARKER) :]
    args.out.write_text(report + ("\n" + analysis if analysis else ""), encoding="utf-8")
    print(f"written {args.out}")


ANALYSIS_MARKER = "<!-- analysis: kept when run.py rewrites this file -->"
_LARGE_HEADING = "## Large inputs, built-in glossary"


def _replace_large_table(out: Path, sizes: Sequence[float], repeat: int, data: Path) -> None:
    """Measures the large-input table again (more runs, say) and puts it in place of the one in
    `out`, which keeps everything else."""
    env = {**os.environ, "TERMCHECK_CACHE_DIR": tempfile.mkdtemp(prefix="termcheck-bench-cache-")}
    measure_command([sys.executable, "-m", "termcheck", "check", "--no-config", "-f", "json", str(HERE / "data" / "builtin-1mb.tsv")], env)
    table = "\n".join(large(sizes, repeat, data, env))
    text = out.read_text(encoding="utf-8")
    start = text.index(_LARGE_HEADING)
    end = text.index("\n## ", start + 1) + 1
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    note = f"Measured again {now} with `python bench/run.py --large-only --large {' '.join(f'{s:g}' for s in sizes)} --large-repeat {repeat}`.\n\n"
    out.write_text(text[:start] + table.replace("\n\n", "\n\n" + note, 1) + "\n" + text[end:], encoding="utf-8")
    print(f"written {out}")

if __name__ == "__main__":
    main()
