"""A glossary compiled into matchers, and the scan of one segment with them."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from termcheck.matching.en import KeyKind, TargetText, TokenAutomaton, is_acronym
from termcheck.matching.zh import ZhMatcher, hit_context, leftmost_longest
from termcheck.model import Entry, Glossary, RenderingStatus, Segment, SegmentHits, TargetHit

_ACCEPTED = (RenderingStatus.PREFERRED, RenderingStatus.ADMITTED, RenderingStatus.SHORT)
# No rendering spans more text than this (words, the gaps between them and an acronym in
# parentheses): an accepted hit that starts further back cannot contain a later one.
_LONGEST_RENDERING_CHARS = 1000


class Matchers:
    """Everything needed to scan segments, built once per glossary."""

    def __init__(self, glossary: Glossary, *, traditional: bool = True) -> None:
        self.entries: dict[str, Entry] = glossary.by_id()
        forms: dict[str, str] = {}
        for entry in glossary.entries:
            for form in entry.zh:
                forms[form] = entry.id
        self.zh = ZhMatcher(forms, traditional=traditional, context=hit_context(glossary.entries, traditional=traditional))
        self.automata = {kind: TokenAutomaton(kind) for kind in (KeyKind.LENIENT, KeyKind.FOLDED, KeyKind.EXACT)}
        for entry in glossary.entries:
            for index, rendering in enumerate(entry.en):
                status = RenderingStatus.PREFERRED if index == 0 else RenderingStatus.ADMITTED
                self.automata[KeyKind.LENIENT].add(rendering, (entry.id, status, index, rendering))
            for index, rendering in enumerate(entry.short):
                self.automata[KeyKind.EXACT].add(rendering, (entry.id, RenderingStatus.SHORT, index, rendering))
            for index, rendering in enumerate(entry.deprecated):
                kind = KeyKind.EXACT if is_acronym(rendering) else KeyKind.FOLDED
                self.automata[kind].add(rendering, (entry.id, RenderingStatus.DEPRECATED, index, rendering))
        for automaton in self.automata.values():
            automaton.compile()

    def scan(self, segment: Segment) -> SegmentHits:
        return SegmentHits(segment, tuple(self.zh.find(segment.source)), tuple(self.find_renderings(segment.target)))

    def find_renderings(self, text: str) -> list[TargetHit]:
        words = TargetText(text)
        raw: list[TargetHit] = []
        for automaton in self.automata.values():
            for start, end, (entry_id, status, index, rendering) in automaton.find(words):
                raw.append(TargetHit(entry_id, status, rendering, index, start, end, text[start:end]))  # type: ignore[arg-type]
        return sorted(_resolve_overlaps(raw), key=lambda hit: (hit.start, -hit.end, hit.entry_id))


def _resolve_overlaps(hits: Iterable[TargetHit]) -> list[TargetHit]:
    """Within one entry the longest accepted rendering wins ("Belt and Road Initiative" is not also
    "Belt and Road"); a deprecated rendering inside a longer accepted one is no finding."""
    accepted_by_entry: dict[str, list[TargetHit]] = defaultdict(list)
    deprecated: list[TargetHit] = []
    for hit in hits:
        (accepted_by_entry[hit.entry_id] if hit.status in _ACCEPTED else deprecated).append(hit)
    resolved: list[TargetHit] = []
    for entry_hits in accepted_by_entry.values():
        spans = leftmost_longest((hit.start, hit.end, str(n)) for n, hit in enumerate(entry_hits))
        resolved.extend(entry_hits[int(n)] for _, _, n in spans)
    if not deprecated:
        return resolved
    # Accepted spans by start, with the furthest end reached so far: whether a deprecated hit
    # lies inside a longer accepted one is then a binary search, not a scan of every span.
    accepted_spans = sorted((hit.start, hit.end) for hit in resolved)
    starts = [start for start, _ in accepted_spans]
    for hit in deprecated:
        inside_accepted = False
        # Spans starting at or before the hit; the ones that can contain it end at or after it.
        index = bisect_right(starts, hit.start) - 1
        while index >= 0:
            start, end = accepted_spans[index]
            if end >= hit.end and (end - start) > (hit.end - hit.start):
                inside_accepted = True
                break
            if hit.start - start > _LONGEST_RENDERING_CHARS:
                break
            index -= 1
        if not inside_accepted:
            resolved.append(hit)
    return resolved


def compile_glossary(glossary: Glossary) -> Matchers:
    return Matchers(glossary)
