"""A bilingual TSV file: one segment per line, source<TAB>target."""

from __future__ import annotations

from termcheck.errors import InputError
from termcheck.model import Segment, TextOrigin
from termcheck.readers.language import require_chinese, require_english
from termcheck.textfile import read_text

EXTENSIONS = (".tsv", ".tab")
_HEADER_NAMES = ({"source", "zh", "zh-cn", "chinese"}, {"target", "en", "english", "translation"})


def read_tsv(path: str) -> list[Segment]:
    text = read_text(path)
    segments = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise InputError(path, "expected source<TAB>target", number)
        source, target = line.split("\t", 1)
        if number == 1 and source.strip().lower() in _HEADER_NAMES[0] and target.strip().lower() in _HEADER_NAMES[1]:
            continue
        if "\t" in target:
            raise InputError(path, "more than one TAB; expected source<TAB>target", number, len(source) + len(target.split("\t")[0]) + 2)
        segments.append(
            Segment(source, target, TextOrigin(path, number, 1), TextOrigin(path, number, len(source) + 2), number, path)
        )
    require_chinese("\n".join(s.source for s in segments), path)
    require_english("\n".join(s.target for s in segments), path)
    return segments
