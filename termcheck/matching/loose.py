"""A second, looser way for a rendering to be present: its content words, as word forms of one
another, all in one sentence of the target within a few content words of each other, in any order.

Correct translations of descriptive phrases use other grammar than the glossary's wording: "reform
was deepened" for "deepen reform", "confidence in the path, theory, system and culture" for
"confidence in the theory", "build China into a modern socialist country in all respects" for
"build a modern socialist country in all respects". Strict matching (the listed words, together
and in order) calls them missing. This test is used only to lift a `missing` finding, never to
make one, and only for entries that are not fixed names (Entry.strict is False).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache

from termcheck.matching.en import WORD_SPLIT, normalize_target, strip_leading_article, tokenize
from termcheck.matching.inflection import NUMBER_WORD

# Words that carry grammar rather than the term: left free (any of them, anywhere, or none).
FUNCTION_WORDS = frozenset(
    """a an the and or nor but of to in on at by for from with into onto upon over under as than
    that which who whom whose this these those it its it's they them their we us our you your he
    him his she her be is are was were been being am will would shall should can could may might
    must do does did done have has had all every each any some such so very more most also not no
    own one ones there here what whether while whereas via per about against between among through
    throughout within without across toward towards further""".split()
)
# A gap that joins two words into one compound.
_HYPHEN_GAPS = frozenset({"-", "\u2010", "\u2011"})
# Where a sentence ends: a loose rendering never joins words of two sentences (or paragraphs).
_SENTENCE_END = re.compile(r"[.!?;。！？；](?=\s|$)|\n\s*\n")


def content_words(rendering: str) -> list[str]:
    """The words of a rendering that carry its meaning, as written."""
    words = [token.text for token in tokenize(strip_leading_article(rendering)) if not token.parenthetical]
    return [word for word in words if not is_function_word(word)]


def is_counted_label(words: Sequence[str]) -> bool:
    """A numbered formula's label: a number and one word ("two upholds", "six priorities", "in
    two steps"). Its words apart say nothing of the formula: "the two sides agreed to uphold"
    has them. Such a rendering counts only as written (word forms aside), never loosely."""
    numbers = sum(1 for word in words if NUMBER_WORD.fullmatch(word))
    return numbers > 0 and len(words) - numbers <= 1


def is_function_word(word: str) -> bool:
    """A word that carries grammar rather than the term. Written in capitals it is an acronym:
    "US" in "China-US relations" is the country, not the pronoun."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper())


# Where a term modifies a noun inside a longer compound (中国特色社会主义参政党), the translation
# turns its head noun into an adjective ("socialist political party with Chinese
# characteristics"). There, and for the loose test only, a word also counts by its first letters:
# words of seven letters or more that share their first six (socialism/socialist,
# culture/cultural, regulation/regulators).
DERIVATION_STEM = 7


def derivation_key(word: str) -> str:
    """The key under which a long word and its derivations meet (see DERIVATION_STEM)."""
    return "~" + word[: DERIVATION_STEM - 1].lower()


def derived_keys(rendering_keys: Sequence[str], words: Sequence[str]) -> tuple[str, ...]:
    """A rendering's content-word keys with each long word keyed by its first letters."""
    return tuple(derivation_key(word) if len(word) >= DERIVATION_STEM else key for key, word in zip(rendering_keys, words))


# A doctrine (Marxism, Leninism, socialism) and the adjective made from it.
_DOCTRINE = re.compile(r"\b(\w{3,})isms?\b")


@lru_cache(maxsize=4096)
def doctrine_as_adjective(rendering: str) -> re.Pattern[str] | None:
    """A fixed name whose doctrines are written as adjectives, in order and otherwise as listed
    ('Marxist-Leninist' for 'Marxism-Leninism'), or None for a name with no doctrine in it. A
    doctrine that modifies a noun is an adjective in any English (马克思列宁主义路线, "the
    Marxist-Leninist line"; 马克思主义理论, "Marxist theory"); the rest of the name stays as it is."""
    pieces: list[str] = []
    place = 0
    for match in _DOCTRINE.finditer(rendering):
        pieces.append(_loosely_spaced(rendering[place : match.start()]))
        pieces.append(re.escape(match.group(1)) + "(?:ist|ists|istic)")
        place = match.end()
    if not pieces:
        return None
    pieces.append(_loosely_spaced(rendering[place:]))
    return re.compile(r"\b" + "".join(pieces) + r"\b", re.IGNORECASE)


def _loosely_spaced(text: str) -> str:
    """`text` as a pattern where a space and a hyphen stand for each other."""
    return "".join(r"[\s\-\u2010\u2011]+" if char in " -" else re.escape(char) for char in text)


def window_for(count: int) -> int:
    """How many content words of the text the content words of a rendering may spread over (the
    text's function words are not counted): room for an inserted object ("build China into …")
    and a short list ("compatriots from Hong Kong, Macao and Taiwan")."""
    return 2 * count + 3


class LooseText:
    """A target text's words by key, with the sentence each is in."""

    def __init__(self, text: str, key_of: Callable[[str], str]) -> None:
        text = normalize_target(text)
        self.positions: dict[str, list[int]] = defaultdict(list)
        self.sentence: list[int] = []
        # The other content words of a hyphenated compound, for each word of one: a word of
        # "general-xurpose" is not the word "general" unless its partner is a word sought too.
        self.partners: dict[int, tuple[int, ...]] = {}
        number = 0
        for sentence, sentence_text in enumerate(_SENTENCE_END.split(text)):
            parts = WORD_SPLIT.split(sentence_text)
            # Only content words are counted: articles, prepositions and the like are free, so
            # the window is the same for "compatriots in Taiwan" and "compatriots from the Hong
            # Kong SAR, the Macao SAR and Taiwan".
            compound: list[int] = []
            for word, gap_before in zip(parts[1::2], parts[0:-1:2]):
                if gap_before not in _HYPHEN_GAPS:
                    self._close_compound(compound)
                    compound = []
                if is_function_word(word):
                    continue
                self.sentence.append(sentence)
                compound.append(number)
                key = key_of(word)
                if key:
                    self.positions[key].append(number)
                if len(word) >= DERIVATION_STEM:
                    self.positions[derivation_key(word)].append(number)
                number += 1
            self._close_compound(compound)

    def _close_compound(self, compound: list[int]) -> None:
        if len(compound) > 1:
            for place in compound:
                self.partners[place] = tuple(other for other in compound if other != place)

    def has(self, keys: Sequence[str]) -> bool:
        """Whether every key occurs in one sentence within window_for(len(keys)) words."""
        return bool(keys) and self.coverage(keys) == len(keys)

    def coverage(self, keys: Sequence[str]) -> int:
        """The most of the keys that occur together in one sentence within
        window_for(len(keys)) words of one another (anchored on an occurrence of one of them)."""
        occurrences = [places for places in (self.positions.get(key) for key in keys) if places]
        if self.partners and occurrences:
            sought = {place for places in occurrences for place in places}
            occurrences = [kept for kept in ([p for p in places if sought.issuperset(self.partners.get(p, ()))] for places in occurrences) if kept]
        if not occurrences:
            return 0
        window = window_for(len(keys))
        best = 1
        for anchor_places in occurrences:
            for anchor in anchor_places:
                sentence = self.sentence[anchor]
                near = [
                    place for place in (_nearest(places, anchor) for places in occurrences)
                    if place is not None and self.sentence[place] == sentence and abs(place - anchor) < window
                ]
                if len(near) > best and max(near) - min(near) < window:
                    best = len(near)
                if best == len(keys):
                    return best
        return best


def _nearest(places: list[int], anchor: int) -> int | None:
    index = bisect_left(places, anchor)
    candidates = places[max(0, index - 1) : index + 1]
    return min(candidates, key=lambda place: abs(place - anchor)) if candidates else None
