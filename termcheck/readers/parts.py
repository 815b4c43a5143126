"""Large line-based files (TSV, JSON Lines) in parts that worker processes read themselves.

A part is a run of whole lines, given by its byte offsets; the file is cut into parts by one pass
over its bytes that counts line breaks (LF, CR LF or a lone CR, as `lines.file_lines` reads them)
and characters, so that the reader of a part knows the number of its first line and the offset of
its first character in the text. Segment numbers cannot be known before the lines are parsed
(blank lines and rows without a translation are not numbered): a part numbers its segments from 1,
and the caller, which takes the parts in order, adds the segments of the parts before.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from termcheck import inputfs
from termcheck.model import Segment, Silencing
from termcheck.positions import LINE_BREAK
from termcheck.readers.base import ReadOptions
from termcheck.readers.lines import SegmentStream, not_utf8_further_on, physical_lines

PART_BYTES = 1 << 20
# The formats whose files can be cut into parts of whole lines.
LINE_FORMATS = ("tsv", "jsonl")
# Segments at the start of a file that may be read (in this process) to learn that its languages
# are right before its parts are handed out; a file that does not tell by then is read whole.
_LANGUAGE_SEGMENTS = 10_000
# The decoding of a file read a line at a time goes this many bytes at a time (io.TextIOWrapper's
# chunk): a byte that is not UTF-8 stops the reading at the start of its chunk.
_DECODED_TOGETHER = 8192


@dataclass(frozen=True)
class FilePart:
    """Lines of a file, bytes `start` to `end`, for a worker to read: the first is line `line`
    (of `lines`), at character `char` of the file's text; `header` is a TSV's first non-blank line (None in the
    part that holds it)."""

    path: str
    line_format: str
    options: ReadOptions
    start: int
    end: int
    line: int
    lines: int
    char: int
    header: str | None = None


@dataclass(frozen=True)
class PartRead:
    """What reading a part gave besides the segments: how many segments (numbered from 1), rows
    passed over as not translated, the silencing directives of its segments, and (for a whole
    file) the reader's warnings."""

    path: str
    segments: int
    skipped: int
    silencing: tuple[Silencing, ...]
    warnings: tuple[str, ...] = ()


def file_parts(stream: SegmentStream, part_bytes: int | None = None) -> list[FilePart] | None:
    """The parts of a file read a line at a time, or None when it is to be read from its start
    in this process: it is not a line-based format, the start of it does not show it to be Chinese
    → English, or it is one part."""
    part_bytes = PART_BYTES if part_bytes is None else part_bytes
    if stream.line_format not in LINE_FORMATS or not stream.starts_chinese_english(_LANGUAGE_SEGMENTS):
        return None
    parts: list[FilePart] = []
    header: str | None = None
    line, char, start = 1, 0, 0
    with inputfs.open_binary(stream.path) as handle:
        while True:
            block = handle.read(part_bytes)
            if not block:
                break
            block += handle.readline()  # to the end of a line: LF, and so after a CR LF
            text = block.decode("utf-8-sig" if start == 0 else "utf-8", errors="replace")
            if start == 0 and stream.line_format == "tsv":
                header = next((raw.rstrip("\r\n") for raw in physical_lines(text) if raw.strip()), None)
                if header is None:
                    return None  # the first part is blank: the header is further on
            breaks = block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
            parts.append(FilePart(stream.path, stream.line_format, stream.options, start, start + len(block), line, breaks, char, header if start else None))
            line += breaks
            char += len(text)
            start += len(block)
    return parts if len(parts) > 1 else None


@dataclass(frozen=True)
class FileInParts:
    """A file that is read in parts, as the segments of a run go: in place of its segments."""

    path: str
    parts: tuple[FilePart, ...]


@dataclass(frozen=True)
class WholeFile:
    """A file that a worker on a cluster reads whole (an XLIFF, TMX or PO file, a small table):
    the unit of work where a file cannot be cut."""

    path: str
    format: str
    options: ReadOptions


def whole_file_segments(unit: WholeFile) -> tuple[Iterator[Segment], Callable[[], PartRead]]:
    """The segments of a whole file, read as they are taken (a large TMX, TSV or JSON Lines file
    a unit or a line at a time), and what else reading it gave, known once they are all taken."""
    from termcheck.readers import PlannedFile, read_file

    file = read_file(PlannedFile(unit.path, unit.format), unit.options)
    count = 0
    silencing: list[Silencing] = []

    def segments() -> Iterator[Segment]:
        nonlocal count
        for segment in file.segments:
            count += 1
            silencing.extend(segment.silencing)
            yield segment

    return segments(), lambda: PartRead(unit.path, count, file.skipped, tuple(silencing), file.warnings)


def read_part(part: FilePart) -> tuple[list[Segment], PartRead]:
    """The segments of a part, numbered from 1, and what else reading it gave. A byte that is not
    UTF-8 is reported as reading the file from its start reports it, after the lines before it
    that reading would have taken."""
    with inputfs.open_binary(part.path) as handle:
        handle.seek(part.start)
        data = handle.read(part.end - part.start)
    bom = codecs.BOM_UTF8 if part.start == 0 and data.startswith(codecs.BOM_UTF8) else b""
    try:
        text, undecodable = data[len(bom) :].decode("utf-8"), False
    except UnicodeDecodeError as error:
        # What a reader decoding the file in chunks has before the chunk with the bad byte.
        bad = part.start + len(bom) + error.start
        decoded = max(0, bad - bad % _DECODED_TOGETHER - part.start - len(bom))
        text, undecodable = data[len(bom) : len(bom) + decoded].decode("utf-8", errors="ignore"), True
        text = _whole_lines(text)
    tally = SegmentStream(part.path, lambda _: iter(()), part.options)
    segments = list(_part_segments(part, text, tally))
    if undecodable:
        raise not_utf8_further_on(part.path, part.options)
    silencing = tuple(directive for segment in segments for directive in segment.silencing)
    return segments, PartRead(part.path, len(segments), tally.skipped, silencing)


def _whole_lines(text: str) -> str:
    """The text up to the end of its last line break (a CR at the very end may be the start of a
    CR LF: a reader does not take its line yet)."""
    ends = [match.end() for match in LINE_BREAK.finditer(text) if match.end() < len(text) or not text.endswith("\r")]
    return text[: ends[-1]] if ends else ""


def _part_segments(part: FilePart, text: str, tally: SegmentStream) -> Iterator[Segment]:
    lines = physical_lines(text)
    if part.line_format == "tsv":
        from termcheck.readers.table import tsv_part_segments

        return tsv_part_segments(part.path, lines, part.line, part.header, part.options, tally)
    from termcheck.readers.jsonl import jsonl_part_segments

    return jsonl_part_segments(part.path, lines, part.line, part.char, part.options, tally)
