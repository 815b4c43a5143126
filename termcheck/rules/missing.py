"""missing: a source term whose paired target has none of its accepted renderings."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from termcheck.matching.fuzzy import NearMiss, WordIndex, near_miss
from termcheck.matching.loose import LooseText
from termcheck.matching.zh import leftmost_longest
from termcheck.model import Entry, Finding, RenderingStatus, SegmentHits, Severity, SourceHit, Span, TargetHit
from termcheck.rules import RuleContext
from termcheck.rules.findings import finding_in_source, quote_renderings, shown_chinese, shown_english

ID = "missing"
SEVERITY = Severity.ERROR
DESCRIPTION = "A glossary term in the source has no accepted rendering in its translation."
HELP = (
    "The Chinese source uses a term of the glossary, and its translation has none of the term's "
    "accepted renderings (word forms, spelling variants, case and hyphenation are allowed; for a "
    "descriptive phrase, its content words in any order within one sentence also count). Use the "
    "preferred rendering, or an accepted alternative; when the translation holds a near miss "
    "(State Counselor for State Councilor), the finding names it and the fix replaces it. An "
    "omitted name is an error, a descriptive phrase a warning."
)


def rendered_entries(hits: SegmentHits, source_entries: set[str]) -> set[str]:
    """The entries the target renders. A rendering inside a longer rendering of another entry
    that the source also has is part of that other name, not a rendering of its own ("NPC" in
    "NPC Standing Committee" where the source has 全国人大常委会). A deprecated rendering counts:
    it stands for the term, and `deprecated` reports it."""
    accepted = [hit for hit in hits.target if hit.status is not RenderingStatus.DEPRECATED]
    rendered = {hit.entry_id for hit in hits.target if hit.status is RenderingStatus.DEPRECATED}
    outermost = _outermost([hit for hit in accepted if hit.entry_id in source_entries])
    starts = [hit.start for hit in outermost]
    for hit in accepted:
        index = bisect_right(starts, hit.start) - 1
        if index >= 0:
            cover = outermost[index]
            inside_other = cover.entry_id != hit.entry_id and cover.end >= hit.end and cover.end - cover.start > hit.end - hit.start
            if inside_other:
                continue
        rendered.add(hit.entry_id)
    return rendered


def _outermost(hits: list[TargetHit]) -> list[TargetHit]:
    spans = leftmost_longest([(hit.start, hit.end, str(number)) for number, hit in enumerate(hits)])
    return [hits[int(number)] for _, _, number in spans]


class _SegmentView:
    """What the rule looks up in one segment's target, each made at most once and only when a
    term is missing."""

    def __init__(self, hits: SegmentHits, context: RuleContext) -> None:
        self.hits = hits
        self.context = context
        self.source_entries = {hit.entry_id for hit in hits.source}
        self.rendered = rendered_entries(hits, self.source_entries)
        self.deprecated = [hit for hit in hits.target if hit.status is RenderingStatus.DEPRECATED]
        self._loose: LooseText | None = None
        self._index: WordIndex | None = None
        self._near: dict[str, NearMiss | None] = {}

    def loosely_rendered(self, entry: Entry) -> bool:
        matchers = self.context.matchers
        if entry.strict or matchers is None:
            return False
        if self._loose is None:
            self._loose = matchers.loose_text(self.hits.segment.target)
        return matchers.loosely_rendered(entry.id, self._loose)

    def present(self, entry: Entry) -> bool:
        return entry.id in self.rendered or self.loosely_rendered(entry)

    def near_miss(self, entry: Entry) -> NearMiss | None:
        if entry.id not in self._near:
            if self._index is None:
                self._index = WordIndex(self.hits.segment.target)
            close = near_miss(entry.en, self.hits.segment.target, self._index)
            # A near miss next to a deprecated rendering would be fixed into a clash of the two
            # ("… of the CPC Chinese Communist Party"): the deprecated finding says what to do.
            if close is not None and any(hit.start <= close.end + 1 and close.start <= hit.end + 1 for hit in self.deprecated):
                close = None
            self._near[entry.id] = close
        return self._near[entry.id]


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        view: _SegmentView | None = None
        for source_hit in hits.source:
            if view is None:
                view = _SegmentView(hits, context)
            entry = context.entries[source_hit.entry_id]
            if view.present(entry):
                continue
            finding = _finding(view, entry, source_hit)
            if finding is not None:
                yield finding


def _finding(view: _SegmentView, entry: Entry, source_hit: SourceHit) -> Finding | None:
    hits, context = view.hits, view.context
    nested = context.matchers.nested_entries(source_hit.text) if context.matchers is not None else ()
    deprecated_entries = {hit.entry_id for hit in view.deprecated}
    if any(entry_id in deprecated_entries for entry_id in nested):
        # "The Chinese Communist Party was founded": `deprecated` reports the Party's name; the
        # compound around it is not missing twice.
        return None
    span = Span(source_hit.start, source_hit.end)
    term = shown_chinese(source_hit.text)
    close = view.near_miss(entry)
    if close is not None:
        return finding_in_source(
            ID, entry.missing_severity, entry, hits.segment, span,
            f"{term} is rendered as '{shown_english(close.text)}' (near miss); expected '{close.rendering}'",
            source_text=source_hit.text, expected=entry.accepted, found=close.text,
            fix=f"replace '{shown_english(close.text)}' with '{close.rendering}'",
            target_span=Span(close.start, close.end),
        )
    if nested and all(view.present(context.entries[entry_id]) for entry_id in nested):
        # A compound whose parts are all rendered: the translation says it in its own words.
        # Worth a note for a name (its official wording matters), never an error.
        parts = ", ".join(f"{context.entries[entry_id].headword} ('{context.entries[entry_id].preferred}')" for entry_id in nested)
        return finding_in_source(
            ID, Severity.WARNING if entry.strict else Severity.INFO, entry, hits.segment, span,
            f"{term} has no rendering of its own in the translation, though its parts are rendered: {parts}; "
            f"the glossary renders it {quote_renderings(entry)}",
            source_text=source_hit.text, expected=entry.accepted,
            fix=f"render {term} as '{entry.preferred}'",
        )
    return finding_in_source(
        ID, entry.missing_severity, entry, hits.segment, span,
        f"{term} has no accepted rendering in the translation; expected {quote_renderings(entry)}",
        source_text=source_hit.text, expected=entry.accepted,
        fix=f"render {term} as '{entry.preferred}'",
    )
