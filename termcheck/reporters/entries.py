"""Printing glossary entries (termcheck glossary lookup)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TextIO

from termcheck.glossary.lookup import LookupMatch
from termcheck.model import Entry, Evidence


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "zh": list(entry.zh),
        "en": list(entry.en),
        "short": list(entry.short),
        "deprecated": list(entry.deprecated),
        # Aligned with `deprecated` ("" where the glossary gives no reason).
        "deprecated_reasons": [entry.deprecated_reasons[n] if n < len(entry.deprecated_reasons) else "" for n in range(len(entry.deprecated))],
        "superseded": [asdict(old) for old in entry.superseded],
        "evidence": [asdict(record) for record in entry.evidence],
        "category": entry.category,
        "source": entry.source,
        "note": entry.note,
        "interchangeable": entry.interchangeable,
        "match": "strict" if entry.strict else "loose",
        "missing_severity": entry.missing_severity.value,
        "scope": "china" if entry.china_scoped else "any",
        "not_after": list(entry.not_after),
        "not_before": list(entry.not_before),
        "counterparts": list(entry.counterparts),
        "descriptions": list(entry.descriptions),
        "unverified": entry.unverified,
        "origin": entry.origin,
    }


def print_entries(matches: Sequence[LookupMatch], out: TextIO, *, as_json: bool = False) -> None:
    if as_json:
        payload = [dict(entry_to_dict(m.entry), matched_as=m.matched_as, exact=m.exact) for m in matches]
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for number, match in enumerate(matches):
        entry = match.entry
        if number:
            out.write("\n")
        out.write(f"{entry.headword}  [{entry.id}]  (matched as {match.matched_as})\n")
        rows = [
            ("Chinese", ", ".join(entry.zh)),
            ("preferred", entry.en[0] if entry.en else ""),
            ("accepted", ", ".join(entry.en[1:])),
            ("short", ", ".join(entry.short)),
            ("superseded", ", ".join(f"{old.en} (since {old.since})" for old in entry.superseded)),
            ("deprecated", ", ".join(_with_reasons(entry))),
            ("category", entry.category),
            ("matched", ("strictly (a name)" if entry.strict else "loosely (a phrase)") + f"; missing is {'an' if entry.missing_severity.value == 'error' else 'a'} {entry.missing_severity.value}"),
            ("scope", "Chinese institution" if entry.china_scoped else ""),
            ("not after", ", ".join(entry.not_after)),
            ("not before", ", ".join(entry.not_before)),
            ("abroad", ", ".join(entry.counterparts)),  # the counterparts: what other countries call theirs
            ("described", ", ".join(entry.descriptions)),
            ("unverified", "yes: no official English text found" if entry.unverified else ""),
            ("note", entry.note),
            ("source", entry.source),
            *(("evidence", _evidence_line(record)) for record in entry.evidence),
            ("defined at", entry.origin),
        ]
        for label, value in rows:
            if value:
                out.write(f"  {label + ':':<12}{value}\n")


def _with_reasons(entry: Entry) -> list[str]:
    reasons = entry.deprecated_reasons
    return [f"{form} ({reasons[n]})" if n < len(reasons) and reasons[n] else form for n, form in enumerate(entry.deprecated)]


def _evidence_line(record: Evidence) -> str:
    """Publisher, title, date and address; the rendering it shows where it is not the preferred one."""
    parts = [record.publisher, f"'{record.title}'", record.date, record.url]
    shown = ", ".join(part for part in parts if part)
    return shown + (f" (for '{record.rendering}')" if record.rendering else "")
