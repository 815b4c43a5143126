"""Very large inputs finish in time linear in their size: a single-line document, a file of many
segments, and a glossary cell holding a very long list of renderings, each timed at three sizes
that double. The time ratio between sizes should be close to 2.

    python bench/large_inputs.py                 # 5, 10, 20 MB; 100k, 200k, 400k segments
    python bench/large_inputs.py --scale 5       # 25, 50, 100 MB; 500k, 1M, 2M segments
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import measure_command  # noqa: E402

TERMS = [("中国共产党", "Communist Party of China"), ("中华全国总工会", "All-China Federation of Trade Unions"), ("国务委员", "State Councilor")]
FILLER_ZH = "的一是在不了有和人这大为上个我以要他时来用们生到作地于出就分对成可主发年动同也能下过子说产种面而方后多定行学法所"
FILLER_EN = "the of and to in a is that for it as was with be by on not he this are or his from at which but".split()


def single_line_pair(folder: Path, megabytes: float) -> list[str]:
    rng = random.Random(1)
    source, target = [], []
    size = 0
    while size < megabytes * 1_000_000:
        zh, en = rng.choice(TERMS)
        kind = rng.random()
        source.append("".join(rng.choice(FILLER_ZH) for _ in range(20)) + zh + "。")
        target.append(" ".join(rng.choice(FILLER_EN) for _ in range(12)) + (" " + en if kind < 0.8 else " the CCP") + ".")
        size += len(source[-1].encode()) + len(target[-1].encode())
    (folder / "long.zh.txt").write_text("".join(source), encoding="utf-8")
    (folder / "long.en.txt").write_text(" ".join(target), encoding="utf-8")
    return [str(folder / "long.zh.txt"), str(folder / "long.en.txt")]


def many_segments(folder: Path, count: int) -> list[str]:
    rng = random.Random(2)
    path = folder / "memory.tsv"
    with path.open("w", encoding="utf-8") as out:
        out.write("id\tsource\ttarget\n")
        for number in range(count):
            zh, en = rng.choice(TERMS)
            out.write(f"{number}\t{''.join(rng.choice(FILLER_ZH) for _ in range(8))}{zh}。\t{' '.join(rng.choice(FILLER_EN) for _ in range(6))} {en if rng.random() < 0.8 else 'the CCP'}.\n")
    return [str(path)]


def long_glossary_cell(folder: Path, characters: int) -> list[str]:
    rng = random.Random(3)
    renderings: list[str] = []
    length = 0
    while length < characters:
        rendering = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(3))
        renderings.append(rendering)
        length += len(rendering) + 3
    glossary = folder / "long-cell.csv"
    glossary.write_text(f'zh,en\n工会,"trade union | {" | ".join(renderings)}"\n', encoding="utf-8")
    pair = many_segments(folder, 1000)
    return [*pair, "--no-builtin", "-g", str(glossary)]


def timed(args: list[str], repeat: int) -> float:
    env = {**os.environ, "TERMCHECK_CACHE_DIR": tempfile.mkdtemp(prefix="termcheck-large-")}
    command = [sys.executable, "-m", "termcheck", "check", "--no-config", "-f", "json", "--jobs", "1", *args]
    measure_command(command, env)  # compile and cache the glossary first
    return statistics.median(measure_command(command, env)[0] for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cases = [
        ("single-line document pair", "MB", [5 * args.scale, 10 * args.scale, 20 * args.scale], single_line_pair),
        ("segments in one TSV", "segments", [int(100_000 * args.scale), int(200_000 * args.scale), int(400_000 * args.scale)], many_segments),
        ("characters in one glossary cell", "characters", [25_000, 50_000, 100_000], long_glossary_cell),
    ]
    lines = ["| input | size | seconds | × previous size's time |", "| --- | ---: | ---: | ---: |"]
    for name, unit, sizes, make in cases:
        previous = None
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                seconds = timed(make(Path(folder), size), args.repeat)  # type: ignore[operator]
            ratio = f"{seconds / previous:.2f}" if previous else ""
            lines.append(f"| {name} | {size:,.0f} {unit} | {seconds:.2f} | {ratio} |")
            print(lines[-1], flush=True)
            previous = seconds
    print("\n".join(lines))


if __name__ == "__main__":
    main()
