"""Finding the glossary's English renderings in target text.

The text is cut into word tokens; each token gets a key, and each rendering becomes a sequence
of keys. Keys are interned to three-character codes, so a rendering is a short string and one
Aho-Corasick automaton finds every rendering at word boundaries in one pass over the text.

Three kinds of key, for three kinds of rendering:
- lenient (accepted renderings): lower case, American spelling, Snowball stem — so "structural
  reforms", "Structural Reform" and "structural reform's" all match "structural reform";
- folded (deprecated renderings): lower case only — word forms may lift a failure, never create
  one, so a deprecated rendering is matched as written;
- exact (short forms and all-capital deprecated forms such as CCP): case-sensitive.

Between tokens, white space, hyphens and quotes keep a phrase together; other punctuation
breaks it, and a rendering that has punctuation of its own (One Country, Two Systems) carries
the break in its key sequence. A parenthesised acronym inside a phrase ("Communist Party of China
(CPC) Central Committee") is passed over by the full-form keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from termcheck.matching.irregular import IRREGULAR_PAST
from termcheck.matching.spelling import american_spelling

# A dotted abbreviation (U.S., U.N.) is one word, read without its dots: "China-U.S." and
# "China-US" are the same rendering.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}(?![A-Za-z])|[^\W_]+(?:'[^\W_]+)*")
# Gaps made only of these keep the words on either side in one phrase.
_JOINING_GAP = re.compile(r"[\s\-\u2010\u2011\u2013'\"«»‹›]*")
_HYPHENS = re.compile(r"[\-\u2010\u2011]")
_PARENTHESISED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&]*[A-Z0-9])\s*\)")
_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u2033": '"'})
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

# Each interned key is written as three latin-1 characters: the automaton's alphabet stays at 256
# symbols (fast transitions however large the glossary), and a match counts only when it starts
# and ends on a key boundary. Codes 0 and 1 are reserved for unknown words and phrase breaks.
_CODE_WIDTH = 3


def _code(number: int) -> str:
    return chr((number >> 16) & 0xFF) + chr((number >> 8) & 0xFF) + chr(number & 0xFF)


_UNKNOWN = _code(0)
_BREAK = _code(1)
_FIRST_KEY = 2


class Token(NamedTuple):
    text: str
    start: int
    end: int
    # True when the gap before this token breaks a phrase (or it is the first token).
    breaks_before: bool
    # True when the gap before this token is a hyphen (joined compound: people-centred).
    hyphen_before: bool
    # True for an acronym in parentheses: skipped by the full-form streams.
    parenthetical: bool = False


def normalize_target(text: str) -> str:
    """Same length as `text`: curly quotes folded to straight ones, so offsets stay valid."""
    return text.translate(_QUOTE_FOLD)


def tokenize(text: str) -> list[Token]:
    text = normalize_target(text)
    acronyms = list(_PARENTHESISED_ACRONYM.finditer(text))
    acronym_starts = {m.start(1) for m in acronyms}
    # Gaps between full-form words are read with each "(ACRONYM)" blanked out, so the words on
    # either side of it stay one phrase.
    gaps = text
    for match in acronyms:
        gaps = gaps[: match.start()] + " " * (match.end() - match.start()) + gaps[match.end():]
    tokens: list[Token] = []
    previous_end: int | None = None
    for match in _WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if word.endswith("."):
            word = word.replace(".", "")
        if word.endswith(("'s", "'S")):
            word, end = word[:-2], end - 2
        if start in acronym_starts:
            tokens.append(Token(word, start, end, breaks_before=True, hyphen_before=False, parenthetical=True))
            continue
        if previous_end is None:
            tokens.append(Token(word, start, end, True, False))
        else:
            gap = gaps[previous_end:start]
            if gap == " ":  # by far the most common gap
                tokens.append(Token(word, start, end, False, False))
            else:
                joins = _JOINING_GAP.fullmatch(gap) is not None
                tokens.append(Token(word, start, end, not joins, joins and _HYPHENS.search(gap) is not None))
        previous_end = match.end()
    return tokens


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    import Stemmer

    return Stemmer.Stemmer("english").stemWord  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def lenient_key(word: str) -> str:
    word = unicodedata.normalize("NFKC", word).lower()
    word = IRREGULAR_PAST.get(word, word)
    return _stemmer()(american_spelling(word))


@lru_cache(maxsize=65536)
def folded_key(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower()


@lru_cache(maxsize=65536)
def exact_key(word: str) -> str:
    """Case-sensitive, with the plural of an acronym read as the acronym: SOEs is SOE."""
    word = unicodedata.normalize("NFKC", word)
    if len(word) >= 3 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]
    return word


class KeyKind:
    LENIENT = "lenient"
    FOLDED = "folded"
    EXACT = "exact"


_KEY_FUNCTIONS: dict[str, Callable[[str], str]] = {
    KeyKind.LENIENT: lenient_key,
    KeyKind.FOLDED: folded_key,
    KeyKind.EXACT: exact_key,
}


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


def strip_leading_article(rendering: str) -> str:
    stripped = _LEADING_ARTICLE.sub("", rendering.strip())
    return stripped or rendering.strip()


class TokenAutomaton:
    """An Aho-Corasick automaton over interned token keys of one kind."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._key = _KEY_FUNCTIONS[kind]
        self._vocabulary: dict[str, str] = {}
        self._patterns: dict[str, list[tuple[object, ...]]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def _intern(self, key: str) -> str:
        code = self._vocabulary.get(key)
        if code is None:
            number = _FIRST_KEY + len(self._vocabulary)
            if number >= 1 << (8 * _CODE_WIDTH):
                raise ValueError("too many distinct words in the glossary's renderings")
            code = self._vocabulary[key] = _code(number)
        return code

    def add(self, rendering: str, value: tuple[object, ...]) -> None:
        for variant in self._key_sequences(rendering):
            self._patterns.setdefault(variant, [])
            if value not in self._patterns[variant]:
                self._patterns[variant].append(value)

    def _key_sequences(self, rendering: str) -> set[str]:
        tokens = [t for t in tokenize(strip_leading_article(rendering)) if not t.parenthetical]
        if not tokens:
            return set()
        words = [self._key(t.text) for t in tokens]
        with_breaks = "".join(
            (_BREAK if t.breaks_before and i else "") + self._intern(word) for i, (t, word) in enumerate(zip(tokens, words))
        )
        variants = {with_breaks, "".join(self._intern(w) for w in words)}
        if self.kind == KeyKind.LENIENT:
            variants |= self._closed_compounds(tokens)
        return variants

    def _closed_compounds(self, tokens: Sequence[Token]) -> set[str]:
        """The rendering with its hyphenated words (or both words of a two-word rendering) written
        as one word: people-centred → peoplecentred."""
        groups: list[list[Token]] = []
        for token in tokens:
            if groups and (token.hyphen_before or len(tokens) == 2):
                groups[-1].append(token)
            else:
                groups.append([token])
        if len(groups) == len(tokens):
            return set()
        return {"".join(self._intern(self._key("".join(t.text for t in group))) for group in groups)}

    def compile(self) -> None:
        automaton = ahocorasick.Automaton()
        for keys, values in self._patterns.items():
            automaton.add_word(keys, (len(keys), tuple(values)))
        if self._patterns:
            automaton.make_automaton()
            self._automaton = automaton

    def stream(self, tokens: Sequence[Token], *, skip_parenthetical: bool, join_compounds: bool = False) -> tuple[str, list[tuple[int, int]]]:
        """The key string of `tokens`, and for each of its characters the token span it covers."""
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        vocabulary_get, key = self._vocabulary.get, self._key
        if not join_compounds:
            # The common case, kept to one pass with no slicing: this runs for every word of every
            # target text.
            for token in tokens:
                if skip_parenthetical and token.parenthetical:
                    continue
                if token.breaks_before and chars:
                    chars.append(_BREAK)
                    spans.append((token.start, token.start))
                chars.append(vocabulary_get(key(token.text), _UNKNOWN))
                spans.append((token.start, token.end))
            return "".join(chars), spans
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if skip_parenthetical and token.parenthetical:
                i += 1
                continue
            j = i + 1
            if join_compounds:
                while j < len(tokens) and tokens[j].hyphen_before:
                    j += 1
            word = "".join(t.text for t in tokens[i:j])
            if chars and token.breaks_before:
                chars.append(_BREAK)
                spans.append((token.start, token.start))
            chars.append(self._vocabulary.get(self._key(word), _UNKNOWN))
            spans.append((token.start, tokens[j - 1].end))
            i = j
        return "".join(chars), spans

    def find(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, tuple[object, ...]]]:
        """(start, end, value) for every rendering in the tokens, overlapping matches included."""
        if self._automaton is None:
            return
        streams = [self.stream(tokens, skip_parenthetical=self.kind != KeyKind.EXACT)]
        if self.kind == KeyKind.LENIENT and any(t.hyphen_before for t in tokens):
            streams.append(self.stream(tokens, skip_parenthetical=True, join_compounds=True))
        seen: set[tuple[int, int, tuple[object, ...]]] = set()
        for keys, spans in streams:
            for end_index, (length, values) in self._automaton.iter(keys):
                first = end_index + 1 - length
                if first % _CODE_WIDTH:
                    continue  # not on a key boundary: the tail of one code and the head of another
                start, end = spans[first // _CODE_WIDTH][0], spans[end_index // _CODE_WIDTH][1]
                for value in values:
                    if (start, end, value) not in seen:
                        seen.add((start, end, value))
                        yield start, end, value

    @property
    def size(self) -> int:
        return len(self._patterns)
