"""Counting what a glossary holds: entries by category and by the sources they cite."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.model import Entry

# A cited source names a publication, then details: "Report to the 20th CPC National Congress
# (official English text), 2022" is counted as "Report to the 20th CPC National Congress".
_SOURCE_DETAILS = re.compile(r"\s*(?:\(|,|\s[–—-]\s|:\s).*$")
_TRAILING_YEARS = re.compile(r"(?:\s+(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?)+$")


@dataclass(frozen=True)
class EvidenceCounts:
    """How many entries of a file (or of the glossary) are backed by official texts."""

    entries: int = 0
    # Entries with at least one evidence record.
    with_evidence: int = 0
    # Entries marked `unverified = true` (with or without evidence).
    unverified: int = 0
    # Entries with neither: `glossary validate` warns about each.
    neither: int = 0
    # Entries with at least one deprecated rendering, and with at least one superseded one.
    with_deprecated: int = 0
    with_superseded: int = 0

    def add(self, entry: Entry) -> EvidenceCounts:
        return EvidenceCounts(
            self.entries + 1,
            self.with_evidence + bool(entry.evidence),
            self.unverified + entry.unverified,
            self.neither + (not entry.evidence and not entry.unverified),
            self.with_deprecated + bool(entry.deprecated),
            self.with_superseded + bool(entry.superseded),
        )


@dataclass(frozen=True)
class GlossaryStats:
    entries: int
    files: int
    chinese_forms: int
    renderings: int
    short_forms: int
    deprecated: int
    with_note: int
    by_category: tuple[tuple[str, int], ...]
    by_source: tuple[tuple[str, int], ...]
    by_file: tuple[tuple[str, int], ...]
    # Superseded renderings in all.
    superseded: int = 0
    evidence: EvidenceCounts = EvidenceCounts()
    evidence_by_file: tuple[tuple[str, EvidenceCounts], ...] = ()


def cited_sources(source: str) -> list[str]:
    """The publications one entry's `source` cites, in order, each once."""
    names: dict[str, str] = {}
    for part in source.split(";"):
        name = _TRAILING_YEARS.sub("", _SOURCE_DETAILS.sub("", part.strip())).strip()
        if name:
            names.setdefault(name.casefold(), name[0].upper() + name[1:])
    return list(names.values())


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def glossary_stats(entries: Sequence[Entry]) -> GlossaryStats:
    files: Counter[str] = Counter(entry.origin.rpartition(":")[0] or entry.origin for entry in entries)
    sources: Counter[str] = Counter()
    total = EvidenceCounts()
    per_file: dict[str, EvidenceCounts] = {}
    for entry in entries:
        sources.update(cited_sources(entry.source) or ["(none)"])
        total = total.add(entry)
        file = entry.origin.rpartition(":")[0] or entry.origin
        per_file[file] = per_file.get(file, EvidenceCounts()).add(entry)
    return GlossaryStats(
        entries=len(entries),
        files=len(files),
        chinese_forms=sum(len(entry.zh) for entry in entries),
        renderings=sum(len(entry.en) for entry in entries),
        short_forms=sum(len(entry.short) for entry in entries),
        deprecated=sum(len(entry.deprecated) for entry in entries),
        with_note=sum(1 for entry in entries if entry.note),
        by_category=_ranked(Counter(entry.category or "(none)" for entry in entries)),
        by_source=_ranked(sources),
        by_file=tuple(sorted(files.items())),
        superseded=sum(len(entry.superseded) for entry in entries),
        evidence=total,
        evidence_by_file=tuple(sorted(per_file.items())),
    )
