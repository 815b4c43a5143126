"""The terminal report, laid out for an 80-column terminal and wider: findings grouped by file,
each with its place, severity, rule and message, then the term and the rendering in a short
context, what is expected and the fix, under aligned labels; long text wraps at word boundaries
under its label, never back to column 0. Then the counts by rule and what was checked."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from termcheck.model import CheckResult, Finding, Severity, Span
from termcheck.reporters.locations import source_region
from termcheck.reporters.snippets import snippet
from termcheck.reporters.summary import summarize
from termcheck.shown import shown_english

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_LABELS = ("source", "target", "term at", "expected", "fix")
_LABEL_WIDTH = max(map(len, _LABELS))
# Columns of context shown at most on each side of a term, on a wide terminal.
_MAX_CONTEXT_COLUMNS = 40


def _cut_left(text: str, columns: int) -> str:
    """The end of `text` within `columns` display columns, from a word start where the text has
    spaces, with "…" where it was cut."""
    if cell_len(text) <= columns:
        return text
    kept = ""
    for character in reversed(text):
        if cell_len(kept) + cell_len(character) > columns - 1:
            break
        kept = character + kept
    if " " in kept and not kept.startswith(" ") and text[len(text) - len(kept) - 1 : len(text) - len(kept)] != " ":
        kept = kept[kept.index(" ") + 1 :]
    return "…" + kept.lstrip()


def _cut_right(text: str, columns: int) -> str:
    if cell_len(text) <= columns:
        return text
    kept = ""
    for character in text:
        if cell_len(kept) + cell_len(character) > columns - 1:
            break
        kept += character
    if " " in kept and text[len(kept) : len(kept) + 1] != " ":
        kept = kept[: kept.rindex(" ")]
    return kept.rstrip() + "…"


def _context(text: str, span: Span | None, style: str, columns: int) -> Text | None:
    """The span with a little of its line on each side, fitted to `columns`; a one-line segment
    is shown even without a span (its start), a whole document is not."""
    if span is None:
        if "\n" in text.strip() or not text.strip():
            return None
        span = Span(0, 0)
    part = snippet(text, span)
    marked = shown_english(part.marked)
    room = max(columns - cell_len(marked), 0)
    side = min(room // 2, _MAX_CONTEXT_COLUMNS)
    before_text, after_text = shown_english(part.before), shown_english(part.after)
    # Where the snippet was cut inside a word, leave the piece of the word out.
    if before_text.startswith("…"):
        before_text = before_text[1:]
        before_text = before_text[before_text.index(" ") + 1 :] if " " in before_text.strip() else before_text
    if after_text.endswith("…"):
        after_text = after_text[:-1]
        after_text = after_text[: after_text.rindex(" ")] if " " in after_text.strip() else after_text
    before = _cut_left(before_text, side) if before_text.strip() else ""
    after = _cut_right(after_text, room - cell_len(before)) if after_text.strip() else ""
    if part.before.startswith("…") and not before.startswith("…"):
        before = "…" + before
    if part.after.endswith("…") and not after.endswith("…"):
        after += "…"
    line = Text(before)
    line.append(marked, style=style)
    line.append(after)
    return line


def _print_wrapped(console: Console, prefix: Text, body: Text, width: int) -> None:
    """`prefix`, then `body` wrapped at word boundaries to the width left beside it, each further
    line indented under the first."""
    indent = prefix.cell_len
    for number, line in enumerate(body.wrap(console, max(width - indent, 20))):
        line.rstrip()
        console.print((prefix if number == 0 else Text(" " * indent)) + line, soft_wrap=True)


def _print_finding(console: Console, finding: Finding, place_width: int, width: int) -> None:
    """The place, severity, rule and message on the first line (the message wrapped under
    itself), then the labelled details under the message."""
    head = Text()
    head.append(finding.severity.value, style=_SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.rule}", style="bold")
    if finding.segment.id:
        head.append(f" [{finding.segment.id}]", style="dim")
    head.append(" ")
    head.append(finding.message)
    place = f"{finding.line}:{finding.column}".rjust(place_width + 2) + " "
    _print_wrapped(console, Text(place), head, width)
    indent = " " * len(place)
    # The context fits the room beside the place and the label, on one line.
    columns = max(width - len(place) - (_LABEL_WIDTH + 1), 20)
    segment = finding.segment
    details: list[tuple[str, Text]] = []
    for label, text, span, style in (
        ("source", segment.source, finding.source_span, "bold cyan"),
        ("target", segment.target, finding.target_span, "bold magenta"),
    ):
        line = _context(text, span, style, columns)
        if line is not None:
            details.append((label, line))
    term = source_region(finding)
    if term is not None and finding.rule == "missing":
        # A near miss points at the translation; where the term is, for the other file.
        details.append(("term at", Text(f"{term.file}:{term.start_line}:{term.start_column}")))
    if finding.expected:
        details.append(("expected", Text(" / ".join(finding.expected), style="green")))
    if finding.fix:
        details.append(("fix", Text(finding.fix)))
    for label, value in details:
        _print_wrapped(console, Text(indent) + Text(label.ljust(_LABEL_WIDTH), style="dim") + Text(" "), value, width)


def _summary(result: CheckResult) -> Group:
    counts = summarize(result)
    parts: list[Text | Table] = []
    if counts["by_rule"]:
        parts.append(Text("Findings by rule", style="bold"))
        by_rule = Table.grid(padding=(0, 2))
        by_rule.add_column()
        by_rule.add_column(justify="right")
        for rule, count in counts["by_rule"].items():
            by_rule.add_row(f"  {rule}", str(count))
        parts.append(by_rule)
    checked = [
        f"{counts['files']} file{'s' if counts['files'] != 1 else ''}",
        f"{counts['segments']} segment{'s' if counts['segments'] != 1 else ''}",
        f"{counts['source_terms']} glossary term{'s' if counts['source_terms'] != 1 else ''} in the source",
    ]
    if result.skipped_segments:
        checked.append(f"{result.skipped_segments} segment(s) not translated yet, skipped")
    if result.baselined:
        checked.append(f"{result.baselined} finding(s) in the baseline not shown")
    if result.silenced:
        checked.append(f"{result.silenced} finding(s) silenced in the files not shown")
    line = Text("Checked ", style="bold")
    line.append(", ".join(checked))
    parts.append(line)
    verdict = Text(f"{counts['errors']} error(s), {counts['warnings']} warning(s)")
    verdict.stylize("bold red" if counts["errors"] else "bold yellow" if counts["warnings"] else "bold green")
    parts.append(verdict)
    return Group(*parts)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Not rich's own exit: the command line decides what a closed pipe means.
        self.quiet = True
        raise BrokenPipeError


def report(result: CheckResult, out: TextIO) -> None:
    console = _Console(file=out, highlight=False)
    width = console.width
    # The places of a file are aligned to its widest: a first pass finds each file's width, so
    # that the findings (perhaps read back from a temporary file) are not held to print them.
    widths = [max(len(f"{f.line}:{f.column}") for f in group) for _, group in groupby(result.findings, key=lambda f: f.file)]
    for (file, findings), place_width in zip(groupby(result.findings, key=lambda f: f.file), widths):
        console.print(Text(file, style="bold underline"), overflow="fold")
        for finding in findings:
            _print_finding(console, finding, place_width, width)
        console.print()
    console.print(_summary(result))
