"""Scanning segments with the compiled matchers, in this process or spread over several.

Scanning (the automata over both sides) is the work that grows with the input; the rules that
follow need every segment of a document and stay in one process. Work is split into chunks of
segments handed out in order and gathered in order, so the hits, and so the findings, are the
same for any number of processes.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence

from termcheck.matching.compiled import Matchers
from dataclasses import replace

from termcheck.model import Finding, Segment, SegmentHits, SourceHit, TargetHit, TextOrigin

Progress = Callable[[int, int], None]
# Below this much text, starting processes costs more than it saves.
PARALLEL_THRESHOLD_CHARS = 2_000_000
_CHUNK_CHARS = 200_000

_worker_matchers: Matchers | None = None
_PLACEHOLDER = Segment("", "", TextOrigin(""), TextOrigin(""))


def default_jobs(segments: Sequence[Segment]) -> int:
    size = sum(len(s.source) + len(s.target) for s in segments)
    return (os.cpu_count() or 1) if size >= PARALLEL_THRESHOLD_CHARS else 1


def _chunks(segments: Sequence[Segment]) -> Iterator[list[Segment]]:
    chunk: list[Segment] = []
    size = 0
    for segment in segments:
        chunk.append(segment)
        size += len(segment.source) + len(segment.target)
        if size >= _CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _start_worker(matchers: Matchers) -> None:
    global _worker_matchers
    _worker_matchers = matchers
    # A worker lives for one run and makes no reference cycles worth collecting; the collector's
    # passes over the inherited heap would only copy its pages.
    gc.disable()


ChunkResult = tuple[list[tuple[tuple[SourceHit, ...], tuple[TargetHit, ...]]], list[tuple[int, Finding]]]


def _scan_chunk(work: tuple[list[Segment], tuple[str, ...]]) -> ChunkResult:
    """The hits of a chunk of segments, and the findings of the rules that look at one segment at
    a time (their segment left out of the reply and put back by the caller)."""
    from termcheck.rules import RuleContext, all_rules

    segments, rule_ids = work
    matchers = _worker_matchers
    assert matchers is not None
    hits = [matchers.scan(segment) for segment in segments]
    rules = [rule for rule in all_rules() if rule.ID in rule_ids]
    context = RuleContext(entries=matchers.entries)
    position = {id(segment): index for index, segment in enumerate(segments)}
    findings = []
    for rule in rules:
        for finding in rule.check(hits, context):
            findings.append((position[id(finding.segment)], replace(finding, segment=_PLACEHOLDER)))
    return [(h.source, h.target) for h in hits], findings


def scan_segments(
    segments: Sequence[Segment],
    matchers: Matchers,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    local_rules: Sequence[str] = (),
) -> tuple[list[SegmentHits], list[Finding] | None]:
    """The hits of every segment, in the order of `segments`; over several processes, also the
    findings of `local_rules` (rules that look at one segment at a time), else None."""
    total = len(segments)
    if jobs <= 1 or total < 2:
        results = []
        for done, segment in enumerate(segments, 1):
            results.append(matchers.scan(segment))
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
        return results, None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = list(_chunks(segments))
    results = []
    findings: list[Finding] = []
    done = 0
    # fork where the platform has it: the workers start with the compiled matchers in memory.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    # Objects made so far are left out of garbage collection, so that collecting in a forked
    # worker does not touch (and copy) every page it shares with this process.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(matchers,)) as pool:
            for chunk, (hits, chunk_findings) in zip(chunks, pool.map(_scan_chunk, ((chunk, tuple(local_rules)) for chunk in chunks))):
                results.extend(SegmentHits(segment, source, target) for segment, (source, target) in zip(chunk, hits))
                findings.extend(replace(finding, segment=chunk[index]) for index, finding in chunk_findings)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    finally:
        gc.unfreeze()
    return results, findings

