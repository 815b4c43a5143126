"""Readers turn input files into Segments; they know nothing about glossaries or rules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termcheck.errors import InputError, UsageError
from termcheck.model import Segment
from termcheck.readers import pair, tsv

ALIGN_MODES = ("document", "lines")


def read_segments(paths: Sequence[str], *, align: str = "document") -> list[Segment]:
    """Segments from the paths given on the command line: a source and a target text file, or one
    bilingual file."""
    if align not in ALIGN_MODES:
        raise UsageError(f"--align must be one of {', '.join(ALIGN_MODES)}, not {align!r}")
    if len(paths) == 2:
        return pair.read_pair(paths[0], paths[1], align=align)
    if len(paths) == 1:
        path = paths[0]
        if Path(path).suffix.lower() in tsv.EXTENSIONS:
            return tsv.read_tsv(path)
        raise InputError(path, "a plain-text source needs its translation: termcheck check SOURCE TARGET (or give one bilingual .tsv file)")
    raise UsageError(f"expected SOURCE TARGET or one bilingual file, got {len(paths)} paths")


__all__ = ["ALIGN_MODES", "read_segments"]
