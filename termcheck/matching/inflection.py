"""English word forms that are inflections of one another (plural, verb forms), and nothing more.

A rendering's word matches the text's word when both are forms of one lemma as a noun or a verb:
"reforms", "reformed" and "reforming" are "reform"; "deepening" is "deepen"; "built" is "build".
Derivation is not inflection: "administration" is not "administrative", "precision" is not
"precise", "timely" is not "time" — a stemmer would make each pair one word, and let a wrong
rendering pass.

The lemmas and inflections come from lemminflect's tables. They are looked up when a glossary is
compiled (every form of every rendering word, kept in the compiled matchers), never while a text
is checked: the text's words are only looked up in that table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from termcheck.matching.packed import packed_mapping
from termcheck.matching.spelling import american_spelling

# Parts of speech whose inflections count: nouns (plural) and verbs (-s, -ed, -ing, irregular
# forms). Adjective comparison (good, better, best) would make "a better life" a "good life".
_LEMMA_POS = ("NOUN", "VERB", "AUX", "PROPN")
_INFLECTION_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# A family larger than this has drifted through homographs (leaves: leaf and leave …); it stops.
_MAX_FAMILY = 40


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
# An ordinal written as a word is the ordinal in figures: "fifth session" is "5th session",
# "Nineteenth National Congress" the "19th" (official texts use both).
ORDINALS = {
    word: f"{number}{'th' if 10 <= number % 100 <= 20 else _ORDINAL_SUFFIX.get(number % 10, 'th')}"
    for number, word in enumerate(_ORDINAL_WORDS, start=1)
} | {"thirtieth": "30th", "fortieth": "40th", "fiftieth": "50th", "sixtieth": "60th", "seventieth": "70th", "eightieth": "80th", "ninetieth": "90th", "hundredth": "100th"}
CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
# A number in figures or words, or an ordinal ("19th", "nineteenth", "Nineteen"): the part of a
# numbered name that tells which one, not what kind of body ("Nineteen National Congress" has a
# number, a wrong one).
NUMBER_WORD = re.compile(r"\b(?:\d+(?:st|nd|rd|th)?|" + "|".join([*ORDINALS, *CARDINALS]) + r")\b", re.IGNORECASE)


def base_form(word: str) -> str:
    """A word as families are keyed: NFKC, lower case, American spelling, an ordinal in figures."""
    word = unicodedata.normalize("NFKC", word).lower()
    return ORDINALS.get(word) or american_spelling(word)


@lru_cache(maxsize=65536)
def _lemmas(form: str) -> frozenset[str]:
    if any(char.isdigit() for char in form):
        # A word with a figure in it (Shenzhou-18 read as one compound, G20, 5G) is a name or a
        # number, not a word with inflections: lemminflect's guess for a word it does not know
        # would cut its figures ("shenzhou23" → "shenzhou2", one key for missions 2 and 20–29).
        return frozenset({form})
    import lemminflect

    found = lemminflect.getAllLemmas(form, upos=None) or {}
    lemmas = {lemma for pos in _LEMMA_POS for lemma in found.get(pos, ())}
    if not found:
        # Not in the tables (a coinage, a closed compound such as "peoplecentered"): the word is
        # its own lemma, and a noun.
        lemmas = set(lemminflect.getAllLemmasOOV(form, upos="NOUN").get("NOUN", ())) or {form}
    return frozenset(lemma.lower() for lemma in lemmas)


@lru_cache(maxsize=65536)
def _inflections(lemma: str) -> frozenset[str]:
    if any(char.isdigit() for char in lemma):
        return frozenset({lemma})
    import lemminflect

    table = lemminflect.getAllInflections(lemma) or lemminflect.getAllInflectionsOOV(lemma, upos="NOUN")
    return frozenset(form.lower() for tag, forms in table.items() if tag in _INFLECTION_TAGS for form in forms)


@lru_cache(maxsize=65536)
def inflection_family(word: str) -> frozenset[str]:
    """Every form that is an inflection of a lemma of `word` (itself included), closed under
    'is a lemma of' and 'is an inflection of', so that any member gives the same family."""
    family = {base_form(word)}
    frontier = set(family)
    while frontier and len(family) < _MAX_FAMILY:
        found: set[str] = set()
        for form in frontier:
            for lemma in _lemmas(form):
                found.add(lemma)
                found |= _inflections(lemma)
        frontier = {american_spelling(form) for form in found} - family
        family |= frontier
    return frozenset(family)


def lexeme_key(word: str) -> str:
    """The key shared by every inflection of a word: the first member of its family."""
    return min(inflection_family(word))


# The last word of a phrase (letters only), where a noun's number shows.
LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
# Nouns ending in -s that are singular, and the endings of most others (status, crisis, address):
# a word not in the compiled table is plural when it ends in -s but not like these.
_SINGULAR_ENDINGS = ("ss", "us", "is", "'s", "\u2019s")
_SINGULAR_IN_S = frozenset("news series species means chaos bias atlas gas canvas lens ethos kudos politics economics physics mathematics".split())


def looks_plural(word: str) -> bool:
    """Whether a word of text not in the glossary's tables reads as a plural noun: by its ending,
    as a lemmatiser reads a word it does not know."""
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith(_SINGULAR_ENDINGS) and lower not in _SINGULAR_IN_S


@lru_cache(maxsize=4096)
def is_plural_noun(word: str) -> bool:
    """Whether lemminflect reads the word as the plural of a noun (its tables, or its rules for a
    word it does not know)."""
    import lemminflect

    lower = word.lower()
    if not lower.endswith("s") or lower.endswith(("ss", "'s", "\u2019s")):
        return False
    lemmas = lemminflect.getAllLemmas(word, upos="NOUN").get("NOUN") or lemminflect.getAllLemmasOOV(word, upos="NOUN").get("NOUN", ())
    return any(lemma.lower() != lower for lemma in lemmas)


@lru_cache(maxsize=4096)
def plural_of(word: str) -> str:
    import lemminflect

    forms = lemminflect.getInflection(word, tag="NNS")
    return forms[0] if forms else word + "s"


class NounNumbers:
    """Singular and plural of the last words of a glossary's renderings, and which of their forms
    are plural, worked out when the glossary is compiled: lemminflect's tables take about a second
    to load, which a check that only fits one replacement's number should not pay."""

    def __init__(self, words: Iterable[str]) -> None:
        # Each last word as written: whether it is a plural noun, and its plural.
        words_read: dict[str, tuple[bool, str]] = {}
        # Every inflection of those words, lower case: whether it is a plural noun.
        forms: dict[str, bool] = {}
        for word in dict.fromkeys(words):
            words_read[word] = (is_plural_noun(word), plural_of(word))
            for form in inflection_family(word):
                forms.setdefault(form, is_plural_noun(form))
        self._words: Mapping[str, tuple[bool, str]] = words_read
        self._forms: Mapping[str, bool] = forms

    def __getstate__(self) -> dict[str, object]:
        # Packed when pickled (matching/packed.py): read only to fit a replacement, which most
        # runs make few of or none.
        return {"_words": packed_mapping(self._words), "_forms": packed_mapping(self._forms)}

    def is_plural(self, word: str) -> bool:
        known = self._words.get(word)
        if known is not None:
            return known[0]
        form = self._forms.get(word.lower())
        return looks_plural(word) if form is None else form

    def plural(self, word: str) -> str:
        known = self._words.get(word)
        return plural_of(word) if known is None else known[1]
