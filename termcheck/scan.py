"""Scanning segments and applying the rules that look at one segment at a time, in this process or
spread over several.

Segments are taken in chunks. For each chunk, the automata scan both sides, the segment-local rules
turn the hits into findings, and each comparing rule keeps a small summary of each segment; the
hits themselves are then dropped, so memory holds findings and summaries, not every hit of the
input. Over several processes, the workers are forked with the segments of a batch in memory, are
handed the positions of its chunks, and the results are gathered in order: the findings are the
same, in the same order, for any number of processes. A large line-based file comes instead as
parts (readers/parts.py) that the workers read themselves; this process only merges.

A worker that dies (killed, out of memory) loses nothing: what it had not finished is given to a
new pool, as pytest-xdist replaces a crashed worker and Spark retries a failed task, with a limit,
so that a chunk that kills every worker it is given ends the run with its place instead of
looping.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableSequence, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from termcheck.errors import InputError, TermcheckError
from termcheck.matching.compiled import Matchers
from termcheck.model import Finding, Segment, TextOrigin
from termcheck.readers.parts import FilePart, PartRead, read_part
from termcheck.rules import Rule, RuleContext, all_rules, compares_segments

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Segments checked so far, and in all when known.
Progress = Callable[[int, "int | None"], None]
_CHUNK_CHARS = 200_000


def chunks(segments: Iterable[Segment], chars: int | None = None) -> Iterator[list[Segment]]:
    """The segments in lists of about `chars` (by default `_CHUNK_CHARS`) characters of text."""
    # The default is read at each call, so that a test can make chunks small.
    chars = _CHUNK_CHARS if chars is None else chars
    chunk: list[Segment] = []
    size = 0
    for segment in segments:
        chunk.append(segment)
        size += len(segment.source) + len(segment.target)
        if size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@dataclass
class ChunkResult:
    """What is kept of a chunk: findings of the segment-local rules, and per comparing rule the
    summaries of its segments, each with the segment's position in the chunk."""

    findings: list[tuple[int, Finding]] = field(default_factory=list)
    summaries: dict[str, list[tuple[int, object]]] = field(default_factory=dict)
    source_terms: int = 0
    # For a part of a file read in a worker: what reading it gave.
    read: PartRead | None = None


def check_chunk(segments: Sequence[Segment], matchers: Matchers, rules: Sequence[Rule]) -> ChunkResult:
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    scanned = matchers.scan_each(segments)
    result = ChunkResult(source_terms=sum(len(hits.source) for hits in scanned))
    position = {id(segment): index for index, segment in enumerate(segments)}
    for rule in rules:
        if compares_segments(rule):
            summarize = rule.summarize  # type: ignore[attr-defined]
            summaries = ((index, summarize(hits, context)) for index, hits in enumerate(scanned))
            result.summaries[rule.ID] = [(index, summary) for index, summary in summaries if summary is not None]
        else:
            result.findings.extend((position[id(finding.segment)], finding) for finding in rule.check(scanned, context))
    return result


# The state of a worker process: the matchers and rules it was started with, the flags by which
# it says which chunks it has started, and, where processes are forked, the segments of the run
# (inherited, so that only positions travel to the workers).
_worker_matchers: Matchers | None = None
_worker_rules: list[Rule] = []
_worker_started: MutableSequence[int] = []
_shared_segments: Sequence[Segment] = ()

# Fault injection, for the tests of recovery from a worker that dies (tests/test_jobs.py); not a
# setting for users. With TERMCHECK_TEST_KILL_WORKER=N, every worker process kills itself (SIGKILL,
# as the kernel's out-of-memory killer does) as it starts its Nth chunk (N=0: as it starts, before
# any chunk); with N:PATH, only the first worker of the run to get there does (it creates PATH).
# Read once as a worker starts: when it is not set, a chunk costs one comparison more.
FAULT_INJECTION_VARIABLE = "TERMCHECK_TEST_KILL_WORKER"
_kill_at_chunk = 0
_kill_once_marker = ""
_chunks_started = 0


def _start_worker(matchers: Matchers, rule_ids: tuple[str, ...], started: MutableSequence[int]) -> None:
    global _worker_matchers, _worker_rules, _worker_started
    _worker_matchers = matchers
    _worker_rules = [rule for rule in all_rules() if rule.ID in rule_ids]
    _worker_started = started
    _arm_fault_injection()
    # A worker lives for one run and makes no reference cycles worth collecting; the collector's
    # passes over the inherited heap would only copy its pages.
    gc.disable()


def _arm_fault_injection() -> None:
    global _kill_at_chunk, _kill_once_marker
    fault = os.environ.get(FAULT_INJECTION_VARIABLE)
    if fault:
        at, _, _kill_once_marker = fault.partition(":")
        _kill_at_chunk = int(at)
        if _kill_at_chunk == 0:
            _injected_fault()


_armed = False


def fault_checkpoint() -> None:
    """Where a task of a worker that this process did not start (a cluster's worker) begins: the
    fault injection as for a chunk of a pool's worker, read at the process's first task."""
    global _armed
    if not _armed:
        _armed = True
        _arm_fault_injection()
    if _kill_at_chunk:
        _injected_fault()


def _injected_fault() -> None:
    global _chunks_started
    if _kill_at_chunk:
        _chunks_started += 1
        if _chunks_started != _kill_at_chunk:
            return
    if _kill_once_marker:
        try:
            os.close(os.open(_kill_once_marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


# A finding travels back from a worker as its fields without the segment (the caller has the
# segments): pickling each finding's segment would send the chunk back whole.
_FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "segment")
# A part read in a worker sends back what reading it gave and the segments its findings and
# summaries are in, by position (the parent has not read them).
PartSegments = tuple[PartRead, dict[int, Segment]]
WorkerResult = tuple[list[tuple[int, tuple[object, ...]]], dict[str, list[tuple[int, object]]], int, PartSegments | None]
# What a worker is sent for a chunk: its position among the chunks of the batch, and its segments
# (forked workers have them: their first and last position in the batch), or the part of a file
# to read them from, with whether the comparing rules need the whole segments of their summaries
# (else they are known by position: `_place_only`).
Work = tuple[int, "list[Segment] | tuple[int, int] | tuple[FilePart, bool]"]


def _check_chunk_in_worker(work: Work) -> WorkerResult:
    assert _worker_matchers is not None
    position, chunk = work
    _worker_started[position] = 1
    if _kill_at_chunk:
        _injected_fault()
    if isinstance(chunk, tuple) and isinstance(chunk[0], FilePart):
        part, whole_segments = chunk
        read_segments, read = read_part(part)
        result = check_chunk(read_segments, _worker_matchers, _worker_rules)
        return _finding_fields(result), result.summaries, result.source_terms, (read, _segments_sent(read_segments, result, whole_segments))
    assert not isinstance(chunk, tuple) or isinstance(chunk[0], int)
    segments = _shared_segments[chunk[0] : chunk[1]] if isinstance(chunk, tuple) else chunk
    result = check_chunk(segments, _worker_matchers, _worker_rules)
    return _finding_fields(result), result.summaries, result.source_terms, None


def _segments_sent(segments: Sequence[Segment], result: ChunkResult, whole_segments: bool) -> dict[int, Segment]:
    """The segments of a part that its findings are in, by position, and unless `whole_segments`
    those its summaries are in too (else the receiver knows them by position: `_place_only`)."""
    sent = {index: segments[index] for index, _ in result.findings}
    if whole_segments:
        sent.update((index, segments[index]) for summaries in result.summaries.values() for index, _ in summaries)
    return sent


def _place_only(path: str, origin: TextOrigin, number: int) -> Segment:
    """A segment of a part known only by which it is: all that a comparing rule that keeps no
    segment takes of it (document and number). Most segments of a part have a summary; sending
    them whole would cost this process more than reading them."""
    return Segment("", "", origin, origin, number, path)


def _finding_fields(result: ChunkResult) -> list[tuple[int, tuple[object, ...]]]:
    return [(index, tuple(getattr(finding, name) for name in _FINDING_FIELDS)) for index, finding in result.findings]


def check_chunks(
    segments: Sequence[Segment],
    matchers: Matchers,
    rules: Sequence[Rule],
    *,
    jobs: int = 1,
    while_waiting: Callable[[], None] | None = None,
) -> Iterator[tuple[list[Segment], ChunkResult]]:
    """Each chunk of the segments with its result, in order; over `jobs` processes when jobs > 1,
    calling `while_waiting` (to read what comes next) once the workers have their work. A chunk
    whose worker dies is checked again (see `_results_in_order`)."""
    if jobs <= 1:
        for chunk in chunks(segments):
            yield chunk, check_chunk(chunk, matchers, rules)
        return
    import multiprocessing

    global _shared_segments
    # fork where the platform has it: the workers start with the compiled matchers and the
    # segments in memory, and are sent the positions of each chunk; elsewhere, the chunk itself.
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else None)
    # Objects made so far are left out of garbage collection, so that collecting in a forked
    # worker does not touch (and copy) every page it shares with this process.
    gc.freeze()
    _shared_segments = segments if forking else ()
    try:
        batch = list(chunks(segments))
        works: list[Work] = []
        start = 0
        for position, chunk in enumerate(batch):
            works.append((position, (start, start + len(chunk)) if forking else chunk))
            start += len(chunk)
        rule_ids = tuple(rule.ID for rule in rules)

        def lost(position: int, attempts: int, started: bool) -> TermcheckError:
            return _lost_chunk(batch[position], attempts, started)

        for position, found in _results_in_order(works, context, jobs, (matchers, rule_ids), lost, while_waiting):
            yield batch[position], _gathered(batch[position], found)
    finally:
        _shared_segments = ()
        gc.unfreeze()


# How many times a chunk is tried before the run gives up: once among the others, then alone in a
# new worker, where the death of the worker can only be the chunk's doing. A chunk that kills every
# worker it is given (a text that exhausts memory) is not tried in this process, which it would
# kill with the report.
_ATTEMPTS = 3


def _results_in_order(
    works: Sequence[Work],
    context: BaseContext,
    jobs: int,
    worker_args: tuple[Matchers, tuple[str, ...]],
    lost: Callable[[int, int, bool], TermcheckError],
    while_waiting: Callable[[], None] | None,
) -> Iterator[tuple[int, WorkerResult]]:
    """The result of each work, by position, in order, from a pool of `jobs` workers. When a worker
    dies (killed, out of memory), the pool ends and the works it had not finished are given to a
    new one; those that had started are first tried again alone, and one that has ended its worker
    `_ATTEMPTS` times ends the run with the error `lost` makes (position, attempts, whether it had
    started)."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    results: dict[int, WorkerResult] = {}
    attempts = [0] * len(works)
    waiting = list(range(len(works)))
    following = 0
    # Pools that ended before any of their works had started (a worker that dies as it starts).
    barren = 0
    while waiting:
        # A work that was running when its worker died is tried alone.
        alone = [position for position in waiting if attempts[position]][:1]
        this_round = alone or waiting
        started = context.RawArray("b", len(works))
        futures: dict[int, Future[WorkerResult]] = {}
        broken = False
        pool = ProcessPoolExecutor(
            max_workers=1 if alone else jobs, mp_context=context, initializer=_start_worker, initargs=(*worker_args, started)
        )
        try:
            try:
                for position in this_round:
                    futures[position] = pool.submit(_check_chunk_in_worker, works[position])
            except BrokenProcessPool:
                broken = True  # the works not submitted are given to the next pool
            if while_waiting is not None:
                while_waiting()
                while_waiting = None
            for position in list(futures):
                try:
                    # Taken out, so that the result is not held once it has been used.
                    results[position] = futures.pop(position).result()
                except BrokenProcessPool:
                    broken = True  # every future not done is now failed: the loop ends at once
                    continue
                while following in results:
                    yield following, results.pop(following)
                    following += 1
        finally:
            # Waits for the workers (and a dead pool's clean-up), so that `started` is final.
            pool.shutdown(wait=True, cancel_futures=True)
        waiting = [position for position in waiting if position >= following and position not in results]
        if not broken:
            continue
        unfinished = [position for position in this_round if position in waiting]
        begun = [position for position in unfinished if started[position]]
        for position in begun:
            attempts[position] += 1
            if attempts[position] >= _ATTEMPTS:
                raise lost(position, attempts[position], True)
        barren = 0 if begun else barren + 1
        if barren >= _ATTEMPTS:
            raise lost(unfinished[0] if unfinished else waiting[0], barren, False)


def _lost_chunk(chunk: Sequence[Segment], attempts: int, started: bool) -> InputError:
    """The error that ends a run whose chunk could not be checked: where the chunk is."""
    first, last = chunk[0], chunk[-1]
    return _lost_lines(first.document or first.source_origin.path, first.source_origin.line, last.source_origin.line, attempts, started)


def _lost_lines(path: str, first: int, last: int, attempts: int, started: bool) -> InputError:
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    if started:
        what = f"checking {lines} ended the worker process each of the {attempts} times it was tried (out of memory?)"
    else:
        what = f"worker processes ended {attempts} times before checking {lines} (out of memory?)"
    return InputError(path, f"{what}; nothing was reported", first)


def _gathered(chunk: Sequence[Segment] | Mapping[int, Segment], found: WorkerResult) -> ChunkResult:
    findings_found, summaries, source_terms, _ = found
    findings = [(index, Finding(**dict(zip(_FINDING_FIELDS, values)), segment=chunk[index])) for index, values in findings_found]  # type: ignore[arg-type]
    return ChunkResult(findings, summaries, source_terms)


def _numbered(segment: Segment, number: int) -> Segment:
    # dataclasses.replace costs several times more, once for most segments of a large file.
    return Segment(
        segment.source, segment.target, segment.source_origin, segment.target_origin, number, segment.document, segment.id, segment.silencing
    )


class PartNumbering:
    """Numbers the segments of parts as reading their file from its start numbers them: parts are
    given in order, each numbering its segments from 1. Without `whole_segments`, the segments of
    a part's summaries that were not sent are made from their place (`_place_only`)."""

    def __init__(self, whole_segments: bool) -> None:
        self._whole_segments = whole_segments
        self._numbered: dict[str, int] = {}

    def numbered(self, path: str) -> int:
        """The segments of the file's parts given so far."""
        return self._numbered.get(path, 0)

    def renumbered(self, path: str, found: WorkerResult) -> tuple[Mapping[int, Segment], ChunkResult]:
        assert found[3] is not None
        read, segments = found[3]
        before = self._numbered.get(path, 0)
        self._numbered[path] = before + read.segments
        if before:
            segments = {index: _numbered(segment, segment.number + before) for index, segment in segments.items()}
        if not self._whole_segments:
            # A part numbers its segments from 1 in order: the one at `index` is number index + 1.
            origin = TextOrigin(path)
            for summaries in found[1].values():
                for index, _ in summaries:
                    if index not in segments:
                        segments[index] = _place_only(path, origin, before + index + 1)
        result = _gathered(segments, found)
        result.read = read
        return segments, result


def check_parts(
    parts: Sequence[FilePart],
    matchers: Matchers,
    rules: Sequence[Rule],
    *,
    jobs: int = 1,
    while_waiting: Callable[[], None] | None = None,
    whole_segments: bool = True,
) -> Iterator[tuple[Mapping[int, Segment], ChunkResult]]:
    """Each part of a file (or of files, each file's parts in order) read and checked, over `jobs`
    processes when jobs > 1, with its result and the segments the result is about, by position in
    the part: those of its findings, and those of its summaries (without their text unless
    `whole_segments`: for comparing rules that keep no segment). The segments are numbered as
    reading the file from its start numbers them. A part whose worker dies is checked again
    (`_results_in_order`)."""
    numbering = PartNumbering(whole_segments)
    if jobs <= 1:
        for part in parts:
            segments, read = read_part(part)
            result = check_chunk(segments, matchers, rules)
            yield numbering.renumbered(part.path, (_finding_fields(result), result.summaries, result.source_terms, (read, _segments_sent(segments, result, whole_segments))))
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    gc.freeze()  # as in check_chunks
    try:
        works: list[Work] = [(position, (part, whole_segments)) for position, part in enumerate(parts)]
        rule_ids = tuple(rule.ID for rule in rules)

        def lost(position: int, attempts: int, started: bool) -> TermcheckError:
            part = parts[position]
            return _lost_lines(part.path, part.line, part.line + part.lines - 1, attempts, started)

        for position, found in _results_in_order(works, context, jobs, (matchers, rule_ids), lost, while_waiting):
            yield numbering.renumbered(parts[position].path, found)
    finally:
        gc.unfreeze()
