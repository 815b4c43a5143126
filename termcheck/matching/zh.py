"""Finding the glossary's Chinese forms in source text.

The text is normalised before matching (full-width/half-width folded, whitespace and line breaks
inside a run of text dropped, so that a term pasted from a PDF is still found), and every hit is
mapped back to offsets in the original text. Traditional-script forms of each term are added to
the automaton when it is compiled, so the text itself is never converted.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from collections.abc import Iterable, Iterator

import ahocorasick

from termcheck.model import SourceHit

# Characters that never belong to a term but may sit inside one in pasted text.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Kept in the normalised text where a blank line separated two paragraphs, so that no term is
# assembled from the end of one paragraph and the start of the next.
_PARAGRAPH_BREAK = "\n"

# OpenCC conversions whose output is added to the automaton: generic traditional, Taiwan and
# Hong Kong character standards, and Taiwan phrase-level conversion.
_TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk", "s2twp")


@lru_cache(maxsize=65536)
def normalize_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char).casefold()


def normalize_form(form: str) -> str:
    """A glossary form as the automaton stores it."""
    return "".join(normalize_char(c) for c in form if not c.isspace() and c not in _INVISIBLE)


def normalize_source(text: str) -> tuple[str, list[int]]:
    """The text as matched, and for each of its characters the offset it came from."""
    chars: list[str] = []
    origin: list[int] = []
    newlines_in_gap = 0
    gap_start = -1
    for offset, char in enumerate(text):
        if char.isspace() or char in _INVISIBLE:
            if gap_start < 0:
                gap_start, newlines_in_gap = offset, 0
            # A line break is LF, CR LF or a lone CR.
            if char == "\n" or (char == "\r" and text[offset + 1 : offset + 2] != "\n"):
                newlines_in_gap += 1
            continue
        if gap_start >= 0:
            if newlines_in_gap >= 2:
                chars.append(_PARAGRAPH_BREAK)
                origin.append(gap_start)
            gap_start = -1
        normalized = normalize_char(char)
        chars.append(normalized)
        origin.extend([offset] * len(normalized))
    return "".join(chars), origin


def traditional_variants(forms: Iterable[str]) -> dict[str, set[str]]:
    """For each simplified form, its traditional-script spellings (OpenCC)."""
    import opencc

    converters = [opencc.OpenCC(config) for config in _TRADITIONAL_CONFIGS]
    return {form: {converter.convert(form) for converter in converters} - {form} for form in forms}


class ZhMatcher:
    """Leftmost-longest search for Chinese forms; each form belongs to exactly one entry."""

    def __init__(self, forms: dict[str, str], *, traditional: bool = True) -> None:
        """`forms` maps each Chinese form to its entry id."""
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, str] = {}
        for form, entry_id in forms.items():
            keys[normalize_form(form)] = entry_id
        if traditional:
            for form, variants in traditional_variants(list(forms)).items():
                for variant in variants:
                    # A traditional spelling that is itself a glossary form keeps its own entry.
                    keys.setdefault(normalize_form(variant), forms[form])
        for key, entry_id in keys.items():
            if key:
                self._automaton.add_word(key, (len(key), entry_id))
        self.size = len(keys)
        if keys:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[SourceHit]:
        if not self.size:
            return []
        normalized, origin = normalize_source(text)
        hits = []
        for start, end, entry_id in leftmost_longest(self._matches(normalized)):
            first, last = origin[start], origin[end - 1] + 1
            hits.append(SourceHit(entry_id, first, last, text[first:last]))
        return hits

    def _matches(self, normalized: str) -> Iterator[tuple[int, int, str]]:
        for end_index, (length, entry_id) in self._automaton.iter(normalized):
            yield end_index + 1 - length, end_index + 1, entry_id


def leftmost_longest(matches: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, preferring the one that starts first, then the longest."""
    chosen = []
    covered_until = -1
    for start, end, value in sorted(matches, key=lambda m: (m[0], -m[1])):
        if start >= covered_until:
            chosen.append((start, end, value))
            covered_until = end
    return chosen
