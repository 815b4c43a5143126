"""deprecated: a rendering that official style rejects, used in a target.

Reported wherever the translation uses it, even where the source has no form of the term; what
is not a use (a form the source quotes, one in a URL or code, an acronym defined as another name)
is left out, and a mention (quoted, after "so-called") is a warning: see rules/rejected.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termcheck.model import Finding, RenderingStatus, Segment, SegmentHits, Severity, Span
from termcheck.rules import RuleContext
from termcheck.rules.findings import finding_in_target, replacing, shown_english
from termcheck.rules.rejected import RejectedUse, advised_rendering, fitted_replacement, rejected_uses, replacement, source_place

ID = "deprecated"
SEVERITY = Severity.ERROR
MENTION_SEVERITY = Severity.WARNING
DESCRIPTION = "The translation uses a rendering the glossary marks as deprecated."
HELP = (
    "Official style rejects this rendering (for example 'CCP' for the Communist Party of China, "
    "'One Belt, One Road' for the Belt and Road Initiative). Replace it with the preferred rendering "
    "of the entry it belongs to; it is reported wherever the translation uses it, even where the "
    "source has no form of the term, with the glossary's reason where it gives one. A quoted form, "
    "or one after 'so-called', is a mention and only a warning; a form the source itself contains, "
    "one inside a URL, e-mail address or code, and an acronym the text defines as another name are "
    "not reported."
)


def _reason(use: RejectedUse) -> str:
    """Why the glossary rejects the form, as a clause of the message ("" where it does not say)."""
    reasons = use.entry.deprecated_reasons
    reason = reasons[use.hit.index] if use.hit.index < len(reasons) else ""
    return f" ({reason.rstrip('.')})" if reason else ""


def _finding(use: RejectedUse, segment: Segment) -> Finding:
    hit, entry = use.hit, use.entry
    found = shown_english(hit.text)
    source_fields = source_place(use)
    if use.mention is not None:
        # A quoted title or name is somebody's wording: no fix is offered.
        return finding_in_target(
            ID, MENTION_SEVERITY, entry, segment, Span(hit.start, hit.end),
            f"'{found}' {use.mention}: a mention of a deprecated rendering of {entry.headword}, not a use; "
            f"where it is the translation's own wording, use '{replacement(entry, hit.rendering)}'",
            expected=entry.accepted, found=hit.text, **source_fields,
        )
    term_named = use.term_in(segment.source)
    span, new_text = fitted_replacement(entry, hit, segment.target, owner_named=term_named)
    # The advice is the fix's own words (fitted to the phrase: a local body keeps its owner). It
    # rests on the preferred rendering: without official evidence for it, a warning.
    severity = Severity.WARNING if entry.unverified else SEVERITY
    # Where the source does not name the entry's term (县委宣传部 for the entry 中共中央宣传部), the
    # message says whose entry deprecates the form, not that the text names that body.
    whose = f"a deprecated rendering of {entry.headword}" if term_named else f"deprecated by the glossary's entry for {entry.headword}"
    return finding_in_target(
        ID, severity, entry, segment, span,
        f"'{found}' is {whose}{_reason(use)}; use '{shown_english(advised_rendering(hit, span, new_text)).strip()}'",
        expected=entry.accepted, found=hit.text, **replacing(segment, span, new_text), **source_fields,
    )


def segment_findings(hits: SegmentHits, context: RuleContext) -> Iterator[Finding]:
    for use in rejected_uses(hits, context, RenderingStatus.DEPRECATED):
        yield _finding(use, hits.segment)


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        yield from segment_findings(hits, context)
