"""Writing a glossary in the native TOML format and as CSV: the inverse of load.py."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict

from termcheck.model import Entry, Evidence, Superseded

# The columns of an exported table, in the order a spreadsheet user reads them. Every field of an
# entry has a column, so that table → native loses nothing. The columns added with evidence come
# last, so that a table written before them keeps its column order.
TABLE_COLUMNS = (
    "id", "zh", "en", "short", "deprecated", "category", "source", "note", "interchangeable",
    "match", "severity", "scope", "not_after", "not_before", "unverified",
    "deprecated_reasons", "superseded", "superseded_reasons", "evidence", "counterparts", "descriptions",
)
CELL_SEPARATOR = " | "
# The evidence records, and the deprecated renderings with their reasons, in the order TOML
# writes their keys (the order of the dataclass fields, empty ones left out).
_EVIDENCE_ORDER = ("publisher", "title", "date", "url", "quote", "rendering")


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
        if entry.superseded:
            lines.append(f"superseded = {_toml_records([_superseded_table(old) for old in entry.superseded])}")
        if entry.deprecated:
            lines.append(f"deprecated = {_deprecated_toml(entry)}")
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
        for name in ("not_after", "not_before", "counterparts", "descriptions"):
            value = getattr(entry, name)
            if value:
                lines.append(f"{name} = {_toml_list(value)}")
        if entry.unverified:
            lines.append("unverified = true")
        if entry.evidence:
            lines.append(f"evidence = {_toml_records([_evidence_table(record) for record in entry.evidence])}")
    return "\n".join(lines) + "\n"


def _inline_table(fields: dict[str, str]) -> str:
    return "{ " + ", ".join(f"{key} = {_toml_string(value)}" for key, value in fields.items()) + " }"


def _toml_records(tables: Sequence[dict[str, str]]) -> str:
    """One inline table on the line of its key; several, one a line (TOML keeps an inline table
    on one line, but an array may span lines)."""
    if len(tables) == 1:
        return f"[{_inline_table(tables[0])}]"
    return "[\n" + "".join(f"  {_inline_table(table)},\n" for table in tables) + "]"


def _superseded_table(old: Superseded) -> dict[str, str]:
    return {key: value for key, value in asdict(old).items() if value}


def _evidence_table(record: Evidence) -> dict[str, str]:
    return {key: getattr(record, key) for key in _EVIDENCE_ORDER if getattr(record, key)}


def deprecated_reason(entry: Entry, index: int) -> str:
    """The reason given for the entry's deprecated rendering number `index` ("" if none)."""
    return entry.deprecated_reasons[index] if index < len(entry.deprecated_reasons) else ""


def _deprecated_toml(entry: Entry) -> str:
    """A list of strings; a form with a reason as { en = "…", reason = "…" }."""
    items = [
        _inline_table({"en": form, "reason": deprecated_reason(entry, n)}) if deprecated_reason(entry, n) else _toml_string(form)
        for n, form in enumerate(entry.deprecated)
    ]
    return "[" + ", ".join(items) + "]"


def superseded_cell(entry: Entry) -> str:
    """The superseded renderings as a table writes them: "new development concept (since 2020)"."""
    return CELL_SEPARATOR.join(f"{old.en} (since {old.since})" for old in entry.superseded)


def _aligned_cell(values: Sequence[str]) -> str:
    """Values that go with another column's items, one each, empty ones kept in place ("" when
    there is none at all)."""
    return CELL_SEPARATOR.join(values).strip() if any(values) else ""


def evidence_cell(entry: Entry) -> str:
    """The evidence records as a JSON list of the TOML tables: the one cell that needs structure."""
    if not entry.evidence:
        return ""
    return json.dumps([_evidence_table(record) for record in entry.evidence], ensure_ascii=False)


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
                _aligned_cell([deprecated_reason(entry, n) for n in range(len(entry.deprecated))]),
                superseded_cell(entry),
                _aligned_cell([old.reason for old in entry.superseded]),
                evidence_cell(entry),
                CELL_SEPARATOR.join(entry.counterparts),
                CELL_SEPARATOR.join(entry.descriptions),
            ]
        )
    return buffer.getvalue()
