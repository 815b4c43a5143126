"""The JSON report: a public interface, documented in the README (schema 1)."""

from __future__ import annotations

import json
from itertools import islice
from typing import Any, TextIO

from termcheck.model import CheckResult, Finding, Span
from termcheck.reporters.locations import target_region
from termcheck.positions import locate
from termcheck.reporters.summary import summarize

SCHEMA_VERSION = 1


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _source_place(finding: Finding) -> dict[str, Any] | None:
    """Where the source term is: the finding's own place for most `missing` findings, another
    file or line for one that points into the target."""
    if finding.source_span is None:
        return None
    origin = finding.segment.source_origin
    line, column = locate(origin, finding.segment.source, finding.source_span.start)
    return {"file": origin.path, "line": line, "column": column}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "term": finding.term,
        "entry": finding.entry_id,
        "source_text": finding.source_text,
        "expected": list(finding.expected),
        "found": finding.found,
        "file": finding.file,
        "segment": finding.segment.number,
        "segment_id": finding.segment.id or None,
        "segment_line": finding.segment.source_origin.line,
        "line": finding.line,
        "column": finding.column,
        "source_span": _span(finding.source_span),
        "target_span": _span(finding.target_span),
        "source_place": _source_place(finding),
        "message": finding.message,
        "fix": finding.fix,
        "replacement": _replacement(finding),
    }


def _replacement(finding: Finding) -> dict[str, Any] | None:
    """The edit that applies the fix: the span of the target text and the new text, and where the
    span is in the target file."""
    if finding.replacement is None:
        return None
    span = finding.replacement.span
    region = target_region(finding, span)
    return {
        "target_span": [span.start, span.end],
        "text": finding.replacement.text,
        "file": region.file,
        "line": region.start_line,
        "column": region.start_column,
        "end_line": region.end_line,
        "end_column": region.end_column,
    }


def result_to_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "summary": summarize(result),
        "findings": [finding_to_dict(f) for f in result.findings],
    }


def report(result: CheckResult, out: TextIO) -> None:
    """The report object, with each finding on a line of its own: readable, easy to diff and grep,
    and written by the json module's C encoder (indenting every field takes the pure-Python
    encoder, seconds on a report of many findings). Findings are encoded and written a batch at a
    time, so that a large report is never held whole in memory."""
    head = json.dumps({"schema": SCHEMA_VERSION, "summary": summarize(result)}, ensure_ascii=False, indent=2)[:-2]
    if not result.findings:
        out.write(head + ',\n  "findings": []\n}\n')
        return
    out.write(head + ',\n  "findings": [\n')
    encode = json.JSONEncoder(ensure_ascii=False).encode
    findings = iter(result.findings)
    batch = list(islice(findings, _BATCH))
    while batch:
        following = list(islice(findings, _BATCH))
        out.write(",\n".join("    " + encode(finding_to_dict(f)) for f in batch) + (",\n" if following else "\n"))
        batch = following
    out.write("  ]\n}\n")


_BATCH = 1000
