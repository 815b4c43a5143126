"""Finding the glossary's English renderings in target text.

The text is cut into word tokens; each token gets a key, and each rendering becomes a sequence
of keys. Keys are interned to three-character codes, so a rendering is a short string and one
Aho-Corasick automaton finds every rendering at word boundaries in one pass over the text.

Three kinds of key, for three kinds of rendering:
- lenient (accepted renderings): lower case, American spelling, and the inflections of one lemma
  as one word (matching/inflection.py) — so "structural reforms", "Structural Reform" and
  "structural reform's" all match "structural reform", while "administration" is not
  "administrative";
- folded (deprecated renderings): lower case only — word forms may lift a failure, never create
  one, so a deprecated rendering is matched as written;
- exact (short forms and all-capital deprecated forms such as CCP): case-sensitive; a short
  form's plural (SOEs) is a form of it, a deprecated acronym's plural (CCPs) is not.

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
from itertools import accumulate, product
from operator import add
from typing import NamedTuple

import ahocorasick

from termcheck.matching.inflection import base_form, inflection_family, lexeme_key
from termcheck.matching.packed import PackedList, PackedMapping, packed_list, packed_mapping
from termcheck.matching.spelling import compound_spellings

# A dotted abbreviation (U.S., U.N.) is one word, read without its dots: "China-U.S." and
# "China-US" are the same rendering. A plus sign after a word is the word "plus".
_PLUS = r"\+(?![\w+])"
_WORD_BODY = r"(?:[A-Za-z]\.){2,}(?![A-Za-z])|[^\W_]+(?:'[^\W_]+)*"
_WORD = re.compile(f"{_WORD_BODY}|{_PLUS}")
# Gaps made only of these keep the words on either side in one phrase.
_JOINING_GAP = re.compile(r"[\s\-\u2010\u2011\u2013'\"«»‹›]*")
_HYPHENS = re.compile(r"[\-\u2010\u2011]")
PARENTHESISED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&]*[A-Z0-9])\s*\)")
_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u2033": '"'})
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# English nouns a body's name is built on (ministry, committee …).
BODY_NOUNS = frozenset(
    "ministry department committee commission office bureau council agency administration authority "
    "service board court procuratorate parliament assembly congress government".split()
)
# Words after which a name goes on with its complement: a name's head noun comes before them
# ("Ministry" of "Ministry of Commerce", "Law" of "Law on Yellow River Protection").
_NAME_COMPLEMENT = re.compile(r"\s+(?:of|for|on|in|to|with)\s+", re.IGNORECASE)


def words_before_complement(name: str) -> list[str]:
    """The words of a name before its complement, the head noun last: "Ministry" of "Ministry of
    Commerce", "statistics bureau" of itself."""
    return _NAME_COMPLEMENT.split(name.strip(), maxsplit=1)[0].split()
# A one-word title ("President", "Premier") followed by the name of the body it is the title of:
# where that body is not China or one of its own, the title is another office's.
ANOTHER_BODY_AFTER_TITLE = re.compile(
    r"\s+of\s+(?:the\s+)?(?!(?:China|Chinese|People's Republic|PRC|State Council)\b)[A-Z][\w'’-]*"
    r"(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'’-]*)*"
    # A body noun in lower case may end the name ("the Military commission").
    r"(?:\s+(?:" + "|".join(sorted(BODY_NOUNS)) + r")\b)?"
)

# Each interned key is written as three latin-1 characters: the automaton's alphabet stays at 256
# symbols (fast transitions however large the glossary). In the text's key string every word
# takes four characters: one for the gap before it (joining or breaking the phrase), then its
# code; a rendering is the code of its first word followed by gap and code of each next word, so a
# match counts only when it starts on the code of a word. Code 0 is reserved for unknown words.
_CODE_WIDTH = 3
_TOKEN_WIDTH = 1 + _CODE_WIDTH
# Gap bytes no code starts with (codes stay below 0xFE0000), so that a code seldom matches
# across a gap.
_JOINED = "\xfe"
_BROKEN = "\xff"


def _code(number: int) -> str:
    return chr((number >> 16) & 0xFF) + chr((number >> 8) & 0xFF) + chr(number & 0xFF)


_UNKNOWN = _code(0)
_FIRST_KEY = 1

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
    acronyms = list(PARENTHESISED_ACRONYM.finditer(text))
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
        if word == "+":
            word = "plus"  # "Internet +" is "Internet Plus"
        elif word.endswith("."):
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


def lenient_key(word: str) -> str:
    """The key of a word under which its inflections (plural, verb forms) are one word."""
    return lexeme_key(word)


@lru_cache(maxsize=65536)
def folded_key(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower()


@lru_cache(maxsize=65536)
def exact_key(word: str) -> str:
    """Case-sensitive, and a plural stays a plural: SOEs is not SOE here. Whether an acronym's
    plural is the acronym depends on the rendering, not on the word of the text, so it is decided
    where a rendering is added (`TokenAutomaton.add`, `acronym_plurals`)."""
    return unicodedata.normalize("NFKC", word)


def _takes_plural(key: str) -> bool:
    """An all-capital word (SOE, BRI) whose plural is written with a lower-case s (SOEs)."""
    return len(key) >= 2 and key.isupper()


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


def _dropped_between(tokens: list[Token], before: Token, after: Token) -> list[Token]:
    """The tokens left out between two kept ones (articles), with the kept token after them."""
    first, last = tokens.index(before), tokens.index(after)
    return tokens[first + 1 : last + 1]


def strip_leading_article(rendering: str) -> str:
    stripped = LEADING_ARTICLE.sub("", rendering.strip())
    return stripped or rendering.strip()


# The text split into [gap, word, gap, word, …, gap]: one C call instead of a match object per word.
WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# Words joined by hyphens read as one (people-centred as peoplecentred), for closed compounds.
_COMPOUND_SPLIT = re.compile(f"((?:{_WORD.pattern})(?:[\\-\u2010\u2011]+(?:{_WORD.pattern}))*)")
# Accepted renderings are matched with the articles left out of both the rendering and the text
# ("Standing Committee of NPC" is "Standing Committee of the NPC"; "the Party's" and "of the Party"
# differ by more than an article anyway): an article is never what tells two terms apart. An
# article joined by a hyphen or apostrophe (A-share) is a word. Left out of the words, it becomes
# part of the gap between them.
_ARTICLE = r"(?<![^\W_])(?![Tt][Hh][Ee](?![\w'\-\u2010\u2011])|[Aa][Nn]?(?![\w'\-\u2010\u2011]))"
_ARTICLES_IN_GAP = re.compile(r"\b(?:[Tt][Hh][Ee]|[Aa][Nn]?)\b")
LENIENT_WORD_SPLIT = re.compile(f"({_ARTICLE}(?:{_WORD_BODY})|{_PLUS})")
_LENIENT_COMPOUND_SPLIT = re.compile(f"({_ARTICLE}(?:{_WORD_BODY})(?:[\\-\u2010\u2011]+(?:{_WORD_BODY}))*|{_PLUS})")


def is_article(token: Token, following: Token | None) -> bool:
    """An article as the lenient matcher leaves it out: not joined to a neighbour by a hyphen."""
    return token.text.lower() in ("the", "a", "an") and not token.hyphen_before and not (following is not None and following.hyphen_before)
# Distinct gaps and words kept between texts; past this many the cache starts again.
_CACHE_LIMIT = 50_000


def clean_word(word: str) -> str:
    """A word of the text as `tokenize` reads it: without the dots of an abbreviation, without a
    possessive 's, and for a hyphenated compound, its parts written together; a plus sign is the
    word "plus"."""
    if word == "+":
        return "plus"
    if "-" in word or "\u2010" in word or "\u2011" in word:
        return "".join(clean_word(part) for part in _HYPHENS.split(word) if part)
    if word.endswith("."):
        word = word.replace(".", "")
    if word.endswith(("'s", "'S")):
        word = word[:-2]
    return word


class Memo(dict[str, str]):
    """Values of a function of one string, memoised; past _CACHE_LIMIT strings it starts again.
    For the distinct gaps and words of the texts checked, which repeat."""

    def __init__(self, compute: Callable[[str], str], known: dict[str, str] | None = None) -> None:
        super().__init__(known or {})
        self._compute = compute

    def __missing__(self, text: str) -> str:
        value = self._compute(text)
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[text] = value
        return value


def _gap_kind(gap: str) -> str:
    """Whether a gap between two words joins them into one phrase. A gap can hold articles the
    lenient words leave out: they join like a space."""
    return _JOINED if _JOINING_GAP.fullmatch(_ARTICLES_IN_GAP.sub(" ", gap)) is not None else _BROKEN


_GAP_KINDS = Memo(_gap_kind, {" ": _JOINED, "": _JOINED})


class _Words:
    """One way of cutting a text into words, with the offsets of each word in the text."""

    __slots__ = ("_parts", "_offsets", "_gaps")

    def __init__(self, text: str, splitter: re.Pattern[str]) -> None:
        self._parts = splitter.split(text)
        self._offsets: list[int] | None = None
        self._gaps: list[str] | None = None

    def stream(self, codes: Memo) -> str:
        """Gap kind and word code of every word, four characters per word."""
        if self._gaps is None:
            self._gaps = list(map(_GAP_KINDS.__getitem__, self._parts[0:-1:2]))
        return "".join(map(add, self._gaps, map(codes.__getitem__, self._parts[1::2])))

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets in the text from the start of word `first` to the end of word `last`."""
        if self._offsets is None:
            # offsets[i] is where part i ends; word k is part 2k + 1.
            self._offsets = list(accumulate(map(len, self._parts)))
        end = self._offsets[2 * last + 1]
        if self._parts[2 * last + 1].endswith(("'s", "'S")):
            end -= 2
        return self._offsets[2 * first], end


class TargetText:
    """A target text cut into words once, for every automaton that looks at it. Offsets are those
    of the text as given (the normalisation keeps its length)."""

    __slots__ = ("exact", "full_form", "lenient", "has_hyphen", "_full_text", "_compounds")

    def __init__(self, text: str) -> None:
        text = normalize_target(text)
        # The full-form renderings read the text with each "(ACRONYM)" blanked out, so that the
        # words on either side of it stay one phrase.
        full_text, acronyms = PARENTHESISED_ACRONYM.subn(lambda m: " " * (m.end() - m.start()), text) if "(" in text else (text, 0)
        self.exact = _Words(text, WORD_SPLIT)
        self.full_form = _Words(full_text, WORD_SPLIT) if acronyms else self.exact
        self.lenient = _Words(full_text, LENIENT_WORD_SPLIT)
        self.has_hyphen = _HYPHENS.search(full_text) is not None
        self._full_text = full_text
        self._compounds: _Words | None = None

    @property
    def compounds(self) -> _Words:
        """The full-form words, with hyphenated compounds read as one word."""
        if self._compounds is None:
            self._compounds = _Words(self._full_text, _LENIENT_COMPOUND_SPLIT)
        return self._compounds


def _being_built(table: dict[str, str] | PackedMapping[str, str]) -> dict[str, str]:
    """A table of an automaton that is being built (one loaded from the cache is packed)."""
    if not isinstance(table, dict):
        raise TypeError("renderings are added to an automaton before it is compiled, not after it is loaded")
    return table


class TokenAutomaton:
    """An Aho-Corasick automaton over interned token keys of one kind."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._key = _KEY_FUNCTIONS[kind]
        # The tables below are packed when pickled (matching/packed.py): a run reads the entries
        # of the words and patterns its text has. Loaded from the cache, they are read-only.
        self._vocabulary: dict[str, str] | PackedMapping[str, str] = {}
        self._patterns: dict[str, list[tuple[object, ...]]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._values: list[tuple[int, tuple[tuple[object, ...], ...]]] | PackedList[tuple[int, tuple[tuple[object, ...], ...]]] = []
        self._size = 0
        self._codes: Memo | None = None
        # Lenient keys: every inflection of every rendering word, mapped to its lexeme's key, so
        # that a text's words are looked up, never lemmatised, while a text is checked.
        self._form_keys: dict[str, str] | PackedMapping[str, str] = {}

    def _intern(self, key: str) -> str:
        vocabulary = _being_built(self._vocabulary)
        code = vocabulary.get(key)
        if code is None:
            number = _FIRST_KEY + len(vocabulary)
            if number >= 0xFE << (8 * (_CODE_WIDTH - 1)):
                raise ValueError("too many distinct words in the glossary's renderings")
            code = vocabulary[key] = _code(number)
        return code

    def add(self, rendering: str, value: tuple[object, ...], *, acronym_plurals: bool = True) -> None:
        """`acronym_plurals`: an acronym of the rendering also matches its plural (SOEs for SOE).
        Right for a short form that names a kind of thing (state-owned enterprises); wrong for one
        that names a single body (CCP: "qualifying CCPs" are central counterparties, not the
        Party), so deprecated acronyms are added without it."""
        keys = self._key_sequences(rendering, acronym_plurals)
        if self.kind == KeyKind.LENIENT:
            for spelling in compound_spellings(rendering):
                keys |= self._key_sequences(spelling, acronym_plurals)
        for variant in keys:
            self._patterns.setdefault(variant, [])
            if value not in self._patterns[variant]:
                self._patterns[variant].append(value)

    def _key_sequences(self, rendering: str, acronym_plurals: bool = True) -> set[str]:
        tokens = [t for t in tokenize(strip_leading_article(rendering)) if not t.parenthetical]
        if self.kind == KeyKind.LENIENT:
            kept = [t for t, following in zip(tokens, tokens[1:] + [None]) if not is_article(t, following)]
            # An article's gap joins like a space: the next word keeps the break of the gap before it.
            tokens = [t if i == 0 or not any(d.breaks_before for d in _dropped_between(tokens, kept[i - 1], t)) else t._replace(breaks_before=True) for i, t in enumerate(kept)]
        if not tokens:
            return set()
        keys = [self.rendering_key(t.text) for t in tokens]
        spellings = [[key, key + "s"] if acronym_plurals and self.kind == KeyKind.EXACT and _takes_plural(key) else [key] for key in keys]
        variants: set[str] = set()
        for spelling in product(*spellings):
            codes = [self._intern(key) for key in spelling]
            with_breaks = codes[0] + "".join((_BROKEN if t.breaks_before else _JOINED) + code for t, code in zip(tokens[1:], codes[1:]))
            variants |= {with_breaks, _JOINED.join(codes)}
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
        return {_JOINED.join(self._intern(self.rendering_key("".join(t.text for t in group))) for group in groups)}

    def rendering_key(self, word: str) -> str:
        """The key of a word of a rendering (for the lenient kind, its inflections are recorded
        so that text_key finds them); call before compile()."""
        if self.kind != KeyKind.LENIENT:
            return self._key(word)
        key = lexeme_key(word)
        form_keys = _being_built(self._form_keys)
        for form in inflection_family(word):
            # Only forms whose own family gives the same key: the tables are not symmetric
            # everywhere ("as" is the plural of "a" for the unknown-word rules, not the reverse).
            if form not in form_keys and lexeme_key(form) == key:
                form_keys[form] = key
        return key

    def text_key(self, word: str) -> str:
        """The key of a word of a checked text ("" for a word no rendering has)."""
        if self.kind != KeyKind.LENIENT:
            return self._key(word)
        return self._form_keys.get(base_form(word), "")

    def compile(self) -> None:
        # The automaton stores a number per pattern (pyahocorasick's STORE_INTS): compact, and
        # quick to load from the cache; the pattern's length and values are looked up by it.
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        pattern_values: list[tuple[int, tuple[tuple[object, ...], ...]]] = []
        for number, (keys, values) in enumerate(self._patterns.items()):
            automaton.add_word(keys, number)
            pattern_values.append((len(keys), tuple(values)))
        self._values = pattern_values
        self._size = len(self._patterns)
        self._patterns = {}  # only needed to build the automaton
        if pattern_values:
            automaton.make_automaton()
            self._automaton = automaton

    def find(self, text: TargetText) -> Iterator[tuple[int, int, tuple[object, ...]]]:
        """(start, end, value) for every rendering in the text, overlapping matches included."""
        if self._automaton is None:
            return
        if self._codes is None:
            vocabulary, key = self._vocabulary, self.text_key
            # The code of each word of the text under this automaton's key.
            self._codes = Memo(lambda word: vocabulary.get(key(clean_word(word)), _UNKNOWN))
        views = [text.exact if self.kind == KeyKind.EXACT else text.lenient if self.kind == KeyKind.LENIENT else text.full_form]
        if self.kind == KeyKind.LENIENT and text.has_hyphen:
            views.append(text.compounds)
        seen: set[tuple[int, int, tuple[object, ...]]] = set()
        pattern_values = self._values
        for view in views:
            for end_index, number in self._automaton.iter(view.stream(self._codes)):
                length, values = pattern_values[number]
                first = end_index + 1 - length
                if first % _TOKEN_WIDTH != 1:
                    continue  # not on a word boundary: the tail of one code and the head of another
                start, end = view.span(first // _TOKEN_WIDTH, end_index // _TOKEN_WIDTH)
                for value in values:
                    if len(views) == 1:
                        yield start, end, value
                    elif (start, end, value) not in seen:
                        seen.add((start, end, value))
                        yield start, end, value

    def __getstate__(self) -> dict[str, object]:
        # The word codes are a cache of the text seen so far: not part of the compiled glossary.
        packed = {"_vocabulary": packed_mapping(self._vocabulary), "_form_keys": packed_mapping(self._form_keys), "_values": packed_list(self._values)}
        return {**self.__dict__, **packed, "_codes": None}

    @property
    def size(self) -> int:
        return self._size
