"""The document's term list: every glossary term of a source, in the forms and as often as it
stands there, with the glossary's renderings, and, given a translation, what the translation uses
for it and whether that is preferred, accepted, superseded or deprecated, or absent.

A translator loads the list into a CAT tool before translating (as a document-specific termbase),
or reads it beside a draft. The rows are made from the same scan as `check` makes.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termcheck.config import Config
from termcheck.matching import Matchers
from termcheck.model import Entry, RenderingStatus, Segment, TextOrigin


class UseStatus(str, enum.Enum):
    """What the translation uses for a term, as the glossary sees it; the renderings' statuses
    worst first."""

    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"
    ACCEPTED = "accepted"
    PREFERRED = "preferred"
    # The translated segments with the term use none of its renderings.
    ABSENT = "absent"
    # None of its renderings, but the content words of one close together, as the loose test of
    # `missing` takes them for a descriptive phrase ("reform was deepened"): not missing.
    REWORDED = "reworded"
    # The term stands only in segments that have no translation yet.
    UNTRANSLATED = "untranslated"

    @property
    def rank(self) -> int:
        """Lower is worse: the status of a term is the worst of its uses."""
        return list(UseStatus).index(self)


_USE_STATUS = {
    RenderingStatus.PREFERRED: UseStatus.PREFERRED,
    RenderingStatus.ADMITTED: UseStatus.ACCEPTED,
    RenderingStatus.SHORT: UseStatus.ACCEPTED,
    RenderingStatus.SUPERSEDED: UseStatus.SUPERSEDED,
    RenderingStatus.DEPRECATED: UseStatus.DEPRECATED,
}


@dataclass(frozen=True, slots=True)
class TargetUse:
    """A rendering of the term that the translation uses, as the glossary writes it."""

    rendering: str
    status: UseStatus
    count: int


@dataclass(frozen=True, slots=True)
class TermRow:
    entry: Entry
    # The forms of the term as written in the source (traditional script, a variant), in the order
    # they first appear, and how often the term stands there in all.
    forms: tuple[str, ...]
    count: int
    # What the translation uses, most used first; None when no translation was given.
    uses: tuple[TargetUse, ...] | None = None
    # The worst status of the uses: absent when the translated segments use none, untranslated
    # when every segment with the term is untranslated; None when no translation was given.
    status: UseStatus | None = None

    @property
    def headword(self) -> str:
        return self.entry.headword

    @property
    def preferred(self) -> str:
        return self.entry.preferred

    @property
    def accepted(self) -> tuple[str, ...]:
        """The other accepted renderings: alternatives, then short forms."""
        return tuple(rendering for rendering in self.entry.accepted if rendering != self.entry.preferred)

    @property
    def superseded(self) -> tuple[str, ...]:
        return tuple(older.en for older in self.entry.superseded)


@dataclass(frozen=True, slots=True)
class TermList:
    rows: tuple[TermRow, ...]
    # Whether a translation was given (a target file, or bilingual files).
    with_target: bool
    # The files read, in order (for a pair of text files, the source).
    files: tuple[str, ...] = ()
    # Files passed over, one line each, as `check` reports them.
    warnings: tuple[str, ...] = field(default=())


@dataclass
class _Tally:
    entry_id: str
    forms: dict[str, None] = field(default_factory=dict)
    count: int = 0
    translated: int = 0
    reworded: int = 0
    uses: Counter[tuple[str, UseStatus]] = field(default_factory=Counter)


def list_terms(segments: Iterable[Segment], matchers: Matchers, *, with_target: bool) -> list[TermRow]:
    """A row per glossary term of the sources, in the order the terms first appear. A use of a
    rendering counts in a segment whose source has the term; segments with a blank target are
    not translated yet and count for no use."""
    tallies: dict[str, _Tally] = {}
    for segment in segments:
        hits = matchers.scan(segment)
        in_source: set[str] = set()
        for hit in hits.source:
            tally = tallies.setdefault(hit.entry_id, _Tally(hit.entry_id))
            tally.forms.setdefault(hit.text)
            tally.count += 1
            in_source.add(hit.entry_id)
        if not with_target or not segment.target.strip():
            continue
        used: set[str] = set()
        for target_hit in hits.target:
            if target_hit.entry_id in in_source:
                tallies[target_hit.entry_id].uses[(target_hit.rendering, _USE_STATUS[target_hit.status])] += 1
                used.add(target_hit.entry_id)
        loose = None
        for entry_id in in_source:
            tallies[entry_id].translated += 1
            if entry_id not in used and not matchers.entries[entry_id].strict:
                loose = loose or matchers.loose_text(segment.target)
                tallies[entry_id].reworded += matchers.loosely_rendered(entry_id, loose)
    return [_row(tally, matchers, with_target) for tally in tallies.values()]


def _row(tally: _Tally, matchers: Matchers, with_target: bool) -> TermRow:
    entry = matchers.entries[tally.entry_id]
    if not with_target:
        return TermRow(entry, tuple(tally.forms), tally.count)
    uses = tuple(
        TargetUse(rendering, status, count)
        for (rendering, status), count in sorted(tally.uses.items(), key=lambda item: (-item[1], item[0][1].rank, item[0][0]))
    )
    if uses:
        status = min((use.status for use in uses), key=lambda status: status.rank)
    else:
        status = UseStatus.REWORDED if tally.reworded else UseStatus.ABSENT if tally.translated else UseStatus.UNTRANSLATED
    return TermRow(entry, tuple(tally.forms), tally.count, uses, status)


def terms_of_paths(paths: Sequence[str], config: Config = Config()) -> TermList:
    """The term list of SOURCE [TARGET] text files, or of bilingual files and folders, read as
    `check` reads them except that segments not translated yet are read too: their terms are part
    of the document."""
    from termcheck.api import load_matchers
    from termcheck.errors import UsageError
    from termcheck.readers import ReadOptions, format_of, iter_inputs

    matchers = load_matchers(config.glossaries, builtin=config.builtin)
    if len(paths) == 1 and Path(paths[0]).is_file() and config.format_in is None and format_of(paths[0]) is None:
        source = _source_alone(paths[0], config.encoding)
        return TermList(tuple(list_terms([source], matchers, with_target=False)), False, (paths[0],))
    options = ReadOptions(config.source_language, config.target_language, True, config.encoding)
    files = iter_inputs(paths, align=config.align, options=options, format_in=config.format_in, include=config.include, exclude=config.exclude)
    read: list[str] = []
    warnings: list[str] = []
    count = 0

    def segments() -> Iterator[Segment]:
        nonlocal count
        for file in files:
            for segment in file.segments:
                count += 1
                yield segment
            read.append(file.path)
            warnings.extend(file.warnings)

    rows = list_terms(segments(), matchers, with_target=True)
    if not count and warnings:
        raise UsageError(f"nothing was read: {warnings[0]}" + (f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""))
    return TermList(tuple(rows), True, tuple(read), tuple(warnings))


def _source_alone(path: str, encoding: str | None) -> Segment:
    """A Chinese text file without its translation, as one segment."""
    from termcheck.readers.language import require_chinese
    from termcheck.textfile import read_text

    text = read_text(path, encoding)
    require_chinese(text, path)
    return Segment(text, "", TextOrigin(path), TextOrigin(path), 1, path)
