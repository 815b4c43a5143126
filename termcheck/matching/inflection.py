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

import unicodedata
from functools import lru_cache

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


def base_form(word: str) -> str:
    """A word as families are keyed: NFKC, lower case, American spelling, an ordinal in figures."""
    word = unicodedata.normalize("NFKC", word).lower()
    return ORDINALS.get(word) or american_spelling(word)


@lru_cache(maxsize=65536)
def _lemmas(form: str) -> frozenset[str]:
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
