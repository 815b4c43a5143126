"""Finding the entries a Chinese form or an English rendering belongs to: as written (word forms
and articles aside, as a translation is matched), then, when nothing is, in another letter case,
by containment and by near misses, each said as such."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from termcheck.matching.compiled import Matchers
from termcheck.matching.en import strip_leading_article
from termcheck.model import Entry, RenderingStatus
from termcheck.scripts import has_chinese

# Records one suggestion: the entry, and what relates it to the term.
_Add = Callable[[Entry, str], None]
# How many entries a containment or near-miss search lists at most.
MAX_SUGGESTIONS = 10
# rapidfuzz ratio (0–100) from which a rendering counts as a near miss of the term looked up.
NEAR_MISS_SCORE = 85


@dataclass(frozen=True)
class LookupMatch:
    entry: Entry
    # How the term matched: "Chinese form", the rendering status ("preferred rendering",
    # "deprecated rendering" …), or, for a suggestion, what relates it to the term.
    matched_as: str
    # The term is this entry's, as written (word forms and articles aside); False for a
    # suggestion (another case, containment, a near miss).
    exact: bool = True


def _label(status: RenderingStatus) -> str:
    return "short form" if status is RenderingStatus.SHORT else f"{status.value} rendering"


def _renderings(entry: Entry) -> Iterable[tuple[str, RenderingStatus]]:
    for number, rendering in enumerate(entry.en):
        yield rendering, RenderingStatus.PREFERRED if number == 0 else RenderingStatus.ADMITTED
    for rendering in entry.short:
        yield rendering, RenderingStatus.SHORT
    for superseded in entry.superseded:
        yield superseded.en, RenderingStatus.SUPERSEDED
    for rendering in entry.deprecated:
        yield rendering, RenderingStatus.DEPRECATED


def _words(text: str) -> str:
    """Text as compared for case and containment: case-folded words, hyphens and spaces alike."""
    return " ".join(re.findall(r"[\w']+", strip_leading_article(text).casefold()))


def lookup(term: str, matchers: Matchers) -> list[LookupMatch]:
    """The entries of `term` as written; when there are none, suggestions."""
    term = term.strip()
    exact = _exact(term, matchers)
    if exact or not term:
        return exact
    return _suggestions(term, matchers)


def _exact(term: str, matchers: Matchers) -> list[LookupMatch]:
    matches: list[LookupMatch] = []
    seen: set[str] = set()
    for hit in matchers.zh.find(term):
        if hit.start == 0 and hit.end == len(term) and hit.entry_id not in seen:
            seen.add(hit.entry_id)
            matches.append(LookupMatch(matchers.entries[hit.entry_id], "Chinese form"))
    english = strip_leading_article(term)
    for target_hit in matchers.find_renderings(english):
        if target_hit.start == 0 and target_hit.end == len(english) and target_hit.entry_id not in seen:
            seen.add(target_hit.entry_id)
            matches.append(LookupMatch(matchers.entries[target_hit.entry_id], _label(target_hit.status)))
    return matches


def _suggestions(term: str, matchers: Matchers) -> list[LookupMatch]:
    found: dict[str, LookupMatch] = {}

    def add(entry: Entry, matched_as: str) -> None:
        if entry.id not in found and len(found) < MAX_SUGGESTIONS:
            found[entry.id] = LookupMatch(entry, matched_as, exact=False)

    entries = [matchers.entries[entry_id] for entry_id in matchers.entries]
    if has_chinese(term):
        _chinese_suggestions(term, matchers, entries, add)
    else:
        _english_suggestions(term, matchers, entries, add)
    return list(found.values())


def _chinese_suggestions(term: str, matchers: Matchers, entries: Sequence[Entry], add: _Add) -> None:
    # The forms inside the term (推动高质量发展 holds 高质量发展), longest first.
    inside = sorted({(hit.end - hit.start, hit.start, hit.entry_id, term[hit.start : hit.end]) for hit in matchers.zh.find(term)}, key=lambda h: (-h[0], h[1]))
    for _, _, entry_id, form in inside:
        add(matchers.entries[entry_id], f"Chinese form {form}, inside {term}")
    # The forms that hold the term (高质量 inside 高质量发展), shortest first.
    holding = sorted(((form, entry) for entry in entries for form in entry.zh if term in form and form != term), key=lambda f: (len(f[0]), f[0]))
    for form, entry in holding:
        add(entry, f"Chinese form {form}, which holds {term}")


def _english_suggestions(term: str, matchers: Matchers, entries: Sequence[Entry], add: _Add) -> None:
    wanted = _words(term)
    if not wanted:
        return
    renderings = [(rendering, status, entry) for entry in entries for rendering, status in _renderings(entry)]
    # Another letter case: "ccp" for CCP (short forms and acronyms are matched case-sensitively).
    for rendering, status, entry in renderings:
        if _words(rendering) == wanted:
            add(entry, f"{_label(status)} '{rendering}', written in another case")
    # Renderings that hold the term ("Xi Jinping Thought" in "Xi Jinping Thought on …"), shortest
    # first, and renderings the term holds.
    padded = f" {wanted} "
    holding = sorted(
        ((rendering, status, entry) for rendering, status, entry in renderings if padded in f" {_words(rendering)} " and _words(rendering) != wanted),
        key=lambda r: (r[1] is RenderingStatus.DEPRECATED, len(r[0]), r[0]),
    )
    for rendering, status, entry in holding:
        add(entry, f"{_label(status)} '{rendering}', which holds '{term}'")
    english = strip_leading_article(term)
    for hit in matchers.find_renderings(english):
        add(matchers.entries[hit.entry_id], f"{_label(hit.status)} '{hit.rendering}', inside '{term}'")
    # Near misses: a spelling or a word or two away ("State Counselor" for "State Councilor").
    from rapidfuzz import fuzz, process, utils

    choices = {number: _words(rendering) for number, (rendering, _, _) in enumerate(renderings)}
    for _, score, number in process.extract(
        wanted, choices, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=NEAR_MISS_SCORE, limit=MAX_SUGGESTIONS
    ):
        rendering, status, entry = renderings[number]
        verdict = "" if status is RenderingStatus.DEPRECATED else "; the term as written is not an accepted rendering"
        add(entry, f"near miss of the {_label(status)} '{rendering}'{verdict}")


def origin_in(origin: str, files: Sequence[Path]) -> str:
    """An entry's "path:line" with the path of the glossary file of this run that has the same
    name. A compiled glossary is cached by content, so the origins it holds name the files of
    whichever install compiled it first."""
    path, separator, line = origin.rpartition(":")
    if not separator or not line.isdigit():
        path, line = origin, ""
    name = Path(path).name
    same_name = [file for file in files if file.name == name]
    if len(same_name) != 1 or str(same_name[0]) == path:
        return origin
    return f"{same_name[0]}:{line}" if line else str(same_name[0])


def with_origins_in(matches: Sequence[LookupMatch], files: Sequence[Path]) -> list[LookupMatch]:
    return [replace(m, entry=replace(m.entry, origin=origin_in(m.entry.origin, files))) for m in matches]
