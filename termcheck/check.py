"""The check itself: segments and compiled matchers in, findings out.

Segments are taken as they come, in batches: a batch is scanned (over several processes when it
is large), its segment-local findings kept, and its summaries folded into the comparing rules'
collectors; then the next batch is read. Memory holds one batch, the findings, and what the
comparing rules keep, not the whole input.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import replace
from typing import Any

from termcheck.matching.compiled import Matchers
from termcheck.model import CheckResult, Finding, Segment
from termcheck.readers.parts import FileInParts, PartRead, WholeFile
from termcheck.rules import Collector, Rule, RuleContext, SegmentKey, all_rules, compares_segments
from termcheck.scan import ChunkResult, Progress, check_chunks, check_parts, chunks
from termcheck.sortedfindings import FindingSorter

# What a caller does to each finding as it is made: None leaves it out, else the finding kept
# (the same, or changed: another severity).
FindingFilter = Callable[[Finding], "Finding | None"]

# Below this much text, starting processes costs more than it saves.
PARALLEL_THRESHOLD_CHARS = 2_000_000
# Segments read ahead and checked together: over several processes, the workers are forked with
# the batch in memory.
BATCH_CHARS = 2_000_000


def jobs_for(batch: Sequence[Segment] | FileInParts, jobs: int | None) -> int:
    """`jobs`, or by default as many processes as cores for a large batch (a file in parts is
    one), else one."""
    if jobs is not None:
        return jobs
    if isinstance(batch, FileInParts):
        return os.cpu_count() or 1
    chars = sum(len(s.source) + len(s.target) for s in batch)
    return (os.cpu_count() or 1) if chars >= PARALLEL_THRESHOLD_CHARS else 1


def batches(items: Iterable[Segment | FileInParts | WholeFile], chars: int) -> Iterator[list[Segment] | FileInParts]:
    """Segments in lists of about `chars` characters of text (scan.chunks), and each file in parts
    as it comes, the list before it ended there."""
    remaining = iter(items)
    part: list[FileInParts] = []

    def segments_to_next_part() -> Iterator[Segment]:
        for item in remaining:
            if isinstance(item, FileInParts):
                part.append(item)
                return
            assert isinstance(item, Segment), "a whole file is read by a cluster's worker only"
            yield item

    while True:
        yield from chunks(segments_to_next_part(), chars)
        if not part:
            return
        yield part.pop()


def check(
    segments: Iterable[Segment | FileInParts | WholeFile],
    matchers: Matchers,
    rules: Sequence[Rule] | None = None,
    *,
    consistency: str = "file",
    jobs: int | None = 1,
    progress: Progress | None = None,
    reread: Callable[[set[SegmentKey]], Mapping[SegmentKey, Segment]] | None = None,
    part_read: Callable[[PartRead], None] | None = None,
    keep: FindingFilter | None = None,
    client: Any = None,
) -> CheckResult:
    """Scan every segment (over `jobs` processes; None: as many as cores for large inputs) and
    run every rule over each document's segments; with consistency="run", the rules that compare
    renderings see all documents as one. Given `reread` (segments by document and number, read
    again from the input), the comparing rules keep no segment, and the few their findings are in
    are read again at the end. A file in parts (in place of its segments) is read by the workers;
    `part_read` is told what reading each part gave, in order, before its findings are made.
    Given `keep`, each finding goes through it as it is made. Given a Dask `client`, the work is
    done on its cluster (termcheck.cluster), where whole files are read by the workers too.

    The findings come in report order (termcheck.sortedfindings.report_order): a tuple, or, past
    a number of findings, SpilledFindings read from a temporary file (close it with
    termcheck.sortedfindings.close_findings when done, or let it be collected)."""
    sorter = FindingSorter()

    def collect(findings: Iterable[Finding]) -> None:
        if keep is None:
            sorter.extend(findings)
            return
        for finding in findings:
            kept = keep(finding)
            if kept is not None:
                sorter.add(kept)

    try:
        result = _check(
            segments, matchers, rules, collect, consistency=consistency, jobs=jobs, progress=progress, reread=reread, part_read=part_read,
            client=client,
        )
        return replace(result, findings=sorter.finish())
    except BaseException:
        sorter.discard()
        raise


# Per comparing rule and document ("" for the whole run), what it keeps of the summaries.
Collectors = dict[tuple[str, str], Collector]


def fold(
    collectors: Collectors,
    chunk: Sequence[Segment] | Mapping[int, Segment],
    summaries: Mapping[str, Sequence[tuple[int, object]]],
    comparing: Sequence[Rule],
    context: RuleContext,
    *,
    consistency: str,
    keep_segments: bool,
) -> None:
    """Fold the summaries of a chunk's segments (by position in `chunk`) into the collectors of
    the comparing rules, making those it lacks."""
    for rule in comparing:
        for index, summary in summaries.get(rule.ID, ()):
            segment = chunk[index]
            key = (rule.ID, "" if consistency == "run" else segment.document)
            collector = collectors.get(key)
            if collector is None:
                collector = collectors[key] = rule.collector(context, keep_segments=keep_segments)  # type: ignore[attr-defined]
            collector.add(segment, summary)


def _check(
    segments: Iterable[Segment | FileInParts | WholeFile],
    matchers: Matchers,
    rules: Sequence[Rule] | None,
    collect: Callable[[Iterable[Finding]], None],
    *,
    consistency: str,
    jobs: int | None,
    progress: Progress | None,
    reread: Callable[[set[SegmentKey]], Mapping[SegmentKey, Segment]] | None,
    part_read: Callable[[PartRead], None] | None,
    client: Any = None,
) -> CheckResult:
    """The check, each finding passed to `collect` as it is made; the result without findings."""
    rules = all_rules() if rules is None else rules
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    comparing = [rule for rule in rules if compares_segments(rule)]
    collectors: Collectors = {}
    documents: set[str] = set()
    count = source_terms = 0
    checked: Iterator[tuple[Sequence[Segment] | Mapping[int, Segment], ChunkResult]]
    if client is None:
        total = len(segments) if isinstance(segments, Sized) else None
        checked = _checked_here(segments, matchers, rules, jobs, whole_segments=reread is None)
    else:
        from termcheck.cluster import ClusterRun

        # Without `reread`, the segments sent from here are kept to be read again.
        cluster = ClusterRun(client, matchers, rules, consistency, keep_sent=reread is None)
        checked = cluster.results(segments)
    for chunk, result in checked:
        if result.read is not None and part_read is not None:
            part_read(result.read)  # first: its silencing directives apply to its findings
        collect(finding for _, finding in result.findings)
        fold(collectors, chunk, result.summaries, comparing, context, consistency=consistency, keep_segments=reread is None)
        if result.read is None:
            assert isinstance(chunk, Sequence)
            documents.update(segment.document for segment in chunk)
            count += len(chunk)
        else:
            # A part read in a worker: `chunk` has only the segments the result is about.
            if result.read.segments:
                documents.add(result.read.path)
            count += result.read.segments
        source_terms += result.source_terms
        if progress is not None:
            if client is None:
                progress(count, total)
            else:
                progress(cluster.done, cluster.total)
    if client is not None:
        # Folded and compared on the workers.
        collect(cluster.compared(here=reread))
        return CheckResult(findings=(), documents=len(documents), segments=count, source_terms=source_terms)
    wanted = {key for collector in collectors.values() for key in collector.wanted()}
    again = reread(wanted) if wanted and reread is not None else None
    for collector in collectors.values():
        collect(collector.findings(again))
    return CheckResult(findings=(), documents=len(documents), segments=count, source_terms=source_terms)


def _checked_here(
    segments: Iterable[Segment | FileInParts | WholeFile], matchers: Matchers, rules: Sequence[Rule], jobs: int | None, *, whole_segments: bool
) -> Iterator[tuple[Sequence[Segment] | Mapping[int, Segment], ChunkResult]]:
    """Each chunk checked in this process, or over `jobs` processes, with its result, in order."""
    upcoming = batches(segments, BATCH_CHARS)
    batch = next(upcoming, None)
    while batch is not None:
        # The next batch is read while workers check this one.
        following: list[list[Segment] | FileInParts | None] = []

        def read_next() -> None:
            following.append(next(upcoming, None))

        if isinstance(batch, FileInParts):
            yield from check_parts(batch.parts, matchers, rules, jobs=jobs_for(batch, jobs), while_waiting=read_next, whole_segments=whole_segments)
        else:
            yield from check_chunks(batch, matchers, rules, jobs=jobs_for(batch, jobs), while_waiting=read_next)
        if not following:
            read_next()
        batch = following[0]
