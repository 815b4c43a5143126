"""Near misses: target text that is almost an accepted rendering ("State Counselor" for
"State Councilor"), named in a `missing` finding so that the fix is obvious."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from termcheck.matching.en import Token, strip_leading_article, tokenize

# rapidfuzz's normalised Indel similarity, 0-100. Below this, a window of text shares too little
# with the rendering to be called a misspelling of it.
NEAR_MISS_CUTOFF = 85.0


@dataclass(frozen=True)
class NearMiss:
    rendering: str
    text: str
    start: int
    end: int
    score: float


def near_miss(renderings: Sequence[str], target: str, tokens: Sequence[Token] | None = None) -> NearMiss | None:
    """The window of `target` most like one of `renderings`, if it is close enough."""
    from rapidfuzz import fuzz, process

    if tokens is None:
        tokens = tokenize(target)
    best: NearMiss | None = None
    for rendering in renderings:
        wanted = strip_leading_article(rendering)
        width = len(tokenize(wanted))
        if not width:
            continue
        windows: dict[tuple[int, int], str] = {}
        for size in range(max(1, width - 1), width + 2):
            for i in range(0, len(tokens) - size + 1):
                start, end = tokens[i].start, tokens[i + size - 1].end
                windows[(start, end)] = target[start:end]
        if not windows:
            continue
        spans = list(windows)
        match = process.extractOne(
            wanted.lower(),
            [windows[span].lower() for span in spans],
            scorer=fuzz.ratio,
            score_cutoff=NEAR_MISS_CUTOFF,
        )
        if match is None:
            continue
        _, score, position = match
        start, end = spans[position]
        if best is None or score > best.score:
            best = NearMiss(rendering, target[start:end], start, end, score)
    return best
