"""Scanning segments with the compiled matchers, in this process or spread over several.

Scanning (the automata over both sides) is the work that grows with the input; the rules that
follow need every segment of a document and stay in one process. Work is split into chunks of
segments handed out in order and gathered in order, so the hits, and so the findings, are the
same for any number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from termcheck.matching.compiled import Matchers
from termcheck.model import Segment, SegmentHits, SourceHit, TargetHit

Progress = Callable[[int, int], None]
# Below this much text, starting processes costs more than it saves.
PARALLEL_THRESHOLD_CHARS = 2_000_000
_CHUNK_CHARS = 200_000

_worker_matchers: Matchers | None = None


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


def _scan_texts(texts: list[tuple[str, str]]) -> list[tuple[tuple[SourceHit, ...], tuple[TargetHit, ...]]]:
    assert _worker_matchers is not None
    return [(tuple(_worker_matchers.zh.find(source)), tuple(_worker_matchers.find_renderings(target))) for source, target in texts]


def scan_segments(segments: Sequence[Segment], matchers: Matchers, *, jobs: int = 1, progress: Progress | None = None) -> list[SegmentHits]:
    """The hits of every segment, in the order of `segments`."""
    total = len(segments)
    if jobs <= 1 or total < 2:
        results = []
        for done, segment in enumerate(segments, 1):
            results.append(matchers.scan(segment))
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = list(_chunks(segments))
    results = []
    done = 0
    # fork where the platform has it: the workers start with the compiled matchers in memory.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(matchers,)) as pool:
        texts = ([(s.source, s.target) for s in chunk] for chunk in chunks)
        for chunk, hits in zip(chunks, pool.map(_scan_texts, texts)):
            results.extend(SegmentHits(segment, source, target) for segment, (source, target) in zip(chunk, hits))
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    return results
