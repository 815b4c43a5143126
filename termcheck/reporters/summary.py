"""Counts shared by every reporter's summary."""

from __future__ import annotations

from typing import Any

from termcheck.model import CheckResult, Severity
from termcheck.sortedfindings import count_findings


def summarize(result: CheckResult) -> dict[str, Any]:
    # Counted as the findings were sorted: a report writes its summary before its findings
    # without a pass over them.
    counts = count_findings(result.findings)
    return {
        "files": result.documents,
        "segments": result.segments,
        "source_terms": result.source_terms,
        "findings": counts.total,
        "errors": counts.by_severity.get(Severity.ERROR, 0),
        "warnings": counts.by_severity.get(Severity.WARNING, 0),
        "by_rule": dict(sorted(counts.by_rule.items())),
        "skipped_segments": result.skipped_segments,
        "baselined": result.baselined,
        "silenced": result.silenced,
        "input_warnings": list(result.warnings),
    }
