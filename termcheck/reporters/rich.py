"""The terminal report: findings grouped by file, each with its source and target in context,
the term and the rendering highlighted, then a summary table."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from termcheck.model import CheckResult, Finding, Severity, Span
from termcheck.reporters.snippets import snippet
from termcheck.reporters.summary import summarize

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}


def _context_line(label: str, text: str, span: Span | None, style: str) -> Text | None:
    """The span's line with the span highlighted; a one-line segment is shown even without a span,
    a whole document is not."""
    if span is None:
        if "\n" in text.strip() or not text.strip():
            return None
        span = Span(0, 0)
    part = snippet(text, span)
    line = Text(f"    {label} ", style="dim")
    # One line on screen, even where the term itself is broken across lines in the file.
    line.append(_one_line(part.before))
    line.append(_one_line(part.marked), style=style)
    line.append(_one_line(part.after))
    return line


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _render_finding(console: Console, finding: Finding) -> None:
    head = Text(f"  {finding.line}:{finding.column} ")
    if finding.segment.id:
        head.append(f"[{finding.segment.id}] ", style="dim")
    head.append(finding.severity.value, style=_SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.rule} ", style="bold")
    head.append(finding.message)
    console.print(head)
    segment = finding.segment
    for line in (
        _context_line("source", segment.source, finding.source_span, "bold cyan"),
        _context_line("target", segment.target, finding.target_span, "bold magenta"),
    ):
        if line is not None:
            console.print(line)
    if finding.expected:
        console.print(Text("    expected ", style="dim") + Text(" / ".join(finding.expected), style="green"))
    if finding.fix:
        console.print(Text("    fix      ", style="dim") + Text(finding.fix))


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Not rich's own exit: the command line decides what a closed pipe means.
        self.quiet = True
        raise BrokenPipeError


def report(result: CheckResult, out: TextIO) -> None:
    console = _Console(file=out, highlight=False, soft_wrap=True)
    for file, findings in groupby(result.findings, key=lambda f: f.file):
        console.print(Text(file, style="bold underline"))
        for finding in findings:
            _render_finding(console, finding)
        console.print()
    counts = summarize(result)
    table = Table(title="termcheck summary", show_header=True, header_style="bold")
    table.add_column("rule")
    table.add_column("findings", justify="right")
    for rule, count in counts["by_rule"].items():
        table.add_row(rule, str(count))
    table.add_row("files", str(counts["files"]), style="dim")
    table.add_row("segments", str(counts["segments"]), style="dim")
    if result.skipped_segments:
        table.add_row("segments skipped (not translated yet)", str(result.skipped_segments), style="dim")
    if result.baselined:
        table.add_row("findings in the baseline (not shown)", str(result.baselined), style="dim")
    table.add_row("glossary terms in source", str(counts["source_terms"]), style="dim")
    console.print(table)
    verdict = Text(f"{counts['errors']} error(s), {counts['warnings']} warning(s)")
    verdict.stylize("bold red" if counts["errors"] else "bold yellow" if counts["warnings"] else "bold green")
    console.print(verdict)
