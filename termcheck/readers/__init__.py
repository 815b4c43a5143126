"""Readers turn input files into Segments; they know nothing about glossaries or rules.

`iter_inputs` takes what the command line gives: a source and a target text file, or bilingual
files (XLIFF, TMX, PO, JSONL, CSV, TSV) and folders holding them, and reads them a file at a time
(large TSV, JSON Lines and TMX files a line or a unit at a time); `read_inputs` reads them all.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from termcheck import inputfs
from termcheck.errors import InputError, UsageError
from termcheck.readers.base import FileSegments, ReadOptions, skipped_file
from termcheck.readers.lines import SegmentStream, can_stream
from termcheck.textfile import read_bytes

ALIGN_MODES = ("document", "lines")
Reader = Callable[[str, bytes, ReadOptions], FileSegments]
# Each format: its file extensions, and the module and function that read it (imported when a file
# of the format is read: a check of two text files need not load lxml or polib).
READERS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "xliff": ((".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff"), "xliff", "read_xliff"),
    "tmx": ((".tmx",), "tmx", "read_tmx"),
    "po": ((".po", ".pot"), "po", "read_po"),
    "jsonl": ((".jsonl", ".ndjson"), "jsonl", "read_jsonl"),
    "csv": ((".csv",), "table", "read_table"),
    "tsv": ((".tsv", ".tab"), "table", "read_table"),
}


# Formats whose large UTF-8 files are read a line (a unit) at a time: the module, the function,
# and the module's own test of whether a file can be ("" when size and encoding suffice).
STREAMING_READERS: dict[str, tuple[str, str, str]] = {
    "tsv": ("table", "stream_table", ""),
    "jsonl": ("jsonl", "stream_jsonl", ""),
    "tmx": ("tmx", "stream_tmx", "can_stream_tmx"),
}


def reader(name: str) -> Reader:
    _, module, function = READERS[name]
    return getattr(import_module(f"termcheck.readers.{module}"), function)  # type: ignore[no-any-return]
FORMATS = tuple(READERS)
BILINGUAL_EXTENSIONS = tuple(ext for extensions, _, _ in READERS.values() for ext in extensions)
_ROOT_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(xliff|tmx)[\s>/]")


def format_by_content(head: bytes) -> str | None:
    """xliff or tmx for an XML file whose root element says so, else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    stripped = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.DOTALL).lstrip(b"\xef\xbb\xbf \t\r\n")
    match = _ROOT_ELEMENT.match(stripped)
    return match.group(1).decode("ascii") if match else None


def format_of(path: str, forced: str | None = None) -> str | None:
    if forced:
        return forced
    suffix = Path(path).suffix.lower()
    for name, (extensions, _, _) in READERS.items():
        if suffix in extensions:
            return name
    if suffix in ("", ".xml", ".xlz", ".txml"):
        with inputfs.open_binary(path) as handle:
            return format_by_content(handle.read(4096))
    return None


def _matches(path: str, patterns: Sequence[str]) -> bool:
    """Whether a glob pattern matches the path (relative to the current folder) or its name."""
    relative = Path(os.path.relpath(path)).as_posix() if os.path.isabs(path) else Path(path).as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(Path(path).name, p) for p in patterns)


# Files a folder may hold that a user could expect to be checked, and why they are not.
_PASSED_OVER = {
    ".txt": "plain text is checked as a pair, not from a folder: termcheck check SOURCE TARGET",
    **dict.fromkeys(
        (".docx", ".doc", ".odt", ".rtf", ".pdf", ".xlsx", ".xls", ".ods", ".pptx"),
        "termcheck does not read office documents; export bilingual XLIFF or TMX from the CAT tool, "
        "or save the two texts as plain text and check the pair",
    ),
}
# Columns that only a glossary table has: a CSV/TSV naming one is a glossary, not bilingual text.
GLOSSARY_ONLY_COLUMNS = ("deprecated", "short")


def discover_files(paths: Sequence[str], *, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[str]:
    """The files to check: files as given, folders searched for bilingual files (sorted)."""
    return discover_inputs(paths, include=include, exclude=exclude)[0]


def discover_inputs(
    paths: Sequence[str], *, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> tuple[list[str], list[tuple[str, str]]]:
    """The files to check (files as given, folders searched for bilingual files, sorted), and the
    files of those folders passed over that a user may have expected to be checked, with why."""
    files: list[str] = []
    passed_over: list[tuple[str, str]] = []
    for given in paths:
        what = inputfs.kind(given)
        if what == "folder":
            if inputfs.is_url(given):
                every = inputfs.files_under(given)
                inside = [p[len(given.rstrip("/")) :].split("/") for p in every]
            else:
                every = sorted(str(p) for p in Path(given).rglob("*") if p.is_file())
                inside = [list(Path(p).relative_to(given).parts) for p in every]
            every = [p for p, parts in zip(every, inside) if not any(part.startswith(".") for part in parts)]
            if include:
                every = [p for p in every if _matches(p, include)]
            every = [p for p in every if not _matches(p, exclude)]
            files.extend(p for p in every if Path(p).suffix.lower() in BILINGUAL_EXTENSIONS)
            passed_over.extend((p, _PASSED_OVER[Path(p).suffix.lower()]) for p in every if Path(p).suffix.lower() in _PASSED_OVER)
        elif what == "file":
            if not _matches(given, exclude):
                files.append(given)
        else:
            raise InputError(given, "no such file or folder")
    return list(dict.fromkeys(files)), passed_over


def glossary_table_reason(path: str, glossaries: Collection[str]) -> str | None:
    """Why a CSV/TSV file is a glossary rather than a bilingual file, or None: it is a glossary
    of this run, or its header row names a column only a glossary has."""
    if inputfs.is_url(path):
        given = path in glossaries
    else:
        resolved = Path(path).resolve()
        given = any(Path(glossary).resolve() == resolved for glossary in glossaries)
    if given:
        return "it is a glossary of this run (--glossary), not a bilingual file"
    try:
        with inputfs.open_binary(path) as handle:
            first_line = handle.readline(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    cells = {cell.strip().strip('"').strip().lower() for cell in re.split(r"[,;\t]", first_line)}
    named = [column for column in GLOSSARY_ONLY_COLUMNS if column in cells]
    if named:
        return f"a glossary, not a bilingual file (its header names the glossary column {named[0]!r}); give it with --glossary"
    return None


def read_inputs(paths: Sequence[str], **choices: Any) -> list[FileSegments]:
    """Every file read whole: `iter_inputs` (which takes the same `choices`) taken to the end."""
    return [file if isinstance(file, FileSegments) else _whole(file) for file in iter_inputs(paths, **choices)]


def _whole(stream: SegmentStream) -> FileSegments:
    segments = tuple(stream.segments)
    return FileSegments(stream.path, segments, stream.skipped, stream.warnings)


@dataclass(frozen=True)
class PlannedFile:
    """A bilingual file to read, with its format (readers.READERS)."""

    path: str
    format: str


def plan_inputs(
    paths: Sequence[str],
    *,
    align: str = "document",
    options: ReadOptions = ReadOptions(),
    format_in: str | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    only: Collection[str] | None = None,
    glossaries: Collection[str] = (),
) -> list[FileSegments | PlannedFile]:
    """What `iter_inputs` reads, without reading it: the files passed over (as FileSegments with
    their reason) and each file to read with its format; a pair of text files is read here."""
    if align not in ALIGN_MODES:
        raise UsageError(f"--align must be one of {', '.join(ALIGN_MODES)}, not {align!r}")
    if format_in is not None and format_in not in READERS:
        raise UsageError(f"--format-in must be one of {', '.join(FORMATS)}, not {format_in!r}")
    if not paths:
        raise UsageError("nothing to check: give SOURCE TARGET, or bilingual files or folders")
    kinds = [inputfs.kind(p) for p in paths] if len(paths) == 2 and format_in is None else []
    if kinds and all(what != "folder" for what in kinds):
        if all(what is None or format_of(p) is None for p, what in zip(paths, kinds)):
            from termcheck.readers import pair

            return [pair.read_pair(paths[0], paths[1], align=align, encoding=options.encoding, include_unfinished=options.include_unfinished)]
    files, passed_over = discover_inputs(paths, include=include, exclude=exclude)
    formats: list[str | None] = []
    for path in files:
        name = format_of(path, format_in)
        if name is None:
            if len(paths) == 1 and inputfs.kind(path) == "file":
                raise InputError(path, "a plain-text source needs its translation: termcheck check SOURCE TARGET (or give bilingual files: XLIFF, TMX, PO, JSONL, CSV, TSV)")
            raise InputError(path, "unknown file type; bilingual files are XLIFF, TMX, PO, JSONL, CSV or TSV (or use --format-in)")
        if name in ("csv", "tsv"):
            reason = glossary_table_reason(path, glossaries)
            if reason is not None:
                passed_over.append((path, reason))
                name = None
        formats.append(name)
    if not files:
        raise UsageError(f"no bilingual files ({', '.join(BILINGUAL_EXTENSIONS)}) found in {', '.join(paths)}")
    planned: list[FileSegments | PlannedFile] = [skipped_file(path, reason) for path, reason in passed_over if only is None]
    planned.extend(PlannedFile(path, name) for path, name in zip(files, formats) if name is not None and (only is None or path in only))
    return planned


def iter_inputs(paths: Sequence[str], *, options: ReadOptions = ReadOptions(), **choices: Any) -> Iterator[FileSegments | SegmentStream]:
    """The segments of each file, one file at a time, each read when the previous one has been
    taken; what is wrong with the paths themselves is reported before any file is read. Takes
    the choices of `plan_inputs`: with `only`, the files (documents) not named there are passed
    over without being read."""
    planned = plan_inputs(paths, options=options, **choices)
    return (item if isinstance(item, FileSegments) else read_file(item, options) for item in planned)


def read_file(planned: PlannedFile, options: ReadOptions) -> FileSegments | SegmentStream:
    path, name = planned.path, planned.format
    if name in STREAMING_READERS and can_stream(path, options):
        module_name, function, test = STREAMING_READERS[name]
        module = import_module(f"termcheck.readers.{module_name}")
        if not test or getattr(module, test)(path):
            return getattr(module, function)(path, options)  # type: ignore[no-any-return]
    return reader(name)(path, read_bytes(path), options)


__all__ = [
    "ALIGN_MODES", "BILINGUAL_EXTENSIONS", "FORMATS", "FileSegments", "PlannedFile", "ReadOptions", "discover_files", "iter_inputs", "plan_inputs",
    "read_file", "read_inputs",
]
