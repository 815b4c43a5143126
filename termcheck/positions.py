"""Turning an offset in a segment's text into a 1-based line and column in its file."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from termcheck.model import TextOrigin


@lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return tuple(starts)


def locate(origin: TextOrigin, text: str, offset: int) -> tuple[int, int]:
    starts = _line_starts(text)
    line_in_text = bisect_right(starts, offset) - 1
    if line_in_text == 0:
        return origin.line, origin.column + offset
    return origin.line + line_in_text, offset - starts[line_in_text] + 1
