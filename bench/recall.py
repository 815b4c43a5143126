"""Recall audits on real translations: what termcheck lets pass without a word.

Two audits, verdicts kept in bench/judged/recall/ (ids and verdicts only, never the data's text):

1. The lifts of `missing` (lifts.csv: set,segment,lift,entry,verdict,cause; verdict
   right|wrong|borderline). A lift is a second way for a rendering to count as present, used only
   to take a `missing` finding away (README, "When is a term missing?"): the loose test (content
   words in any order, nearby), a term as a modifier (its long words by their first letters,
   doctrines as adjectives), a phrase in another part of speech (a word with the rendering word's
   stem: "stay confident in …" for "confidence in …"), a name with an ordinal put in, a name referred to through its owner
   ("the CAPD opened its 13th national congress"). A lift that takes away a real error is
   a miss nobody sees. The check runs once as it is and once with each lift turned off; the
   findings only the second run reports are what the lift took away, and a reviewer judges whether
   the translation does render the term (right) or not (wrong).
2. Silent segments (silent.csv: set,segment,verdict,cause; verdict right|missed|borderline): of a fixed-seed
   sample of the line-aligned segments whose source has glossary terms, those that get no finding
   at all (not even a note); a reviewer judges whether each term is rendered acceptably (right) or
   a wrong rendering went unreported (missed).

    python bench/recall.py                                     # both audits: counts and verdicts
    python bench/recall.py --list                              # every item, with its verdict
    python bench/recall.py --list --unjudged                   # the ones still to judge
    python bench/recall.py --silent 80 --seed 7                # the size and seed of the sample

Turning a lift off replaces a method of the rule's segment view for the run (bench code may reach
into the rules; termcheck itself has no switch for it).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import precision  # bench/precision.py: the sets and how a finding is known

from termcheck import Config, check_paths
from termcheck.rules.segment_view import SegmentView

LIFT_VERDICTS = ("right", "wrong", "borderline")
LIFT_COLUMNS = ("set", "segment", "lift", "entry", "verdict", "cause")
SILENT_VERDICTS = ("right", "missed", "borderline")
SILENT_COLUMNS = ("set", "segment", "verdict", "cause")
View = SegmentView


def _never(self: object, entry: object) -> bool:
    return False


# Each lift, and the replacement of the view's method that turns it off.
LIFTS: dict[str, tuple[str, object]] = {
    "loose": ("loosely_rendered", _never),
    "modifier": ("derivation_rendered", _never),
    "part-of-speech": ("in_another_part_of_speech", _never),
    "ordinal": ("rendered_with_a_number", property(lambda self: set())),
    "owner": ("named_through_its_owner", _never),
}


@contextmanager
def lift_off(name: str) -> Iterator[None]:
    attribute, replacement = LIFTS[name]
    original = View.__dict__[attribute]
    setattr(View, attribute, replacement)
    try:
        yield
    finally:
        setattr(View, attribute, original)


Key = tuple[str, int, str]  # set, segment, entry


def missing_keys(data: Path) -> set[Key]:
    keys: set[Key] = set()
    for real_set in precision.REAL_SETS:
        result = check_paths(real_set.paths(data), Config(align=real_set.align, jobs=1))
        keys |= {(real_set.name, precision._key_line(f), f.entry_id) for f in result.findings if f.rule == "missing"}
    return keys


def lifted(data: Path, run: Callable[[Path], set[Key]] = missing_keys) -> dict[str, set[Key]]:
    """For each lift, the `missing` findings that only the run without it reports."""
    reported = run(data)
    found: dict[str, set[Key]] = {}
    for name in LIFTS:
        with lift_off(name):
            found[name] = run(data) - reported
    return found


def segments_with_terms(data: Path) -> tuple[list[tuple[str, int]], set[tuple[str, int]]]:
    """The segments of the line-aligned sets whose source has glossary terms, and those of them
    that get no finding at all (not even a note). The sample is drawn from the first, so that it
    stays the same when the findings change."""
    from termcheck.api import load_matchers

    matchers = load_matchers()
    with_terms: list[tuple[str, int]] = []
    silent: set[tuple[str, int]] = set()
    for real_set in precision.REAL_SETS:
        if real_set.align != "lines":
            continue
        result = check_paths(real_set.paths(data), Config(align=real_set.align, jobs=1))
        reported = {precision._key_line(f) for f in result.findings} | {f.line for f in result.findings}
        sources = (data / f"{real_set.name}.zh.txt").read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(sources, start=1):
            if matchers.zh.find(line):
                with_terms.append((real_set.name, number))
                if number not in reported:
                    silent.add((real_set.name, number))
    return with_terms, silent


def read_verdicts(path: Path, allowed: tuple[str, ...], key_columns: tuple[str, ...]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Verdicts by the key columns (segment as a number), each with its cause."""
    verdicts: dict[tuple[str, ...], tuple[str, str]] = {}
    if not path.exists():
        return verdicts
    with path.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["verdict"] not in allowed:
                raise SystemExit(f"{path}: verdict {row['verdict']!r} is not one of {', '.join(allowed)}")
            verdicts[tuple(row[column] for column in key_columns)] = (row["verdict"], row["cause"])
    return verdicts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=precision.ROOT.parent / "shared" / "realdata")
    parser.add_argument("--judged", type=Path, default=HERE / "judged" / "recall", help="the folder of lifts.csv and silent.csv")
    parser.add_argument("--silent", type=int, default=80, help="how many segments with terms to draw (the silent ones among them are judged)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list", action="store_true", help="list every item with its verdict")
    parser.add_argument("--unjudged", action="store_true", help="with --list: only those not judged yet")
    args = parser.parse_args(argv)

    lift_verdicts = read_verdicts(args.judged / "lifts.csv", LIFT_VERDICTS, ("set", "segment", "lift", "entry"))
    found = lifted(args.data)
    print("## What the lifts take away\n")
    print("| lift | findings it takes away | right | borderline | wrong | not judged |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, keys in found.items():
        counts = Counter(lift_verdicts.get((s, str(n), name, e), ("not judged", ""))[0] for s, n, e in keys)
        print(f"| {name} | {len(keys)} | {counts['right']} | {counts['borderline']} | {counts['wrong']} | {counts['not judged']} |")
    if args.list:
        print("\n" + ",".join(LIFT_COLUMNS))
        for name, keys in found.items():
            for set_name, segment, entry in sorted(keys):
                verdict, cause = lift_verdicts.get((set_name, str(segment), name, entry), ("", ""))
                if not (args.unjudged and verdict):
                    print(f"{set_name},{segment},{name},{entry},{verdict},{cause}")

    silent_verdicts = read_verdicts(args.judged / "silent.csv", SILENT_VERDICTS, ("set", "segment"))
    with_terms, silent = segments_with_terms(args.data)
    drawn = sorted(random.Random(args.seed).sample(with_terms, min(args.silent, len(with_terms))))
    sample = [key for key in drawn if key in silent]
    counts = Counter(silent_verdicts.get((s, str(n)), ("not judged", ""))[0] for s, n in sample)
    print(f"\n## Silent segments: {len(sample)} silent of {len(drawn)} drawn from the {len(with_terms)} with terms (seed {args.seed})\n")
    print(f"right {counts['right']}, borderline {counts['borderline']}, missed {counts['missed']}, not judged {counts['not judged']}")
    if args.list:
        print("\n" + ",".join(SILENT_COLUMNS))
        for set_name, segment in sample:
            verdict, cause = silent_verdicts.get((set_name, str(segment)), ("", ""))
            if not (args.unjudged and verdict):
                print(f"{set_name},{segment},{verdict},{cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
