"""Checking glossary files for mistakes a contributor makes: schema errors, duplicates, a rendering
that is both accepted and deprecated, clashes between entries, and nested terms (for information).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import InputError
from termcheck.glossary.load import read_glossary_file
from termcheck.glossary.shapes import ACRONYM, ENTRY_ID
from termcheck.matching.en import normalize_target, strip_leading_article
from termcheck.model import Entry, Severity
from termcheck.scripts import has_chinese

KNOWN_CATEGORIES = frozenset(
    """party state military congress mass-organization ideology policy strategy party-building
    discipline economy reform finance trade agriculture rule-of-law labour hmt diplomacy security
    ecology society health culture science-education history people media place user""".split()
)


@dataclass(frozen=True)
class Problem:
    """One finding of the validator, at the line of the entry it concerns."""

    severity: Severity
    path: str
    line: int | None
    code: str
    message: str
    column: int | None = None

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            place += f":{self.column}"
        return f"{place}: {self.severity.value}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class ValidationReport:
    files: tuple[str, ...]
    entry_count: int
    problems: tuple[Problem, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for problem in self.problems if problem.severity is severity)


def rendering_key(rendering: str) -> str:
    """How two renderings are compared for clashes: case, hyphens, quotes and a leading article
    do not make a difference (the matcher ignores them too)."""
    text = normalize_target(unicodedata.normalize("NFKC", strip_leading_article(rendering))).casefold()
    return re.sub(r"[\s\-\u2010\u2011]+", " ", text).strip()


def _place(entry: Entry) -> tuple[str, int | None]:
    path, _, line = entry.origin.rpartition(":")
    if path and line.isdigit():
        return path, int(line)
    return entry.origin, None


def _problem(severity: Severity, entry: Entry, code: str, message: str) -> Problem:
    path, line = _place(entry)
    return Problem(severity, path, line, code, message)


def _entry_problems(entry: Entry) -> Iterable[Problem]:
    error, warning = Severity.ERROR, Severity.WARNING
    label = f"entry {entry.id!r}"
    if not ENTRY_ID.match(entry.id):
        yield _problem(warning, entry, "id-format", f"{label}: an id is lowercase letters, digits and hyphens")
    if not entry.category:
        yield _problem(error, entry, "empty-field", f"{label} has no category")
    elif entry.category not in KNOWN_CATEGORIES:
        yield _problem(warning, entry, "unknown-category", f"{label}: unknown category {entry.category!r}")
    if not entry.source:
        yield _problem(error, entry, "empty-field", f"{label} has no source")
    for form in entry.zh:
        if not has_chinese(form):
            yield _problem(error, entry, "zh-not-chinese", f"{label}: Chinese form {form!r} has no Chinese character")
    for number, form in enumerate(entry.zh):
        if form in entry.zh[:number]:
            yield _problem(warning, entry, "repeated-form", f"{label}: Chinese form {form} is listed twice")
    accepted: dict[str, str] = {}
    for rendering in entry.en + entry.short:
        key = rendering_key(rendering)
        if key in accepted:
            yield _problem(warning, entry, "repeated-rendering", f"{label}: {rendering!r} repeats {accepted[key]!r}")
        accepted.setdefault(key, rendering)
    for rendering in entry.en + entry.deprecated:
        if strip_leading_article(rendering) != rendering.strip():
            yield _problem(warning, entry, "leading-article", f"{label}: drop the article of {rendering!r} (the matcher ignores it)")
    for short in entry.short:
        if not ACRONYM.match(short):
            yield _problem(warning, entry, "short-form", f"{label}: short form {short!r} is not an all-capital acronym")
    for rendering in entry.deprecated:
        if rendering_key(rendering) in accepted:
            yield _problem(error, entry, "accepted-and-deprecated", f"{label}: {rendering!r} is both accepted and deprecated")


def _clashes(entries: Sequence[Entry]) -> Iterable[Problem]:
    first_with_id: dict[str, Entry] = {}
    first_with_form: dict[str, Entry] = {}
    accepted_by: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.id in first_with_id:
            yield _problem(Severity.ERROR, entry, "duplicate-id", f"duplicate id {entry.id!r} (also at {first_with_id[entry.id].origin})")
        first_with_id.setdefault(entry.id, entry)
        for form in dict.fromkeys(entry.zh):
            holder = first_with_form.get(form)
            if holder is not None and holder.id != entry.id:
                yield _problem(
                    Severity.ERROR, entry, "duplicate-form", f"Chinese form {form} is in entries {holder.id!r} ({holder.origin}) and {entry.id!r}"
                )
            first_with_form.setdefault(form, entry)
        for rendering in entry.en + entry.short:
            accepted_by[rendering_key(rendering)].append(entry)
    for entry in entries:
        for rendering in entry.deprecated:
            for other in accepted_by.get(rendering_key(rendering), []):
                if other.id != entry.id:
                    yield _problem(
                        Severity.ERROR,
                        entry,
                        "deprecated-accepted-elsewhere",
                        f"entry {entry.id!r} deprecates {rendering!r}, an accepted rendering of {other.id!r} ({other.origin})",
                    )


def nested_terms(entries: Sequence[Entry], *, examples: int = 4) -> Iterable[Problem]:
    """One entry's Chinese form inside another's: legitimate (the longest match wins), listed once
    per inner form, at its entry, so that a contributor sees what a term is shadowed by."""
    import ahocorasick

    owner: dict[str, Entry] = {}
    for entry in entries:
        for form in entry.zh:
            owner.setdefault(form, entry)
    if not owner:
        return
    automaton = ahocorasick.Automaton()
    for form in owner:
        automaton.add_word(form, form)
    automaton.make_automaton()
    containers: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        for form in entry.zh:
            for _, inner in automaton.iter(form):
                if inner != form and owner[inner].id != entry.id and form not in containers[inner]:
                    containers[inner].append(form)
    for inner, outers in containers.items():
        if not outers:
            continue
        shown = ", ".join(f"{form} ({owner[form].id})" for form in outers[:examples])
        more = f" and {len(outers) - examples} more" if len(outers) > examples else ""
        yield _problem(
            Severity.INFO,
            owner[inner],
            "nested-term",
            f"{inner} occurs inside {len(outers)} longer term{'s' if len(outers) > 1 else ''}, which win{'s' if len(outers) == 1 else ''} there: {shown}{more}",
        )


def validate_entries(entries: Sequence[Entry]) -> list[Problem]:
    problems = [problem for entry in entries for problem in _entry_problems(entry)]
    problems += _clashes(entries)
    problems += nested_terms(entries)
    return problems


def validate_files(paths: Sequence[str | Path]) -> ValidationReport:
    """Validate glossary files as one glossary (ids and Chinese forms must be unique across them)."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    for path in paths:
        schema_errors: list[InputError] = []
        try:
            entries += read_glossary_file(path, problems=schema_errors)
        except InputError as error:
            schema_errors.append(error)
        problems += [Problem(Severity.ERROR, e.path, e.line, "schema", e.message, e.column) for e in schema_errors]
    problems += validate_entries(entries)
    order = {str(path): number for number, path in enumerate(paths)}
    problems.sort(key=lambda p: (order.get(p.path, len(order)), p.line or 0, -p.severity.rank, p.code, p.message))
    return ValidationReport(tuple(str(p) for p in paths), len(entries), tuple(problems))
