"""Printing what the glossary commands produce: validation problems and statistics."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO

from termcheck.glossary.stats import GlossaryStats
from termcheck.glossary.validate import ValidationReport
from termcheck.model import Severity


def print_validation(report: ValidationReport, out: TextIO, *, level: Severity = Severity.INFO, as_json: bool = False) -> None:
    shown = [p for p in report.problems if p.severity.rank >= level.rank]
    counts = {severity.value: report.count(severity) for severity in Severity}
    if as_json:
        payload = {
            "files": list(report.files),
            "entries": report.entry_count,
            "counts": counts,
            "problems": [
                {"severity": p.severity.value, "path": p.path, "line": p.line, "column": p.column, "code": p.code, "message": p.message}
                for p in shown
            ],
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for problem in shown:
        out.write(f"{problem}\n")
    hidden = len(report.problems) - len(shown)
    tail = f" ({hidden} below --level {level.value} not shown)" if hidden else ""
    out.write(
        f"{report.entry_count} {'entry' if report.entry_count == 1 else 'entries'} in {len(report.files)} file{'s' if len(report.files) != 1 else ''}: "
        f"{counts['error']} error{'s' if counts['error'] != 1 else ''}, "
        f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}, {counts['info']} info{tail}\n"
    )


def print_stats(stats: GlossaryStats, out: TextIO, *, as_json: bool = False, top: int = 20) -> None:
    if as_json:
        payload = asdict(stats)
        for key in ("by_category", "by_source", "by_file"):
            payload[key] = dict(getattr(stats, key))
        payload["evidence_by_file"] = {name: asdict(counts) for name, counts in stats.evidence_by_file}
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    out.write(
        f"{stats.entries} entries from {stats.files} file{'s' if stats.files != 1 else ''}: "
        f"{stats.chinese_forms} Chinese forms, {stats.renderings} renderings, {stats.short_forms} short forms, "
        f"{stats.deprecated} deprecated renderings, {stats.superseded} superseded renderings, {stats.with_note} entries with a note\n"
    )
    evidence = stats.evidence
    out.write(
        f"Evidence: {evidence.with_evidence} entries with evidence ({_share(evidence.with_evidence, evidence.entries)}), "
        f"{evidence.unverified} marked unverified, {evidence.neither} with neither; "
        f"{evidence.with_deprecated} entries with deprecated renderings, {evidence.with_superseded} with superseded ones\n"
    )
    for title, rows in (("By category", stats.by_category), ("By source", stats.by_source), ("By file", stats.by_file)):
        out.write(f"\n{title}:\n")
        limited = rows if top <= 0 or title != "By source" else rows[:top]
        width = max((len(name) for name, _ in limited), default=0)
        for name, count in limited:
            out.write(f"  {name:<{width}}  {count:>5}\n")
        if len(limited) < len(rows):
            rest = sum(count for _, count in rows[len(limited):])
            out.write(f"  … {len(rows) - len(limited)} more sources ({rest} citations); --top 0 lists all\n")
    _print_evidence_by_file(stats, out)


_EVIDENCE_COLUMNS = ("entries", "evidence", "share", "unverified", "neither", "deprecated", "superseded")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def _print_evidence_by_file(stats: GlossaryStats, out: TextIO) -> None:
    """Per file and in total: entries, with evidence (and their share), unverified, neither, and
    entries with deprecated and with superseded renderings."""
    rows = [*stats.evidence_by_file, ("total", stats.evidence)]
    width = max(len(name) for name, _ in rows)
    out.write("\nEvidence by file (entries; the last two: entries with deprecated, superseded renderings):\n")
    out.write(f"  {'':<{width}}" + "".join(f"  {column:>10}" for column in _EVIDENCE_COLUMNS) + "\n")
    for name, counts in rows:
        cells = (
            counts.entries, counts.with_evidence, _share(counts.with_evidence, counts.entries), counts.unverified,
            counts.neither, counts.with_deprecated, counts.with_superseded,
        )
        out.write(f"  {name:<{width}}" + "".join(f"  {cell:>10}" for cell in cells) + "\n")
