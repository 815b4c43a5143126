"""How two accepted alternatives of one entry relate, for the consistency rule: whether they are
one rendering written two ways (a back-reference, an abbreviation, a word-order or inflection
variant), and whether the text between two uses presents the second as another name of the first.

Pure functions of strings: the consistency rule calls them where segments are summarised and
where the summaries are compared, in any process.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

# The key under which the matcher reads inflections of a word as one word (lenient matching of
# accepted renderings): the comparisons here are as lenient as the matching that found the uses.
from termcheck.matching.en import Token, lenient_key, normalize_target, strip_leading_article, tokenize

_ARTICLES = frozenset({"the", "a", "an"})
# Words that a name drops or gains when a part of it is abbreviated: "Standing Committee of the
# National People's Congress" is "NPC Standing Committee", "Chairman of the CMC" is "CMC Chairman".
_FUNCTION_WORDS = _ARTICLES | {"of", "and", "for", "on", "in", "to"}

# Between two names of one thing in one sentence: an optional comma, opening parenthesis or dash,
# then an optional link phrase, then an optional article. Quotes and a parenthesised short form
# ("the China Sky Eye" … (FAST)) are taken out of the gap first.
_APPOSITIVE_GAP = re.compile(
    r"\s*(?P<punctuation>[,(\u2013\u2014:]|--)?\s*"
    r"(?P<link>(?:also|otherwise|better|widely|commonly|formally|officially)?\s*"
    r"(?:known\s+as|called|referred\s+to\s+as|dubbed|named|termed|nicknamed)"
    r"|or|i\.?\s*e\.?|that\s+is|namely|aka|a\.k\.a\.)?"
    r"\s*,?\s*(?:the|a|an)?\s*",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]")
_PARENTHESISED_SHORT_FORM = re.compile(r"\(\s*[A-Z][A-Za-z0-9&.\-]*\s*\)")


def is_appositive_gap(gap: str) -> bool:
    """Whether the text between two renderings presents the second as another name of the first
    ("X, also known as Y", "X (Y)", "X, or Y", "X, i.e. Y", "X, Y"): a second name introduced on
    purpose, not a second way of writing the first."""
    bare = _QUOTES.sub("", _PARENTHESISED_SHORT_FORM.sub(" ", normalize_target(gap)))
    match = _APPOSITIVE_GAP.fullmatch(bare)
    # Two names with only a space between them are not linked: one of them may qualify the other.
    return match is not None and bool(match["punctuation"] or match["link"])


WordKey = Callable[[str], str]


@lru_cache(maxsize=65536)
def one_rendering(first: str, second: str, key: WordKey = lenient_key) -> bool:
    """Whether two alternatives of an entry are one rendering for consistency: one is part of the
    other (a back-reference), one abbreviates the other, or both are the same words in another
    order or form. `key` gives a word's inflection key (the compiled glossary's table, where there
    is one: lenient_key itself reads lemminflect's tables, which take a while to load)."""
    first_tokens, second_tokens = _name_tokens(first), _name_tokens(second)
    return (
        _part_of_one_another(first_tokens, second_tokens, key)
        or _same_words(first_tokens, second_tokens, key)
        or _abbreviation_of_one_another(first_tokens, second_tokens, key)
    )


def _name_tokens(rendering: str) -> tuple[Token, ...]:
    return tuple(token for token in tokenize(strip_leading_article(rendering)) if not token.parenthetical)


def _part_of_one_another(first: Sequence[Token], second: Sequence[Token], key: WordKey) -> bool:
    """'Belt and Road' after 'Belt and Road Initiative', 'President' after 'Chinese President'."""
    a, b = (" ".join(key(token.text) for token in tokens) for tokens in (first, second))
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _same_words(first: Sequence[Token], second: Sequence[Token], key: WordKey) -> bool:
    """'comprehensively deepen reform' and 'deepening reform comprehensively': the same words,
    prepositions included ('community with a shared future' is not 'community of shared future'),
    articles aside."""
    return _word_bag(first, _ARTICLES, key) == _word_bag(second, _ARTICLES, key)


def _word_bag(tokens: Sequence[Token], left_out: frozenset[str], key: WordKey) -> Counter[str]:
    return Counter(key(token.text) for token in tokens if token.text.lower() not in left_out)


def _abbreviation_of_one_another(first: Sequence[Token], second: Sequence[Token], key: WordKey) -> bool:
    """One is the other with a part written as its initials (NPC for National People's Congress),
    word order and function words aside: 'NPC Standing Committee' for 'Standing Committee of the
    National People's Congress', 'CMC' for 'Central Military Commission'."""
    first_acronyms = {token.text for token in first if _is_acronym_word(token.text)}
    second_acronyms = {token.text for token in second if _is_acronym_word(token.text)}
    if not first_acronyms and not second_acronyms:
        return False
    # An acronym that only one side has must be spelled by a run of the other side's words; the
    # acronym and its run then leave the comparison.
    first_rest = _without_runs_spelling(first, sorted(second_acronyms - first_acronyms))
    second_rest = _without_runs_spelling(second, sorted(first_acronyms - second_acronyms))
    if first_rest is None or second_rest is None:
        return False
    first_rest = [token for token in first_rest if token.text not in first_acronyms - second_acronyms]
    second_rest = [token for token in second_rest if token.text not in second_acronyms - first_acronyms]
    return _word_bag(first_rest, _FUNCTION_WORDS, key) == _word_bag(second_rest, _FUNCTION_WORDS, key)


def _without_runs_spelling(tokens: Sequence[Token], acronyms: Sequence[str]) -> list[Token] | None:
    """`tokens` without the run of words whose initials spell each acronym; None when an acronym
    has no such run."""
    left = list(tokens)
    for acronym in acronyms:
        run = _run_with_initials(left, acronym)
        if run is None:
            return None
        del left[run[0] : run[1]]
    return left


def _run_with_initials(tokens: Sequence[Token], acronym: str) -> tuple[int, int] | None:
    """The [start, end) of a run of words whose initials spell `acronym`, reading the initials of
    every word or only of its content words (CPC: Communist Party of China)."""
    wanted = acronym.upper()
    for start in range(len(tokens)):
        for end in range(start + 1, len(tokens) + 1):
            words = [token for token in tokens[start:end] if not token.hyphen_before]
            every = "".join(token.text[0] for token in words).upper()
            content = "".join(token.text[0] for token in words if token.text.lower() not in _FUNCTION_WORDS).upper()
            if wanted in (every, content) and tokens[start].text.lower() not in _FUNCTION_WORDS:
                return start, end
            if len(every) > len(wanted) and len(content) > len(wanted):
                break
    return None


def _is_acronym_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
