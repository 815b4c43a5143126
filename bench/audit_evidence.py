"""A sample of built-in entries with evidence, for a person to audit by hand.

    python bench/audit_evidence.py [--count 50] [--seed 13] [--json] [GLOSSARY.toml ...]

Picks `--count` entries at random (a fixed seed, so that the same sample can be audited again and
compared) among the built-in entries (or those of the glossary files given) that carry evidence, and prints each entry's id, Chinese
headword, preferred rendering, where it is defined, and its evidence records. A numbered series
(one [[pattern]]) counts once: its members share their evidence. Nothing is fetched: the auditor
opens each address and notes whether the quote is found there, whether it contains the
rendering, and whether a newer official text contradicts it (glossary/README.md, "Evidence").
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import TextIO

from termcheck import load_glossary
from termcheck.model import Entry

DEFAULT_COUNT = 50
# The seed of the audit written up in glossary/AUDIT.md.
DEFAULT_SEED = 13


def entries_with_evidence(entries: Sequence[Entry]) -> list[Entry]:
    """The entries that carry evidence, one per numbered series.

    The members of a series share the origin of their [[pattern]] (file and line); their evidence
    is not identical (each record's `rendering` carries the member's number), so the origin alone
    tells them apart. An entry without an origin stands for itself.
    """
    seen: set[str] = set()
    kept = []
    for entry in entries:
        key = entry.origin or f"id:{entry.id}"
        if entry.evidence and key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def sample(entries: Sequence[Entry], count: int, seed: int) -> list[Entry]:
    candidates = entries_with_evidence(entries)
    picked = random.Random(seed).sample(candidates, min(count, len(candidates)))
    # In glossary order, so that an auditor works through one file at a time.
    order = {entry.id: number for number, entry in enumerate(candidates)}
    return sorted(picked, key=lambda entry: order[entry.id])


def print_text(entries: Sequence[Entry], out: TextIO) -> None:
    write = out.write
    for number, entry in enumerate(entries, 1):
        write(f"{number}. {entry.id}  {entry.headword} → {entry.preferred}   ({entry.origin})\n")
        for record in entry.evidence:
            citation = ", ".join(part for part in (record.publisher, f"“{record.title}”", record.date, record.url) if part)
            write(f"   - {citation}\n")
            if record.rendering:
                write(f"     shows: {record.rendering}\n")
            if record.quote:
                write(f"     quote: {record.quote}\n")
        write("   found at source [ ]   contains the rendering [ ]   contradicted by a newer text [ ]\n\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help=f"entries to pick (default {DEFAULT_COUNT})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--json", action="store_true", help="print the sample as JSON")
    parser.add_argument("glossaries", nargs="*", help="glossary files instead of the built-in glossary")
    options = parser.parse_args(argv)
    entries = load_glossary(options.glossaries, builtin=not options.glossaries).entries
    picked = sample(entries, options.count, options.seed)
    if options.json:
        payload = [
            {"id": e.id, "zh": e.headword, "preferred": e.preferred, "origin": e.origin, "evidence": [asdict(r) for r in e.evidence]}
            for e in picked
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_text(picked, sys.stdout)
    candidates = len(entries_with_evidence(entries))
    print(f"{len(picked)} of {candidates} entries with evidence (seed {options.seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
