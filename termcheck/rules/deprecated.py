"""deprecated: a rendering that official style rejects, wherever it appears in a target."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termcheck.matching.en import is_acronym
from termcheck.model import Entry, Finding, RenderingStatus, SegmentHits, Severity, SourceHit, Span
from termcheck.rules import RuleContext
from termcheck.rules.findings import finding_in_target, shown_english

ID = "deprecated"
SEVERITY = Severity.ERROR
DESCRIPTION = "The translation uses a rendering the glossary marks as deprecated."
HELP = (
    "Official style rejects this rendering (for example 'CCP' for the Communist Party of China, "
    "'One Belt, One Road' for the Belt and Road Initiative). Replace it with the preferred rendering "
    "of the entry it belongs to; it is reported wherever it appears, even where the source has no "
    "form of the term."
)


def replacement(entry: Entry, deprecated: str) -> str:
    """An acronym is replaced by the official acronym (CCP → CPC), anything else by the
    preferred rendering."""
    if is_acronym(deprecated) and entry.short:
        return entry.short[0]
    return entry.preferred


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        # The first source hit of each entry, found once per segment (a whole document can hold
        # thousands of hits).
        first_source_hit: dict[str, SourceHit] = {}
        for source in hits.source:
            first_source_hit.setdefault(source.entry_id, source)
        for hit in hits.target:
            if hit.status is not RenderingStatus.DEPRECATED:
                continue
            entry = context.entries[hit.entry_id]
            use = replacement(entry, hit.rendering)
            # The term it stands for, where the paired source has it.
            source_hit = first_source_hit.get(hit.entry_id)
            yield finding_in_target(
                ID, SEVERITY, entry, hits.segment, Span(hit.start, hit.end),
                f"'{shown_english(hit.text)}' is a deprecated rendering of {entry.headword}; use '{use}'",
                expected=entry.accepted, found=hit.text, fix=f"replace '{shown_english(hit.text)}' with '{use}'",
                source_text=source_hit.text if source_hit else None,
                source_span=Span(source_hit.start, source_hit.end) if source_hit else None,
            )
