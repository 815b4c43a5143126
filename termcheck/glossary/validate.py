"""Checking glossary files for mistakes a contributor makes: schema errors, duplicates, a rendering
that is both accepted and deprecated, clashes between entries, and nested terms (for information).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termcheck.errors import InputError
from termcheck.glossary.load import read_glossary_file
from termcheck.glossary.shapes import ACRONYM, ENTRY_ID
from termcheck.matching.en import PARENTHESISED_ACRONYM, normalize_target, strip_leading_article
from termcheck.matching.inflection import lexeme_key
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
    for counterpart in entry.counterparts:
        # A counterpart names another country's body: were it accepted, it would never be looked for.
        if rendering_key(counterpart) in accepted:  # short forms are in `accepted` too
            yield _problem(error, entry, "accepted-and-counterpart", f"{label}: {counterpart!r} is both accepted and another country's name")
    for description in entry.descriptions:
        # A description is a reference, not the name: were it accepted, it would count as the name.
        if rendering_key(description) in accepted:
            yield _problem(error, entry, "accepted-and-description", f"{label}: {description!r} is both accepted and a description")
    deprecated_keys = {rendering_key(rendering) for rendering in entry.deprecated}
    for old in entry.superseded:
        if rendering_key(old.en) in accepted:
            yield _problem(error, entry, "accepted-and-superseded", f"{label}: {old.en!r} is both accepted and superseded")
        if rendering_key(old.en) in deprecated_keys:
            yield _problem(error, entry, "superseded-and-deprecated", f"{label}: {old.en!r} is both superseded and deprecated")
        if strip_leading_article(old.en) != old.en.strip():
            yield _problem(warning, entry, "leading-article", f"{label}: drop the article of {old.en!r} (the matcher ignores it)")
        date_problem = date_error(old.since)
        if date_problem:
            yield _problem(error, entry, "superseded-since", f"{label}: superseded {old.en!r}: 'since' {date_problem}")
    yield from _evidence_problems(entry, label)


# Where a quote has a second sentence: a sentence end after a lower-case word of three letters or
# more (not "Mr." or "U.S."), then a capital.
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3}[.!?])[\"”’)]?\s+[\"“‘(]?[A-Z]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")
# The longest quote: one sentence (official English writes sentences of 400 characters and more).
QUOTE_LIMIT = 600
_FIRST_YEAR = 1900


def date_error(text: str, *, today: datetime.date | None = None) -> str:
    """What is wrong with a date written YYYY, YYYY-MM or YYYY-MM-DD ("" when it is right): the
    form, a month or day that does not exist, a year before 1900 or in the future."""
    match = _DATE.match(text)
    if match is None:
        return f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return f"{text!r} is not a date"
    today = today or datetime.date.today()
    if year < _FIRST_YEAR or date > today:
        return f"{text!r} is not a plausible date (before {_FIRST_YEAR} or in the future)"
    return ""


def quote_key(text: str) -> str:
    """A text as a quote is compared with a rendering: case, hyphens, quotes, articles,
    inflection and British spelling do not count, nor numbers (an ordinal in words or figures, a
    number, a Roman numeral): one quote of a numbered series ("the 20th CPC National Congress") is
    the evidence of its form for every member the [[pattern]] makes."""
    text = normalize_target(unicodedata.normalize("NFKC", text)).casefold()
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)*", text)
    folded = (lexeme_key(word) for word in words if word not in _ARTICLES)
    return " ".join("#" if _NUMBER.match(word) else word for word in folded if word)


# A number in figures, an ordinal, or a Roman numeral up to 39 (lower case here: "shenzhou xviii").
_NUMBER = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))$")


_ARTICLES = frozenset({"the", "a", "an"})


def quote_shows(quote: str, rendering: str) -> bool:
    """Whether a quote contains the rendering, as quote_key folds both: any word of the quote may
    be an inflected form of the rendering's (venues, building, upholding), and a body's name may
    have its term's number put in ("the Political Bureau of the 20th CPC Central Committee" for
    "Political Bureau of the CPC Central Committee"), as official news writes it and as the
    matcher accepts it. An acronym in parentheses inside the name is passed over, as the matcher
    passes it over ("United Nations General Assembly (UNGA) Resolution 2758")."""
    wanted = quote_key(rendering).split()
    if not wanted:
        return False
    pattern = re.compile(r"(?<!\S)" + r" (?:# )?".join(map(re.escape, wanted)))
    quotes = (quote, PARENTHESISED_ACRONYM.sub(" ", quote)) if "(" in quote else (quote,)
    return any(pattern.search(quote_key(text)) is not None for text in quotes)


@lru_cache(maxsize=1)
def _builtin_files() -> frozenset[str]:
    from termcheck.glossary.builtin import builtin_glossary_files

    return frozenset(str(path.resolve()) for path in builtin_glossary_files())


def _is_builtin(entry: Entry) -> bool:
    path = entry.origin.rsplit(":", 1)[0] if entry.origin.rsplit(":", 1)[-1].isdigit() else entry.origin
    return bool(path) and str(Path(path).resolve()) in _builtin_files()


def _evidence_problems(entry: Entry, label: str) -> Iterable[Problem]:
    error, warning = Severity.ERROR, Severity.WARNING
    if not entry.evidence and not entry.unverified and _is_builtin(entry):
        # Only the built-in glossary promises evidence: a user's own glossary is its own authority.
        yield _problem(warning, entry, "no-evidence", f"{label} has no evidence; mark it unverified = true or cite an official text")
    forms = {rendering_key(form): form for form in (*entry.en, *entry.short, *(old.en for old in entry.superseded), *entry.descriptions)}
    for number, record in enumerate(entry.evidence, 1):
        which = f"{label}: evidence {number} ({record.publisher}, {record.date})"
        date_problem = date_error(record.date)
        if date_problem:
            yield _problem(error, entry, "evidence-date", f"{which}: {date_problem}")
        if record.url and not _URL.match(record.url):
            yield _problem(error, entry, "evidence-url", f"{which}: {record.url!r} is not an http(s) address")
        if record.title.startswith("["):
            # A description put where the page showed no headline: the citation lacks the
            # publication's own title, which a reader needs to find it.
            yield _problem(Severity.INFO, entry, "evidence-title", f"{which}: the title {record.title!r} describes the page; cite the publication's own title")
        rendering = record.rendering or entry.preferred
        if record.rendering and rendering_key(record.rendering) not in forms:
            yield _problem(error, entry, "evidence-rendering", f"{which}: {record.rendering!r} is none of the entry's renderings (en, short, superseded, descriptions)")
            continue
        if not record.quote:
            continue
        if len(record.quote) > QUOTE_LIMIT:
            yield _problem(error, entry, "evidence-quote", f"{which}: the quote has {len(record.quote)} characters; quote at most one sentence, {QUOTE_LIMIT} characters")
        elif _SENTENCE_BREAK.search(record.quote):
            yield _problem(error, entry, "evidence-quote", f"{which}: the quote has more than one sentence; quote at most one")
        if not quote_shows(record.quote, rendering):
            yield _problem(error, entry, "evidence-quote", f"{which}: the quote does not contain {rendering!r}")


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
        for rendering in (*entry.deprecated, *(old.en for old in entry.superseded)):
            status = "deprecates" if rendering in entry.deprecated else "marks as superseded"
            for other in accepted_by.get(rendering_key(rendering), []):
                if other.id != entry.id:
                    yield _problem(
                        Severity.ERROR,
                        entry,
                        "deprecated-accepted-elsewhere",
                        f"entry {entry.id!r} {status} {rendering!r}, an accepted rendering of {other.id!r} ({other.origin})",
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
