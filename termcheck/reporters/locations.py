"""Where a finding is, as a region of a file (start and end line and column), and the edit that
fixes it when there is one: what SARIF and the HTML report need beyond line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from termcheck.model import Finding, Span, TextOrigin
from termcheck.positions import breaks_within, locate


@dataclass(frozen=True)
class Region:
    file: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True)
class RegionEdit:
    """A finding's replacement as an edit of its file: the region replaced and the new text."""

    region: Region
    new_text: str


def _region(origin: TextOrigin, text: str, span: Span) -> Region:
    start_line, start_column = locate(origin, text, span.start)
    if span.end > span.start:
        end_line, last_column = locate(origin, text, span.end - 1)
        end_column = last_column + 1
    else:
        end_line, end_column = start_line, start_column
    return Region(origin.path, start_line, start_column, end_line, end_column, text[span.start : span.end])


def target_region(finding: Finding, span: Span) -> Region:
    """A span of the finding's target text as a region of the target file."""
    return _region(finding.segment.target_origin, finding.segment.target, span)


def finding_region(finding: Finding) -> Region:
    """The text the finding points at: the rendering in the target (deprecated, inconsistent, a
    near miss), else the source term."""
    segment = finding.segment
    if finding.target_span is not None:
        return _region(segment.target_origin, segment.target, finding.target_span)
    if finding.source_span is not None:
        return _region(segment.source_origin, segment.source, finding.source_span)
    return Region(finding.file, finding.line, finding.column, finding.line, finding.column, "")


def source_region(finding: Finding) -> Region | None:
    """The source term of a finding that points into the target (the term a deprecated rendering
    or a near miss translates), else None."""
    segment = finding.segment
    if finding.source_span is None or finding.target_span is None:
        return None
    return _region(segment.source_origin, segment.source, finding.source_span)


def replacement_edit(finding: Finding) -> RegionEdit | None:
    """The finding's replacement as an edit of the target file, where it replaces one unbroken run
    of the file's text (never across inline markup or an escape) with a text the file holds as it
    reads (no escape or quoting): then it is the edit `termcheck fix` makes."""
    from termcheck.fixing import written_as_it_reads

    replacement = finding.replacement
    if replacement is None:
        return None
    segment, span = finding.segment, replacement.span
    if breaks_within(segment.target_origin, span.start, span.end) or not written_as_it_reads(finding):
        return None
    return RegionEdit(_region(segment.target_origin, segment.target, span), replacement.text)


def relative_uri(path: str) -> str:
    """A file as a URI relative to the current folder (SARIF's %SRCROOT%), posix-style."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_uri()


__all__ = ["Region", "RegionEdit", "finding_region", "relative_uri", "replacement_edit", "source_region", "target_region"]
