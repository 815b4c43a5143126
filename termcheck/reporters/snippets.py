"""The line around a span, cut to a readable width, for reports that show context."""

from __future__ import annotations

from dataclasses import dataclass

from termcheck.model import Span

CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Snippet:
    before: str
    marked: str
    after: str


def snippet(text: str, span: Span, context: int = CONTEXT_CHARS) -> Snippet:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, span.start - context)
    end = min(line_end, span.end + context)
    before = ("…" if start > line_start else "") + text[start:span.start]
    after = text[span.end:end].rstrip("\r") + ("…" if end < line_end else "")
    return Snippet(before, text[span.start:span.end], after)
