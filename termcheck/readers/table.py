"""Bilingual tables: CSV (RFC 4180) or TSV with a header row naming the columns, or TSV without a
header, source<TAB>target a line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

from termcheck.errors import InputError
from termcheck.model import Segment, TextOrigin
from termcheck.readers.base import FileSegments, ReadOptions
from termcheck.readers.lines import SegmentStream, file_lines, physical_lines
from termcheck.positions import line_starts, offset_map
from termcheck.silencing import parse_directive
from termcheck.textfile import decode_text

SOURCE_COLUMNS = frozenset({"source", "src", "zh", "zh-cn", "zh-hans", "zh_cn", "chinese", "原文"})
TARGET_COLUMNS = frozenset({"target", "tgt", "en", "en-us", "en-gb", "en_us", "english", "translation", "译文"})
ID_COLUMNS = frozenset({"id", "key", "segment", "segment id", "tuid"})
# The optional column that silences findings of the row: "ignore deprecated".
SILENCING_COLUMNS = frozenset({"termcheck"})

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


def _tsv_records(lines: Iterable[str], first_line: int = 1) -> Iterator[tuple[int, list[Cell], int]]:
    """(line number, cells, offset of the line) for each line of a TSV (no quoting) that is not
    blank, the first being line `first_line`: one str.split per line."""
    position = 0
    for number, raw in enumerate(lines, first_line):
        line = raw.rstrip("\r\n")
        if line and not line.isspace():
            cells: list[Cell] = []
            cell_start = position
            for value in line.split("\t"):
                cells.append((value, ((0, cell_start),)))
                cell_start += len(value) + 1
            yield number, cells, position
        position += len(raw)


def _column(header: list[str], names: frozenset[str]) -> int | None:
    for index, name in enumerate(header):
        if name.strip().lower() in names:
            return index
    return None


def read_table(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    text = decode_text(data, path, options.encoding)
    if path.lower().endswith(".csv"):
        starts = line_starts(text)
        records = ((line, cells, -1) for line, cells in _records(text, ",", True, path) if any(v.strip() for v, _ in cells))
        stream = SegmentStream(path, lambda s: _segments(path, records, False, options, s, starts), options)
    else:
        stream = SegmentStream(path, lambda s: _segments(path, _tsv_records(physical_lines(text)), True, options, s), options)
    segments = tuple(stream.segments)
    return FileSegments(path, segments, stream.skipped, stream.warnings)


def stream_table(path: str, options: ReadOptions) -> SegmentStream:
    """A large UTF-8 TSV, read a line at a time."""
    return SegmentStream(path, lambda s: _segments(path, _tsv_records(file_lines(path, options)), True, options, s), options, line_format="tsv")


def tsv_part_segments(
    path: str, lines: Iterable[str], first_line: int, header: str | None, options: ReadOptions, tally: SegmentStream
) -> Iterator[Segment]:
    """The segments of lines of a large TSV, the first being line `first_line`, numbered from 1
    (readers/parts.py): the file's first lines, or lines after its first non-blank one, `header`."""
    first = None if header is None else next(_tsv_records([header]))
    return _segments(path, _tsv_records(lines, first_line), True, options, tally, first=first)


def _segments(
    path: str,
    records: Iterator[tuple[int, list[Cell], int]],
    tsv: bool,
    options: ReadOptions,
    tally: SegmentStream,
    starts: tuple[int, ...] = (),
    *,
    first: tuple[int, list[Cell], int] | None = None,
) -> Iterator[Segment]:
    """The segments of a table's records (the first being the header row, or for a TSV without
    one, source<TAB>target), counting the rows skipped in `tally`. Given the `first` record of the
    file, the records are a later part of it."""
    later_part = first is not None
    first = next(records, None) if first is None else first
    if first is None:
        return
    header = [value for value, _ in first[1]]
    source_column, target_column = _column(header, SOURCE_COLUMNS), _column(header, TARGET_COLUMNS)
    id_column = _column(header, ID_COLUMNS)
    silencing_column = _column(header, SILENCING_COLUMNS)
    headerless = source_column is None or target_column is None
    if headerless and not tsv:
        # Say what the row holds: a header that is there but separated otherwise (Excel's
        # semicolons) reads as one cell.
        found = ", ".join(f"'{cell if len(cell) <= 40 else cell[:39] + '…'}'" for cell in header[:6]) + (", …" if len(header) > 6 else "")
        one_cell = len(header) == 1 and any(separator in header[0] for separator in ";\t")
        raise InputError(
            path,
            "the header row must name a source column (source, zh …) and a target column (target, en …); "
            f"it has {found}" + (" (a CSV file's cells are separated by commas)" if one_cell else ""),
            first[0],
        )
    if source_column is None or target_column is None:
        source_column, target_column, id_column, silencing_column = 0, 1, None, None
        if not later_part:
            records = chain([first], records)
    last_column = max(source_column, target_column)
    number = 0
    for line, cells, line_start in records:
        if headerless:
            if len(cells) < 2:
                raise InputError(path, "expected source<TAB>target", line)
            if len(cells) > 2:
                column = len(cells[0][0]) + len(cells[1][0]) + 2
                raise InputError(path, "more than one TAB; expected source<TAB>target", line, column)
        if last_column >= len(cells):
            raise InputError(path, f"expected at least {last_column + 1} columns", line)
        if not headerless and len(cells) > len(header):
            # A separator inside an unquoted cell: the text after it would be dropped or read as
            # another column, and the row checked as it is not.
            hint = "" if tsv else " (a cell with ',' in it must be in double quotes)"
            raise InputError(path, f"the row has {len(cells)} cells, the header row {len(header)}{hint}", line)
        (source, source_anchors), (target, target_anchors) = cells[source_column], cells[target_column]
        if not target.strip() and not options.include_unfinished:
            tally.skipped += 1
            continue
        if line_start >= 0:
            # A TSV cell is a verbatim run of one line: its line and column place every character,
            # and the segment needs no offset map (which would cost more memory than its text).
            source_origin = TextOrigin(path, line, source_anchors[0][1] - line_start + 1)
            target_origin = TextOrigin(path, line, target_anchors[0][1] - line_start + 1)
        else:
            source_origin = TextOrigin(path, line, 1, offset_map(source_anchors, len(source), starts))
            target_origin = TextOrigin(path, line, 1, offset_map(target_anchors, len(target), starts))
        number += 1
        segment_id = cells[id_column][0] if id_column is not None and id_column < len(cells) else ""
        directive = None
        if silencing_column is not None and silencing_column < len(cells):
            directive = parse_directive(cells[silencing_column][0], path, line, prefix_required=False)
        yield Segment(source, target, source_origin, target_origin, number, path, segment_id, () if directive is None else (directive,))
