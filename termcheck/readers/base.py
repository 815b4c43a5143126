"""What every reader returns, and the language rules they share."""

from __future__ import annotations

from dataclasses import dataclass

from termcheck.model import Segment
from termcheck.readers.language import more_chinese_than_latin
from termcheck.scripts import has_chinese

DEFAULT_SOURCE_LANGUAGE = "zh"
DEFAULT_TARGET_LANGUAGE = "en"


@dataclass(frozen=True)
class ReadOptions:
    # Language codes that override what a file declares (XLIFF, PO) or choose its variants (TMX).
    source_language: str | None = None
    target_language: str | None = None
    # Check segments that are not translations yet (empty, fuzzy, untranslated, locked) too.
    include_unfinished: bool = False
    # The encoding of every text input (default: UTF-8, a BOM, or detected).
    encoding: str | None = None


@dataclass(frozen=True)
class FileSegments:
    """The segments read from one file, with what was passed over."""

    path: str
    segments: tuple[Segment, ...]
    skipped: int = 0
    warnings: tuple[str, ...] = ()


def normalize_language(code: str) -> str:
    return code.strip().replace("_", "-").lower()


def language_matches(code: str | None, wanted: str) -> bool:
    """zh matches zh, zh-CN, zh-Hans-CN …; zh-TW matches zh-TW and zh-TW-… only."""
    if not code:
        return False
    code, wanted = normalize_language(code), normalize_language(wanted)
    return code == wanted or code.startswith(wanted + "-")


def skipped_file(path: str, reason: str) -> FileSegments:
    return FileSegments(path, (), 0, (f"{path}: skipped: {reason}",))



def content_language_problem(segments: tuple[Segment, ...] | list[Segment], options: ReadOptions) -> str | None:
    """Why a file without language metadata does not look like Chinese → English, or None."""
    if not segments:
        return None
    if options.source_language is None and not any(has_chinese(s.source) for s in segments):
        return "no Chinese in the source text (use --source-lang to check it anyway)"
    if options.target_language is None:
        # A sample is enough to tell English from Chinese, and keeps this cheap on huge files.
        target = "".join(s.target[:2000] for s in segments[:200])
        if more_chinese_than_latin(target):
            return "the target text is not English (use --target-lang to check it anyway)"
    return None
