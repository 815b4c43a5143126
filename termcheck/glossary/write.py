"""Writing a glossary in the native TOML format and as CSV: the inverse of load.py."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from termcheck.model import Entry

# The columns of an exported table, in the order a spreadsheet user reads them. Every field of an
# entry has a column, so that table → native loses nothing.
TABLE_COLUMNS = (
    "id", "zh", "en", "short", "deprecated", "category", "source", "note", "interchangeable",
    "match", "severity", "scope", "not_after", "not_before", "unverified",
)
CELL_SEPARATOR = " | "


def _toml_string(text: str) -> str:
    # A JSON string without ASCII escaping is a valid TOML basic string: both escape the quote, the
    # backslash and control characters the same way.
    return json.dumps(text, ensure_ascii=False)


def _toml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_toml_string(item) for item in items) + "]"


def as_native(entries: Sequence[Entry], imported_from: str) -> list[Entry]:
    """Imported entries as a native glossary that termcheck's validator accepts: ids well formed
    (a termbase's concept ids may be "C12" or "term 4") and still unique, and the category and
    source a termbase may leave out filled in ("user", the file imported)."""
    from dataclasses import replace

    from termcheck.glossary.shapes import valid_id

    taken: set[str] = set()
    native = []
    for entry in entries:
        entry_id = valid_id(entry.id, entry.preferred, taken)
        taken.add(entry_id)
        native.append(replace(entry, id=entry_id, category=entry.category or "user", source=entry.source or imported_from))
    return native


def entries_to_toml(entries: Sequence[Entry], *, header: str = "") -> str:
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for entry in entries:
        if lines:
            lines.append("")
        lines += ["[[entry]]", f"id = {_toml_string(entry.id)}", f"zh = {_toml_list(entry.zh)}"]
        if entry.en:
            lines.append(f"en = {_toml_list(entry.en)}")
        if entry.short:
            lines.append(f"short = {_toml_list(entry.short)}")
        if entry.deprecated:
            lines.append(f"deprecated = {_toml_list(entry.deprecated)}")
        for name in ("category", "source", "note"):
            value = getattr(entry, name)
            if value:
                lines.append(f"{name} = {_toml_string(value)}")
        if entry.interchangeable:
            lines.append("interchangeable = true")
        for name in ("match", "severity", "scope"):
            value = getattr(entry, name)
            if value:
                lines.append(f"{name} = {_toml_string(value)}")
        for name in ("not_after", "not_before"):
            value = getattr(entry, name)
            if value:
                lines.append(f"{name} = {_toml_list(value)}")
        if entry.unverified:
            lines.append("unverified = true")
    return "\n".join(lines) + "\n"


def entries_to_table(entries: Sequence[Entry], *, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(TABLE_COLUMNS)
    for entry in entries:
        writer.writerow(
            [
                entry.id,
                CELL_SEPARATOR.join(entry.zh),
                CELL_SEPARATOR.join(entry.en),
                CELL_SEPARATOR.join(entry.short),
                CELL_SEPARATOR.join(entry.deprecated),
                entry.category,
                entry.source,
                entry.note,
                "true" if entry.interchangeable else "",
                entry.match,
                entry.severity,
                entry.scope,
                CELL_SEPARATOR.join(entry.not_after),
                CELL_SEPARATOR.join(entry.not_before),
                "true" if entry.unverified else "",
            ]
        )
    return buffer.getvalue()
