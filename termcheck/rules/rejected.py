"""What the `deprecated` and `superseded` rules share: finding where a translation uses a
rendering that stands for a term but is not to be used, and fitting the preferred rendering in
its place.

The matcher finds such a form wherever its words stand; rejected_uses decides whether the
translation uses it. Not a use, so not reported: a form the paired source holds verbatim (a style
note quoting it, Latin text in the Chinese), a form inside a URL, e-mail address or code, an
acronym the text defines as something else ("central counterparty (CCP)") where the source has
no form of the entry. A mention (quoted, or after "so-called") is told apart from a use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from termcheck.matching.en import LEADING_ARTICLE, clean_word, folded_key, is_acronym
from termcheck.matching.zh import normalize_form, normalize_source
from termcheck.model import Entry, RenderingStatus, SegmentHits, SourceHit, Span, TargetHit
from termcheck.rules import RuleContext
from termcheck.rules.fitting import fitted_capital

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ARTICLE_BEFORE = re.compile(r"\b(the|a|an)\s+$", re.IGNORECASE)
# Words too common to tell two names apart.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "to", "with"})


def replacement(entry: Entry, rejected: str) -> str:
    """An acronym is replaced by the official acronym (CCP → CPC), anything else by the
    preferred rendering."""
    if is_acronym(rejected) and entry.short:
        return entry.short[0]
    return entry.preferred


def outermost(hits: Sequence[TargetHit]) -> list[TargetHit]:
    """The deprecated and superseded hits, one per entry and span ("One Belt, One Road" and "One
    Belt One Road" key alike), without those inside a longer such hit ("CCP" in "CCP Central
    Committee"): the longer phrase is the one to replace."""
    unique: dict[tuple[str, int, int], TargetHit] = {}
    for hit in hits:
        if not hit.status.accepted:
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
    for rendering in (*entry.en, *(old.en for old in entry.superseded), *entry.deprecated):
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


# Words spelt with a vowel and said with a consonant ("a unified", "a one-stop", "a European"),
# and words said with a vowel though spelt with an h ("an hour", "an honest"); after the rules of
# the inflect library's indefinite article.
_SAID_WITH_A_CONSONANT = re.compile(r"e[uw]|onc?e\b|uni(?:[^nmd]|mo)|u[bcfghjkqrst][aeiou]|ukr", re.IGNORECASE)
_SAID_WITH_A_VOWEL = re.compile(r"hour(?!i)|heir|honest|hono[u]?r|ut[th]", re.IGNORECASE)


def indefinite_article(text: str) -> str:
    """'a' or 'an' before `text`, by its first sound: an acronym by how its first letter is said
    (an FBI, a BRI), a word by the rules above (a unified market, an hourly worker), else by its
    first letter."""
    first_word = text.split()[0] if text.split() else ""
    if is_acronym(first_word):
        return "an" if first_word[:1] in "AEFHILMNORSX" else "a"
    if _SAID_WITH_A_VOWEL.match(first_word):
        return "an"
    if _SAID_WITH_A_CONSONANT.match(first_word):
        return "a"
    return "an" if first_word[:1].lower() in "aeiou" else "a"


def fitted_replacement(entry: Entry, hit: TargetHit, target: str, *, owner_named: bool = True) -> tuple[Span, str]:
    """The span of a deprecated or superseded rendering to replace and the text to put there, so
    that the phrase reads as the preferred rendering: words the text already has after the span are not repeated ("One Belt One Road
    initiative" → "Belt and Road initiative"); a department named by its owner keeps the owner
    ("County Party Committee Propaganda Department" → "… Publicity Department", not "…
    Publicity Department of the CPC Central Committee"); an article is not doubled, and "an"
    becomes "a" where the new first sound asks for it. The span stops before a possessive 's,
    which therefore stays. Where the source does not name the entry's term (`owner_named`
    False: 县委宣传部 for the entry 中共中央宣传部), the owner is not the entry's either."""
    use = replacement(entry, hit.rendering)
    before, after = target[: hit.start], target[hit.end :]
    use = _without_repeated_tail(use, after)
    use = _owned_part(use, entry, before, after, another_owner=not owner_named)
    article = _ARTICLE_BEFORE.search(before)
    if article is not None and LEADING_ARTICLE.match(use):
        use = LEADING_ARTICLE.sub("", use)
    if article is not None and article.group(1).lower() in ("a", "an"):
        wanted = indefinite_article(use)
        if wanted != article.group(1).lower():
            written = wanted.capitalize() if article.group(1)[0].isupper() else wanted
            return Span(article.start(1), hit.end), f"{written}{before[article.end(1):]}{use}"
    return Span(hit.start, hit.end), fitted_capital(target, hit.start, hit.text, use)


def advised_rendering(hit: TargetHit, span: Span, new_text: str) -> str:
    """The new text of a fitted replacement as the advice names it: without the article that the
    fix mends before the rendering ("use 'BRI'", the fix replacing "an OBOR" with "a BRI")."""
    return LEADING_ARTICLE.sub("", new_text, count=1) if span.start < hit.start else new_text


def _without_repeated_tail(use: str, after: str) -> str:
    words = use.split()
    following = [w.lower() for w in _WORD.findall(after[:200])]
    for count in range(len(words) - 1, 0, -1):
        if [w.lower() for w in words[-count:]] == following[:count] and re.match(r"\s", after):
            return " ".join(words[:-count])
    return use


def _owned_part(use: str, entry: Entry, before: str, after: str, *, another_owner: bool = False) -> str:
    """An accepted rendering that is the preferred one without its "of …" owner, where the text
    names another owner: a capitalised word right before the span (Xinxiang County Party
    Committee Propaganda Department), a possessive, or an "of" right after; or where the source
    names another (`another_owner`)."""
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
    return head if owned_before or owned_after or another_owner else use


def _mention(target: str, hit: TargetHit) -> str | None:
    """How the form is mentioned rather than used, or None for a use."""
    from termcheck.matching.en_context import follows_so_called, is_quoted

    if follows_so_called(target, hit.start):
        return "follows 'so-called'"
    if is_quoted(target, hit.start, hit.end):
        return "is quoted"
    return None


@dataclass(frozen=True)
class RejectedUse:
    """A deprecated or superseded rendering in a translation, with the entry it belongs to, the
    first form of that entry in the source (if any), and how it is mentioned rather than used
    (None for a use)."""

    hit: TargetHit
    entry: Entry
    source_hit: SourceHit | None
    mention: str | None

    def term_in(self, source: str) -> bool:
        """Whether the source names the entry's own term (as a hit, or inside a longer one:
        中国共产党 in 中国共产党第二十次全国代表大会); 县委宣传部 does not name 中共中央宣传部."""
        return self.source_hit is not None or any(form in source for form in self.entry.zh)


def rejected_uses(hits: SegmentHits, context: RuleContext, status: RenderingStatus) -> Iterator[RejectedUse]:
    """The segment's uses and mentions of renderings of one status (deprecated or superseded)."""
    rejected = [hit for hit in outermost(hits.target) if hit.status is status]
    if not rejected:
        return
    # Imported here: a segment without a rejected rendering (nearly all) never reads its context.
    from termcheck.matching.en_context import acronym_definitions, not_prose_spans, occurs_verbatim, within

    segment = hits.segment
    # The first source hit of each entry, found once per segment (a whole document can hold
    # thousands of hits).
    first_source_hit: dict[str, SourceHit] = {}
    for source in hits.source:
        first_source_hit.setdefault(source.entry_id, source)
    not_prose = not_prose_spans(segment.target)
    definitions: dict[str, list[str]] | None = None
    for hit in rejected:
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
        yield RejectedUse(hit, entry, first_source_hit.get(hit.entry_id), _mention(segment.target, hit))


def source_place(use: RejectedUse) -> dict[str, object]:
    """The finding fields that name the source term a rejected rendering translates, if any."""
    source_hit = use.source_hit
    return {
        "source_text": source_hit.text if source_hit else None,
        "source_span": Span(source_hit.start, source_hit.end) if source_hit else None,
    }
