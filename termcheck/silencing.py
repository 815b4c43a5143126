"""Silencing one finding where it stands: the `termcheck: ignore …` directive.

A translator marks one place in the form its file type has for notes (a PO translator comment, an
XLIFF <note>, a TMX <prop type="x-termcheck">, a `termcheck` field or column, an ignore file beside
a text pair). Readers find the directive and parse it here into a `Silencing` on the segment; after
the rules have run, one gate (`silence`) leaves out the findings it names. Rules never see it.

    termcheck: ignore                                   every finding of the segment
    termcheck: ignore deprecated                        the findings of one rule
    termcheck: ignore deprecated, inconsistent          of several rules
    termcheck: ignore deprecated[中国共产党]              of one rule on one term (entry id or Chinese form)
    termcheck: ignore deprecated[中国共产党, 台湾] -- quoted from a 1990s source

The text after `--` is the reason, for the reader of the file. This module imports nothing from the
package but the model, so that readers can use it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from termcheck.model import Entry, Finding, Silencing

PREFIX = "termcheck:"
IGNORE_FILE = ".termcheck-ignore"
SYNTAX = "termcheck: ignore [RULE[TERM, …], …] [-- reason]"
IGNORE_FILE_SYNTAX = "FILE:LINE: RULE[TERM], … [-- reason]"

# A line of a note that is meant for termcheck: it starts with the prefix (any case).
_DIRECTIVE_LINE = re.compile(r"^\s*termcheck\s*:", re.IGNORECASE)
_ITEM = re.compile(r"\s*([A-Za-z][\w-]*)\s*(?:\[([^\[\]]*)\])?\s*(?:,|\s|$)")


def directive_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a note that are termcheck directives, with their index in the note (0-based;
    lines end at LF, as XML and PO parsers leave them)."""
    return [(index, line) for index, line in enumerate(text.split("\n")) if _DIRECTIVE_LINE.match(line)]


def parse_directive(text: str, path: str, line: int, *, prefix_required: bool = True) -> Silencing | None:
    """The directive in `text` (written at `path`:`line`), or None when the text is not one: it
    does not start with `termcheck:` (where the prefix is required) or, in a field that is
    termcheck's own, it is blank. A malformed directive silences nothing and says why."""
    body = text.strip()
    prefixed = _DIRECTIVE_LINE.match(body)
    if prefixed:
        body = body[prefixed.end() :].strip()
    elif prefix_required or not body:
        return None
    return parse_rules(body, path, line, keyword=True)


def parse_rules(body: str, path: str, line: int, *, keyword: bool, at: tuple[str, int, int] | None = None, syntax: str = SYNTAX) -> Silencing:
    """`ignore RULE[TERM, …], …` (or, with keyword=False, the rule list alone) as a Silencing;
    a malformed one says what `syntax` it expected."""
    body = body.partition("--")[0]  # what follows is the reason, for people
    body = body.strip()
    if keyword:
        word = re.match(r"ignore(?=\s|$|,)", body)
        if word is None:
            return Silencing(path, line, at=at, problem=f"expected {syntax!r}")
        body = body[word.end() :].strip()
    rules: list[tuple[str, tuple[str, ...]]] = []
    position = 0
    while position < len(body):
        item = _ITEM.match(body, position)
        if item is None or item.end() == position:
            return Silencing(path, line, at=at, problem=f"cannot read {body[position:].strip()!r}; expected {syntax!r}")
        rule, terms = item.group(1).lower(), item.group(2)
        named = tuple(term.strip() for term in terms.split(",") if term.strip()) if terms is not None else ()
        if terms is not None and not named:
            return Silencing(path, line, at=at, problem=f"{rule}[] names no term; expected {syntax!r}")
        rules.append((rule, named))
        position = item.end()
        while position < len(body) and body[position] in ", \t":
            position += 1
    return Silencing(path, line, tuple(rules), at=at)


def read_ignore_file(folder: str, files: Collection[str]) -> tuple[Silencing, ...]:
    """The entries of the ignore file in `folder` (none when there is no such file) that name one
    of `files`: lines `FILE:LINE[:COLUMN]: RULE[TERM, …], … [-- reason]`, FILE relative to the
    folder; `#` starts a comment. An empty rule list silences every rule at that place."""
    from termcheck.errors import InputError
    from termcheck.positions import LINE_BREAK
    from termcheck.textfile import read_text

    path = os.path.join(folder, IGNORE_FILE)
    if not os.path.isfile(path):
        return ()
    wanted = {os.path.normcase(os.path.abspath(file)) for file in files}
    silencings: list[Silencing] = []
    for number, text in enumerate(LINE_BREAK.split(read_text(path)), 1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        place = re.match(r"\s*([^:]+?)\s*:\s*(\d+)\s*(?::\s*(\d+)\s*)?:", text)
        if place is None:
            raise InputError(path, f"expected {IGNORE_FILE_SYNTAX} (e.g. 'report.en.txt:12: deprecated[中国共产党]')", number)
        target = os.path.normcase(os.path.abspath(os.path.join(folder, place.group(1))))
        if target not in wanted:
            if not os.path.exists(target):
                raise InputError(path, f"no such file: {place.group(1)}", number)
            continue  # an entry for another pair in the same folder
        at = (target, int(place.group(2)), int(place.group(3) or 0))
        silencing = parse_rules(text[place.end() :], path, number, keyword=False, at=at, syntax=IGNORE_FILE_SYNTAX)
        if silencing.problem:
            raise InputError(path, silencing.problem, number)
        silencings.append(silencing)
    return tuple(silencings)


def _names_term(terms: tuple[str, ...], finding: Finding, entries: Mapping[str, Entry]) -> bool:
    if not terms:
        return True
    if finding.entry_id in terms or finding.term in terms or (finding.source_text or "") in terms:
        return True
    entry = entries.get(finding.entry_id)
    return entry is not None and any(form in terms for form in entry.zh)


def _at(place: tuple[str, int, int], finding: Finding) -> bool:
    path, line, column = place
    return finding.line == line and (not column or finding.column == column) and os.path.normcase(os.path.abspath(finding.file)) == path


def silences(silencing: Silencing, finding: Finding, entries: Mapping[str, Entry]) -> bool:
    if silencing.problem or (silencing.at is not None and not _at(silencing.at, finding)):
        return False
    if not silencing.rules:
        return True
    return any(rule == finding.rule and _names_term(terms, finding, entries) for rule, terms in silencing.rules)


class SilencingGate:
    """The gate findings pass as they are made: `passes` is False for a finding that a directive
    of its segment silences, counted in `silenced`; the directives used are remembered for
    `warnings`."""

    def __init__(self, entries: Mapping[str, Entry]) -> None:
        self._entries = entries
        self._used: set[Silencing] = set()
        self.silenced = 0

    def passes(self, finding: Finding) -> bool:
        if not finding.segment.silencing:
            return True
        silencing = next((s for s in finding.segment.silencing if silences(s, finding, self._entries)), None)
        if silencing is None:
            return True
        self._used.add(silencing)
        self.silenced += 1
        return False

    def warnings(self, directives: Iterable[Silencing], rule_ids: Sequence[str], rules_off: Collection[str] = ()) -> list[str]:
        """A warning for each directive that is malformed, names an unknown rule or term, or
        (naming no rule that is off) silenced nothing: a typo must not silence nothing, or
        everything, without a word."""
        entries = self._entries
        warnings: list[str] = []
        forms: set[str] | None = None
        for directive in dict.fromkeys(directives):
            place = f"{directive.path}:{directive.line}"
            if directive.problem:
                warnings.append(f"{place}: malformed termcheck directive, it silences nothing: {directive.problem}")
                continue
            problems = [f"unknown rule {rule!r} (rules: {', '.join(rule_ids)})" for rule, _ in directive.rules if rule not in rule_ids]
            named = [term for _, terms in directive.rules for term in terms if term not in entries]
            if named:
                if forms is None:
                    forms = {form for entry in entries.values() for form in entry.zh}
                problems += [f"unknown term {term!r} (neither an entry id nor a Chinese form of the glossary)" for term in named if term not in forms]
            if problems:
                warnings += [f"{place}: termcheck directive: {problem}" for problem in problems]
            elif directive not in self._used and not any(rule in rules_off for rule, _ in directive.rules):
                warnings.append(f"{place}: termcheck directive silences no finding (remove it, or check its rules and terms)")
        return warnings
