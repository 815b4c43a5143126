"""Scanning segments and applying the rules that look at one segment at a time, in this process or
spread over several.

Segments are taken in chunks. For each chunk, the automata scan both sides, the segment-local rules
turn the hits into findings, and each comparing rule keeps a small summary of each segment; the
hits themselves are then dropped, so memory holds findings and summaries, not every hit of the
input. Over several processes, the workers are forked with the segments of a batch in memory, are
handed the positions of its chunks, and the results are gathered in order: the findings are the
same, in the same order, for any number of processes.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from termcheck.matching.compiled import Matchers
from termcheck.model import Finding, Segment
from termcheck.rules import Rule, RuleContext, all_rules, compares_segments

if TYPE_CHECKING:
    from concurrent.futures import Future

# Segments checked so far, and in all when known.
Progress = Callable[[int, "int | None"], None]
_CHUNK_CHARS = 200_000


def chunks(segments: Iterable[Segment], chars: int = _CHUNK_CHARS) -> Iterator[list[Segment]]:
    """The segments in lists of about `chars` characters of text."""
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


# The state of a worker process: the matchers and rules it was started with, and, where processes
# are forked, the segments of the run (inherited, so that only positions travel to the workers).
_worker_matchers: Matchers | None = None
_worker_rules: list[Rule] = []
_shared_segments: Sequence[Segment] = ()


def _start_worker(matchers: Matchers, rule_ids: tuple[str, ...]) -> None:
    global _worker_matchers, _worker_rules
    _worker_matchers = matchers
    _worker_rules = [rule for rule in all_rules() if rule.ID in rule_ids]
    # A worker lives for one run and makes no reference cycles worth collecting; the collector's
    # passes over the inherited heap would only copy its pages.
    gc.disable()


# A finding travels back from a worker as its fields without the segment (the caller has the
# segments): pickling each finding's segment would send the chunk back whole.
_FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "segment")
WorkerResult = tuple[list[tuple[int, tuple[object, ...]]], dict[str, list[tuple[int, object]]], int]


def _check_chunk_in_worker(work: list[Segment] | tuple[int, int]) -> WorkerResult:
    assert _worker_matchers is not None
    segments = _shared_segments[work[0] : work[1]] if isinstance(work, tuple) else work
    result = check_chunk(segments, _worker_matchers, _worker_rules)
    found = [(index, tuple(getattr(finding, name) for name in _FINDING_FIELDS)) for index, finding in result.findings]
    return found, result.summaries, result.source_terms


def check_chunks(
    segments: Sequence[Segment],
    matchers: Matchers,
    rules: Sequence[Rule],
    *,
    jobs: int = 1,
    while_waiting: Callable[[], None] | None = None,
) -> Iterator[tuple[list[Segment], ChunkResult]]:
    """Each chunk of the segments with its result, in order; over `jobs` processes when jobs > 1,
    calling `while_waiting` (to read what comes next) once the workers have their work."""
    if jobs <= 1:
        for chunk in chunks(segments):
            yield chunk, check_chunk(chunk, matchers, rules)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

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
        rule_ids = tuple(rule.ID for rule in rules)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(matchers, rule_ids)) as pool:
            pending: list[tuple[list[Segment], Future[WorkerResult]]] = []
            start = 0
            for chunk in chunks(segments):
                work = (start, start + len(chunk)) if forking else chunk
                start += len(chunk)
                pending.append((chunk, pool.submit(_check_chunk_in_worker, work)))
            if while_waiting is not None:
                while_waiting()
            for chunk, future in pending:
                yield _gathered(chunk, future)
    finally:
        _shared_segments = ()
        gc.unfreeze()


def _gathered(chunk: list[Segment], future: Future[WorkerResult]) -> tuple[list[Segment], ChunkResult]:
    found, summaries, source_terms = future.result()
    findings = [(index, Finding(**dict(zip(_FINDING_FIELDS, values)), segment=chunk[index])) for index, values in found]  # type: ignore[arg-type]
    return chunk, ChunkResult(findings, summaries, source_terms)
