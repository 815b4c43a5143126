"""Start-up with a warm cache: a one-line check with the built-in glossary, and the cached
100,000-entry generated glossary's load time and memory. Prints a section for bench/RESULTS.md.

    python bench/startup.py                      # this checkout, 10 runs of each
    python bench/startup.py --compare ../old     # and another checkout, runs interleaved

Each run is a new process, as an installed termcheck starts: bytecode compiled (this machine sets
PYTHONDONTWRITEBYTECODE; pip compiles bytecode when it installs a package), compiled glossary in
the cache (the first run of each checkout fills it and is not counted). Wall time is what the
targets are about; the CPU time of the process is given too, as it is less disturbed by other
work on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus

ENTRIES = 100_000
HEADING = "### Compact cached glossary and warm start-up (#15)"

# Run in a new process: load the generated glossary from the warm cache, then check one segment
# that has one of its terms (what a run always does next, and what reads the packed tables).
_LOAD = """
import json, resource, sys, time
start = time.perf_counter()
from termcheck import Segment, TextOrigin, check
from termcheck.api import load_matchers
imported = time.perf_counter()
matchers = load_matchers([sys.argv[1]], builtin=False)
loaded = time.perf_counter()
rss_loaded = int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
segment = Segment(sys.argv[2], sys.argv[3], TextOrigin("a.zh"), TextOrigin("a.en"), 1, "a.zh")
check([segment], matchers)
checked = time.perf_counter()
rss = int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1])
print(json.dumps({"import": imported - start, "load": loaded - imported, "first_check": checked - loaded,
                  "rss_loaded_mb": rss_loaded / 1024, "rss_mb": rss / 1024,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# Run in a new process: the parts of the cached generated glossary, each pickled to a file of its
# own, as the cache holds it.
_SPLIT = """
import pickle, sys
from pathlib import Path
from termcheck.api import load_matchers
matchers = load_matchers([sys.argv[1]], builtin=False)
parts = {"entries": matchers.entries._rows, "loose_keys": matchers.loose_keys, "derived_keys": matchers.derived_keys}
parts.update({f"zh.{name.strip('_')}": value for name, value in vars(matchers.zh).items() if name in ("_automaton", "_values", "_context")})
for kind, automaton in matchers.automata.items():
    parts.update({f"{kind}.{name.strip('_')}": value for name, value in vars(automaton).items() if name in ("_automaton", "_values", "_vocabulary", "_form_keys")})
for name, value in parts.items():
    Path(sys.argv[2], name).write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
"""
# Run in a new process: unpickle one part, with the modules of its classes imported first.
_PART = """
import json, pickle, sys, time
import termcheck.matching.compiled
def rss():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]) / 1024
before = rss()
start, cpu = time.perf_counter(), time.process_time()
with open(sys.argv[1], "rb") as part:
    value = pickle.load(part)
print(json.dumps({"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu, "rss": rss() - before}))
"""


def run(args: Sequence[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and standard output of one run of a command, in
    a folder without a project configuration (a pyproject.toml would be read for one)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir(), check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


class Checkout:
    """A termcheck source tree, run with its own cache folder."""

    def __init__(self, root: Path, cache: Path) -> None:
        self.root = root
        self.env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "TERMCHECK_NO_CACHE")}
        self.env.update(PYTHONPATH=str(root), TERMCHECK_CACHE_DIR=str(cache))
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "termcheck")], check=True, env=self.env, stdout=subprocess.DEVNULL)

    def cache_megabytes(self) -> float:
        return sum(path.stat().st_size for path in Path(self.env["TERMCHECK_CACHE_DIR"]).glob("matchers-*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--compare", type=Path, help="another termcheck checkout, measured in the same sitting")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--update-results", action="store_true", help=f"replace (or add) the section {HEADING!r} of bench/RESULTS.md")
    args = parser.parse_args()

    args.data.mkdir(parents=True, exist_ok=True)
    glossary_path = args.data / f"glossary-{ENTRIES}.tsv"
    entries = corpus.generated_glossary(ENTRIES)
    if not glossary_path.exists():
        corpus.write_glossary_tsv(entries, glossary_path)
    # A segment with a term of the glossary rendered, and one left out (a missing term).
    source = f"{entries[0].zh[0]}和{entries[1].zh[0]}。"
    target = f"The {entries[0].en[0]} was discussed."

    with tempfile.TemporaryDirectory() as folder:
        pair = [str(Path(folder) / "a.zh.txt"), str(Path(folder) / "a.en.txt")]
        Path(pair[0]).write_text("中国共产党领导中华全国总工会。\n", encoding="utf-8")
        Path(pair[1]).write_text("The CPC leads the All-China Federation of Trade Unions.\n", encoding="utf-8")
        trees = {"this checkout": Checkout(ROOT, Path(folder) / "cache-this")}
        if args.compare:
            trees["compared"] = Checkout(args.compare.resolve(), Path(folder) / "cache-compared")
        script = Path(sys.executable).parent / "termcheck"
        check_command = [str(script)] if script.exists() else [sys.executable, "-m", "termcheck"]
        check_command += ["check", *pair]
        load_command = [sys.executable, "-c", _LOAD, str(glossary_path), source, target]
        for tree in trees.values():  # fill the caches
            run(check_command, tree.env)
            run(load_command, tree.env)
        starts: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        loads: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(args.repeat):
            for name, tree in trees.items():
                wall, cpu, _ = run(check_command, tree.env)
                starts[name].append((wall, cpu))
                wall, cpu, out = run(load_command, tree.env)
                loads[name].append({**json.loads(out), "process_wall": wall, "process_cpu": cpu})
        cache_sizes = {name: tree.cache_megabytes() for name, tree in trees.items()}
        # What each part of the generated glossary's matchers takes, as the cache holds it.
        parts: dict[str, dict[str, tuple[float, float, float]]] = {}
        for name, tree in trees.items():
            split = Path(folder) / f"parts-{len(parts)}"
            split.mkdir()
            run([sys.executable, "-c", _SPLIT, str(glossary_path), str(split)], tree.env)
            parts[name] = {}
            for part_file in sorted(split.iterdir()):
                measured = [json.loads(run([sys.executable, "-c", _PART, str(part_file)], tree.env)[2]) for _ in range(3)]
                parts[name][part_file.name] = (
                    part_file.stat().st_size / 1e6, statistics.median(m["cpu"] for m in measured) * 1000, statistics.median(m["rss"] for m in measured)
                )

    def median(values: list[float], digits: int = 2) -> str:
        return f"{statistics.median(values):.{digits}f}"

    def median_of(name: str, key: str) -> str:
        return median([run[key] for run in loads[name]], 0 if key.endswith("_mb") else 2)

    names = list(trees)
    lines = [
        HEADING,
        "",
        f"`python bench/startup.py{' --compare …' if args.compare else ''}`: medians of {args.repeat} runs, each a new process"
        f"{', the checkouts interleaved' if args.compare else ''}; bytecode compiled, compiled glossary in the cache. "
        "CPU is the process's user + system time.",
        "",
        "| | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(names),
        "| warm start-up, one-line check, built-in glossary: wall s | " + " | ".join(median([w for w, _ in starts[n]]) for n in names) + " |",
        "| the same: CPU s | " + " | ".join(median([c for _, c in starts[n]]) for n in names) + " |",
        f"| {ENTRIES:,}-entry glossary: load from the cache, s | " + " | ".join(median_of(n, "load") for n in names) + " |",
        "| then its first one-segment check, s | " + " | ".join(median_of(n, "first_check") for n in names) + " |",
        "| process (imports, load, check): wall s | " + " | ".join(median_of(n, "process_wall") for n in names) + " |",
        "| the same: CPU s | " + " | ".join(median_of(n, "process_cpu") for n in names) + " |",
        "| RSS once loaded, MB | " + " | ".join(median_of(n, "rss_loaded_mb") for n in names) + " |",
        "| RSS after the check, MB | " + " | ".join(median_of(n, "rss_mb") for n in names) + " |",
        "| peak RSS, MB | " + " | ".join(median_of(n, "peak_rss_mb") for n in names) + " |",
        "| cache files (built-in + generated), MB | " + " | ".join(f"{cache_sizes[n]:.1f}" for n in names) + " |",
        "",
        f"The parts of the {ENTRIES:,}-entry glossary's compiled matchers, each pickled alone as the cache holds it and "
        "unpickled in a new process (medians of 3): MB pickled / ms of CPU to unpickle / MB of RSS it adds.",
        "",
        "| part | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    for part in sorted({part for measured in parts.values() for part in measured}, key=lambda p: -parts[names[-1]].get(p, (0, 0, 0))[0]):
        cells = [
            "{:.1f} / {:.0f} / {:.0f}".format(*parts[n][part]) if part in parts[n] else "–" for n in names
        ]
        lines.append(f"| {part} | " + " | ".join(cells) + " |")
    lines.append("")
    section = "\n".join(lines)
    print(section)
    if args.update_results:
        results = HERE / "RESULTS.md"
        text = results.read_text(encoding="utf-8")
        if HEADING in text:
            before, _, after = text.partition(HEADING)
            following = after.find("\n#")
            text = before + section + (after[following + 1 :] if following >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + section
        results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
