"""JUnit XML for CI dashboards: one test case per file checked, a failure per finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from termcheck.model import CheckResult, Finding
from termcheck.reporters.locations import source_region
from termcheck.sortedfindings import close_findings, sort_findings


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
    # A test case per file, in the order the files were checked, then the documents named only
    # by findings: the findings are put in that order (a stable sort, which spills to a temporary
    # file when they are many) rather than grouped in memory.
    files = list(result.files)
    position: dict[str, int] = {}
    for number, file in enumerate(files):
        position.setdefault(file, number)

    def suite_file(finding: Finding) -> str:
        return finding.segment.document or finding.file

    def registered(findings: Iterable[Finding]) -> Iterator[Finding]:
        for finding in findings:
            file = suite_file(finding)
            if file not in position:
                position[file] = len(files)
                files.append(file)
            yield finding

    ordered = sort_findings(registered(result.findings), key=lambda finding: (position[suite_file(finding)],))
    try:
        _write(files, ordered, suite_file, out, baselined=result.baselined, silenced=result.silenced, skipped_segments=result.skipped_segments)
    finally:
        close_findings(ordered)


def _write(
    files: list[str], ordered: Sequence[Finding], suite_file: Callable[[Finding], str], out: TextIO, *, baselined: int, silenced: int, skipped_segments: int
) -> None:
    failures = len(ordered)
    by_file = groupby(ordered, key=suite_file)
    current = next(by_file, None)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="termcheck" tests="{len(files)}" failures="{failures}" errors="0">\n')
    out.write(
        f'  <testsuite name="termcheck" tests="{len(files)}" failures="{failures}" errors="0" '
        f'skipped="0">\n'
    )
    # What the failures leave out, as the suite's properties (a dashboard shows only failures).
    out.write("    <properties>\n")
    for name, value in (("baselined", baselined), ("silenced", silenced), ("skipped_segments", skipped_segments)):
        out.write(f"      <property name=\"{name}\" value=\"{value}\"/>\n")
    out.write("    </properties>\n")
    for file in files:
        out.write(f"    <testcase classname=\"termcheck\" name={quoteattr(file)} file={quoteattr(file)}")
        if current is None or current[0] != file:
            out.write("/>\n")
            continue
        out.write(">\n")
        for finding in current[1]:
            out.write(_failure(finding))
        out.write("    </testcase>\n")
        current = next(by_file, None)
    out.write("  </testsuite>\n</testsuites>\n")
