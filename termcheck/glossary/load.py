"""Load glossary files (native TOML, or CSV/TSV with a header row) and merge them."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from termcheck.entrykind import MATCH_MODES, SCOPES, SEVERITIES
from termcheck.errors import InputError
from termcheck.glossary.builtin import builtin_glossary_files
from termcheck.glossary.patterns import expand_pattern
from termcheck.glossary.shapes import ACRONYM, made_id
from termcheck.glossary.write import TABLE_COLUMNS
from termcheck.model import Entry, Evidence, Glossary, Superseded
from termcheck.textfile import read_bytes, read_text

_LIST_FIELDS = ("zh", "en", "short", "not_after", "not_before", "counterparts", "descriptions")
_TEXT_FIELDS = ("id", "category", "source", "note")
# Fields with a fixed set of values ("" leaves the choice to termcheck.entrykind).
_CHOICE_FIELDS = {"match": MATCH_MODES, "severity": SEVERITIES, "scope": SCOPES}
_FLAG_FIELDS = ("interchangeable", "unverified")
_RECORD_FIELDS = ("deprecated", "superseded", "evidence")
_KNOWN_FIELDS = frozenset(_LIST_FIELDS + _TEXT_FIELDS + tuple(_CHOICE_FIELDS) + _FLAG_FIELDS + _RECORD_FIELDS)
# The keys of the tables in `evidence`, `superseded` and `deprecated` lists: (required, optional).
_EVIDENCE_KEYS = (("publisher", "title", "date"), ("rendering", "url", "quote"))
_SUPERSEDED_KEYS = (("en", "since"), ("reason",))
_DEPRECATED_KEYS = (("en",), ("reason",))
_TABLE_COLUMNS = frozenset(TABLE_COLUMNS)
_TRUE_CELLS = frozenset({"true", "yes", "1", "x"})
_FALSE_CELLS = frozenset({"", "false", "no", "0"})
_CELL_SEPARATOR = re.compile(r"\s*\|\s*")


def load_glossary(paths: Sequence[str | Path] = (), *, builtin: bool = True) -> Glossary:
    """The built-in glossary (unless builtin=False) with each user file merged over it in order."""
    entries: list[Entry] = []
    if builtin:
        for builtin_file in builtin_glossary_files():
            entries.extend(read_glossary_file(builtin_file))
    for user_file in paths:
        entries = merge_entries(entries, read_glossary_file(user_file))
    return Glossary(tuple(entries))


def merge_entries(base: Iterable[Entry], overrides: Sequence[Entry]) -> list[Entry]:
    """Merge `overrides` over `base`: an override replaces an entry with its headword or id, and
    takes its other Chinese forms away from any base entry that had them."""
    taken_forms = {form for entry in overrides for form in entry.zh}
    headwords = {entry.headword for entry in overrides}
    ids = {entry.id for entry in overrides}
    merged: list[Entry] = []
    for entry in base:
        if entry.headword in headwords or entry.id in ids:
            continue
        remaining = tuple(form for form in entry.zh if form not in taken_forms)
        if not remaining:
            continue
        if remaining != entry.zh:
            entry = replace(entry, zh=remaining)
        merged.append(entry)
    merged.extend(overrides)
    return merged


def read_glossary_file(path_name: str | Path, *, problems: list[InputError] | None = None) -> list[Entry]:
    """The entries of one glossary file; `problems` collects bad entries of a native file instead
    of raising the first (see parse_toml_glossary)."""
    path = Path(path_name)
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        from termcheck.glossary.tbx import parse_tbx

        # XML declares its own encoding: the parser decodes the bytes.
        return parse_tbx(read_bytes(path), str(path))
    text = read_text(path)
    if suffix == ".toml":
        return parse_toml_glossary(text, str(path), problems=problems)
    if suffix in (".csv", ".tsv", ".tab"):
        return parse_table_glossary(text, str(path), delimiter=None if suffix == ".csv" else "\t")
    raise InputError(str(path), f"unknown glossary format {suffix or '(no extension)'!r}; use .toml, .csv, .tsv or .tbx")


def parse_toml_glossary(text: str, path: str, *, problems: list[InputError] | None = None) -> list[Entry]:
    """The entries of a native glossary. With `problems`, a bad entry is recorded there and skipped
    (so that a validator sees every problem of a file); without, the first one is raised."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_error_position(str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(exc))
        raise InputError(path, f"invalid TOML: {message}", line, column) from None
    unknown = set(document) - {"entry", "pattern"}
    if unknown:
        raise InputError(path, f"unknown top-level key {sorted(unknown)[0]!r}; entries go in [[entry]] tables")

    def report(error: InputError) -> None:
        if problems is None:
            raise error
        problems.append(error)

    tables: list[tuple[Any, int | None]] = []
    for kind in ("entry", "pattern"):
        raw_tables = document.get(kind, [])
        if not isinstance(raw_tables, list):
            raise InputError(path, f"'{kind}' must be an array of tables ([[{kind}]])")
        header_lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f"[[{kind}]]")]
        for number, raw in enumerate(raw_tables):
            line = header_lines[number] if number < len(header_lines) else None
            if kind == "entry":
                tables.append((raw, line))
                continue
            if not isinstance(raw, dict):
                report(InputError(path, "a [[pattern]] must be a table", line))
                continue
            try:
                tables.extend((expanded, line) for expanded in expand_pattern(raw))
            except ValueError as exc:
                report(InputError(path, f"pattern {raw.get('id', '')!r}: {exc}", line))
    entries = []
    seen_ids: dict[str, int] = {}
    for raw, line in tables:
        try:
            entry = _entry_from_table(raw, path, line)
        except InputError as error:
            report(error)
            continue
        if entry.id in seen_ids and problems is None:
            raise InputError(path, f"duplicate id {entry.id!r} (first at line {seen_ids[entry.id]})", line)
        seen_ids.setdefault(entry.id, line or 0)
        entries.append(entry)
    return entries


def _toml_error_position(message: str) -> tuple[int | None, int | None]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def _entry_from_table(raw: Any, path: str, line: int | None) -> Entry:
    if not isinstance(raw, dict):
        raise InputError(path, "an [[entry]] must be a table", line)
    unknown = set(raw) - _KNOWN_FIELDS
    if unknown:
        raise InputError(path, f"unknown field {sorted(unknown)[0]!r} in entry", line)
    fields: dict[str, Any] = {}
    for name in _LIST_FIELDS:
        value = raw.get(name, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise InputError(path, f"{name!r} must be a list of strings", line)
        items = tuple(_clean(item) for item in value)
        if any(not item for item in items):
            raise InputError(path, f"{name!r} has an empty string", line)
        fields[name] = items
    fields["deprecated"], fields["deprecated_reasons"] = _deprecated_from_toml(raw.get("deprecated", []), path, line)
    fields["superseded"] = tuple(
        Superseded(**record) for record in _records(raw.get("superseded", []), "superseded", _SUPERSEDED_KEYS, path, line)
    )
    fields["evidence"] = tuple(
        Evidence(**record) for record in _records(raw.get("evidence", []), "evidence", _EVIDENCE_KEYS, path, line)
    )
    for name in _TEXT_FIELDS:
        value = raw.get(name, "")
        if not isinstance(value, str):
            raise InputError(path, f"{name!r} must be a string", line)
        fields[name] = _clean(value)
    for name, choices in _CHOICE_FIELDS.items():
        value = raw.get(name, "")
        if value not in ("",) + choices:
            raise InputError(path, f"{name!r} must be one of {', '.join(map(repr, choices))}, not {value!r}", line)
        fields[name] = value
    for name in _FLAG_FIELDS:
        value = raw.get(name, False)
        if not isinstance(value, bool):
            raise InputError(path, f"{name!r} must be true or false", line)
        fields[name] = value
    if not fields["id"]:
        raise InputError(path, "entry has no 'id'", line)
    if not fields["zh"]:
        raise InputError(path, f"entry {fields['id']!r} has no Chinese form ('zh')", line)
    if not fields["en"] and not fields["short"]:
        raise InputError(path, f"entry {fields['id']!r} has no English rendering ('en' or 'short')", line)
    return Entry(origin=f"{path}:{line}" if line else path, **fields)


def _records(
    value: Any, name: str, keys: tuple[tuple[str, ...], tuple[str, ...]], path: str, line: int | None
) -> list[dict[str, str]]:
    """The tables of a list field, each checked for its required and known keys."""
    required, optional = keys
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise InputError(path, f"{name!r} must be a list of tables", line)
    records = []
    for item in value:
        if not isinstance(item, dict):
            raise InputError(path, f"{name!r} must be a list of tables ({{ {required[0]} = \"…\", … }})", line)
        unknown = sorted(set(item) - set(required) - set(optional))
        if unknown:
            raise InputError(path, f"{name!r}: unknown key {unknown[0]!r} (known: {', '.join(required + optional)})", line)
        absent = [key for key in required if not item.get(key)]
        if absent:
            raise InputError(path, f"{name!r}: a record has no {absent[0]!r}", line)
        if not all(isinstance(cell, str) for cell in item.values()):
            raise InputError(path, f"{name!r}: every value must be a string", line)
        records.append({key: _clean(cell) for key, cell in item.items()})
    return records


def _deprecated_from_toml(value: Any, path: str, line: int | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`deprecated` lists strings or { en = "…", reason = "…" } tables: the forms and their reasons."""
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        raise InputError(path, "'deprecated' must be a list of strings or tables", line)
    forms: list[str] = []
    reasons: list[str] = []
    for item in value:
        if isinstance(item, str):
            record = {"en": _clean(item)}
        else:
            record = _records([item], "deprecated", _DEPRECATED_KEYS, path, line)[0]
        if not record["en"]:
            raise InputError(path, "'deprecated' has an empty string", line)
        forms.append(record["en"])
        reasons.append(record.get("reason", ""))
    return tuple(forms), (tuple(reasons) if any(reasons) else ())


# Header names a spreadsheet or a CAT tool's export uses for the two columns, besides zh and en.
HEADER_ALIASES = {
    **dict.fromkeys(("chinese", "中文", "汉语", "src", "zh-cn", "zh_cn", "zh-hans", "原文"), "zh"),
    **dict.fromkeys(("english", "英文", "英语", "target", "tgt", "en-us", "en_us", "en-gb", "en_gb", "译文"), "en"),
}
# The separators a CSV file may use: Excel writes ';' in locales whose decimal mark is a comma.
_CSV_DELIMITERS = (",", ";")


def _column_name(cell: str) -> str:
    name = cell.strip().lstrip("\ufeff").strip().lower()
    return HEADER_ALIASES.get(name, name)


def _sniff_delimiter(text: str) -> str:
    """The separator under which the header row names the most known columns (then: has the most
    cells; then ',')."""
    first_line = text.split("\n", 1)[0]

    def score(delimiter: str) -> tuple[int, int, bool]:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(1 for cell in cells if _column_name(cell) in _TABLE_COLUMNS), len(cells), delimiter == ","

    return max(_CSV_DELIMITERS, key=score)


def parse_table_glossary(text: str, path: str, *, delimiter: str | None = None) -> list[Entry]:
    """The entries of a CSV or TSV glossary (`delimiter` None: ',' or ';', whichever the header
    row is written with)."""
    kind = "TSV" if delimiter == "\t" else "CSV"
    delimiter = delimiter or _sniff_delimiter(text)
    # strict: a quote that is never closed is an error, not the rest of the file in one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    row_end = 0
    try:
        for row in reader:
            rows.append(row)
            row_end = reader.line_num
    except csv.Error as exc:
        # The row that went wrong starts after the last good one: name that line, where the
        # quote was opened, even when the reader noticed lines later.
        start = row_end + 1
        if "unexpected end of data" in str(exc):
            raise InputError(path, f"malformed {kind}: the quoted cell that starts on this line is never closed", start) from None
        if reader.line_num > start:
            raise InputError(
                path, f"malformed {kind}: a quoted cell that starts on this line does not end where its cell does (line {reader.line_num}: {exc})", start
            ) from None
        raise InputError(path, f"malformed {kind}: {exc}", start) from None
    if not rows:
        raise InputError(path, "empty glossary file")
    header = [_column_name(cell) for cell in rows[0]]
    if "zh" not in header and "source" in header:
        # source,target: the source language's column. (Beside a zh column, `source` is where an
        # entry comes from, as in termcheck's own tables.)
        header[header.index("source")] = "zh"
    missing = {"zh", "en"} - set(header)
    if missing:
        found = ", ".join(repr(cell.strip()) for cell in rows[0]) or "nothing"
        raise InputError(
            path,
            "the header row must name a Chinese column (zh, Chinese, 中文 or source) and an English one "
            f"(en, English, 英文 or target); it has {found}"
            + (f" (separated by {delimiter!r})" if kind == "CSV" else ""),
            1,
        )
    unknown = [name for name in header if name and name not in _TABLE_COLUMNS]
    if unknown:
        raise InputError(path, f"unknown column {unknown[0]!r}; known columns: {', '.join(sorted(_TABLE_COLUMNS))}", 1)
    entries: list[Entry] = []
    seen_ids: dict[str, int] = {}
    seen_headwords: dict[str, int] = {}
    # csv.reader does not say where a row starts; count physical lines ourselves.
    line = 1
    for row in rows[1:]:
        line += 1
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
        zh = _split_cell(cells["zh"])
        if not zh:
            raise InputError(path, "row has no Chinese term in column 'zh'", line)
        if len(row) > len(header):
            # A separator inside an unquoted cell: the cells after it would be read shifted, or
            # dropped ("One Country, Two Systems" read as "One Country").
            hint = f" (a cell with {delimiter!r} in it must be in double quotes)" if kind == "CSV" else ""
            raise InputError(path, f"{zh[0]}: the row has {len(row)} cells, the header row {len(header)}{hint}", line)
        renderings = _split_cell(cells["en"])
        if not renderings:
            raise InputError(path, f"{zh[0]}: no English rendering in column 'en'", line)
        if "short" in header:
            # The table says which renderings are short forms: take the columns as they are.
            en, short = renderings, _split_cell(cells["short"])
        else:
            en = tuple(r for r in renderings if not ACRONYM.match(r))
            short = tuple(r for r in renderings if ACRONYM.match(r))
        flags: dict[str, Any] = {}
        for name in _FLAG_FIELDS:
            cell = cells.get(name, "").strip().lower()
            if cell not in _TRUE_CELLS | _FALSE_CELLS:
                raise InputError(path, f"{zh[0]}: column {name!r} must be true or false, not {cell!r}", line)
            flags[name] = cell in _TRUE_CELLS
        choices: dict[str, Any] = {}
        for name, allowed in _CHOICE_FIELDS.items():
            cell = cells.get(name, "").strip().lower()
            if cell not in ("",) + allowed:
                raise InputError(path, f"{zh[0]}: column {name!r} must be one of {', '.join(allowed)}, not {cell!r}", line)
            choices[name] = cell
        deprecated = _split_cell(cells.get("deprecated", ""))
        records = _table_records(cells, deprecated, path, line, zh[0])
        if zh[0] in seen_headwords:
            raise InputError(path, f"{zh[0]}: duplicate term (first at line {seen_headwords[zh[0]]})", line)
        seen_headwords[zh[0]] = line
        entry_id = cells.get("id", "").strip()
        if entry_id in seen_ids:
            raise InputError(path, f"{zh[0]}: duplicate id {entry_id!r} (first at line {seen_ids[entry_id]})", line)
        # A row without an id gets one the validator accepts: the user never wrote it.
        entry_id = entry_id or made_id("user", (en or short)[0], seen_ids)
        seen_ids[entry_id] = line
        entries.append(
            Entry(
                id=entry_id,
                zh=zh,
                en=en,
                short=short,
                deprecated=deprecated,
                category=cells.get("category", "").strip() or "user",
                source=cells.get("source", "").strip() or path,
                note=cells.get("note", "").strip(),
                not_after=_split_cell(cells.get("not_after", "")),
                not_before=_split_cell(cells.get("not_before", "")),
                counterparts=_split_cell(cells.get("counterparts", "")),
                descriptions=_split_cell(cells.get("descriptions", "")),
                origin=f"{path}:{line}",
                **flags,
                **choices,
                **records,
            )
        )
        line += sum(cell.count("\n") for cell in row)
    return entries


# A superseded rendering in a table cell: "new development concept (since 2020)".
_SUPERSEDED_CELL = re.compile(r"^(?P<en>.+?)\s*\(since\s+(?P<since>[^()]+?)\)$")


def _table_records(cells: dict[str, str], deprecated: tuple[str, ...], path: str, line: int, term: str) -> dict[str, Any]:
    """The reasons of deprecated renderings, the superseded renderings and the evidence records
    of a table row (glossary/README.md, "Exchanging the glossary")."""
    reasons = _aligned_cells(cells.get("deprecated_reasons", ""), len(deprecated), "deprecated_reasons", "deprecated", path, line, term)
    superseded: list[Superseded] = []
    for item in _split_cell(cells.get("superseded", "")):
        match = _SUPERSEDED_CELL.match(item)
        if match is None:
            raise InputError(path, f"{term}: column 'superseded' must read 'rendering (since YEAR)', not {item!r}", line)
        superseded.append(Superseded(match["en"], match["since"].strip()))
    old_reasons = _aligned_cells(cells.get("superseded_reasons", ""), len(superseded), "superseded_reasons", "superseded", path, line, term)
    superseded = [replace(old, reason=reason) for old, reason in zip(superseded, old_reasons)] if old_reasons else superseded
    evidence: list[Evidence] = []
    cell = cells.get("evidence", "").strip()
    if cell:
        try:
            value = json.loads(cell)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"{term}: column 'evidence' must be a JSON list of records: {exc.msg}", line) from None
        try:
            evidence = [Evidence(**record) for record in _records(value, "evidence", _EVIDENCE_KEYS, path, line)]
        except InputError as error:
            raise InputError(path, f"{term}: column {error.message}", line) from None
    return {"deprecated_reasons": reasons, "superseded": tuple(superseded), "evidence": tuple(evidence)}


def _aligned_cells(cell: str, count: int, name: str, of: str, path: str, line: int, term: str) -> tuple[str, ...]:
    """A cell whose items go with another column's, one each, empty ones kept ("reason | | reason")."""
    if not cell.strip():
        return ()
    values = tuple(_clean(part) for part in _CELL_SEPARATOR.split(cell.strip()))
    if len(values) != count:
        raise InputError(path, f"{term}: column {name!r} has {len(values)} item(s) for {count} in column {of!r}", line)
    return values


def _split_cell(cell: str) -> tuple[str, ...]:
    return tuple(part for part in (_clean(p) for p in _CELL_SEPARATOR.split(cell)) if part)


def _clean(text: str) -> str:
    return " ".join(text.split())
