"""Turning an offset in a segment's text into a 1-based line and column in its file."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from termcheck.model import OffsetMap, TextOrigin


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> tuple[int, ...]:
    """Where lines start: after LF, CR LF or a lone CR, as editors count them."""
    return (0, *(match.end() for match in LINE_BREAK.finditer(text)))


_line_starts = lru_cache(maxsize=64)(line_starts)


def offset_map(anchors: Sequence[tuple[int, int]], length: int, file_line_starts: Sequence[int], first_line: int = 1) -> OffsetMap:
    """The OffsetMap of a text of `length` characters whose runs start at `anchors` (offset in
    the text, offset in the file), in a file whose lines start at `file_line_starts` (the first
    of them being line `first_line`)."""
    if not anchors:
        return OffsetMap((), tuple(file_line_starts[:1]), first_line)
    first = anchors[0][1]
    tail = length - anchors[-1][0]
    last = anchors[-1][1] + (tail if tail > 0 else 0)
    low = bisect_right(file_line_starts, first) - 1
    high = bisect_right(file_line_starts, last)
    return OffsetMap(tuple(anchors), tuple(file_line_starts[low:high]), low + first_line)


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
        line_index = max(0, bisect_right(line_starts, position) - 1)
        return origin.offsets.first_line + line_index, position - line_starts[line_index] + 1
    starts = _line_starts(text)
    line_in_text = bisect_right(starts, offset) - 1
    if line_in_text == 0:
        return origin.line, origin.column + offset
    return origin.line + line_in_text, offset - starts[line_in_text] + 1


def breaks_within(origin: TextOrigin, start: int, end: int) -> bool:
    """Whether the characters start..end of a segment's text are not one unbroken run of its file:
    inline markup, an entity or a string escape stands among them."""
    if origin.offsets is None:
        return False
    anchors = origin.offsets.anchors
    run_start = file_offset(origin.offsets, start)
    index = bisect_right(anchors, (start, float("inf")))
    while index < len(anchors) and anchors[index][0] < end:
        text_offset, at = anchors[index]
        if at != run_start + (text_offset - start):
            return True
        index += 1
    return False
