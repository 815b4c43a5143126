"""Building findings at a place in a segment's source or target text."""

from __future__ import annotations


from termcheck.model import Entry, Finding, Replacement, Segment, Severity, Span
from termcheck.positions import locate
from termcheck.shown import shown_chinese, shown_english

__all__ = ["finding_in_source", "finding_in_target", "quote_renderings", "shown_chinese", "shown_english"]


def quote_renderings(entry: Entry) -> str:
    return " / ".join(f"'{r}'" for r in entry.accepted)


def replacing(segment: Segment, span: Span, new_text: str) -> dict[str, object]:
    """The fields of a finding that a replacement fixes: the replacement, and the fix that says it."""
    old_text = segment.target[span.start : span.end]
    return {"replacement": Replacement(span, new_text), "fix": f"replace '{shown_english(old_text)}' with '{new_text}'"}


def finding_in_source(
    rule: str, severity: Severity, entry: Entry, segment: Segment, span: Span, message: str, **fields: object
) -> Finding:
    line, column = locate(segment.source_origin, segment.source, span.start)
    return Finding(
        rule=rule, severity=severity, entry_id=entry.id, term=entry.headword, message=message,
        file=segment.source_origin.path, line=line, column=column, segment=segment,
        source_span=span, **fields,  # type: ignore[arg-type]
    )


def finding_in_target(
    rule: str, severity: Severity, entry: Entry, segment: Segment, span: Span, message: str, **fields: object
) -> Finding:
    line, column = locate(segment.target_origin, segment.target, span.start)
    return Finding(
        rule=rule, severity=severity, entry_id=entry.id, term=entry.headword, message=message,
        file=segment.target_origin.path, line=line, column=column, segment=segment,
        target_span=span, **fields,  # type: ignore[arg-type]
    )
