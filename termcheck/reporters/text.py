"""One finding a line, `file:line:col: severity rule: message`, for editors and pre-commit."""

from __future__ import annotations

from typing import TextIO

from termcheck.model import CheckResult
from termcheck.reporters.summary import summarize


def report(result: CheckResult, out: TextIO) -> None:
    for finding in result.findings:
        out.write(f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule}: {finding.message}\n")
    counts = summarize(result)
    if result.findings:
        out.write(f"{counts['errors']} error(s), {counts['warnings']} warning(s) in {counts['files']} file(s)\n")
