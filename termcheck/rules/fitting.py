"""Fitting a replacement to the sentence it goes into: a capital where the replaced text began a
sentence, and the plural where the replaced text was plural. (Articles and the possessive are the
rules' own business: `deprecated.fitted_replacement` keeps the 's outside the span and mends the
article before it.)"""

from __future__ import annotations

import re

from termcheck.matching.inflection import LAST_WORD, NounNumbers, is_plural_noun, plural_of

# What may stand between the end of a sentence and its first word: space, opening quotes and brackets.
_OPENING = " \t\"'“‘«‹([{"
_SENTENCE_END = (".", "!", "?", "。", "！", "？", "\n", "\r")


def at_sentence_start(text: str, offset: int) -> bool:
    """Whether the text at `offset` begins a sentence: nothing but opening quotes and brackets
    after the start of the text, a line break or the end of a sentence."""
    before = text[:offset].rstrip(_OPENING)
    return not before or before.endswith(_SENTENCE_END)


def fitted_capital(text: str, span_start: int, replaced: str, new_text: str) -> str:
    """The new text with a capital first letter where the replaced text had one at the start of a
    sentence ("New development concept is …" → "New development philosophy is …")."""
    if new_text[:1].islower() and replaced[:1].isupper() and at_sentence_start(text, span_start):
        return new_text[0].upper() + new_text[1:]
    return new_text


def fitted_plural(replaced: str, new_text: str, numbers: NounNumbers | None = None) -> str:
    """The new text with its last word in the plural where the replaced text ended in a plural
    noun and the new one does not ("State Counselors" → "State Councilors"). `numbers`: the
    compiled glossary's table of its renderings' last words (without it, lemminflect is asked)."""
    replaced_last, new_last = LAST_WORD.search(replaced), LAST_WORD.search(new_text)
    if replaced_last is None or new_last is None:
        return new_text
    is_plural, plural = (numbers.is_plural, numbers.plural) if numbers is not None else (is_plural_noun, plural_of)
    if is_plural(new_last.group(1)) or not is_plural(replaced_last.group(1)):
        return new_text
    return new_text[: new_last.start(1)] + plural(new_last.group(1)) + new_text[new_last.end(1) :]


# Endings that make a word a modifier (Constitutional, Leninist, Chinese): such a word in place of
# a rendering's noun modifies the word after it, and the noun would not read there.
_MODIFIER_ENDINGS = ("al", "ic", "ist", "ian", "ive", "ary", "ese", "ish", "ous")


def modifier_of_next_word(text: str, end: int, replaced: str, new_text: str) -> bool:
    """Whether the replaced text ends in a modifier form of the new text's last word, with a word
    of the phrase right after it ("Constitutional law" for "Constitution", "Marxist-Leninist way"
    for "Marxism-Leninism"): the noun there would break the sentence."""
    replaced_last, new_last = LAST_WORD.search(replaced), LAST_WORD.search(new_text)
    if replaced_last is None or new_last is None:
        return False
    old, new = replaced_last.group(1).lower(), new_last.group(1).lower()
    if old == new or old[:4] != new[:4] or not old.endswith(_MODIFIER_ENDINGS) or new.endswith(_MODIFIER_ENDINGS):
        return False
    return re.match(r"[ \t]+[^\W\d_]", text[end:]) is not None
