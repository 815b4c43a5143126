"""missing: a source term whose paired target has none of its accepted renderings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termcheck.matching.fuzzy import NearMiss, WordIndex, near_miss
from termcheck.model import Finding, SegmentHits, Severity, Span
from termcheck.rules import RuleContext
from termcheck.rules.findings import finding_in_source, quote_renderings, shown_chinese, shown_english

ID = "missing"
SEVERITY = Severity.ERROR
DESCRIPTION = "A glossary term in the source has no accepted rendering in its translation."
HELP = (
    "The Chinese source uses a term of the glossary, and its translation has none of the term's "
    "accepted renderings (word forms, spelling variants, case and hyphenation are allowed). Use the "
    "preferred rendering, or an accepted alternative; when the translation holds a near miss "
    "(State Counselor for State Councilor), the finding names it and the fix replaces it."
)


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        # Any rendering counts here: a deprecated one that stands for the term is reported by
        # `deprecated` alone.
        rendered = {hit.entry_id for hit in hits.target}
        near_misses: dict[str, NearMiss | None] = {}
        index: WordIndex | None = None
        for source_hit in hits.source:
            if source_hit.entry_id in rendered:
                continue
            entry = context.entries[source_hit.entry_id]
            if entry.id not in near_misses:
                if index is None:  # built once per segment, only when a term is missing
                    index = WordIndex(hits.segment.target)
                near_misses[entry.id] = near_miss(entry.en, hits.segment.target, index)
            close = near_misses[entry.id]
            span = Span(source_hit.start, source_hit.end)
            if close is not None:
                yield finding_in_source(
                    ID, SEVERITY, entry, hits.segment, span,
                    f"{shown_chinese(source_hit.text)} is rendered as '{shown_english(close.text)}' (near miss); expected '{close.rendering}'",
                    source_text=source_hit.text, expected=entry.accepted, found=close.text,
                    fix=f"replace '{shown_english(close.text)}' with '{close.rendering}'",
                    target_span=Span(close.start, close.end),
                )
            else:
                yield finding_in_source(
                    ID, SEVERITY, entry, hits.segment, span,
                    f"{shown_chinese(source_hit.text)} has no accepted rendering in the translation; expected {quote_renderings(entry)}",
                    source_text=source_hit.text, expected=entry.accepted,
                    fix=f"render {shown_chinese(source_hit.text)} as '{entry.preferred}'",
                )
