"""Counts shared by every reporter's summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

from termcheck.model import CheckResult, Severity


def summarize(result: CheckResult) -> dict[str, Any]:
    by_severity = Counter(f.severity.value for f in result.findings)
    by_rule = Counter(f.rule for f in result.findings)
    return {
        "files": result.documents,
        "segments": result.segments,
        "source_terms": result.source_terms,
        "findings": len(result.findings),
        "errors": by_severity.get(Severity.ERROR.value, 0),
        "warnings": by_severity.get(Severity.WARNING.value, 0),
        "by_rule": dict(sorted(by_rule.items())),
        "skipped_segments": result.skipped_segments,
        "baselined": result.baselined,
        "silenced": result.silenced,
        "input_warnings": list(result.warnings),
    }
