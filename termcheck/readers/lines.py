"""Line-based files (TSV, JSON Lines) read a line at a time, so that a large file is never held
whole in memory, and the same lines of a file already read.

A line ends with LF, CR LF or a lone CR, as editors (and `positions.LINE_BREAK`) count them, and
keeps its line break, so that the offset of every line in the file is known as lines are read.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator

from termcheck import inputfs
from termcheck.errors import InputError
from termcheck.model import Segment
from termcheck.positions import line_starts
from termcheck.readers.base import ReadOptions, content_language_problem
from termcheck.textfile import decode_text, read_bytes

# Files this large are read line by line (when they are UTF-8); smaller ones whole, which is
# quicker.
STREAM_BYTES = 8_000_000
_HEAD_BYTES = 1 << 20
# Segments held back at the start of a file until its languages are known to be right.
_LANGUAGE_SAMPLE = 200


def physical_lines(text: str) -> Iterator[str]:
    """The lines of a text, each with its line break."""
    starts = line_starts(text)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if start < end:
            yield text[start:end]


def can_stream(path: str, options: ReadOptions) -> bool:
    """Whether the file is large and UTF-8 (no other encoding named, no BOM of another one, a
    start that decodes), so that it can be read a line at a time."""
    try:
        if options.encoding is not None and codecs.lookup(options.encoding).name != "utf-8":
            return False  # an unknown encoding is reported by the reader
        if inputfs.size(path) < STREAM_BYTES:
            return False
        with inputfs.open_binary(path) as handle:
            head = handle.read(_HEAD_BYTES)
    except (OSError, LookupError):
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:8192]:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def file_lines(path: str, options: ReadOptions) -> Iterator[str]:
    """The lines of a UTF-8 file (after a BOM, if any), read as they are taken. A byte that is not
    UTF-8 further on is reported as reading the file whole would report it."""
    try:
        with io.TextIOWrapper(inputfs.open_binary(path), encoding="utf-8-sig", newline="") as handle:
            yield from handle
    except UnicodeDecodeError:
        raise not_utf8_further_on(path, options) from None


def not_utf8_further_on(path: str, options: ReadOptions) -> InputError:
    """The error for a file that can be read a line at a time but is not UTF-8 further on."""
    # The whole file, decoded as the other readers decode it: the error names the place.
    decode_text(read_bytes(path), path, options.encoding)
    return InputError(path, "not valid UTF-8 further on in the file; name its encoding with --encoding")


class SegmentStream:
    """The segments of one file, made as they are taken. `skipped` and `warnings` are final once
    every segment has been taken."""

    def __init__(
        self, path: str, make: Callable[[SegmentStream], Iterator[Segment]], options: ReadOptions, *, check_content: bool = True, line_format: str = ""
    ) -> None:
        self.path = path
        # The line-based format ("tsv", "jsonl") whose parts workers can read (readers/parts.py),
        # "" for a file read only from its start.
        self.line_format = line_format
        self.options = options
        # Whether the text is checked to be Chinese → English (files without language metadata).
        self._check_content = check_content
        self.skipped = 0
        self.warnings: tuple[str, ...] = ()
        self._make = make
        self._options = options

    @property
    def segments(self) -> Iterator[Segment]:
        segments = self._make(self)
        return self._checked(segments) if self._check_content else segments

    def _held_until_known(self, segments: Iterator[Segment], most: int | None = None) -> list[Segment] | None:
        """The segments at the start, taken until the file's languages can be told: until a
        source has Chinese (or the end) and the target sample is complete; None when `most`
        segments do not tell."""
        from termcheck.scripts import has_chinese

        held: list[Segment] = []
        chinese_seen = self._options.source_language is not None
        for segment in segments:
            held.append(segment)
            chinese_seen = chinese_seen or has_chinese(segment.source)
            if chinese_seen and len(held) >= _LANGUAGE_SAMPLE:
                break
            if most is not None and len(held) >= most:
                return None
        return held

    def starts_chinese_english(self, most: int) -> bool:
        """Whether the start of the file (at most `most` segments of it) shows it to be Chinese →
        English as reading its segments would find it, so that the rest can be read in parts;
        False when it does not or cannot tell. An error in what is read is raised."""
        if not self._check_content:
            return True
        segments = self._make(SegmentStream(self.path, self._make, self._options))
        try:
            held = self._held_until_known(segments, most)
        finally:
            segments.close()  # type: ignore[attr-defined]
        return held is not None and content_language_problem(held, self._options) is None

    def _checked(self, segments: Iterator[Segment]) -> Iterator[Segment]:
        """The segments, held back at first until the file is known to be Chinese → English:
        until a source has Chinese (or the end) and the target sample is complete."""
        held = self._held_until_known(segments)
        assert held is not None
        problem = content_language_problem(held, self._options)
        if problem:
            for _ in segments:
                pass  # read to the end, so that a damaged file is still an error
            self.skipped, self.warnings = 0, (f"{self.path}: skipped: {problem}",)
            return
        yield from held
        del held
        yield from segments
