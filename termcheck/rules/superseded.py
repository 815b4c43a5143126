"""superseded: an older official rendering that official texts have since replaced, used in a
target.

Unlike a deprecated rendering, a superseded one was right once: a translation of an older text,
or one that quotes it, may keep it. So it is a warning, naming the current rendering and since
when official texts use it. What counts as a use is decided as for deprecated renderings (see
rules/rejected.py); a mention (quoted, after "so-called") is for information only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termcheck.model import Finding, RenderingStatus, Segment, SegmentHits, Severity, Span
from termcheck.rules import RuleContext
from termcheck.rules.findings import finding_in_target, replacing, shown_english
from termcheck.rules.rejected import RejectedUse, advised_rendering, fitted_replacement, rejected_uses, source_place

ID = "superseded"
SEVERITY = Severity.WARNING
MENTION_SEVERITY = Severity.INFO
DESCRIPTION = "The translation uses an older official rendering that official texts have replaced."
HELP = (
    "Official texts once used this rendering and have since replaced it (for example 'new "
    "development concept', superseded by 'new development philosophy'). The finding names the "
    "current rendering and since when official texts use it; the fix puts it in. A warning, not an "
    "error: a translation of an older text may keep the wording of its time (check it with --as-of "
    "DATE, the text's date, and renderings superseded after that date are not reported). A quoted "
    "form, or one after 'so-called', is a mention, reported for information only."
)


def _superseded_by(use: RejectedUse, current: str) -> str:
    """'superseded since 2020 (the glossary's reason); the current rendering is 'new development
    philosophy''. Not "superseded by" the current one: where official wording changed more than
    once, another rendering replaced this one first ('new development concept', 2017, by 'new
    vision for development')."""
    record = use.entry.superseded[use.hit.index]
    reason = f" ({record.reason.rstrip('.')})" if record.reason else ""
    return f"superseded since {record.since}{reason}; the current rendering is '{current}'"


def _finding(use: RejectedUse, segment: Segment) -> Finding:
    hit, entry = use.hit, use.entry
    found = shown_english(hit.text)
    source_fields = source_place(use)
    if use.mention is not None:
        # A quoted title is the wording of its time: no fix is offered.
        return finding_in_target(
            ID, MENTION_SEVERITY, entry, segment, Span(hit.start, hit.end),
            f"'{found}' {use.mention}: a mention of an older rendering of {entry.headword}, not a use; "
            f"{_superseded_by(use, entry.preferred)}",
            expected=entry.accepted, found=hit.text, **source_fields,
        )
    span, new_text = fitted_replacement(entry, hit, segment.target, owner_named=use.term_in(segment.source))
    return finding_in_target(
        ID, SEVERITY, entry, segment, span,
        f"'{found}' is an older rendering of {entry.headword}, {_superseded_by(use, shown_english(advised_rendering(hit, span, new_text)).strip())}",
        expected=entry.accepted, found=hit.text,
        **replacing(segment, span, new_text), **source_fields,
    )


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        for use in rejected_uses(hits, context, RenderingStatus.SUPERSEDED):
            yield _finding(use, hits.segment)
