"""Findings put in report order without holding them all in memory.

The check makes findings in the order it reads segments; a report lists them by document and
place. A `FindingSorter` takes them as they come and keeps up to `in_memory` of them; past that it
sorts what it holds into a run, writes the run to a temporary file and starts over. At the end, a
small check's findings come back as a sorted tuple (no file), a large one's as `SpilledFindings`:
a sequence that merges the sorted runs lazily each time it is iterated, and knows its length and
its counts by severity and rule without reading the file, so that a report can write its summary
first and the exit code needs no pass over the findings.

A spilled finding is written as its fields and the place of its segment in the file: each segment
with findings is written once (a whole document compared as one segment may carry thousands of
findings), and read back when a finding of it is read, so that reporters get the same `Finding`
(segment included: the HTML report shows it whole, a baseline hashes its text, positions are
counted in it) as without spilling.

The temporary file has no name on POSIX systems (and is deleted on close on Windows): whatever
ends the process, no file is left behind. It is closed by `close()`, when the sorter is dropped
after an error, or when its objects are garbage collected.
"""

from __future__ import annotations

import os
import pickle
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from itertools import islice
from operator import itemgetter
from typing import IO, Any, overload

from termcheck.model import Finding, Replacement, Segment, Severity, Span, TextOrigin

# How many findings are held in memory before they are spilled to a temporary file (about 1.5 KB
# each with their segments): below it, a check writes no file at all.
IN_MEMORY_FINDINGS = 10_000
# Overrides IN_MEMORY_FINDINGS (a positive whole number), e.g. to test spilling on a small input.
IN_MEMORY_ENV = "TERMCHECK_FINDINGS_IN_MEMORY"
# Findings per block of a run: what one run holds in memory while the runs are merged.
_BLOCK = 1024
# Large segments remembered as already written (and held meanwhile), so that the findings of one
# share one copy: in a sorted run a document's findings come together, a few are enough.
_WRITTEN_SEGMENTS = 16
# Segments kept after reading: consecutive findings in report order are mostly of one segment.
_READ_SEGMENTS = 16
# A segment of more text than this (a whole document compared as one segment) is written once to
# the file and named by its offset; a smaller one is written in each block that has a finding of
# it, so that reading a block reads its segments too.
_SHARED_SEGMENT_CHARS = 4096

SortKey = tuple[Any, ...]
# The finding's fields, without the segment, in declaration order.
_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "segment")
_SEGMENT_POSITION = [f.name for f in fields(Finding)].index("segment")
_SPANS = tuple(index for index, name in enumerate(_FIELDS) if name in ("source_span", "target_span"))
_REPLACEMENT = _FIELDS.index("replacement")
_SEGMENT_FIELDS = tuple(f.name for f in fields(Segment))
_ORIGINS = tuple(index for index, name in enumerate(_SEGMENT_FIELDS) if name in ("source_origin", "target_origin"))
_ORIGIN_FIELDS = tuple(f.name for f in fields(TextOrigin))

# Findings and segments are written as tuples of plain values, their parts too (spans, the
# replacement, the origins): pickling a dataclass calls back into Python for each object.


def _finding_record(finding: Finding) -> list[object]:
    values: list[object] = [getattr(finding, name) for name in _FIELDS]
    for index in _SPANS:
        span = values[index]
        if isinstance(span, Span):
            values[index] = (span.start, span.end)
    replacement = values[_REPLACEMENT]
    if isinstance(replacement, Replacement):
        values[_REPLACEMENT] = (replacement.span.start, replacement.span.end, replacement.text)
    return values


def _finding(values: list[Any], segment: Segment) -> Finding:
    for index in _SPANS:
        if values[index] is not None:
            values[index] = Span(*values[index])
    replacement = values[_REPLACEMENT]
    if replacement is not None:
        values[_REPLACEMENT] = Replacement(Span(replacement[0], replacement[1]), replacement[2])
    values.insert(_SEGMENT_POSITION, segment)
    return Finding(*values)


def _segment_record(segment: Segment) -> list[object]:
    values: list[object] = [getattr(segment, name) for name in _SEGMENT_FIELDS]
    for index in _ORIGINS:
        values[index] = tuple(getattr(values[index], name) for name in _ORIGIN_FIELDS)
    return values


def _segment(values: list[Any]) -> Segment:
    for index in _ORIGINS:
        values[index] = TextOrigin(*values[index])
    return Segment(*values)


def report_order(finding: Finding) -> SortKey:
    """Document by document; within one, the source file's findings before the target file's,
    then by place, rule, term, segment and message."""
    segment = finding.segment
    return (
        segment.document, finding.file != segment.source_origin.path, finding.file, finding.line, finding.column,
        finding.rule, finding.term, segment.number, finding.message,
    )


def in_memory_limit() -> int:
    """IN_MEMORY_FINDINGS, or the number the environment variable TERMCHECK_FINDINGS_IN_MEMORY says."""
    from termcheck.errors import UsageError

    value = os.environ.get(IN_MEMORY_ENV, "").strip()
    if not value:
        return IN_MEMORY_FINDINGS
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit < 1:
        raise UsageError(f"{IN_MEMORY_ENV} must be a whole number of 1 or more, not {value!r}")
    return limit


@dataclass(frozen=True, slots=True)
class FindingCounts:
    """How many findings there are, by severity and by rule."""

    total: int
    by_severity: dict[Severity, int]
    by_rule: dict[str, int]


def count_findings(findings: Sequence[Finding]) -> FindingCounts:
    """The counts of `findings`: kept by spilled findings, counted otherwise."""
    if isinstance(findings, SpilledFindings):
        return findings.counts
    return FindingCounts(len(findings), dict(Counter(f.severity for f in findings)), dict(Counter(f.rule for f in findings)))


class _SpillFile:
    """The temporary file of a sorter: segments and blocks of finding records, each a pickle at an
    offset, appended while findings come, read at any offset once they have all come."""

    def __init__(self) -> None:
        # Imported here: a check that stays in memory (a one-line check) does without.
        import tempfile

        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="termcheck-findings-")
        self._end = 0
        self._written: OrderedDict[int, tuple[Segment, int]] = OrderedDict()
        self._read: OrderedDict[int, Segment] = OrderedDict()

    def append(self, value: object) -> int:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._end
        self.file.seek(offset)
        self.file.write(data)
        self._end += len(data)
        return offset

    def load(self, offset: int) -> Any:
        self.file.seek(offset)
        return pickle.load(self.file)

    def segment_offset(self, segment: Segment) -> int:
        # Known by identity, the segment held meanwhile so that its id stays its own.
        known = self._written.get(id(segment))
        if known is None:
            offset = self.append(_segment_record(segment))
            self._written[id(segment)] = (segment, offset)
            if len(self._written) > _WRITTEN_SEGMENTS:
                self._written.popitem(last=False)
            return offset
        self._written.move_to_end(id(segment))
        return known[1]

    def segment_at(self, offset: int) -> Segment:
        segment = self._read.get(offset)
        if segment is None:
            segment = _segment(self.load(offset))
            self._read[offset] = segment
            if len(self._read) > _READ_SEGMENTS:
                self._read.popitem(last=False)
        return segment

    def close(self) -> None:
        self._written.clear()
        self._read.clear()
        self.file.close()


# A spilled finding: its sort key, its fields without the segment, and its segment: the record of
# it, or for a large one where it is in the file.
_Record = tuple[SortKey, list[Any], "int | list[Any]"]


class SpilledFindings(Sequence[Finding]):
    """Findings in report order, read from sorted runs in a temporary file each time they are
    iterated. Indexing reads up to the index: iterate instead. `close()` frees the file (the
    object cannot be read after)."""

    def __init__(self, spill: _SpillFile, runs: list[list[int]], counts: FindingCounts) -> None:
        self._spill = spill
        # Per run, the offsets of its blocks.
        self._runs = runs
        self.counts = counts

    def __len__(self) -> int:
        return self.counts.total

    def __iter__(self) -> Iterator[Finding]:
        if self._spill.file.closed:
            raise ValueError("the findings were closed")
        import heapq

        records = heapq.merge(*(self._run(blocks) for blocks in self._runs), key=itemgetter(0))
        for _, values, segment in records:
            yield _finding(values, segment)

    def _run(self, blocks: list[int]) -> Iterator[tuple[SortKey, list[Any], Segment]]:
        segment_at = self._spill.segment_at
        for offset in blocks:
            records: list[_Record] = self._spill.load(offset)
            # The segments of this block, by the identity of their shared record.
            segments: dict[int, Segment] = {}
            for sort_key, values, reference in records:
                if isinstance(reference, int):
                    segment = segment_at(reference)
                else:
                    known = segments.get(id(reference))
                    segment = segments[id(reference)] = _segment(reference) if known is None else known
                yield sort_key, values, segment

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        if isinstance(index, slice):
            return tuple(self)[index] if index.step is not None and index.step < 0 else tuple(islice(self, *index.indices(len(self))))
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("finding index out of range")
        return next(islice(self, position, None))

    def close(self) -> None:
        self._spill.close()

    def __repr__(self) -> str:
        return f"<SpilledFindings: {len(self)} findings in {len(self._runs)} sorted runs>"


class FindingSorter:
    """Findings in, the same findings in `key` order out (a stable sort: findings with equal keys
    keep the order they came in), spilling sorted runs to a temporary file beyond `in_memory`
    findings (None: `in_memory_limit()`)."""

    def __init__(self, key: Callable[[Finding], SortKey] = report_order, in_memory: int | None = None) -> None:
        self._key = key
        self._in_memory = in_memory_limit() if in_memory is None else in_memory
        self._held: list[Finding] = []
        self._spill: _SpillFile | None = None
        self._runs: list[list[int]] = []
        self._spilled = 0
        self._by_severity: Counter[Severity] = Counter()
        self._by_rule: Counter[str] = Counter()

    def add(self, finding: Finding) -> None:
        self._held.append(finding)
        if len(self._held) >= self._in_memory:
            self._write_run()

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.add(finding)

    def _write_run(self) -> None:
        if self._spill is None:
            self._spill = _SpillFile()
        spill, key = self._spill, self._key
        keyed = [(key(finding), finding) for finding in self._held]
        keyed.sort(key=itemgetter(0))
        blocks: list[int] = []
        for first in range(0, len(keyed), _BLOCK):
            # Within a block, the findings of a segment share one record of it (pickle writes an
            # object referred to twice once, and reads it back as one object).
            inline: dict[int, list[object]] = {}
            block = [(sort_key, _finding_record(finding), self._segment_reference(finding.segment, inline)) for sort_key, finding in keyed[first : first + _BLOCK]]
            blocks.append(spill.append(block))
        del keyed
        self._runs.append(blocks)
        self._spilled += len(self._held)
        self._by_severity.update(f.severity for f in self._held)
        self._by_rule.update(f.rule for f in self._held)
        self._held = []

    def _segment_reference(self, segment: Segment, inline: dict[int, list[object]]) -> int | list[object]:
        assert self._spill is not None
        if len(segment.source) + len(segment.target) > _SHARED_SEGMENT_CHARS:
            return self._spill.segment_offset(segment)
        record = inline.get(id(segment))
        if record is None:
            record = inline[id(segment)] = _segment_record(segment)
        return record

    def finish(self) -> Sequence[Finding]:
        """The findings in order: a tuple when none were spilled, else SpilledFindings."""
        if self._spill is None:
            held, self._held = self._held, []
            held.sort(key=self._key)
            return tuple(held)
        if self._held:
            self._write_run()
        counts = FindingCounts(self._spilled, dict(self._by_severity), dict(self._by_rule))
        spilled = SpilledFindings(self._spill, self._runs, counts)
        self._spill = None
        return spilled

    def discard(self) -> None:
        """Drop the findings and the temporary file (after an error)."""
        self._held = []
        if self._spill is not None:
            self._spill.close()
            self._spill = None


def sort_findings(findings: Iterable[Finding], key: Callable[[Finding], SortKey] = report_order, in_memory: int | None = None) -> Sequence[Finding]:
    """`findings` in `key` order (stable), through a FindingSorter."""
    sorter = FindingSorter(key, in_memory)
    try:
        sorter.extend(findings)
        return sorter.finish()
    except BaseException:
        sorter.discard()
        raise


def close_findings(findings: Sequence[Finding]) -> None:
    """Free the temporary file behind spilled findings (nothing to do for others)."""
    if isinstance(findings, SpilledFindings):
        findings.close()
