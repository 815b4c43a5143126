"""TMX 1.4b translation memories: one segment per <tu> with a Chinese and an English <tuv>."""

from __future__ import annotations

from termcheck.errors import InputError
from termcheck.model import Segment
from termcheck.readers.base import DEFAULT_SOURCE_LANGUAGE, DEFAULT_TARGET_LANGUAGE, FileSegments, ReadOptions, language_matches
from termcheck.readers.xmltext import load_xml, local_name

_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: str, data: bytes, options: ReadOptions) -> FileSegments:
    document = load_xml(data, path)
    root = document.root
    if local_name(root) != "tmx":
        raise InputError(path, f"not a TMX file: the root element is <{local_name(root)}>", document.line_of(root))
    source_language = options.source_language or DEFAULT_SOURCE_LANGUAGE
    target_language = options.target_language or DEFAULT_TARGET_LANGUAGE
    segments: list[Segment] = []
    skipped = 0
    languages_seen: set[str] = set()
    units = [element for element in root.iter() if local_name(element) == "tu"]
    for number, unit in enumerate(units, 1):
        variants = [child for child in unit if local_name(child) == "tuv"]
        source = target = None
        for variant in variants:
            # TMX 1.4 writes xml:lang; TMX 1.1 wrote lang.
            language = variant.get(_XML_LANG) or variant.get("lang") or ""
            languages_seen.add(language)
            if source is None and language_matches(language, source_language):
                source = variant
            elif target is None and language_matches(language, target_language):
                target = variant
        if source is None or target is None:
            skipped += 1
            continue
        source_seg = next((c for c in source if local_name(c) == "seg"), None)
        target_seg = next((c for c in target if local_name(c) == "seg"), None)
        if source_seg is None or target_seg is None:
            raise InputError(path, f"<tu> {number} has a <tuv> without <seg>", document.line_of(unit))
        source_text, source_origin = document.text_of(source_seg, skip=_NATIVE_CODE)
        target_text, target_origin = document.text_of(target_seg, skip=_NATIVE_CODE)
        if not target_text.strip() and not options.include_unfinished:
            skipped += 1
            continue
        segment_id = unit.get("tuid") or f"tu {number}"
        segments.append(Segment(source_text, target_text, source_origin, target_origin, len(segments) + 1, path, segment_id))
    if units and not segments and skipped == len(units):
        found = ", ".join(sorted(language for language in languages_seen if language)) or "none"
        return FileSegments(path, (), 0, (f"{path}: skipped: no <tu> pairs {source_language} with {target_language} (languages found: {found}; see --source-lang/--target-lang)",))
    return FileSegments(path, tuple(segments), skipped)
