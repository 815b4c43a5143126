"""TMX 1.4b translation memories: one segment per <tu> with a Chinese and an English <tuv>."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from termcheck.errors import InputError
from termcheck.model import Segment
from termcheck.readers.base import DEFAULT_SOURCE_LANGUAGE, DEFAULT_TARGET_LANGUAGE, FileSegments, ReadOptions, language_matches
from termcheck.readers.lines import SegmentStream, file_lines
from termcheck.readers.xmltext import XmlDocument, load_xml, local_name
from termcheck.silencing import parse_directive

_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The property of a <tu> that silences findings: <prop type="x-termcheck">ignore deprecated</prop>.
SILENCING_PROP = "x-termcheck"


def read_tmx(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    document = load_xml(data, path)
    root = document.root
    if local_name(root) != "tmx":
        raise InputError(path, f"not a TMX file: the root element is <{local_name(root)}>", document.line_of(root))
    languages = _Languages(options)
    segments: list[Segment] = []
    skipped = 0
    units = [element for element in root.iter() if local_name(element) == "tu"]
    for number, unit in enumerate(units, 1):
        segment = _segment(document, unit, number, len(segments) + 1, path, options, languages)
        if segment is None:
            skipped += 1
        else:
            segments.append(segment)
    if units and not segments and skipped == len(units):
        return FileSegments(path, (), 0, (languages.none_found(path),))
    return FileSegments(path, tuple(segments), skipped)


class _Languages:
    """The languages wanted, and those a file has."""

    def __init__(self, options: ReadOptions) -> None:
        self.source = options.source_language or DEFAULT_SOURCE_LANGUAGE
        self.target = options.target_language or DEFAULT_TARGET_LANGUAGE
        self.seen: set[str] = set()

    def none_found(self, path: str) -> str:
        found = ", ".join(sorted(language for language in self.seen if language)) or "none"
        return f"{path}: skipped: no <tu> pairs {self.source} with {self.target} (languages found: {found}; see --source-lang/--target-lang)"


def _segment(
    document: XmlDocument, unit: Any, number: int, segment_number: int, path: str, options: ReadOptions, languages: _Languages
) -> Segment | None:
    """The segment of the <tu>, or None when it has no pair of the languages or is unfinished."""
    source = target = None
    for variant in (child for child in unit if local_name(child) == "tuv"):
        # TMX 1.4 writes xml:lang; TMX 1.1 wrote lang.
        language = variant.get(_XML_LANG) or variant.get("lang") or ""
        languages.seen.add(language)
        if source is None and language_matches(language, languages.source):
            source = variant
        elif target is None and language_matches(language, languages.target):
            target = variant
    if source is None or target is None:
        return None
    source_seg = next((c for c in source if local_name(c) == "seg"), None)
    target_seg = next((c for c in target if local_name(c) == "seg"), None)
    if source_seg is None or target_seg is None:
        raise InputError(path, f"<tu> {number} has a <tuv> without <seg>", document.line_of(unit))
    source_text, source_origin = document.text_of(source_seg, skip=_NATIVE_CODE)
    target_text, target_origin = document.text_of(target_seg, skip=_NATIVE_CODE)
    if not target_text.strip() and not options.include_unfinished:
        return None
    segment_id = unit.get("tuid") or f"tu {number}"
    silencing = tuple(
        directive
        for prop in unit
        if local_name(prop) == "prop" and prop.get("type") == SILENCING_PROP
        for directive in [parse_directive("".join(prop.itertext()), path, document.line_of(prop), prefix_required=False)]
        if directive is not None
    )
    return Segment(source_text, target_text, source_origin, target_origin, segment_number, path, segment_id, silencing)


# Streaming: each <tu> is parsed on its own, from the lines that hold it (the text before it on its
# first line blanked out, so that offsets and columns stay those of the file).
_TU_START_TAG = re.compile(r"<tu(?=[\s>/])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_TU_END = re.compile(r"</tu\s*>")
_BODY_START = re.compile(r"<body(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_BETWEEN_UNITS = re.compile(r"(?:\s|<!--.*?-->)*", re.DOTALL)
_AFTER_BODY = re.compile(r"(?:\s|<!--.*?-->)*</body\s*>(?:\s|<!--.*?-->)*</tmx\s*>(?:\s|<!--.*?-->)*", re.DOTALL)
_LINES_READ_AT_ONCE = 2000


def can_stream_tmx(path: str) -> bool:
    """A TMX whose start has no document type declaration (entities are refused by the parser
    of the whole file) and reaches <body>."""
    from termcheck.inputfs import open_binary

    with open_binary(path) as handle:
        head = handle.read(1 << 16)
    return b"<!DOCTYPE" not in head and b"<!ENTITY" not in head and re.search(rb"<tmx[\s>]", head) is not None and b"<body" in head


def stream_tmx(path: str, options: ReadOptions) -> SegmentStream:
    """A large UTF-8 TMX, read a <tu> at a time."""
    return SegmentStream(path, lambda tally: _streamed_segments(path, options, tally), options, check_content=False)


def _streamed_segments(path: str, options: ReadOptions, tally: SegmentStream) -> Iterator[Segment]:
    from termcheck.readers.xmltext import load_xml_text

    languages = _Languages(options)
    lines = file_lines(path, options)
    # The text not yet done with; it starts a line of the file: line `buffer_line`, at offset
    # `buffer_offset`. Lines before `counted` in it number `counted_lines`.
    buffer = ""
    buffer_line, buffer_offset = 1, 0
    counted = counted_lines = 0
    position = 0  # where the search goes on, in the buffer
    units = count = 0

    def line_at(offset: int) -> int:
        nonlocal counted, counted_lines
        counted_lines += buffer.count("\n", counted, offset)
        counted = offset
        return buffer_line + counted_lines

    def more() -> bool:
        """Drops the lines done with and reads more; False at the end of the file."""
        nonlocal buffer, buffer_line, buffer_offset, position, counted, counted_lines
        cut = buffer.rfind("\n", 0, position) + 1
        if cut:
            buffer_line = line_at(cut)
            buffer_offset += cut
            buffer, position, counted, counted_lines = buffer[cut:], position - cut, 0, 0
        piece = "".join(islice(lines, _LINES_READ_AT_ONCE))
        buffer += piece
        return bool(piece)

    while True:
        body = _BODY_START.search(buffer)
        if body is not None:
            if _TU_START_TAG.search(buffer, 0, body.start()) is not None:
                raise InputError(path, "malformed TMX: <tu> outside <body>", line_at(_TU_START_TAG.search(buffer, 0, body.start()).start()))  # type: ignore[union-attr]
            position = body.end()
            break
        if not more():
            raise InputError(path, "not a TMX file: no <body>")
    while True:
        start = _TU_START_TAG.search(buffer, position)
        empty = start is not None and start.group().endswith("/>")
        end = None if start is None or empty else _TU_END.search(buffer, start.end())
        if start is None or (end is None and not empty):
            if more():
                continue
            break
        assert start is not None
        gap = _BETWEEN_UNITS.match(buffer, position)
        if gap is None or gap.end() < start.start():
            raise InputError(path, "malformed TMX: only <tu> elements may stand in <body>", line_at(gap.end() if gap else position))
        units += 1
        unit_end = start.end() if empty else end.end()  # type: ignore[union-attr]
        # The unit, from the start of its first line, with what precedes it on that line blanked.
        line_start = buffer.rfind("\n", 0, start.start()) + 1
        fragment = " " * (start.start() - line_start) + buffer[start.start() : unit_end]
        document = load_xml_text(fragment, path, first_line=line_at(line_start), first_offset=buffer_offset + line_start)
        segment = _segment(document, document.root, units, count + 1, path, options, languages)
        if segment is None:
            tally.skipped += 1
        else:
            count += 1
            yield segment
        position = unit_end
    end_of_file = _AFTER_BODY.match(buffer, position)
    if end_of_file is None or end_of_file.end() < len(buffer):
        if end_of_file is not None:
            raise InputError(path, "malformed TMX: content after </tmx>", line_at(end_of_file.end()))
        # Where what may follow the last unit stops: the place of the problem.
        rest = _BETWEEN_UNITS.match(buffer, position)
        if rest is None or rest.end() < len(buffer):
            raise InputError(path, "malformed TMX: only <tu> elements may stand in <body>", line_at(rest.end() if rest else position))
        raise InputError(path, "malformed TMX: the file does not end with </body></tmx>", line_at(position))
    if units and not count and tally.skipped == units:
        tally.skipped, tally.warnings = 0, (languages.none_found(path),)
