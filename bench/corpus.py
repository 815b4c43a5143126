"""A deterministic benchmark corpus: bilingual segments made by placing glossary terms and their
renderings into filler text, in known proportions, as TSV, JSONL and TMX.

Each segment holds one to three terms; each term's English is, by `PROPORTIONS`, the preferred
rendering (correct), a deprecated rendering, a near miss (one letter changed inside a word) or
nothing (missing). Filler is made of characters and words that no glossary form or rendering
uses, so every finding comes from a placed term, and the answer key is known.

    python bench/corpus.py --glossary builtin --size 10 --out bench/data
    python bench/corpus.py --glossary generated --entries 100000 --size 10 --out bench/data
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from termcheck.model import Entry  # noqa: E402

PROPORTIONS = {"correct": 0.70, "deprecated": 0.10, "near-miss": 0.10, "missing": 0.10}
# A clean translation memory: every term rendered as the glossary wants (few findings, so that
# memory shows what the input costs, not what the findings do).
CLEAN = {"correct": 1.0}
SEED = 20261129
_CJK = [chr(code) for code in range(0x4E00, 0x9FA6)]
_SYLLABLES_TERMS = ["ka", "lo", "mi", "ren", "tu", "sav", "bor", "ne", "qui", "dex", "ful", "gan", "por", "vi", "zen", "tal"]
_SYLLABLES_FILLER = ["ab", "ec", "id", "ob", "uk", "ax", "ey", "oi", "ud", "ef", "ig", "om"]


@dataclass(frozen=True)
class PlacedTerm:
    entry_id: str
    kind: str


@dataclass(frozen=True)
class BenchSegment:
    id: str
    source: str
    target: str
    terms: tuple[PlacedTerm, ...]


def generated_glossary(count: int, seed: int = SEED) -> list[Entry]:
    """`count` entries with unique 4–7 character Chinese forms (no form inside another) and
    unique pseudo-English renderings; one in five has a deprecated rendering."""
    rng = random.Random(seed)
    alphabet = _CJK[: len(_CJK) // 2]  # the other half is left for filler
    forms: set[str] = set()
    renderings: set[str] = set()
    entries = []
    while len(entries) < count:
        form = "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 7)))
        words = ["".join(rng.choice(_SYLLABLES_TERMS) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 3))]
        rendering = " ".join(words)
        if form in forms or rendering in renderings:
            continue
        forms.add(form)
        renderings.add(rendering)
        deprecated: tuple[str, ...] = ()
        if rng.random() < 0.2:
            deprecated = (" ".join(reversed(words)) + " " + "".join(rng.choice(_SYLLABLES_TERMS) for _ in range(3)),)
            if deprecated[0] in renderings:
                deprecated = ()
            else:
                renderings.add(deprecated[0])
        entries.append(Entry(id=f"g{len(entries)}", zh=(form,), en=(rendering,), deprecated=deprecated, category="user", source="generated"))
    return entries


def write_glossary_tsv(entries: Sequence[Entry], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("id\tzh\ten\tdeprecated\n")
        for entry in entries:
            out.write(f"{entry.id}\t{' | '.join(entry.zh)}\t{' | '.join(entry.en)}\t{' | '.join(entry.deprecated)}\n")


def usable_builtin_entries(entries: Sequence[Entry]) -> list[Entry]:
    """Built-in entries whose Chinese forms and preferred rendering stand alone: no form inside
    another entry's form, no rendering inside another's, so that simple baselines agree."""
    import ahocorasick

    zh = ahocorasick.Automaton()
    for entry in entries:
        for form in entry.zh:
            zh.add_word(form, entry.id)
    zh.make_automaton()
    en = ahocorasick.Automaton()
    for entry in entries:
        for rendering in entry.en + entry.short + entry.deprecated:
            en.add_word(f" {rendering.lower()} ", entry.id)
    en.make_automaton()
    usable = []
    for entry in entries:
        if not entry.en or any(len(form) < 2 for form in entry.zh):
            continue
        nested = any(owner != entry.id for form in entry.zh for _, owner in zh.iter(form))
        for other in (e for e in entries):
            if other.id != entry.id and any(form in other_form for form in entry.zh for other_form in other.zh):
                nested = True
                break
        if nested:
            continue
        words = f" {entry.en[0].lower()} "
        if any(owner != entry.id for _, owner in en.iter(words)):
            continue
        usable.append(entry)
    return usable


def _near_miss(rendering: str, rng: random.Random) -> str:
    """The rendering with one letter inside its longest word changed: a typo, not a word form."""
    words = rendering.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5:
        return rendering[:-1] + ("x" if rendering[-1] != "x" else "z")
    position = rng.randint(1, len(word) - 3)
    replacement = "x" if word[position] != "x" else "z"
    words[longest] = word[:position] + replacement + word[position + 1 :]
    return " ".join(words)


def segments(entries: Sequence[Entry], size_bytes: int, seed: int = SEED, proportions: dict[str, float] = PROPORTIONS) -> Iterator[BenchSegment]:
    rng = random.Random(seed)
    used_chars = {char for entry in entries for form in entry.zh for char in form}
    filler_chars = [c for c in _CJK if c not in used_chars][:3000]
    kinds = list(proportions)
    weights = [proportions[k] for k in kinds]
    written = 0
    number = 0
    while written < size_bytes:
        number += 1
        chosen = rng.sample(entries, rng.randint(1, 3)) if len(entries) >= 3 else list(entries)
        source_parts, target_parts, placed = [], [], []
        for entry in chosen:
            kind = rng.choices(kinds, weights)[0]
            if kind == "deprecated" and not entry.deprecated:
                kind = "correct"
            source_parts.append("".join(rng.choice(filler_chars) for _ in range(rng.randint(4, 12))) + entry.zh[0])
            filler = " ".join("".join(rng.choice(_SYLLABLES_FILLER) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(2, 6)))
            english = {"correct": entry.en[0], "deprecated": entry.deprecated[0] if entry.deprecated else "", "near-miss": _near_miss(entry.en[0], rng), "missing": ""}[kind]
            target_parts.append(f"{filler} {english}".strip())
            placed.append(PlacedTerm(entry.id, kind))
        source = "，".join(source_parts) + "。"
        target = ", ".join(target_parts) + "."
        segment = BenchSegment(str(number), source, target, tuple(placed))
        written += len(source.encode()) + len(target.encode()) + 2
        yield segment


def write_corpus(items: Sequence[BenchSegment], path: Path) -> None:
    suffix = path.suffix
    with path.open("w", encoding="utf-8") as out:
        if suffix == ".tsv":
            out.write("id\tsource\ttarget\n")
            for s in items:
                out.write(f"{s.id}\t{s.source}\t{s.target}\n")
        elif suffix == ".jsonl":
            for s in items:
                out.write(json.dumps({"id": s.id, "source": s.source, "target": s.target}, ensure_ascii=False) + "\n")
        elif suffix == ".tmx":
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
            out.write('<header creationtool="termcheck-bench" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>\n<body>\n')
            for s in items:
                out.write(
                    f'<tu tuid="{s.id}"><tuv xml:lang="zh-CN"><seg>{escape(s.source)}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>{escape(s.target)}</seg></tuv></tu>\n'
                )
            out.write("</body>\n</tmx>\n")
        else:
            raise ValueError(suffix)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--glossary", choices=["builtin", "generated"], default="builtin")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--size", type=float, default=1.0, help="megabytes of bilingual text")
    parser.add_argument("--out", type=Path, default=Path("bench/data"))
    parser.add_argument("--clean", action="store_true", help="every term rendered correctly (files named clean-…)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.glossary == "generated":
        entries = generated_glossary(args.entries)
        write_glossary_tsv(entries, args.out / f"glossary-{args.entries}.tsv")
    else:
        from termcheck import load_glossary

        entries = usable_builtin_entries(load_glossary().entries)
    items = list(segments(entries, int(args.size * 1_000_000), proportions=CLEAN if args.clean else PROPORTIONS))
    prefix = "clean-" if args.clean else ""
    for suffix in (".tsv", ".jsonl", ".tmx"):
        write_corpus(items, args.out / f"{prefix}{args.glossary}-{args.size:g}mb{suffix}")
    print(f"{len(items)} segments, {len(entries)} usable entries")


if __name__ == "__main__":
    main()
