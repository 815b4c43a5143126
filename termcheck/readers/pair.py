"""A source text file and its translation in another file: one segment for the whole document,
or one per line."""

from __future__ import annotations

import os

from termcheck.errors import InputError
from termcheck.model import Segment, Silencing, TextOrigin
from termcheck.positions import LINE_BREAK
from termcheck.readers.base import FileSegments
from termcheck.readers.language import require_chinese, require_english
from termcheck.silencing import read_ignore_file
from termcheck.textfile import read_text


def _lines(text: str) -> list[str]:
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def empty_translation(source_path: str, target_path: str) -> FileSegments:
    """An empty translation is not translated yet, as an empty XLIFF target is: skipped and
    counted, with a warning, rather than checked into a wall of `missing`."""
    return FileSegments(
        source_path, (), 1, (f"{target_path}: skipped: the translation is empty (no text, or blank lines only); nothing to check {source_path} against",)
    )


def read_pair(
    source_path: str, target_path: str, *, align: str = "document", encoding: str | None = None, include_unfinished: bool = False
) -> FileSegments:
    source, target = read_text(source_path, encoding), read_text(target_path, encoding)
    require_chinese(source, source_path)
    require_english(target, target_path)
    if not target.strip() and source.strip() and not include_unfinished:
        return empty_translation(source_path, target_path)
    silencing = _ignore_file_entries(source_path, target_path)
    return FileSegments(source_path, tuple(_segments(source_path, source, target_path, target, align, silencing)))


def _segments(
    source_path: str, source: str, target_path: str, target: str, align: str, silencing: tuple[Silencing, ...]
) -> list[Segment]:
    if align == "document":
        return [Segment(source, target, TextOrigin(source_path), TextOrigin(target_path), 1, source_path, silencing=silencing)]
    # Lines as editors count them (LF, CR LF or CR), not str.splitlines(), which also breaks at
    # form feeds and Unicode separators.
    source_lines, target_lines = _lines(source), _lines(target)
    if len(source_lines) != len(target_lines):
        raise InputError(
            target_path,
            f"has {len(target_lines)} lines but {source_path} has {len(source_lines)}; --align lines needs the same number of lines",
        )
    by_line: dict[int, list[Silencing]] = {}
    for entry in silencing:
        if entry.at is not None:
            by_line.setdefault(entry.at[1], []).append(entry)
    return [
        Segment(s, t, TextOrigin(source_path, n), TextOrigin(target_path, n), n, source_path, silencing=tuple(by_line.get(n, ())))
        for n, (s, t) in enumerate(zip(source_lines, target_lines), 1)
        if s.strip() or t.strip()
    ]


def _ignore_file_entries(source_path: str, target_path: str) -> tuple[Silencing, ...]:
    """The entries for this pair of the ignore files beside its two files: a text file has no
    place for a note, and a baseline recognises a finding by the text of its segment, which for
    a document is the whole file."""
    folders = dict.fromkeys(os.path.dirname(os.path.abspath(path)) for path in (source_path, target_path))
    return tuple(entry for folder in folders for entry in read_ignore_file(folder, (source_path, target_path)))
