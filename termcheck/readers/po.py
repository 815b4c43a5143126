"""gettext PO files (polib parses them): msgid is the Chinese source, msgstr the English."""

from __future__ import annotations

import codecs
import re

from termcheck.errors import InputError
from termcheck.model import OffsetMap, Segment, Silencing, TextOrigin
from termcheck.readers.base import (
    DEFAULT_TARGET_LANGUAGE,
    FileSegments,
    ReadOptions,
    content_language_problem,
    language_matches,
    skipped_file,
)
from termcheck.positions import line_starts, offset_map
from termcheck.silencing import directive_lines, parse_directive
from termcheck.textfile import decode_text

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _string_positions(lines: list[str], starts: tuple[int, ...], first_line: int, keyword: str) -> tuple[int, OffsetMap] | None:
    """The line of `keyword` ("msgid", "msgstr") at or after `first_line` (0-based) and where each
    character of its (possibly continued) string is in the file."""
    pattern = re.compile(rf"^\s*{re.escape(keyword)}\s+\"")
    index = first_line
    while index < len(lines) and not pattern.match(lines[index]):
        index += 1
    if index >= len(lines):
        return None
    anchors: list[tuple[int, int]] = []
    length = 0
    line_index = index
    while line_index < len(lines):
        line = lines[line_index]
        quote = line.find('"') if line_index > index else pattern.match(line).end() - 1  # type: ignore[union-attr]
        if line_index > index and not line.lstrip().startswith('"'):
            break
        position = quote + 1
        base = starts[line_index]
        anchors.append((length, base + position))
        while position < len(line) and line[position] != '"':
            if line[position] == "\\" and position + 1 < len(line):
                anchors.append((length, base + position))
                length += 1
                position += 2
                anchors.append((length, base + position))
                continue
            length += 1
            position += 1
        line_index += 1
    return index + 1, offset_map(anchors, length, starts)


def _silencing(lines: list[str], first: int, msgid_line: int, path: str) -> tuple[Silencing, ...]:
    """The `# termcheck: ignore …` translator comments of the entry whose lines run from `first`
    (0-based) to its msgid (1-based line `msgid_line`)."""
    found: list[Silencing] = []
    for index in range(first, min(msgid_line - 1, len(lines))):
        comment = re.match(r"#(?![.:,|~])", lines[index])  # a translator comment, not #. #: #, #| #~
        if comment and directive_lines(lines[index][comment.end() :]):
            silencing = parse_directive(lines[index][comment.end() :], path, index + 1)
            if silencing is not None:
                found.append(silencing)
    return tuple(found)


def po_encoding(data: bytes, path: str, options: ReadOptions) -> str | None:
    """The encoding to read a PO file in: --encoding, else the header's charset (None: UTF-8 or
    detected)."""
    declared = re.search(rb"charset=([A-Za-z0-9._-]+)", data[:4096])
    encoding = options.encoding
    if encoding is None and declared and declared.group(1).lower() not in (b"utf-8", b"utf8", b"charset"):
        encoding = declared.group(1).decode("ascii")
        try:
            codecs.lookup(encoding)
        except LookupError:
            line = data.count(b"\n", 0, declared.start()) + 1
            raise InputError(path, f"unknown charset {encoding!r} in the PO header's Content-Type (use --encoding to name the right one)", line) from None
    return encoding


def read_po(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    import polib

    text = decode_text(data, path, po_encoding(data, path, options))
    try:
        catalog = polib.pofile(text if "\n" in text else text + "\n", wrapwidth=0)
    except (OSError, ValueError) as exc:
        message = str(exc)
        line_match = re.search(r"line (\d+)", message)
        raise InputError(path, f"malformed PO file: {message.split(' (line')[0]}", int(line_match.group(1)) if line_match else None) from None
    language = catalog.metadata.get("Language", "")
    if options.target_language is None and language and not language_matches(language, DEFAULT_TARGET_LANGUAGE):
        return skipped_file(path, f"target language is {language}, not English (use --target-lang to check it anyway)")
    entries = [entry for entry in catalog if entry.msgid and not entry.obsolete]
    lines = text.split("\n")
    starts = line_starts(text)
    segments: list[Segment] = []
    skipped = 0
    for entry in entries:
        first = max(entry.linenum - 1, 0)
        # Each form is a segment: (source keyword, source, target keyword, target); msgstr[0]
        # translates msgid, msgstr[1] … msgid_plural.
        if entry.msgid_plural:
            forms = [
                ("msgid", entry.msgid, f"msgstr[{n}]", translation) if n == 0 else ("msgid_plural", entry.msgid_plural, f"msgstr[{n}]", translation)
                for n, translation in sorted(entry.msgstr_plural.items())
            ]
        else:
            forms = [("msgid", entry.msgid, "msgstr", entry.msgstr)]
        msgid_place = _string_positions(lines, starts, first, "msgid")
        silencing = _silencing(lines, first, msgid_place[0] if msgid_place else entry.linenum, path) if entry.tcomment else ()
        if entry.msgctxt:
            segment_id = entry.msgctxt
        elif entry.occurrences:
            segment_id = ":".join(part for part in entry.occurrences[0] if part)
        else:
            segment_id = ""
        for source_keyword, source, target_keyword, target in forms:
            if ("fuzzy" in entry.flags or not target.strip()) and not options.include_unfinished:
                skipped += 1
                continue
            # The entry's own lines come before the next entry's: the first line with the keyword
            # at or after its first line is its own.
            source_place = msgid_place if source_keyword == "msgid" else _string_positions(lines, starts, first, source_keyword)
            target_place = _string_positions(lines, starts, first, target_keyword)
            source_line = source_place[0] if source_place else entry.linenum
            target_line = target_place[0] if target_place else entry.linenum
            source_origin = TextOrigin(path, source_line, 1, source_place[1] if source_place else None)
            target_origin = TextOrigin(path, target_line, 1, target_place[1] if target_place else None)
            segments.append(Segment(source, target, source_origin, target_origin, len(segments) + 1, path, segment_id, silencing))
    problem = content_language_problem(segments, options)
    if problem:
        return skipped_file(path, problem)
    return FileSegments(path, tuple(segments), skipped)
