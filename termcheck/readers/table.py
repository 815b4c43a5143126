"""Bilingual tables: CSV (RFC 4180) or TSV with a header row naming the columns, or TSV without a
header, source<TAB>target a line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.errors import InputError
from termcheck.model import Segment, TextOrigin
from termcheck.readers.base import FileSegments, ReadOptions, content_language_problem, skipped_file
from termcheck.positions import line_starts, offset_map
from termcheck.textfile import decode_text

SOURCE_COLUMNS = frozenset({"source", "src", "zh", "zh-cn", "zh-hans", "zh_cn", "chinese", "原文"})
TARGET_COLUMNS = frozenset({"target", "tgt", "en", "en-us", "en-gb", "en_us", "english", "translation", "译文"})
ID_COLUMNS = frozenset({"id", "key", "segment", "segment id", "tuid"})

Cell = tuple[str, tuple[tuple[int, int], ...]]
_UNQUOTED_CSV = re.compile(r"[^,\r\n]*")
_UNQUOTED_TSV = re.compile(r"[^\t\r\n]*")


def _records(text: str, delimiter: str, quoting: bool, path: str) -> Iterator[tuple[int, list[Cell]]]:
    """(line number, cells) for each record; each cell is its value and the anchors mapping it to
    the file (a quoted cell's "" is one character)."""
    position, line = 0, 1
    length = len(text)
    while position < length:
        record_line = line
        cells: list[Cell] = []
        while True:
            anchors: list[tuple[int, int]] = []
            value: list[str] = []
            if quoting and position < length and text[position] == '"':
                position += 1
                anchors.append((0, position))
                value_length = 0
                while True:
                    quote = text.find('"', position)
                    if quote < 0:
                        raise InputError(path, "unclosed quoted cell", record_line)
                    piece = text[position:quote]
                    line += piece.count("\n")
                    value.append(piece)
                    value_length += len(piece)
                    if text[quote + 1 : quote + 2] == '"':
                        anchors.append((value_length, quote))
                        value.append('"')
                        value_length += 1
                        position = quote + 2
                        anchors.append((value_length, position))
                        continue
                    position = quote + 1
                    break
                if position < length and text[position] not in (delimiter, "\n", "\r"):
                    raise InputError(path, "text after a closing quote; double a quote inside a quoted cell", line)
            else:
                anchors.append((0, position))
                unquoted = (_UNQUOTED_CSV if delimiter == "," else _UNQUOTED_TSV).match(text, position)
                end = unquoted.end() if unquoted else position
                value.append(text[position:end])
                position = end
            cells.append(("".join(value), tuple(anchors)))
            if position < length and text[position] == delimiter:
                position += 1
                continue
            break
        if text.startswith("\r\n", position):
            position += 2
        elif position < length:
            position += 1
        line += 1
        yield record_line, cells


def _tsv_records(text: str, starts: tuple[int, ...]) -> Iterator[tuple[int, list[Cell]]]:
    """The records of a TSV (no quoting) that are not blank: what `_records` gives, one str.split
    per line."""
    length = len(text)
    for number, start in enumerate(starts, 1):
        if start >= length:
            break
        end = starts[number] if number < len(starts) else length
        # A line holds no line break but its own, at its end.
        line = text[start:end].rstrip("\r\n")
        if line.isspace() or not line:
            continue
        position = start
        cells: list[Cell] = []
        for value in line.split("\t"):
            cells.append((value, ((0, position),)))
            position += len(value) + 1
        yield number, cells


def _column(header: list[str], names: frozenset[str]) -> int | None:
    for index, name in enumerate(header):
        if name.strip().lower() in names:
            return index
    return None


def read_table(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    text = decode_text(data, path, options.encoding)
    delimiter = "," if path.lower().endswith(".csv") else "\t"
    starts = line_starts(text)
    if delimiter == "\t":
        records = list(_tsv_records(text, starts))
    else:
        records = [(line, cells) for line, cells in _records(text, delimiter, True, path) if any(v.strip() for v, _ in cells)]
    if not records:
        return FileSegments(path, ())
    header = [value for value, _ in records[0][1]]
    source_column, target_column = _column(header, SOURCE_COLUMNS), _column(header, TARGET_COLUMNS)
    id_column = _column(header, ID_COLUMNS)
    if source_column is not None and target_column is not None:
        rows = records[1:]
    elif delimiter == "\t":
        # A headerless TSV: source<TAB>target.
        source_column, target_column, id_column, rows = 0, 1, None, records
        for line, cells in rows:
            if len(cells) < 2:
                raise InputError(path, "expected source<TAB>target", line)
            if len(cells) > 2:
                column = len(cells[0][0]) + len(cells[1][0]) + 2
                raise InputError(path, "more than one TAB; expected source<TAB>target", line, column)
    else:
        raise InputError(path, "the header row must name a source column (source, zh …) and a target column (target, en …)", records[0][0])
    segments: list[Segment] = []
    skipped = 0
    last_column = max(source_column, target_column)
    for line, cells in rows:
        if last_column >= len(cells):
            raise InputError(path, f"expected at least {last_column + 1} columns", line)
        (source, source_anchors), (target, target_anchors) = cells[source_column], cells[target_column]
        if not target.strip() and not options.include_unfinished:
            skipped += 1
            continue
        source_origin = TextOrigin(path, line, 1, offset_map(source_anchors, len(source), starts))
        target_origin = TextOrigin(path, line, 1, offset_map(target_anchors, len(target), starts))
        segment_id = cells[id_column][0] if id_column is not None and id_column < len(cells) else ""
        segments.append(Segment(source, target, source_origin, target_origin, len(segments) + 1, path, segment_id))
    problem = content_language_problem(segments, options)
    if problem:
        return skipped_file(path, problem)
    return FileSegments(path, tuple(segments), skipped)
