"""Near misses: target text that is almost an accepted rendering ("State Counselor" for
"State Councilor"), named in a `missing` finding so that the fix is obvious.

Only windows anchored on a word the rendering shares with the text are compared (exactly, or by
its first three letters: "Counselor" is found through "State"), so the cost follows the
occurrences of the rendering's words, not the length of the text times the number of terms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from termcheck.matching.en import WORD_SPLIT as _WORD_SPLIT
from termcheck.matching.en import clean_word, normalize_target, strip_leading_article, tokenize

# rapidfuzz's normalised Indel similarity, 0-100. Below this, a window of text shares too little
# with the rendering to be called a misspelling of it.
NEAR_MISS_CUTOFF = 85.0
# Punctuation that ends a phrase (a full stop with space after it ends a sentence): a window across
# it is no near miss of a rendering without it.
_PHRASE_BREAK = re.compile(r"[,;:()\[\]!?。，；：（）]|\.\s")
# Words too common to anchor a window on.
_STOPWORDS = frozenset("a an and as at by for from in into of on or the to with".split())


@dataclass(frozen=True)
class NearMiss:
    rendering: str
    text: str
    start: int
    end: int
    score: float


class WordIndex:
    """The words of a target text, where each is, and which ones hold a given word, by its
    lower-case form and by its first three letters."""

    def __init__(self, text: str) -> None:
        # The words as `tokenize` reads them (dots of abbreviations and a possessive 's left
        # out), cut by one regex split rather than a match object per word.
        parts = _WORD_SPLIT.split(normalize_target(text))
        ends = list(accumulate(map(len, parts)))
        raw = parts[1::2]
        self.starts = ends[0:-1:2]
        self.ends = [end - 2 if word.endswith(("'s", "'S")) else end for word, end in zip(raw, ends[1::2])]
        self.positions: dict[str, list[int]] = defaultdict(list)
        # Each word in lower case; as written, and the gaps before them, for fitting a window.
        self.words = [clean_word(word).lower() for word in raw]
        self._raw = raw
        self._gaps = parts[0:-1:2]
        # breaks[i]: how many of the gaps before words 1..i end a phrase; whether a window
        # holds such a gap is then one subtraction, not a search of each of its gaps.
        self._breaks = list(accumulate((1 if _PHRASE_BREAK.search(gap) else 0 for gap in self._gaps[1:]), initial=0))
        for index, word in enumerate(self.words):
            if word in _STOPWORDS:
                continue
            self.positions[word].append(index)
            if len(word) > 3:
                self.positions[word[:3] + "…"].append(index)

    def __len__(self) -> int:
        return len(self.starts)

    def breaks_between(self, first: int, last: int) -> bool:
        """Whether punctuation that ends a phrase stands between words first and last."""
        return self._breaks[last] > self._breaks[first]

    def capitalised(self, index: int) -> bool:
        return self._raw[index][:1].isupper() or self._raw[index][:1].isdigit()

    def joined(self, index: int) -> bool:
        """Whether only space or a hyphen stands before the word: it continues the phrase."""
        return index > 0 and self._gaps[index].strip(" -\u2010\u2011") == ""

    def anchors(self, words: Sequence[str]) -> set[int]:
        found: set[int] = set()
        for word in words:
            word = word.lower()
            if word in _STOPWORDS:
                continue
            found.update(self.positions.get(word, ()))
            if len(word) > 3:
                found.update(self.positions.get(word[:3] + "…", ()))
        return found


@lru_cache(maxsize=65536)
def _rendering_words(rendering: str) -> tuple[str, list[str]]:
    wanted = strip_leading_article(rendering)
    return wanted, [token.text for token in tokenize(wanted)]


def near_miss(renderings: Sequence[str], target: str, index: WordIndex | None = None) -> NearMiss | None:
    """The window of `target` most like one of `renderings`, if it is close enough."""
    from rapidfuzz import fuzz, process

    if index is None:
        index = WordIndex(target)
    starts, ends, count = index.starts, index.ends, len(index)
    best: NearMiss | None = None
    for rendering in renderings:
        wanted, words = _rendering_words(rendering)
        width = len(words)
        if not width:
            continue
        windows: dict[tuple[int, int], str] = {}
        word_spans: dict[tuple[int, int], tuple[int, int]] = {}
        punctuated = _PHRASE_BREAK.search(wanted) is not None
        for anchor in index.anchors(words):
            # Every window of about the rendering's length that holds the anchor word.
            for size in range(max(1, width - 1), width + 2):
                for first in range(max(0, anchor - size + 1), min(anchor, count - size) + 1):
                    if not punctuated and index.breaks_between(first, first + size - 1):
                        continue  # "Politburo, member" is two phrases, not a near miss of one
                    start, end = starts[first], ends[first + size - 1]
                    windows[(start, end)] = target[start:end]
                    word_spans[(start, end)] = (first, first + size - 1)
        if not windows:
            continue
        spans = sorted(windows)
        singular_end = not wanted.lower().endswith("s")
        match = process.extractOne(
            wanted.lower(),
            [_compared(windows[span], singular_end) for span in spans],
            scorer=fuzz.ratio,
            score_cutoff=NEAR_MISS_CUTOFF,
        )
        if match is None:
            continue
        _, score, position = match
        first, last = word_spans[spans[position]]
        fitted = _fitted_window(index, first, last, words)
        if fitted is None:
            continue
        first, last = fitted
        start, end = starts[first], ends[last]
        score = fuzz.ratio(wanted.lower(), _compared(target[start:end], singular_end))
        if score < NEAR_MISS_CUTOFF - _FITTING_ALLOWANCE:
            continue  # fitted to the phrase, it is no longer close: no fix is better than a bad one
        if best is None or score > best.score:
            best = NearMiss(rendering, target[start:end], start, end, score)
    return best


def _compared(window: str, singular_end: bool) -> str:
    """A window as it is compared with a rendering: in lower case, its white space folded (a line
    break inside it is a space), and, for a rendering that ends in a singular noun, its last word
    in the singular: the plural is the sentence's number, not a misspelling ("State Counselors" is
    as near "State Councilor" as "State Counselor"; the fix keeps the plural)."""
    words = window.lower().split()
    if singular_end and words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is")):
        last = words[-1]
        if last.endswith("ies"):
            words[-1] = last[:-3] + "y"
        elif last.endswith(("ses", "xes", "ches", "shes", "zes")):
            words[-1] = last[:-2]
        else:
            words[-1] = last[:-1]
    return " ".join(words)


# How much a window may lose against the rendering when it is fitted to whole phrases.
_FITTING_ALLOWANCE = 10.0


def _fitted_window(index: WordIndex, first: int, last: int, words: Sequence[str]) -> tuple[int, int] | None:
    """The window fitted to the phrase it is in, so that replacing it with the rendering reads as
    English: function words at its edges that the rendering does not have there are left out
    ("… Discipline Inspection of the" before "Communist Party of China"), and a word of the same
    phrase right outside an edge that differs from the rendering's is taken in: a name goes on
    ("spirit of the Red" before "Ship"), or a modifier stands for the rendering's first word
    ("great" of "great power diplomacy" for "major-power diplomacy", "Nineteen" before "National
    Congress") — only for a window shorter than the rendering, which has left a word out. None
    when nothing is left."""
    wanted = [word.lower() for word in words]
    while first <= last and index.words[first] in _STOPWORDS and index.words[first] != wanted[0]:
        first += 1
    while last >= first and index.words[last] in _STOPWORDS and index.words[last] != wanted[-1]:
        last -= 1
    if first > last:
        return None
    if last - first + 1 >= len(wanted):
        return first, last  # as long as the rendering: nothing of the phrase is left outside
    before = first - 1
    if before >= 0 and index.joined(first) and index.words[first] != wanted[0] and index.words[before] not in _STOPWORDS:
        first = before
    after = last + 1
    if (
        after < len(index)
        and index.joined(after)
        and index.words[last] != wanted[-1]
        and index.words[after] not in _STOPWORDS
        and (index.capitalised(after) or not index.capitalised(last))
    ):
        last = after
    return first, last
