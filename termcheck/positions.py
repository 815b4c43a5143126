"""Turning an offset in a segment's text into a 1-based line and column in its file."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from termcheck.model import OffsetMap, TextOrigin


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> tuple[int, ...]:
    """Where lines start: after LF, CR LF or a lone CR, as editors count them."""
    return (0, *(match.end() for match in LINE_BREAK.finditer(text)))


_line_starts = lru_cache(maxsize=64)(line_starts)


def file_offset(offsets: OffsetMap, offset: int) -> int:
    """The offset in the file of the character at `offset` in the segment's text."""
    anchors = offsets.anchors
    index = bisect_right(anchors, (offset, float("inf"))) - 1
    if index < 0:
        return anchors[0][1] if anchors else 0
    text_start, file_start = anchors[index]
    return file_start + (offset - text_start)


def locate(origin: TextOrigin, text: str, offset: int) -> tuple[int, int]:
    if origin.offsets is not None:
        position = file_offset(origin.offsets, offset)
        line_starts = origin.offsets.line_starts
        line_index = bisect_right(line_starts, position) - 1
        return line_index + 1, position - line_starts[line_index] + 1
    starts = _line_starts(text)
    line_in_text = bisect_right(starts, offset) - 1
    if line_in_text == 0:
        return origin.line, origin.column + offset
    return origin.line + line_in_text, offset - starts[line_in_text] + 1
