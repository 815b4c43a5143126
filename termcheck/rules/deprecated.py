"""deprecated: a rendering that official style rejects, used in a target.

The matcher finds a deprecated form wherever its words stand; this rule decides whether the
translation uses it. Not a use, so not reported: a form the paired source holds verbatim (a style
note quoting it, Latin text in the Chinese), a form inside a URL, e-mail address or code, an
acronym the text defines as something else ("central counterparty (CCP)") where the source has
no form of the entry. A mention (quoted, or after "so-called") is reported as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from termcheck.matching.en import LEADING_ARTICLE, clean_word, folded_key, is_acronym
from termcheck.matching.en_context import (
    acronym_definitions,
    follows_so_called,
    is_quoted,
    not_prose_spans,
    occurs_verbatim,
    within,
)
from termcheck.matching.zh import normalize_form, normalize_source
from termcheck.model import Entry, Finding, RenderingStatus, Segment, SegmentHits, Severity, SourceHit, Span, TargetHit
from termcheck.rules import RuleContext
from termcheck.rules.fitting import fitted_capital
from termcheck.rules.findings import finding_in_target, replacing, shown_english

ID = "deprecated"
SEVERITY = Severity.ERROR
MENTION_SEVERITY = Severity.WARNING
DESCRIPTION = "The translation uses a rendering the glossary marks as deprecated."
HELP = (
    "Official style rejects this rendering (for example 'CCP' for the Communist Party of China, "
    "'One Belt, One Road' for the Belt and Road Initiative). Replace it with the preferred rendering "
    "of the entry it belongs to; it is reported wherever the translation uses it, even where the "
    "source has no form of the term. A quoted form, or one after 'so-called', is a mention and only "
    "a warning; a form the source itself contains, one inside a URL, e-mail address or code, and an "
    "acronym the text defines as another name are not reported."
)

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ARTICLE_BEFORE = re.compile(r"\b(the|a|an)\s+$", re.IGNORECASE)
# Words too common to tell two names apart.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "to", "with"})


def replacement(entry: Entry, deprecated: str) -> str:
    """An acronym is replaced by the official acronym (CCP → CPC), anything else by the
    preferred rendering."""
    if is_acronym(deprecated) and entry.short:
        return entry.short[0]
    return entry.preferred


def outermost(hits: Sequence[TargetHit]) -> list[TargetHit]:
    """The deprecated hits, one per entry and span ("One Belt, One Road" and "One Belt One Road"
    key alike), without those inside a longer deprecated hit ("CCP" in "CCP Central Committee"):
    the longer phrase is the one to replace."""
    unique: dict[tuple[str, int, int], TargetHit] = {}
    for hit in hits:
        if hit.status is RenderingStatus.DEPRECATED:
            unique.setdefault((hit.entry_id, hit.start, hit.end), hit)
    candidates = list(unique.values())
    return [
        hit for hit in candidates
        if not any(o.start <= hit.start and hit.end <= o.end and o.end - o.start > hit.end - hit.start for o in candidates)
    ]


def _content_words(text: str) -> set[str]:
    return {folded_key(clean_word(w)) for w in _WORD.findall(text)} - _FUNCTION_WORDS


def names_entry(expansion: str, entry: Entry) -> bool:
    """The words an acronym is defined by name this entry: they share most content words with one
    of its renderings ("China's Communist Party" and "Communist Party of China")."""
    words = _content_words(expansion)
    for rendering in (*entry.en, *entry.deprecated):
        if is_acronym(rendering):
            continue
        own = _content_words(rendering)
        if own and 2 * len(words & own) >= len(own):
            return True
    return False


def _source_has_form(entry: Entry, source: str, first_source_hit: dict[str, SourceHit]) -> bool:
    """A form of the entry in the source, also inside a longer term (中共 in 中共中央)."""
    if entry.id in first_source_hit:
        return True
    normalized = normalize_source(source)[0]
    return any(normalize_form(form) in normalized for form in entry.zh)


def _defined_as_other(hit: TargetHit, entry: Entry, definitions: dict[str, list[str]]) -> bool:
    expansions = definitions.get(hit.text, [])
    return bool(expansions) and not any(names_entry(expansion, entry) for expansion in expansions)


def _article_for(text: str) -> str:
    """'a' or 'an' before `text`: an acronym by how its first letter is said (an FBI, a BRI)."""
    first = text.lstrip()[:1]
    if is_acronym(text.split()[0]):
        return "an" if first in "AEFHILMNORSX" else "a"
    return "an" if first.lower() in "aeiou" else "a"


def fitted_replacement(entry: Entry, hit: TargetHit, target: str) -> tuple[Span, str]:
    """The span to replace and the text to put there, so that the phrase reads as the preferred
    rendering: words the text already has after the span are not repeated ("One Belt One Road
    initiative" → "Belt and Road initiative"); a department named by its owner keeps the owner
    ("County Party Committee Propaganda Department" → "… Publicity Department", not "…
    Publicity Department of the CPC Central Committee"); an article is not doubled, and "an"
    becomes "a" where the new first sound asks for it, and a sentence that began with the old
    text begins with a capital. The span stops before a possessive 's, which therefore stays."""
    use = replacement(entry, hit.rendering)
    before, after = target[: hit.start], target[hit.end :]
    use = _without_repeated_tail(use, after)
    use = _owned_part(use, entry, before, after)
    article = _ARTICLE_BEFORE.search(before)
    if article is not None and LEADING_ARTICLE.match(use):
        use = LEADING_ARTICLE.sub("", use)
    if article is not None and article.group(1).lower() in ("a", "an"):
        wanted = _article_for(use)
        if wanted != article.group(1).lower():
            written = wanted.capitalize() if article.group(1)[0].isupper() else wanted
            return Span(article.start(1), hit.end), f"{written}{before[article.end(1):]}{use}"
    return Span(hit.start, hit.end), fitted_capital(target, hit.start, hit.text, use)


def _without_repeated_tail(use: str, after: str) -> str:
    words = use.split()
    following = [w.lower() for w in _WORD.findall(after[:200])]
    for count in range(len(words) - 1, 0, -1):
        if [w.lower() for w in words[-count:]] == following[:count] and re.match(r"\s", after):
            return " ".join(words[:-count])
    return use


def _owned_part(use: str, entry: Entry, before: str, after: str) -> str:
    """An accepted rendering that is the preferred one without its "of …" owner, where the text
    names another owner: a capitalised word right before the span (Xinxiang County Party
    Committee Propaganda Department), a possessive, or an "of" right after."""
    if " of " not in use:
        return use
    head = use.split(" of ", 1)[0]
    if head not in entry.accepted:
        return use
    previous = re.search(r"(\S+)\s+$", before)
    owned_before = previous is not None and previous.group(1).lower() not in ("the", "a", "an") and (
        previous.group(1)[:1].isupper() or previous.group(1).endswith(("'s", "s'", "\u2019s"))
    )
    owned_after = re.match(r"\s+of\b", after) is not None
    return head if owned_before or owned_after else use


def _finding(hit: TargetHit, entry: Entry, segment: Segment, source_hit: SourceHit | None, mention: str | None) -> Finding:
    found = shown_english(hit.text)
    use = replacement(entry, hit.rendering)
    source_fields: dict[str, object] = {
        "source_text": source_hit.text if source_hit else None,
        "source_span": Span(source_hit.start, source_hit.end) if source_hit else None,
    }
    if mention is not None:
        # A quoted title or name is somebody's wording: no fix is offered.
        return finding_in_target(
            ID, MENTION_SEVERITY, entry, segment, Span(hit.start, hit.end),
            f"'{found}' {mention}: a mention of a deprecated rendering of {entry.headword}, not a use; "
            f"where it is the translation's own wording, use '{use}'",
            expected=entry.accepted, found=hit.text, **source_fields,
        )
    span, new_text = fitted_replacement(entry, hit, segment.target)
    # The advice is the fix's own words (fitted to the phrase: a local body keeps its owner).
    return finding_in_target(
        ID, SEVERITY, entry, segment, span,
        f"'{found}' is a deprecated rendering of {entry.headword}; use '{shown_english(new_text).strip()}'",
        expected=entry.accepted, found=hit.text, **replacing(segment, span, new_text), **source_fields,
    )


def _mention(target: str, hit: TargetHit) -> str | None:
    """How the form is mentioned rather than used, or None for a use."""
    if follows_so_called(target, hit.start):
        return "follows 'so-called'"
    if is_quoted(target, hit.start, hit.end):
        return "is quoted"
    return None


def segment_findings(hits: SegmentHits, context: RuleContext) -> Iterator[Finding]:
    deprecated = outermost(hits.target)
    if not deprecated:
        return
    segment = hits.segment
    # The first source hit of each entry, found once per segment (a whole document can hold
    # thousands of hits).
    first_source_hit: dict[str, SourceHit] = {}
    for source in hits.source:
        first_source_hit.setdefault(source.entry_id, source)
    not_prose = not_prose_spans(segment.target)
    definitions: dict[str, list[str]] | None = None
    for hit in deprecated:
        entry = context.entries[hit.entry_id]
        acronym = is_acronym(hit.rendering)
        if within(not_prose, hit.start, hit.end):
            continue
        # The source quotes the English form itself: the translation copies it, it does not choose it.
        if occurs_verbatim(hit.text, segment.source, case_sensitive=acronym):
            continue
        if acronym and not _source_has_form(entry, segment.source, first_source_hit):
            if definitions is None:
                definitions = {}
                for definition in acronym_definitions(segment.target):
                    definitions.setdefault(definition.acronym, []).append(definition.expansion)
            if _defined_as_other(hit, entry, definitions):
                continue
        yield _finding(hit, entry, segment, first_source_hit.get(hit.entry_id), _mention(segment.target, hit))


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        yield from segment_findings(hits, context)
