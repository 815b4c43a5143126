"""inconsistent: one term rendered by two or more different accepted alternatives in one file.

What a reviewer calls inconsistency is a second way of writing one name or phrase, so a use of an
alternative counts, and two alternatives clash, only where the text does not say otherwise:
- a use counts only in a segment whose source has the term (elsewhere it may render another term
  that shares it), and not where its words are, or lie inside, an accepted rendering of another
  term of the same source ("Internet" for 互联网 beside 网络空间 "cyberspace"); a segment that
  renders the term in more ways than its source has it is no evidence (one of them translates
  other words, and which is not known);
- two alternatives joined as two names of one thing ("the China Sky Eye, also known as the
  Five-hundred-meter Aperture Spherical Radio Telescope", "X (Y)", "X, or Y") are one use, and
  are one rendering for the rest of the file;
- alternatives that are one rendering never clash (termcheck.rules.alternatives): a part of the
  other ("Belt and Road" after "Belt and Road Initiative"), the other with a part abbreviated
  ("NPC Standing Committee"), the same words in another order or form ("comprehensively deepen
  reform" / "deepening reform comprehensively").
Short forms are not alternatives (CPC beside Communist Party of China is house style), and the
matcher already treats case, hyphen, spelling and apostrophe variation as the same rendering.
"""

from __future__ import annotations

import operator
import zlib
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from termcheck.errors import InputError
from termcheck.matching.compiled import LONGEST_RENDERING_CHARS
from termcheck.matching.en import lenient_key
from termcheck.matching.zh import leftmost_longest
from termcheck.model import Entry, Finding, RenderingStatus, Segment, SegmentHits, Severity, Span, TargetHit
from termcheck.positions import locate
from termcheck.rules import RuleContext, SegmentKey
from termcheck.rules.alternatives import WordKey, is_appositive_gap, one_rendering
from termcheck.rules.findings import finding_in_target, shown_english

ID = "inconsistent"
SEVERITY = Severity.WARNING
DESCRIPTION = "A term is rendered by different accepted alternatives within one file."
HELP = (
    "Two or more accepted renderings of one term are used in the same file (or run, with "
    "--consistency run). Each is correct on its own, but house style wants one: the finding points at "
    "the others and suggests the one the glossary prefers of those used, naming where it is used. Not "
    "inconsistent: a short form or abbreviation beside its full form, a part of a rendering referring "
    "back to it, the same words in another order or form, a second name given in apposition (X, also "
    "known as Y; X (Y)), and a rendering that translates another term of the same source."
)
# Compares renderings across segments: with --consistency run, across every file of the run. The
# comparison runs on a small summary of each segment, made where the segment is scanned, so that
# the hits of a whole file need not be kept.
COMPARES_SEGMENTS = True

# Superseded and deprecated renderings are no alternatives: their own rules report them.
_ALTERNATIVES = (RenderingStatus.PREFERRED, RenderingStatus.ADMITTED)


# What the comparison needs of one segment, as plain tuples (summaries cross between processes):
# the entries its source has; its uses of accepted alternatives of entries that have several, not
# interchangeable, as (entry id, index of the alternative, start, end, text); and the pairs of
# alternatives that the segment presents as two names of one thing ("X, also known as Y"), as
# (entry id, index, index).
Use = tuple[str, int, int, int, str]
Link = tuple[str, int, int]
Summary = tuple[frozenset[str], tuple[Use, ...], tuple[Link, ...]]


def summarize(hits: SegmentHits, context: RuleContext) -> Summary | None:
    entries = context.entries
    source_counts = Counter(hit.entry_id for hit in hits.source)
    in_source = frozenset(source_counts)
    covering = sorted(
        (hit for hit in hits.target if hit.entry_id in in_source and hit.status.accepted), key=lambda hit: (hit.start, hit.end)
    )
    starts = [hit.start for hit in covering]
    candidates = [
        hit
        for hit in _outermost_renderings(hits.target)
        # A rendering counts where the segment's source has the term: elsewhere it renders some
        # other term that shares it (城乡融合 "urban-rural integration" is not a use of 城乡融合发展,
        # whose alternatives include it). An entry with one alternative cannot be rendered two
        # ways: its uses need no keeping.
        if hit.entry_id in in_source and len(entries[hit.entry_id].en) > 1 and not entries[hit.entry_id].interchangeable
        and not _renders_another_source_term(hit, covering, starts)
    ]
    uses: list[Use] = []
    links: list[Link] = []
    for entry_id, entry_hits in _by_entry(candidates).items():
        named, entry_links = _appositives_joined(entry_hits, hits.segment.target)
        links.extend((entry_id, first, second) for first, second in entry_links)
        if not _more_renderings_than_occurrences(entries[entry_id], named, source_counts[entry_id], word_key(context)):
            uses.extend((hit.entry_id, hit.index, hit.start, hit.end, hit.text) for hit in named)
    if not in_source and not uses:
        return None
    uses.sort(key=lambda use: (use[2], use[0]))
    return in_source, tuple(uses), tuple(links)


def _renders_another_source_term(hit: TargetHit, covering: Sequence[TargetHit], starts: Sequence[int]) -> bool:
    """Whether the words of `hit` are (or lie inside) one of `covering`, the accepted renderings of
    the other entries whose Chinese forms this segment's source has (sorted by start, whose starts
    are `starts`): then they translate that term ("Internet" for 互联网 beside 网络空间
    "cyberspace"), not this one."""
    position = bisect_right(starts, hit.start) - 1
    while position >= 0 and hit.start - starts[position] <= LONGEST_RENDERING_CHARS:
        other = covering[position]
        if other.entry_id != hit.entry_id and hit.end <= other.end:
            return True
        position -= 1
    return False


def _by_entry(hits: Sequence[TargetHit]) -> dict[str, list[TargetHit]]:
    grouped: dict[str, list[TargetHit]] = {}
    for hit in sorted(hits, key=lambda hit: (hit.start, hit.end)):
        grouped.setdefault(hit.entry_id, []).append(hit)
    return grouped


def _appositives_joined(hits: Sequence[TargetHit], target: str) -> tuple[list[TargetHit], list[tuple[int, int]]]:
    """The uses of one entry in a segment, in order, with a second name given in apposition to the
    one before it ("the China Sky Eye, also known as the Five-hundred-meter Aperture Spherical
    Radio Telescope") folded into that use, and the pairs of alternatives so introduced as names
    of one thing."""
    named: list[TargetHit] = []
    links: list[tuple[int, int]] = []
    previous: TargetHit | None = None
    for hit in hits:
        if previous is not None and previous.index != hit.index and is_appositive_gap(target[previous.end : hit.start]):
            links.append((min(previous.index, hit.index), max(previous.index, hit.index)))
        else:
            named.append(hit)
        previous = hit
    return named, links


def word_key(context: RuleContext) -> WordKey:
    """A word's inflection key: from the compiled glossary's table where there is one."""
    return context.matchers.word_key if context.matchers is not None else lenient_key


def _more_renderings_than_occurrences(entry: Entry, hits: Sequence[TargetHit], occurrences: int, key: WordKey) -> bool:
    """Whether a segment renders the term in more different ways than its source has the term: one
    of them then translates other words of the source (网络空间 once, "cyberspace" and "the
    Internet" both there), and which one is not known, so the segment is no evidence."""
    indices = {hit.index for hit in hits}
    # There are no more renderings than alternatives used: most segments use one (no classes made).
    return len(indices) > occurrences and len(set(_rendering_classes(entry, indices, (), key).values())) > occurrences


def _rendering_classes(entry: Entry, indices: Iterable[int], links: Iterable[tuple[int, int]], key: WordKey = lenient_key) -> dict[int, int]:
    """Each index of an alternative mapped to the smallest index of the alternatives that are one
    rendering with it: part of one another, one the other's abbreviation, the same words in
    another order or form, or linked by an appositive in the text."""
    links = list(links)
    indices = sorted({*indices, *(index for link in links for index in link)})
    parent = {index: index for index in indices}

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    def join(first: int, second: int) -> None:
        a, b = root(first), root(second)
        parent[max(a, b)] = min(a, b)

    for position, first in enumerate(indices):
        for second in indices[position + 1 :]:
            if one_rendering(entry.en[first], entry.en[second], key):
                join(first, second)
    for first, second in links:
        join(first, second)
    return {index: root(index) for index in indices}


@dataclass(frozen=True)
class _Clash:
    """An entry rendered in different ways: the alternative to keep, where it is first used, the
    uses per rendering (one rendering: alternatives that are one, see _rendering_classes), and the
    uses to report, each as the numbers the collector keeps."""

    entry: Entry
    keep: int
    first_kept_use: tuple[int, ...]
    counts: tuple[tuple[int, int], ...]  # (the alternative most used in a rendering, its uses)
    reported: tuple[tuple[int, ...], ...]


class Collector:
    """The summaries of one document (or run), in order, folded as they come: the entries its
    sources have, each use that may clash as six numbers, and the alternatives the text presents
    as names of one thing. With `keep_segments` False, a use names its segment by document and
    number, and the findings need the few segments `wanted()` names, read again by the caller;
    with True, the segments are kept."""

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
        self._links: dict[str, set[tuple[int, int]]] = {}

    def add(self, segment: Segment, summary: Summary) -> None:
        source_entries, uses, links = summary
        self._in_source |= source_entries
        document = self._documents.setdefault(segment.document, len(self._documents))
        for entry_id, first, second in links:
            self._links.setdefault(entry_id, set()).add((first, second))
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
            numbers.extend((*place, index, start, end, _checksum(text)))

    def __getstate__(self) -> dict[str, object]:
        # Sent between processes without the glossary, which the receiver has: `attach`.
        return {**self.__dict__, "_context": None}

    def attach(self, context: RuleContext) -> None:
        """Give a collector that came from another process the glossary back."""
        self._context = context

    def merge(self, later: Collector, numbered_before: Mapping[str, int]) -> None:
        """Fold in what `later` folded of the segments that come after these ones, as if its
        summaries had been added here: its segments of a document are numbered from 1 after the
        `numbered_before` of that document that came before them. Both keep no segment; `later`
        is left as it was (a cluster's task may share it)."""
        assert not self._keep_segments and not later._keep_segments
        self._in_source |= later._in_source
        names = list(later._documents)
        document = [self._documents.setdefault(name, len(self._documents)) for name in names]
        shift = [numbered_before.get(name, 0) for name in names]
        for entry_id, pairs in later._links.items():
            self._links.setdefault(entry_id, set()).update(pairs)
        same_places = document == list(range(len(names))) and not any(shift)
        width = self._FIELDS
        for entry_id, numbers in later._uses.items():
            mine = self._uses.get(entry_id)
            if mine is None:
                mine = self._uses[entry_id] = array("q")
            if same_places:
                mine.extend(numbers)
                continue
            # Renumbered a column at a time, in C (map over the columns): a merge on a cluster
            # renumbers millions of uses, and a loop over them in Python costs a second a million.
            where = numbers[0::width]
            renumbered = array("q", numbers)
            renumbered[0::width] = array("q", map(document.__getitem__, where))
            renumbered[1::width] = array("q", map(operator.add, numbers[1::width], map(shift.__getitem__, where)))
            mine.extend(renumbered)

    def parts(self, count: int) -> list[Collector]:
        """This collector cut in `count` by entry (an entry always in the same part, whichever
        process cuts it): a clash is of one entry, so the parts' findings together are this
        collector's, and part N of consecutive folds merges with part N alone. Each part keeps
        every document (its findings name the files when there are several)."""
        assert not self._keep_segments
        parts = [Collector(self._context, keep_segments=False) for _ in range(count)]
        for part in parts:
            part._documents = dict(self._documents)
        for entry_id in self._in_source:
            parts[part_of(entry_id, count)]._in_source.add(entry_id)
        for entry_id, pairs in self._links.items():
            parts[part_of(entry_id, count)]._links[entry_id] = set(pairs)
        for entry_id, numbers in self._uses.items():
            parts[part_of(entry_id, count)]._uses[entry_id] = array("q", numbers)
        return parts

    def _clashes(self) -> Iterator[_Clash]:
        width = self._FIELDS
        for entry_id, numbers in self._uses.items():
            if entry_id not in self._in_source:
                continue
            by_alternative = Counter(numbers[2::width])
            if len(by_alternative) < 2:
                continue
            entry = self._context.entries[entry_id]
            rendering_of = _rendering_classes(entry, by_alternative, self._links.get(entry_id, ()), word_key(self._context))
            by_rendering = Counter({rendering: 0 for rendering in rendering_of.values()})
            for index, count in by_alternative.items():
                by_rendering[rendering_of[index]] += count
            if len(by_rendering) < 2:
                continue
            # The rendering to keep is the one the glossary prefers of those used (alternatives
            # are listed preferred first): a file that mostly uses an older rendering is told to
            # move to the current one, never the other way round. It is written in the
            # alternative it is most used in.
            kept_rendering = min(by_rendering, key=lambda rendering: min(i for i in by_alternative if rendering_of[i] == rendering))
            label = {
                rendering: _most_used((i for i in by_alternative if rendering_of[i] == rendering), by_alternative)
                for rendering in by_rendering
            }
            keep = label[kept_rendering]
            starts = range(0, len(numbers), width)
            yield _Clash(
                entry,
                keep,
                next(tuple(numbers[at : at + width]) for at in starts if numbers[at + 2] == keep),
                tuple(sorted(((label[r], n) for r, n in by_rendering.items()), key=lambda item: (-item[1], item[0]))),
                tuple(tuple(numbers[at : at + width]) for at in starts if rendering_of[numbers[at + 2]] != kept_rendering),
            )

    def wanted(self) -> set[SegmentKey]:
        """The segments the findings are in, and those where the kept alternatives are first used,
        when they were not kept."""
        if self._keep_segments:
            return set()
        names = list(self._documents)
        return {(names[use[0]], use[1]) for clash in self._clashes() for use in (clash.first_kept_use, *clash.reported)}

    def findings(self, segments: Mapping[SegmentKey, Segment] | None = None) -> Iterator[Finding]:
        """The findings; `segments` has the segments `wanted()` named, read again."""
        across_files = len(self._documents) > 1
        scope = "across the files checked" if across_files else "in this file"
        for clash in self._clashes():
            entry, keep = clash.entry, clash.entry.en[clash.keep]
            counts = ", ".join(f"'{entry.en[index]}' ×{count}" for index, count in clash.counts)
            most_used, most = clash.counts[0]
            kept_count = next(count for index, count in clash.counts if index == clash.keep)
            # The glossary's preferred of those used is the one the fix puts in; where the text
            # mostly uses another accepted one, that is as good a choice, and the advice says so.
            advice = (
                f"use one of them throughout: '{keep}', the glossary's preferred, or '{entry.en[most_used]}', the most used here"
                if most_used != clash.keep and most > kept_count
                else f"use '{keep}' throughout"
            )
            kept_segment = self._segment(segments, clash.first_kept_use)
            kept_at = _place_in_target(kept_segment, clash.first_kept_use[3], with_file=across_files)
            for use in clash.reported:
                segment = self._segment(segments, use)
                start, end = use[3], use[4]
                text = segment.target[start:end]
                yield finding_in_target(
                    ID, SEVERITY, entry, segment, Span(start, end),
                    f"{entry.headword} is rendered in different ways {scope}: '{shown_english(text)}' here, "
                    f"'{keep}' at {kept_at} ({counts}); {advice}",
                    expected=(keep,), found=text, fix=f"replace '{shown_english(text)}' with '{keep}'",
                )

    def _segment(self, segments: Mapping[SegmentKey, Segment] | None, use: tuple[int, ...]) -> Segment:
        if self._keep_segments:
            return self._segments[use[0]]
        names = list(self._documents)
        return _again(segments, (names[use[0]], use[1]), use[3], use[4], use[5])


def _most_used(indices: Iterable[int], counts: Mapping[int, int]) -> int:
    """The index used most; on a tie, the more preferred (lower) one."""
    return min(indices, key=lambda index: (-counts[index], index))


def _place_in_target(segment: Segment, start: int, *, with_file: bool) -> str:
    line, _ = locate(segment.target_origin, segment.target, start)
    return f"{segment.target_origin.path}:{line}" if with_file else f"line {line}"


def part_of(entry_id: str, count: int) -> int:
    """Which of `count` parts an entry's uses go to: the same in every process (Python's own
    string hash differs from one process to the next)."""
    return zlib.crc32(entry_id.encode("utf-8")) % count


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _again(segments: Mapping[SegmentKey, Segment] | None, key: SegmentKey, start: int, end: int, checksum: int) -> Segment:
    segment = None if segments is None else segments.get(key)
    if segment is None or _checksum(segment.target[start:end]) != checksum:
        raise InputError(key[0], f"changed while it was being checked (segment {key[1]} reads differently the second time)")
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
