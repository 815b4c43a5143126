"""One finding a line, `file:line:col: severity rule: message`, for editors and pre-commit."""

from __future__ import annotations

from typing import TextIO

from termcheck.model import CheckResult
from termcheck.reporters.summary import summarize


def report(result: CheckResult, out: TextIO) -> None:
    for finding in result.findings:
        segment = f" [segment {finding.segment.id}]" if finding.segment.id else ""
        out.write(f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule}: {finding.message}{segment}\n")
    counts = summarize(result)
    notes = []
    if result.skipped_segments:
        notes.append(f"{result.skipped_segments} segment(s) not translated yet, skipped")
    if result.baselined:
        notes.append(f"{result.baselined} finding(s) in the baseline not shown")
    if result.silenced:
        notes.append(f"{result.silenced} finding(s) silenced in the files not shown")
    if result.findings:
        out.write(f"{counts['errors']} error(s), {counts['warnings']} warning(s) in {counts['files']} file(s)" + "".join(f"; {n}" for n in notes) + "\n")
    elif notes:
        out.write("; ".join(notes) + "\n")
