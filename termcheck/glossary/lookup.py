"""Finding the entries a Chinese form or an English rendering belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from termcheck.matching.compiled import Matchers
from termcheck.matching.en import strip_leading_article
from termcheck.model import Entry, RenderingStatus


@dataclass(frozen=True)
class LookupMatch:
    entry: Entry
    # How the term matched: "Chinese form", or the rendering status ("preferred", "deprecated" …).
    matched_as: str


def lookup(term: str, matchers: Matchers) -> list[LookupMatch]:
    term = term.strip()
    matches: list[LookupMatch] = []
    seen: set[str] = set()
    for hit in matchers.zh.find(term):
        if hit.start == 0 and hit.end == len(term) and hit.entry_id not in seen:
            seen.add(hit.entry_id)
            matches.append(LookupMatch(matchers.entries[hit.entry_id], "Chinese form"))
    english = strip_leading_article(term)
    for target_hit in matchers.find_renderings(english):
        if target_hit.start == 0 and target_hit.end == len(english) and target_hit.entry_id not in seen:
            seen.add(target_hit.entry_id)
            status = target_hit.status
            label = "short form" if status is RenderingStatus.SHORT else f"{status.value} rendering"
            matches.append(LookupMatch(matchers.entries[target_hit.entry_id], label))
    return matches
