"""The data that flows between the stages: glossary entries, segments, hits and findings.

Frozen dataclasses only; the logic that makes and consumes them lives in the stage modules.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANKS[self.value]


_SEVERITY_RANKS = {"error": 2, "warning": 1, "info": 0}


class RenderingStatus(str, enum.Enum):
    """The status of an English rendering within its entry (TBX's administrative status)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    SHORT = "short"
    SUPERSEDED = "superseded"
    DEPRECATED = "deprecated"

    # Whether a rendering of this status renders its term correctly (superseded and deprecated
    # ones stand for the term, but are reported). An attribute set once per member, not a
    # property: it is read for every hit of every segment.
    accepted: bool

    def __init__(self, value: str) -> None:
        self.accepted = value in ("preferred", "admitted", "short")


@dataclass(frozen=True, slots=True)
class Evidence:
    """An official English text that uses one of an entry's renderings."""

    publisher: str
    title: str
    # When it was published: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    date: str
    # Which rendering it shows ("" for the preferred one).
    rendering: str = ""
    url: str = ""
    # At most one sentence of the text, containing the rendering: only from a stored copy of the
    # page itself (a search result), never text copied from a third party's repository.
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Superseded:
    """An older official rendering that official texts have replaced: a warning, not an error."""

    en: str
    # Since when official texts use the current rendering instead: "YYYY" (or a fuller date).
    since: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept of the glossary."""

    id: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    short: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    category: str = ""
    source: str = ""
    note: str = ""
    # Official texts mix the accepted alternatives freely: mixing them is not inconsistent.
    interchangeable: bool = False
    # Where the entry was read from: "path:line".
    origin: str = ""
    # How a rendering must appear to count: "strict" (the listed words, together and in order:
    # names, titles, laws, numbered meetings, formula labels) or "loose" (also its content words
    # in any order nearby: descriptive phrases). "" leaves it to termcheck.entrykind.
    match: str = ""
    # The severity of a `missing` finding: "error" or "warning"; "" leaves it to
    # termcheck.entrykind (names are errors, descriptive phrases warnings).
    severity: str = ""
    # "china" for an entry naming a Chinese institution or office: a form qualified by a foreign
    # country or party right before it (美国国防部) is not this entry. "any" never is scoped.
    # "" leaves it to termcheck.entrykind.
    scope: str = ""
    # Chinese text that, right before / right after a form, shows that the form is not this term
    # (二十五 inside 第二十五次).
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    # No official English text has been found for the preferred rendering: findings are warnings.
    unverified: bool = False
    # What other countries' corresponding body or office is called in English ("Prime Minister"
    # and "PM" beside 总理's "Premier", "Pentagon" beside 国防部's "Ministry of National Defense"):
    # a translation naming one of them, in a text about another country, has rendered that
    # country's body, not mistranslated China's. Never an accepted rendering of this entry.
    counterparts: tuple[str, ...] = ()
    # What news English calls the body or office by description rather than by name ("China's
    # top economic planner" for the National Development and Reform Commission): no rendering of
    # the name, but a reference a reviewer may let stand in news; `missing` makes it a note.
    descriptions: tuple[str, ...] = ()
    # Official English texts that use the renderings (glossary/README.md, "Evidence").
    evidence: tuple[Evidence, ...] = ()
    # Older official renderings replaced by the preferred one.
    superseded: tuple[Superseded, ...] = ()
    # Why each deprecated rendering is rejected, in the order of `deprecated` ("" where not said).
    deprecated_reasons: tuple[str, ...] = ()

    @property
    def headword(self) -> str:
        return self.zh[0]

    @property
    def preferred(self) -> str:
        return self.en[0] if self.en else self.short[0]

    @property
    def strict(self) -> bool:
        from termcheck.entrykind import is_strict

        return is_strict(self)

    @property
    def missing_severity(self) -> Severity:
        from termcheck.entrykind import missing_severity

        return missing_severity(self)

    @property
    def china_scoped(self) -> bool:
        from termcheck.entrykind import is_china_scoped

        return is_china_scoped(self)

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every rendering that satisfies the term: full renderings, then short forms."""
        return self.en + self.short


@dataclass(frozen=True, slots=True)
class Glossary:
    entries: tuple[Entry, ...]

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Where each character of a segment's text is in its file, for text that is not one unbroken
    run of the file (inline markup left out, XML entities or string escapes decoded)."""

    # (offset in the text, offset in the file) at the start of each run of characters that the
    # file holds as they are, in increasing order.
    anchors: tuple[tuple[int, int], ...]
    # Offsets in the file at which the lines the text spans start, the first being line
    # `first_line` (1-based). Only those lines: a segment that carried the line starts of its
    # whole file would copy them each time segments are sent to another process.
    line_starts: tuple[int, ...] = field(repr=False)
    first_line: int = 1


@dataclass(frozen=True, slots=True)
class TextOrigin:
    """Where a segment's text starts in its file (1-based line and column), and, when the text is
    not a verbatim run of the file, where each of its characters is."""

    path: str
    line: int = 1
    column: int = 1
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Silencing:
    """A `termcheck: ignore …` directive that an input gives a segment (termcheck/silencing.py)."""

    # Where the directive is written, for warnings about it.
    path: str
    line: int
    # The rules it silences, each with the terms it is limited to (entry ids or Chinese forms; ()
    # for every term); () silences every rule.
    rules: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Only the findings at this place (absolute path, line, column or 0 for any): an entry of the
    # ignore file beside a text pair, whose one segment may be the whole document.
    at: tuple[str, int, int] | None = None
    # Why the directive silences nothing: it is malformed ("" when it is well formed).
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A source text and its translation, with where each comes from."""

    source: str
    target: str
    source_origin: TextOrigin
    target_origin: TextOrigin
    # 1-based number of the segment within its document.
    number: int = 1
    # The document the segment belongs to, for per-file rules (consistency).
    document: str = ""
    # The segment as its file names it: XLIFF unit id, TMX tuid or "tu 3", PO msgctxt or reference.
    id: str = ""
    # Directives in the file that silence some of the segment's findings.
    silencing: tuple[Silencing, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class SourceHit:
    """A Chinese form of an entry found in a segment's source text."""

    entry_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TargetHit:
    """An English rendering of an entry found in a segment's target text."""

    entry_id: str
    status: RenderingStatus
    # The rendering as the glossary writes it, and which one (index into Entry.en, .short,
    # .superseded or .deprecated according to status).
    rendering: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SegmentHits:
    segment: Segment
    source: tuple[SourceHit, ...]
    target: tuple[TargetHit, ...]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Replacement:
    """The edit of a segment's target text that fixes a finding: the span to replace and the text
    to put there, already fitted to the sentence (article, possessive, capital, plural)."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    entry_id: str
    term: str
    message: str
    file: str
    line: int
    column: int
    segment: Segment = field(repr=False, compare=False)
    source_text: str | None = None
    expected: tuple[str, ...] = ()
    found: str | None = None
    # What to change, for a person to read; derived from `replacement` where there is one.
    fix: str | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    # Only where the fix is unambiguous (a deprecated rendering, a near miss): what `fix` applies.
    replacement: Replacement | None = None


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What a report says about the run that made it."""

    # When the run started, ISO 8601 in UTC ("2026-12-04T11:59:52Z").
    started: str = ""
    # The command line, as the user typed it ("" when not run from the command line).
    command: str = ""
    # Which glossary: the built-in one and the user files, the entry count, a digest of the files.
    glossary: str = ""


@dataclass(frozen=True, slots=True)
class CheckResult:
    # In report order: a tuple, or for many findings a sequence read back from a temporary file
    # (termcheck.sortedfindings.SpilledFindings: iterate it rather than index it).
    findings: Sequence[Finding]
    documents: int
    segments: int
    source_terms: int
    # Segments not checked because they are not translations yet (empty target, fuzzy, locked …).
    skipped_segments: int = 0
    # Files or segments passed over, one line each ("FILE: skipped: …").
    warnings: tuple[str, ...] = ()
    # Findings left out because the baseline records them.
    baselined: int = 0
    # Findings left out because a `termcheck: ignore` directive in the input silences them.
    silenced: int = 0
    # The files checked (for a pair of text files, the source), in order.
    files: tuple[str, ...] = ()
    run: RunInfo = RunInfo()
