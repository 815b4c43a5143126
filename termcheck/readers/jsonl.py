"""JSON Lines: one {"id", "source", "target"} object a line."""

from __future__ import annotations

import json
from json.decoder import scanstring  # type: ignore[attr-defined]
from collections.abc import Iterable, Iterator
from typing import Any

from termcheck.errors import InputError
from termcheck.model import OffsetMap, Segment, TextOrigin
from termcheck.readers.base import FileSegments, ReadOptions
from termcheck.readers.lines import SegmentStream, file_lines, physical_lines
from termcheck.silencing import parse_directive
from termcheck.textfile import decode_text

_DECODER = json.JSONDecoder()
# The optional field that silences findings of the line: "termcheck": "ignore deprecated".
SILENCING_FIELD = "termcheck"


def _value_offsets(line: str) -> dict[str, int]:
    """For each top-level key of the object on `line`, the offset of its value."""
    offsets: dict[str, int] = {}
    position = line.index("{") + 1
    while True:
        while position < len(line) and line[position] in " \t\r,":
            position += 1
        if position >= len(line) or line[position] == "}":
            return offsets
        key, position = scanstring(line, position + 1)
        while line[position] in " \t\r:":
            position += 1
        offsets[key] = position
        _, position = _DECODER.raw_decode(line, position)


def _origin(path: str, line: str, start: int, base: int, number: int) -> TextOrigin:
    """Where the JSON string literal at `start` of the line is: its line and column when the
    literal holds no escape (every character is then where it reads), else an offset map."""
    end = line.find('"', start + 1)
    if "\\" not in line[start + 1 : end]:
        return TextOrigin(path, number, start + 2)
    return TextOrigin(path, number, 1, _string_map(line, start, base, number))


def _string_map(line: str, start: int, base: int, number: int) -> OffsetMap:
    """Where each character of the JSON string literal at `start` is in the file (the line
    starting at offset `base`, line `number`: a JSON string holds no line break)."""
    anchors = [(0, base + start + 1)]
    length = 0
    position = start + 1
    while position < len(line) and line[position] != '"':
        if line[position] == "\\":
            width = 6 if line[position + 1] == "u" else 2
            if width == 6 and 0xD800 <= int(line[position + 2 : position + 6], 16) < 0xDC00:
                width = 12  # a surrogate pair is one character
            anchors.append((length, base + position))
            length += 1
            position += width
            anchors.append((length, base + position))
            continue
        length += 1
        position += 1
    return OffsetMap(tuple(anchors), (base,), number)


def read_jsonl(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    text = decode_text(data, path, options.encoding)
    stream = SegmentStream(path, lambda s: _segments(path, physical_lines(text), options, s), options)
    segments = tuple(stream.segments)
    return FileSegments(path, segments, stream.skipped, stream.warnings)


def stream_jsonl(path: str, options: ReadOptions) -> SegmentStream:
    """A large UTF-8 JSON Lines file, read a line at a time."""
    return SegmentStream(path, lambda s: _segments(path, file_lines(path, options), options, s), options, line_format="jsonl")


def jsonl_part_segments(path: str, lines: Iterable[str], first_line: int, first_char: int, options: ReadOptions, tally: SegmentStream) -> Iterator[Segment]:
    """The segments of lines of a large JSON Lines file, the first being line `first_line` at
    character `first_char` of the text, numbered from 1 (readers/parts.py)."""
    return _segments(path, lines, options, tally, first_line, first_char)


def _segments(path: str, lines: Iterable[str], options: ReadOptions, tally: SegmentStream, first_line: int = 1, first_char: int = 0) -> Iterator[Segment]:
    position, count = first_char, 0
    for number, raw in enumerate(lines, first_line):
        base = position
        position += len(raw)
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            record: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON: {exc.msg}", number, exc.colno) from None
        if not isinstance(record, dict):
            raise InputError(path, "expected an object with 'source' and 'target'", number)
        for key in ("source", "target", SILENCING_FIELD):
            if not isinstance(record.get(key, ""), str):
                raise InputError(path, f"'{key}' must be a string", number)
        if "source" not in record:
            raise InputError(path, "object has no 'source'", number)
        source, target = record["source"], record.get("target", "")
        if not target.strip() and not options.include_unfinished:
            tally.skipped += 1
            continue
        offsets = _value_offsets(line)
        origins = []
        for key in ("source", "target"):
            if key in offsets:
                origins.append(_origin(path, line, offsets[key], base, number))
            else:
                origins.append(TextOrigin(path, number, 1))
        segment_id = str(record.get("id", "")) if record.get("id") is not None else ""
        directive = parse_directive(record.get(SILENCING_FIELD, ""), path, number, prefix_required=False)
        count += 1
        yield Segment(source, target, origins[0], origins[1], count, path, segment_id, () if directive is None else (directive,))
