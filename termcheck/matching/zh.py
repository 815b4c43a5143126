"""Finding the glossary's Chinese forms in source text.

The text is normalised before matching (full-width/half-width folded, whitespace and line breaks
inside a run of text dropped, so that a term pasted from a PDF is still found), and every hit is
mapped back to offsets in the original text. Traditional-script forms of each term are added to
the automaton when it is compiled, so the text itself is never converted.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from collections.abc import Callable, Iterable, Iterator, Sequence

import ahocorasick

from termcheck.matching.packed import PackedList, packed_list
from termcheck.matching.zh_context import QUALIFIER_WINDOW, SEGMENTATION_WINDOW, HitContext, contexts_from_entries, foreign_names
from termcheck.model import Entry, SourceHit

# Characters that never belong to a term but may sit inside one in pasted text.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Kept in the normalised text where a blank line separated two paragraphs, so that no term is
# assembled from the end of one paragraph and the start of the next.
_PARAGRAPH_BREAK = "\n"
# Between texts searched in one pass: a blank line, which normalises to a paragraph break.
_TEXT_SEPARATOR = "\n\n"

# OpenCC conversions whose output is added to the automaton: generic traditional, Taiwan and
# Hong Kong character standards, and Taiwan phrase-level conversion.
_TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk", "s2twp")


@lru_cache(maxsize=65536)
def normalize_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char).casefold()


def normalize_form(form: str) -> str:
    """A glossary form as the automaton stores it."""
    return "".join(normalize_char(c) for c in form if not c.isspace() and c not in _INVISIBLE)


_GAP = re.compile("[\\s" + "".join(sorted(_INVISIBLE)) + "]+")
# Characters known to be their own normal form, and those that are not: set arithmetic in C
# finds the few characters of a text that need folding.
_UNCHANGED: set[str] = set()
_CHANGED: dict[str, str] = {}


class _Anchored:
    """Offsets in the original text for offsets in the normalised one, from the starts of the
    runs the normalisation copied whole."""

    def __init__(self, anchors: list[tuple[int, int]]) -> None:
        self._anchors = anchors
        self._starts = [normalized for normalized, _ in anchors]

    def __getitem__(self, offset: int) -> int:
        index = bisect_right(self._starts, offset) - 1
        normalized, original = self._anchors[index]
        return original + offset - normalized


def _folding_table(text: str) -> dict[int, str] | None:
    """str.translate table folding this text's characters, or None if one of them folds to more
    or fewer than one character (then the slow path keeps the offsets right)."""
    table: dict[int, str] = {}
    for char in set(text) - _UNCHANGED:
        folded = _CHANGED.get(char)
        if folded is None:
            folded = normalize_char(char)
            if folded == char:
                _UNCHANGED.add(char)
                continue
            _CHANGED[char] = folded
        if len(folded) != 1:
            return None
        table[ord(char)] = folded
    return table


def normalize_source(text: str) -> tuple[str, _Anchored | list[int]]:
    """The text as matched, and a map from each of its offsets to the offset it came from."""
    table = _folding_table(text)
    if table is None:
        return _normalize_source_by_character(text)
    folded = text.translate(table) if table else text
    pieces: list[str] = []
    anchors = [(0, 0)]
    position = length = 0
    for gap in _GAP.finditer(folded):
        pieces.append(folded[position : gap.start()])
        length += gap.start() - position
        position = gap.end()
        breaks = gap.group().count("\n") + len(re.findall("\r(?!\n)", gap.group()))
        if breaks >= 2 and position < len(folded):
            pieces.append(_PARAGRAPH_BREAK)
            anchors.append((length, gap.start()))
            length += 1
        anchors.append((length, position))
    pieces.append(folded[position:])
    return "".join(pieces), _Anchored(anchors)


def _normalize_source_by_character(text: str) -> tuple[str, list[int]]:
    """The slow path of normalize_source, for texts with characters that fold to several."""
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


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text the context checks read before and after `text[start:end]`: a few characters,
    only of the paragraph the hit is in."""
    before = text[max(0, start - QUALIFIER_WINDOW) : start]
    after = text[end : end + SEGMENTATION_WINDOW]
    return before[before.rfind(_PARAGRAPH_BREAK) + 1 :], after.split(_PARAGRAPH_BREAK, 1)[0]


class ZhMatcher:
    """Leftmost-longest search for Chinese forms; each form belongs to exactly one entry."""

    def __init__(self, forms: dict[str, str], *, traditional: bool = True, context: HitContext | None = None) -> None:
        """`forms` maps each Chinese form to its entry id; `context` rejects the hits that the
        text around them shows not to be the term (none rejected without it)."""
        # Numbers, not objects, in the automaton (STORE_INTS): compact and quick to load from
        # the cache. Each number is an index into `_values`: (length in bytes, entry id).
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        values: list[tuple[int, str]] = []
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
                # The automaton walks UTF-8 bytes (as latin-1 characters): an alphabet of 256
                # symbols keeps its transitions fast however many terms there are.
                encoded = _as_bytes(key)
                self._automaton.add_word(encoded, len(values))
                values.append((len(encoded), entry_id))
        # Packed when pickled: a run decodes the values of the forms it finds (see __getstate__).
        self._values: list[tuple[int, str]] | PackedList[tuple[int, str]] = values
        # Each form that begins a longer form of another entry, with those longer forms: a hit of
        # it may be the longer name written with a particle put in (see _with_particles).
        self._longer = _longer_forms(keys)
        self.size = len(keys)
        if keys:
            self._automaton.make_automaton()
        self._context = context

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_values": packed_list(self._values)}

    def find(self, text: str, *, inside: bool = False) -> list[SourceHit]:
        """The hits in a text; with `inside`, those of forms shorter than the whole text (the terms
        nested in a compound term, 中国共产党 in 中国共产党成立), checked in their context there."""
        return [SourceHit(entry_id, first, last, text[first:last]) for first, last, entry_id in self._spans(text, inside=inside)]

    def find_each(self, texts: Sequence[str]) -> list[list[SourceHit]]:
        """The hits of each of the texts, as `find` gives them, found in one pass over them all:
        the texts are joined by a blank line, which the normalisation keeps as a paragraph break,
        so that no form spans two texts and the context checks stop where a text ends as they do
        at its paragraphs."""
        if len(texts) < 2:
            return [self.find(text) for text in texts]
        starts = list(accumulate((len(text) + len(_TEXT_SEPARATOR) for text in texts[:-1]), initial=0))
        found: list[list[SourceHit]] = [[] for _ in texts]
        joined = _TEXT_SEPARATOR.join(texts)
        for first, last, entry_id in self._spans(joined):
            index = bisect_right(starts, first) - 1
            base = starts[index]
            found[index].append(SourceHit(entry_id, first - base, last - base, joined[first:last]))
        return found

    def _spans(self, text: str, *, inside: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, entry id) of each hit, offsets in `text`."""
        if not self.size:
            return []
        normalized, origin = normalize_source(text)
        encoded = _as_bytes(normalized)
        matches = list(self._matches(encoded))
        if inside:
            matches = [match for match in matches if match[1] - match[0] < len(encoded)]
        if self._context is None:
            chosen = leftmost_longest(matches)
        else:
            chosen = leftmost_longest_accepted(matches, lambda start, end, entry_id: self._accepts(encoded, start, end, entry_id))
        if not chosen:
            return []
        # Byte offsets to character offsets, in one pass over the text up to the last hit.
        to_char = _character_offsets(encoded, sorted({offset for start, end, _ in chosen for offset in (start, end)}))
        spans = [(to_char[start], to_char[end], entry_id) for start, end, entry_id in chosen]
        if self._longer:
            spans = self._with_particles(normalized, spans)
            if inside:
                spans = [span for span in spans if span[1] - span[0] < len(normalized)]
        return [(origin[start], origin[end - 1] + 1, entry_id) for start, end, entry_id in spans]

    def _with_particles(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The hits with a longer form written with a particle put in taken as that form
        (习近平新时代的中国特色社会主义思想 is the Thought, not 习近平 and two other terms): a hit
        whose form begins a longer one, where the text goes on as that form with 的 or 之 put in,
        gives way to it, and the hits inside it go. Offsets are in the normalised text."""
        result: list[tuple[int, int, str]] = []
        covered_to = -1
        for start, end, entry_id in spans:
            if start < covered_to:
                continue  # inside a longer form found just before
            extended = None
            for longer, longer_entry in self._longer.get(text[start:end], ()):
                longer_end = _spelled_with_particles(text, start, longer)
                if longer_end is not None and self.rejection(text, start, longer_end, longer_entry) is None:
                    extended = (start, longer_end, longer_entry)
                    break
            if extended is None:
                result.append((start, end, entry_id))
                continue
            result.append(extended)
            covered_to = extended[1]
        return result

    def personal_name_beside(self, text: str, start: int, end: int) -> str | None:
        """A personal name right before or after the characters `text[start:end]` of a
        normalised text, in the same paragraph (see HitContext.personal_name_beside)."""
        if self._context is None:
            return None
        return self._context.personal_name_beside(*_around(text, start, end), self._forms)

    def rejection(self, text: str, start: int, end: int, entry_id: str) -> str | None:
        """Why the characters `text[start:end]` of a normalised text are not a form of `entry_id`
        there (zh_context's causes), or None."""
        if self._context is None:
            return None
        before, after = _around(text, start, end)
        return self._context.rejection(entry_id, before, text[start:end], after, self._forms)

    def _forms(self) -> Iterator[str]:
        """The forms in the automaton (traditional spellings included), for the segmenter's
        dictionary: read from the automaton when first needed rather than kept twice."""
        return (_decoded(key) for key in self._automaton.keys())

    def _accepts(self, encoded: str, start: int, end: int, entry_id: str) -> bool:
        if self._context is None or not self._context.may_reject(entry_id, _decoded(encoded[start:end])):
            return True
        # The few characters around the hit, decoded from the UTF-8 bytes on their own: a slice
        # that cuts a character in two loses only that character's bytes.
        before = _decoded(encoded[max(0, start - 4 * QUALIFIER_WINDOW) : start])[-QUALIFIER_WINDOW:]
        after = _decoded(encoded[end : end + 4 * SEGMENTATION_WINDOW])[:SEGMENTATION_WINDOW]
        text = before + _decoded(encoded[start:end]) + after
        return self.rejection(text, len(before), len(text) - len(after), entry_id) is None

    def _matches(self, encoded: str) -> Iterator[tuple[int, int, str]]:
        values = self._values
        for end_index, number in self._automaton.iter(encoded):
            length, entry_id = values[number]
            yield end_index + 1 - length, end_index + 1, entry_id


# A particle a writer may put inside a long name without changing it, and how many.
_PARTICLES = frozenset("的之")
_MOST_PARTICLES = 2
# How much longer a form must be than the one it begins to be sought with particles put in.
_LONGER_BY = 4


def _longer_forms(keys: dict[str, str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each form that begins a form of another entry at least _LONGER_BY characters longer,
    those longer forms (longest first) with their entries."""
    ordered = sorted(keys)
    longer: dict[str, tuple[tuple[str, str], ...]] = {}
    for index, form in enumerate(ordered):
        found = []
        for other in ordered[index + 1 :]:
            if not other.startswith(form):
                break
            if len(other) >= len(form) + _LONGER_BY and keys[other] != keys[form]:
                found.append((other, keys[other]))
        if found:
            longer[form] = tuple(sorted(found, key=lambda pair: -len(pair[0])))
    return longer


def _spelled_with_particles(text: str, start: int, form: str) -> int | None:
    """Where `form` ends in `text` from `start`, spelled with one or two particles put in
    between its characters (never before its first or after its last), else None: without a
    particle it is the automaton's to find."""
    place, inserted = start, 0
    for number, char in enumerate(form):
        while number and place < len(text) and text[place] != char and text[place] in _PARTICLES and inserted < _MOST_PARTICLES:
            place, inserted = place + 1, inserted + 1
        if place >= len(text) or text[place] != char:
            return None
        place += 1
    return place if inserted else None


def _as_bytes(text: str) -> str:
    """The UTF-8 bytes of `text` as a latin-1 string (one character per byte). A glossary form's
    bytes start with a lead byte, which never occurs inside a character, so every match lies on
    character boundaries."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _decoded(encoded: str) -> str:
    return encoded.encode("latin-1").decode("utf-8", "ignore")


def _character_offsets(encoded: str, byte_offsets: list[int]) -> dict[int, int]:
    """Character offset of each of the (sorted) byte offsets of a UTF-8-as-latin-1 string."""
    result: dict[int, int] = {}
    previous_byte = previous_char = 0
    for offset in byte_offsets:
        previous_char += len(encoded[previous_byte:offset].encode("latin-1").decode("utf-8", "surrogatepass"))
        previous_byte = offset
        result[offset] = previous_char
    return result


def leftmost_longest(matches: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, preferring the one that starts first, then the longest."""
    items = matches if isinstance(matches, list) else list(matches)
    if len(items) < 2:
        return list(items)
    # Sorted by start, longest first, then input order: plain tuples of ints sort without a key
    # function (this runs for every segment).
    order = sorted([(start, -end, position) for position, (start, end, _) in enumerate(items)])
    chosen = []
    covered_until = -1
    for start, negative_end, position in order:
        if start >= covered_until:
            chosen.append(items[position])
            covered_until = -negative_end
    return chosen


def leftmost_longest_accepted(
    matches: list[tuple[int, int, str]], accepts: Callable[[int, int, str], bool]
) -> list[tuple[int, int, str]]:
    """leftmost_longest among the matches that `accepts` lets through, asking it only about the
    ones that would be chosen: when it turns down a match, the next best for the same characters
    (a shorter match at the same start, or one starting inside it) is taken as if the rejected
    match had never been found."""
    order = sorted([(start, -end, position) for position, (start, end, _) in enumerate(matches)])
    chosen = []
    covered_until = -1
    for start, negative_end, position in order:
        if start >= covered_until and accepts(*matches[position]):
            chosen.append(matches[position])
            covered_until = -negative_end
    return chosen


def hit_context(entries: Sequence[Entry], *, traditional: bool = True) -> HitContext:
    """The context checks for a glossary's entries: their rules (with the traditional spellings
    of the rule strings when the automaton has those of the forms) and the foreign qualifiers."""
    strings = {string for entry in entries for string in (*entry.not_after, *entry.not_before)}
    variants = traditional_variants(sorted(strings)) if traditional and strings else {}
    return HitContext(contexts_from_entries(entries, variants), foreign_names())
