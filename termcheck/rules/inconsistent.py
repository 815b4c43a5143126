"""inconsistent: one term rendered by two or more different accepted alternatives in one file.

Short forms are not alternatives (CPC beside Communist Party of China is house style), and the
matcher already treats case, hyphen, spelling and apostrophe variation as the same rendering.
A rendering counts as a use of a term only in a segment whose source has the term (elsewhere it may
render another term that shares it), and a rendering that lies inside a longer rendering of another
term is a mention of that other term, not of this one. An alternative that is
part of another ("Belt and Road" after "Belt and Road Initiative", "President" after "Chinese
President") is a back-reference, not a second rendering.
"""

from __future__ import annotations

import zlib
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from termcheck.matching.en import lenient_key, strip_leading_article, tokenize
from termcheck.matching.zh import leftmost_longest
from termcheck.errors import InputError
from termcheck.model import Entry, Finding, RenderingStatus, Segment, SegmentHits, Severity, Span, TargetHit
from termcheck.rules import RuleContext, SegmentKey
from termcheck.rules.findings import finding_in_target, shown_english

ID = "inconsistent"
SEVERITY = Severity.WARNING
DESCRIPTION = "A term is rendered by different accepted alternatives within one file."
HELP = (
    "Two or more accepted renderings of one term are used in the same file (or run, with "
    "--consistency run). Each is correct on its own, but house style wants one: the finding points at "
    "the less used one and suggests the one used most. A short form beside its full form is not "
    "inconsistent."
)
# Compares renderings across segments: with --consistency run, across every file of the run. The
# comparison runs on a small summary of each segment, made where the segment is scanned, so that
# the hits of a whole file need not be kept.
COMPARES_SEGMENTS = True

_ALTERNATIVES = (RenderingStatus.PREFERRED, RenderingStatus.ADMITTED)


# What the comparison needs of one segment: the entries its source has, and its outermost
# accepted alternatives of entries that have several alternatives, not interchangeable, as (entry
# id, index of the alternative, start, end, text). Plain tuples: summaries cross between processes.
Use = tuple[str, int, int, int, str]
Summary = tuple[frozenset[str], tuple[Use, ...]]


def summarize(hits: SegmentHits, context: RuleContext) -> Summary | None:
    entries = context.entries
    in_source = frozenset(hit.entry_id for hit in hits.source)
    uses = tuple(
        (hit.entry_id, hit.index, hit.start, hit.end, hit.text)
        for hit in _outermost_renderings(hits.target)
        # A rendering counts where the segment's source has the term: elsewhere it renders some
        # other term that shares it (城乡融合 "urban-rural integration" is not a use of 城乡融合发展,
        # whose alternatives include it). An entry with one alternative cannot be rendered two
        # ways: its uses need no keeping.
        if hit.entry_id in in_source and len(entries[hit.entry_id].en) > 1 and not entries[hit.entry_id].interchangeable
    )
    if not in_source and not uses:
        return None
    return in_source, uses


class Collector:
    """The summaries of one document (or run), in order, folded as they come: the entries its
    sources have, and each use that may clash, as six numbers. With `keep_segments` False, a use
    names its segment by document and number, and the findings need the few segments `wanted()`
    names, read again by the caller; with True, the segments are kept."""

    # A use: where (its segment's index in `_segments`, or its document's index in `_documents`
    # and its number), which alternative, its span, and a checksum of its text.
    _FIELDS = 6

    def __init__(self, context: RuleContext, *, keep_segments: bool = True) -> None:
        self._context = context
        self._keep_segments = keep_segments
        self._in_source: set[str] = set()
        self._documents: dict[str, int] = {}
        self._segments: list[Segment] = []
        self._uses: dict[str, array[int]] = {}

    def add(self, segment: Segment, summary: Summary) -> None:
        source_entries, uses = summary
        self._in_source |= source_entries
        document = self._documents.setdefault(segment.document, len(self._documents))
        if not uses:
            return
        if self._keep_segments:
            place = (len(self._segments), 0)
            self._segments.append(segment)
        else:
            place = (document, segment.number)
        for entry_id, index, start, end, text in uses:
            numbers = self._uses.get(entry_id)
            if numbers is None:
                numbers = self._uses[entry_id] = array("q")
            numbers.extend((*place, index, start, end, zlib.crc32(text.encode("utf-8", "surrogatepass"))))

    def _clashes(self) -> Iterator[tuple[Entry, str, str, list[tuple[int, int, int, int, int]]]]:
        """For each entry rendered in different ways: the entry, the alternative to keep, the
        summary of the counts, and the uses to report (place, place, start, end, checksum)."""
        width = self._FIELDS
        for entry_id, numbers in self._uses.items():
            if entry_id not in self._in_source:
                continue
            counts = Counter(numbers[2::width])
            if len(counts) < 2:
                continue
            entry = self._context.entries[entry_id]
            # The alternative used most is the one to keep; on a tie, the more preferred one.
            dominant = min(counts, key=lambda index: (-counts[index], index))
            clashing = {i for i in counts if not _part_of_one_another(entry.en[i], entry.en[dominant])}
            if not clashing:
                continue
            summary_text = ", ".join(f"'{entry.en[index]}' ×{counts[index]}" for index in sorted(clashing | {dominant}))
            reported = [
                (numbers[at], numbers[at + 1], numbers[at + 3], numbers[at + 4], numbers[at + 5])
                for at in range(0, len(numbers), width)
                if numbers[at + 2] in clashing
            ]
            yield entry, entry.en[dominant], summary_text, reported

    def wanted(self) -> set[SegmentKey]:
        """The segments the findings are in, when they were not kept."""
        if self._keep_segments:
            return set()
        names = list(self._documents)
        return {(names[document], number) for *_, reported in self._clashes() for document, number, _, _, _ in reported}

    def findings(self, segments: Mapping[SegmentKey, Segment] | None = None) -> Iterator[Finding]:
        """The findings; `segments` has the segments `wanted()` named, read again."""
        scope = "in this file" if len(self._documents) <= 1 else "across the files checked"
        names = list(self._documents)
        for entry, keep, summary_text, reported in self._clashes():
            for first, second, start, end, checksum in reported:
                if self._keep_segments:
                    segment = self._segments[first]
                else:
                    segment = _again(segments, (names[first], second), start, end, checksum)
                text = segment.target[start:end]
                yield finding_in_target(
                    ID, SEVERITY, entry, segment, Span(start, end),
                    f"{entry.headword} is rendered in different ways {scope} ({summary_text}); use '{keep}' throughout",
                    expected=(keep,), found=text, fix=f"replace '{shown_english(text)}' with '{keep}'",
                )


def _again(segments: Mapping[SegmentKey, Segment] | None, key: SegmentKey, start: int, end: int, checksum: int) -> Segment:
    segment = None if segments is None else segments.get(key)
    if segment is None or zlib.crc32(segment.target[start:end].encode("utf-8", "surrogatepass")) != checksum:
        raise InputError(key[0], "changed while it was being checked (segment {} reads differently the second time)".format(key[1]))
    return segment


def collector(context: RuleContext, *, keep_segments: bool = True) -> Collector:
    return Collector(context, keep_segments=keep_segments)


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    collected = Collector(context)
    for hits in document:
        summary = summarize(hits, context)
        if summary is not None:
            collected.add(hits.segment, summary)
    return collected.findings()


def _outermost_renderings(hits: Sequence[TargetHit]) -> list[TargetHit]:
    candidates = [hit for hit in hits if hit.status in _ALTERNATIVES]
    outermost = {(start, end) for start, end, _ in leftmost_longest((hit.start, hit.end, "") for hit in candidates)}
    return [hit for hit in candidates if (hit.start, hit.end) in outermost]


def _part_of_one_another(first: str, second: str) -> bool:
    a, b = (" ".join(_lenient_words(text)) for text in (first, second))
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _lenient_words(text: str) -> list[str]:
    return [lenient_key(token.text) for token in tokenize(strip_leading_article(text))]
