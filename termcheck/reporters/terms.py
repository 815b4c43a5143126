"""The term list (termcheck/terms.py) as a terminal table, CSV/TSV, JSON, or a TBX termbase."""

from __future__ import annotations

import csv
import io
from collections import Counter
import json
from typing import Any, TextIO

from termcheck.terms import TermList, TermRow, UseStatus

FORMATS = ("rich", "csv", "tsv", "json", "tbx")
# The version of the JSON document; a change that breaks it bumps it.
JSON_SCHEMA = 1
CELL_SEPARATOR = " | "
# Accepted renderings shown in the terminal below the preferred one (all are in csv and json).
_ALTERNATIVES_SHOWN = 2
_STATUS_STYLE = {
    UseStatus.PREFERRED: "green",
    UseStatus.ACCEPTED: "cyan",
    UseStatus.SUPERSEDED: "yellow",
    UseStatus.DEPRECATED: "bold red",
    UseStatus.REWORDED: "cyan",
    UseStatus.ABSENT: "bold red",
    UseStatus.UNTRANSLATED: "dim",
}


def _row_values(row: TermRow, with_target: bool) -> list[str]:
    values = [
        row.entry.id,
        row.headword,
        CELL_SEPARATOR.join(row.forms),
        str(row.count),
        row.preferred,
        CELL_SEPARATOR.join(row.accepted),
        CELL_SEPARATOR.join(row.superseded),
        CELL_SEPARATOR.join(row.entry.deprecated),
    ]
    if with_target:
        uses = row.uses or ()
        values += [
            CELL_SEPARATOR.join(use.rendering for use in uses),
            CELL_SEPARATOR.join(use.status.value for use in uses),
            CELL_SEPARATOR.join(str(use.count) for use in uses),
            row.status.value if row.status else "",
        ]
    return values


def table_columns(with_target: bool) -> list[str]:
    columns = ["id", "zh", "source_forms", "count", "preferred", "accepted", "superseded", "deprecated"]
    return columns + (["target", "target_status", "target_count", "status"] if with_target else [])


def terms_to_table(terms: TermList, *, delimiter: str = ",") -> str:
    """A header row, then a row per term; several values in a cell are separated by ' | ', and a
    translation's renderings, their statuses and counts are in the same order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(table_columns(terms.with_target))
    for row in terms.rows:
        writer.writerow(_row_values(row, terms.with_target))
    return buffer.getvalue()


def _row_json(row: TermRow, with_target: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "entry": row.entry.id,
        "term": row.headword,
        "source_forms": list(row.forms),
        "count": row.count,
        "preferred": row.preferred,
        "accepted": list(row.accepted),
        "superseded": list(row.superseded),
        "deprecated": list(row.entry.deprecated),
    }
    if with_target:
        record["target"] = [{"rendering": use.rendering, "status": use.status.value, "count": use.count} for use in row.uses or ()]
        record["status"] = row.status.value if row.status else None
    return record


def terms_to_json(terms: TermList) -> str:
    """One object: the files read, whether a translation was given, and the terms, one a line
    (as `check --format json` writes its findings)."""
    rows = ",\n".join("  " + json.dumps(_row_json(row, terms.with_target), ensure_ascii=False) for row in terms.rows)
    return (
        "{\n"
        f' "schema": {JSON_SCHEMA},\n'
        f' "files": {json.dumps(list(terms.files), ensure_ascii=False)},\n'
        f' "with_target": {json.dumps(terms.with_target)},\n'
        + (f' "terms": [\n{rows}\n ]\n' if rows else ' "terms": []\n')
        + "}\n"
    )


def terms_to_tbx(terms: TermList, *, title: str) -> str:
    """The entries of the listed terms as a TBX-Basic termbase, each with the forms the source
    writes (traditional script, say) among its Chinese terms, so that a CAT tool finds them."""
    from dataclasses import replace

    from termcheck.glossary.tbx import entries_to_tbx

    entries = [replace(row.entry, zh=tuple(dict.fromkeys(row.entry.zh + row.forms))) for row in terms.rows]
    return entries_to_tbx(entries, title=title)


def print_terms(terms: TermList, out: TextIO) -> None:
    """A table for the terminal: the term and its forms, the glossary's renderings, and what the
    translation uses, coloured by status."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False)
    if not terms.rows:
        console.print("No glossary terms in the source.")
        return
    table = Table(show_header=True, header_style="bold", show_lines=True)
    # Chinese forms fold anywhere; eight characters fill the column.
    table.add_column("term", max_width=18, overflow="fold")
    table.add_column("×", justify="right")
    table.add_column("glossary", ratio=1)
    if terms.with_target:
        table.add_column("translation", ratio=1)
        table.add_column("status", no_wrap=True)
    for row in terms.rows:
        term = Text(row.headword)
        others = [form for form in row.forms if form != row.headword]
        if others:
            term.append("\n" + "\n".join(others), style="dim")
        glossary = Text(row.preferred, style="green")
        for alternative in row.accepted[:_ALTERNATIVES_SHOWN]:
            glossary.append("\n" + alternative, style="cyan")
        if len(row.accepted) > _ALTERNATIVES_SHOWN:
            glossary.append(f"\n+{len(row.accepted) - _ALTERNATIVES_SHOWN} more", style="dim")
        cells: list[Text | str] = [term, str(row.count), glossary]
        if terms.with_target:
            translation = Text()
            for number, use in enumerate(row.uses or ()):
                translation.append(("\n" if number else "") + use.rendering, style=_STATUS_STYLE[use.status])
                translation.append(f" ×{use.count}", style="dim")
            status = row.status or UseStatus.UNTRANSLATED
            cells += [translation, Text(status.value, style=_STATUS_STYLE[status])]
        table.add_row(*cells)
    console.print(table)
    summary = f"{len(terms.rows)} term(s), {sum(row.count for row in terms.rows)} occurrence(s)"
    if terms.with_target:
        counts = Counter(row.status for row in terms.rows)
        summary += ": " + ", ".join(f"{counts[status]} {status.value}" for status in _STATUS_STYLE if counts[status])
    console.print(summary)


def render(terms: TermList, name: str, out: TextIO, *, title: str = "") -> None:
    if name == "rich":
        print_terms(terms, out)
    elif name == "json":
        out.write(terms_to_json(terms))
    elif name == "tbx":
        out.write(terms_to_tbx(terms, title=title or "termcheck terms"))
    elif name in ("csv", "tsv"):
        out.write(terms_to_table(terms, delimiter="," if name == "csv" else "\t"))
    else:
        raise ValueError(f"unknown format {name!r}")
