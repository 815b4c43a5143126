"""JUnit XML for CI dashboards: one test case per file checked, a failure per finding."""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from termcheck.model import CheckResult, Finding
from termcheck.reporters.locations import source_region


def _failure(finding: Finding) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    segment = f" [segment {finding.segment.id}]" if finding.segment.id else ""
    body = f"{where}: {finding.severity.value} {finding.rule}: {finding.message}{segment}"
    term = source_region(finding)
    if term is not None and finding.rule == "missing":
        body += f"\nterm at: {term.file}:{term.start_line}:{term.start_column}"
    if finding.fix:
        body += f"\nfix: {finding.fix}"
    return (
        f"      <failure type={quoteattr(finding.rule)} message={quoteattr(finding.message)}>"
        f"{escape(body)}</failure>\n"
    )


def report(result: CheckResult, out: TextIO) -> None:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[finding.segment.document or finding.file].append(finding)
    files = list(result.files) + [f for f in by_file if f not in result.files]
    failures = len(result.findings)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="termcheck" tests="{len(files)}" failures="{failures}" errors="0">\n')
    out.write(
        f'  <testsuite name="termcheck" tests="{len(files)}" failures="{failures}" errors="0" '
        f'skipped="0">\n'
    )
    for file in files:
        findings = by_file.get(file, [])
        out.write(f"    <testcase classname=\"termcheck\" name={quoteattr(file)} file={quoteattr(file)}")
        if not findings:
            out.write("/>\n")
            continue
        out.write(">\n")
        for finding in findings:
            out.write(_failure(finding))
        out.write("    </testcase>\n")
    out.write("  </testsuite>\n</testsuites>\n")
