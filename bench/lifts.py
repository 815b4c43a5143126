"""What the lifts of `missing` hide on real translations: a recall audit.

A lift is a second way for a rendering to count as present, used only to take a `missing` finding
away (README, "When is a term missing?"): the loose test (content words in any order, nearby), a
term as a modifier (its long words by their first letters, doctrines as adjectives), a name with
an ordinal put in. A lift that takes away a real error is a miss nobody sees, so each is audited:
this script runs the check on ../shared/realdata once as it is and once with each lift turned
off, and lists the `missing` findings that only the run without the lift reports. A reviewer
judges whether the translation does render the term (the lift was right) or not (it hid an error);
verdicts are kept in bench/judged/lifts.csv (columns set,segment,lift,entry,verdict,cause;
verdict right|wrong|borderline). No text of the data is written here, only ids and verdicts.

    python bench/lifts.py                                      # counts per lift, and verdicts
    python bench/lifts.py --list                               # every lifted finding, with verdict
    python bench/lifts.py --list --unjudged                    # the ones still to judge

Turning a lift off replaces a method of the rule's segment view for the run (bench code may reach
into the rules; termcheck itself has no switch for it).
"""

from __future__ import annotations

import argparse
import csv
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
View = SegmentView


def _never(self: object, entry: object) -> bool:
    return False


# Each lift, and the replacement of the view's method that turns it off.
LIFTS: dict[str, tuple[str, object]] = {
    "loose": ("loosely_rendered", _never),
    "modifier": ("derivation_rendered", _never),
    "ordinal": ("rendered_with_a_number", property(lambda self: set())),
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


def read_verdicts(path: Path) -> dict[tuple[str, int, str, str], tuple[str, str]]:
    verdicts: dict[tuple[str, int, str, str], tuple[str, str]] = {}
    if not path.exists():
        return verdicts
    with path.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["verdict"] not in LIFT_VERDICTS:
                raise SystemExit(f"{path}: verdict {row['verdict']!r} is not one of {', '.join(LIFT_VERDICTS)}")
            verdicts[(row["set"], int(row["segment"]), row["lift"], row["entry"])] = (row["verdict"], row["cause"])
    return verdicts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=precision.ROOT.parent / "shared" / "realdata")
    parser.add_argument("--judged", type=Path, default=HERE / "judged" / "lifts.csv")
    parser.add_argument("--list", action="store_true", help="list every lifted finding with its verdict")
    parser.add_argument("--unjudged", action="store_true", help="with --list: only those not judged yet")
    args = parser.parse_args(argv)
    verdicts = read_verdicts(args.judged)
    found = lifted(args.data)
    print("| lift | findings it takes away | right | borderline | wrong | not judged |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, keys in found.items():
        counts = Counter(verdicts.get((s, n, name, e), ("not judged", ""))[0] for s, n, e in keys)
        print(f"| {name} | {len(keys)} | {counts['right']} | {counts['borderline']} | {counts['wrong']} | {counts['not judged']} |")
    if args.list:
        for name, keys in found.items():
            for set_name, segment, entry in sorted(keys):
                verdict, cause = verdicts.get((set_name, segment, name, entry), ("", ""))
                if not (args.unjudged and verdict):
                    print(f"{set_name},{segment},{name},{entry},{verdict},{cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
