"""XLIFF 1.2 (trans-unit) and 2.0 (unit/segment) files, as CAT tools export them."""

from __future__ import annotations

from typing import Any

from termcheck.errors import InputError
from termcheck.model import Segment, Silencing
from termcheck.readers.base import (
    DEFAULT_SOURCE_LANGUAGE,
    DEFAULT_TARGET_LANGUAGE,
    FileSegments,
    ReadOptions,
    language_matches,
)
from termcheck.readers.xmltext import XmlDocument, load_xml, local_name
from termcheck.silencing import directive_lines, parse_directive

# Elements whose content is native code, not text (1.2: ph, bpt, ept, it, sub inside them).
_NATIVE_CODE_12 = frozenset({"ph", "bpt", "ept", "it", "sub"})
_NATIVE_CODE_20 = frozenset({"originalData"})
_UNFINISHED_STATES_12 = frozenset({"new", "needs-translation"})
_LOCKED_VALUES = frozenset({"true", "yes", "1", "locked"})


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element if local_name(child) == name]


def _descendants(element: Any, name: str, *, stop: str) -> list[Any]:
    """Elements named `name` below `element`, through groups but not into a `stop` element."""
    found: list[Any] = []
    for child in element:
        child_name = local_name(child)
        if child_name == name:
            found.append(child)
        elif child_name != stop:
            found.extend(_descendants(child, name, stop=stop))
    return found


def _is_locked(element: Any) -> bool:
    return any(key.rsplit("}", 1)[-1] == "locked" and value.lower() in _LOCKED_VALUES for key, value in element.attrib.items())


def _language_problem(declared_source: str | None, declared_target: str | None, options: ReadOptions) -> str | None:
    if options.source_language is None and not language_matches(declared_source, DEFAULT_SOURCE_LANGUAGE):
        return f"source language is {declared_source or 'not declared'!s}, not Chinese (use --source-lang to check it anyway)"
    if options.target_language is None and declared_target and not language_matches(declared_target, DEFAULT_TARGET_LANGUAGE):
        return f"target language is {declared_target}, not English (use --target-lang to check it anyway)"
    return None


def _silencing(document: XmlDocument, unit: Any) -> tuple[Silencing, ...]:
    """The `termcheck: ignore …` lines of the unit's notes (1.2: <note> children; 2.0: <note>s in
    <notes>)."""
    notes = _children(unit, "note") + [note for group in _children(unit, "notes") for note in _children(group, "note")]
    found: list[Silencing] = []
    for note in notes:
        text = "".join(note.itertext())
        for index, line in directive_lines(text):
            silencing = parse_directive(line, document.path, document.line_of(note) + index)
            if silencing is not None:
                found.append(silencing)
    return tuple(found)


def read_xliff(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    document = load_xml(data, path)
    root = document.root
    if local_name(root) != "xliff":
        raise InputError(path, f"not an XLIFF file: the root element is <{local_name(root)}>", document.line_of(root))
    version = root.get("version", "1.2")
    if version.startswith("2"):
        return _read_xliff_2(document, options)
    return _read_xliff_1(document, options)


def _read_xliff_1(document: XmlDocument, options: ReadOptions) -> FileSegments:
    path = document.path
    segments: list[Segment] = []
    skipped = 0
    warnings: list[str] = []
    for file_element in _children(document.root, "file"):
        problem = _language_problem(file_element.get("source-language"), file_element.get("target-language"), options)
        if problem:
            warnings.append(f"{path}:{document.line_of(file_element)}: skipped <file {file_element.get('original', '')}>: {problem}")
            continue
        for unit in _descendants(file_element, "trans-unit", stop="trans-unit"):
            if unit.get("restype") == "x-gettext-domain-header":
                continue  # a PO header carried along by po2xliff: metadata, not text
            sources, targets = _children(unit, "source"), _children(unit, "target")
            if not sources:
                raise InputError(path, f"trans-unit {unit.get('id', '')!r} has no <source>", document.line_of(unit))
            unfinished = (
                unit.get("translate", "yes") == "no"
                or _is_locked(unit)
                or not targets
                or targets[0].get("state", "") in _UNFINISHED_STATES_12
            )
            source, source_origin = document.text_of(sources[0], skip=_NATIVE_CODE_12)
            target, target_origin = document.text_of(targets[0], skip=_NATIVE_CODE_12) if targets else ("", source_origin)
            if (unfinished or not target.strip()) and not options.include_unfinished:
                skipped += 1
                continue
            segments.append(Segment(source, target, source_origin, target_origin, len(segments) + 1, path, unit.get("id", ""), _silencing(document, unit)))
    return FileSegments(path, tuple(segments), skipped, tuple(warnings))


def _read_xliff_2(document: XmlDocument, options: ReadOptions) -> FileSegments:
    path, root = document.path, document.root
    problem = _language_problem(root.get("srcLang"), root.get("trgLang"), options)
    if problem:
        return FileSegments(path, (), 0, (f"{path}: skipped: {problem}",))
    segments: list[Segment] = []
    skipped = 0
    for unit in _descendants(root, "unit", stop="unit"):
        unit_id = unit.get("id", "")
        parts = [child for child in unit if local_name(child) == "segment"]
        for number, part in enumerate(parts, 1):
            sources, targets = _children(part, "source"), _children(part, "target")
            if not sources:
                raise InputError(path, f"unit {unit_id!r} has a <segment> without <source>", document.line_of(part))
            unfinished = (
                unit.get("translate", "yes") == "no"
                or part.get("translate", "yes") == "no"
                or _is_locked(unit)
                or not targets
                or part.get("state", "") == "initial"
            )
            source, source_origin = document.text_of(sources[0], skip=_NATIVE_CODE_20)
            target, target_origin = document.text_of(targets[0], skip=_NATIVE_CODE_20) if targets else ("", source_origin)
            if (unfinished or not target.strip()) and not options.include_unfinished:
                skipped += 1
                continue
            segment_id = unit_id if len(parts) == 1 else f"{unit_id}/{part.get('id') or number}"
            segments.append(Segment(source, target, source_origin, target_origin, len(segments) + 1, path, segment_id, _silencing(document, unit)))
    return FileSegments(path, tuple(segments), skipped)
