"""Checking on a Dask cluster (`pip install 'termcheck[dask]'`): the same findings as on one
machine, the work spread over the cluster's workers.

The run is cut into units of work that the workers read themselves: parts of large line-based
files (readers/parts.py, byte ranges of whole lines) and whole files of the other formats (an
XLIFF, TMX or PO file cannot be cut); only the segments of a pair of text files, which this
process reads to align them, travel to the workers in chunks. The compiled glossary is scattered
to every worker once. A unit's task reads and checks it and folds the comparing rules' summaries
of its segments, cut in parts by what the comparison is of (an entry); the findings come back to
this process in the order of the units and go into the same sorted report. The folded parts stay
on the cluster: part N of every unit is merged with part N alone, in a tree, in the order of the
units, so that each tree's root is part N of a single machine's fold, and the comparison is made
on the workers a part a task. Only the segments the comparing rules' findings are in (read again
by workers) and those findings come to this process, not the fold of the whole run.

Dask retries the tasks of a worker that is lost (its `allowed-failures`); a unit that ends every
worker it is given ends the run with its place, as under --jobs.
"""

from __future__ import annotations

import gc
import operator
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from termcheck.errors import InputError, TermcheckError, UsageError
from termcheck.matching.compiled import Matchers
from termcheck.model import Finding, Segment, TextOrigin
from termcheck.readers.parts import FileInParts, FilePart, PartRead, WholeFile, read_part, whole_file_segments
from termcheck.rules import Collector, Rule, RuleContext, SegmentKey, all_rules, compares_segments
from termcheck.scan import (
    ChunkResult,
    PartNumbering,
    WorkerResult,
    _finding_fields,
    _gathered,
    _lost_chunk,
    _lost_lines,
    _numbered,
    _place_only,
    check_chunk,
    chunks,
    fault_checkpoint,
)

# What a worker is given to check: a chunk of segments read here, a part of a file, or a file.
Unit = list[Segment] | FilePart | WholeFile
# The comparison is cut in this many parts a worker thread (at most MOST_PARTS: each part is a
# tree of merges, FAN_IN folds a merge).
PARTS_PER_THREAD = 2
MOST_PARTS = 16
FAN_IN = 8
INSTALL_HINT = "pip install 'termcheck[dask]'"


def connect(scheduler: str) -> tuple[Any, Callable[[], None]]:
    """A Dask client for `--scheduler`: "local:N" starts a cluster of N worker processes on this
    machine; anything else is the address of a running scheduler (tcp://host:8786). Returns the
    client and what closes it (and the local cluster)."""
    try:
        import distributed
    except ImportError:
        raise UsageError(f"--scheduler needs Dask: {INSTALL_HINT}") from None
    if scheduler.startswith("local:") or scheduler == "local":
        workers = scheduler.partition(":")[2]
        if not workers.isdigit() or int(workers) < 1:
            raise UsageError(f"--scheduler local:N needs a number of workers of 1 or more, not {workers!r}")
        import logging

        # One thread a worker: checking is Python that holds the GIL; processes run in parallel.
        cluster = distributed.LocalCluster(
            n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        )
        client = distributed.Client(cluster)

        def close_local() -> None:
            client.close()
            cluster.close()

        return client, close_local
    try:
        client = distributed.Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"--scheduler: cannot reach the Dask scheduler at {scheduler}: {error}") from None
    return client, client.close


class Folded:
    """What the comparing rules folded of a run of consecutive units: a collector per rule and
    document ("" for the run), its segments numbered within these units, and how many segments of
    each document the units hold."""

    def __init__(self) -> None:
        self.collectors: dict[tuple[str, str], Collector] = {}
        self.numbered: dict[str, int] = {}


def _rules(rule_ids: Sequence[str]) -> list[Rule]:
    return [rule for rule in all_rules() if rule.ID in rule_ids]


# Tasks of this worker process running now, under the lock: the collector is off while any runs.
_running = 0
_running_lock = threading.Lock()


@contextmanager
def _without_collector() -> Iterator[None]:
    """The cyclic garbage collector off while checking, as in a --jobs worker: a task makes no
    reference cycles worth collecting, and the collector's passes would go over a Dask worker's
    whole heap (its own objects and the glossary's decoded tables) many times a task."""
    global _running
    with _running_lock:
        _running += 1
        if _running == 1:
            gc.disable()
    try:
        yield
    finally:
        with _running_lock:
            _running -= 1
            if _running == 0:
                gc.enable()


def check_unit(matchers: Matchers, rule_ids: tuple[str, ...], consistency: str, unit: Unit, parts: int = 1) -> tuple[WorkerResult, list[Folded]]:
    """A worker's task: read the unit (a part or a file), check it, and fold its summaries, cut
    in `parts` (Collector.parts)."""
    with _without_collector():
        result, folded = _check_unit(matchers, rule_ids, consistency, unit)
        return result, _cut(folded, parts)


def _cut(folded: Folded, count: int) -> list[Folded]:
    """A fold in `count` parts: each with every collector's part of that number, and the count of
    every document's segments (merging numbers the next fold's segments after them)."""
    if count == 1:
        return [folded]
    parts = [Folded() for _ in range(count)]
    for key, collector in folded.collectors.items():
        for part, piece in zip(parts, collector.parts(count), strict=True):
            part.collectors[key] = piece
    for part in parts:
        part.numbered = dict(folded.numbered)
    return parts


def _check_unit(matchers: Matchers, rule_ids: tuple[str, ...], consistency: str, unit: Unit) -> tuple[WorkerResult, Folded]:
    from termcheck.check import fold

    fault_checkpoint()
    rules = _rules(rule_ids)
    comparing = [rule for rule in rules if compares_segments(rule)]
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    folded = Folded()
    findings: list[tuple[int, tuple[object, ...]]] = []
    # The segments of the findings, by position in the unit (for a unit this process read).
    sent: dict[int, Segment] = {}
    source_terms = position = 0
    read: Callable[[], PartRead] | None = None
    try:
        if isinstance(unit, FilePart):
            part_segments, part_read = read_part(unit)
            segments: Iterable[Segment] = part_segments
            read = lambda: part_read
        elif isinstance(unit, WholeFile):
            # A file of any size, checked a chunk at a time as it is read: the worker holds one
            # chunk, and the findings.
            segments, read = whole_file_segments(unit)
        else:
            segments = unit
        for chunk in chunks(segments):
            result = check_chunk(chunk, matchers, rules)
            findings.extend((position + index, fields) for index, fields in _finding_fields(result))
            if read is not None:
                sent.update((position + index, chunk[index]) for index, _ in result.findings)
            # The segments as the collectors know them (document and number): numbered from 1 in
            # this unit, document by document; merging renumbers them after the units before.
            places: dict[int, Segment] = {}
            summarized = {index for summaries in result.summaries.values() for index, _ in summaries}
            for index, segment in enumerate(chunk):
                number = folded.numbered[segment.document] = folded.numbered.get(segment.document, 0) + 1
                if index in summarized:
                    places[index] = _place_only(segment.document, TextOrigin(segment.document), number)
            fold(folded.collectors, places, result.summaries, comparing, context, consistency=consistency, keep_segments=False)
            source_terms += result.source_terms
            position += len(chunk)
    except TermcheckError as error:
        # Sent to the client without what it was raised from (a parser's error log cannot be
        # pickled); the client reports it as one line.
        error.__context__ = error.__cause__ = None
        raise
    return (findings, {}, source_terms, None if read is None else (read(), sent)), folded


def merge_folded(part: int, *folds: list[Folded] | Folded) -> Folded:
    """A merging task of a tree: part `part` of folds of consecutive runs of units, in order (a
    unit's folds, or what a merge made)."""
    merged = Folded()
    # Built anew: a task's inputs may be shared with other tasks on the worker (a unit's result
    # is), and Dask may run a task again, so no input is changed.
    for value in folds:
        fold = _part(value, part)
        for key, collector in fold.collectors.items():
            into = merged.collectors.get(key)
            if into is None:
                rule = _rules((key[0],))[0]
                # The glossary is attached where the comparison is made (_attached).
                into = merged.collectors[key] = rule.collector(RuleContext(entries={}), keep_segments=False)  # type: ignore[attr-defined]
            into.merge(collector, merged.numbered)
        for document, count in fold.numbered.items():
            merged.numbered[document] = merged.numbered.get(document, 0) + count
    return merged


def _part(value: list[Folded] | Folded, part: int) -> Folded:
    """Part `part` of a unit's folds, or a merge's fold (of one part)."""
    return value[part] if isinstance(value, list) else value


def _attached(matchers: Matchers, fold: Folded) -> list[Collector]:
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    for collector in fold.collectors.values():
        collector.attach(context)
    return list(fold.collectors.values())


def wanted_in_part(matchers: Matchers, part: int, root: list[Folded] | Folded) -> set[SegmentKey]:
    """A worker's task: the segments the findings of a part of the run's fold are in."""
    with _without_collector():
        return {key for collector in _attached(matchers, _part(root, part)) for key in collector.wanted()}


def findings_in_part(matchers: Matchers, part: int, root: list[Folded] | Folded, again: Mapping[SegmentKey, Segment]) -> list[Finding]:
    """A worker's task: the findings of a part of the run's fold, given the segments it wanted."""
    with _without_collector():
        return [finding for collector in _attached(matchers, _part(root, part)) for finding in collector.findings(again)]


def reread_part(part: FilePart, numbers: Sequence[int], before: int) -> dict[int, Segment]:
    """A worker's task: the segments of a part with these numbers (in the file; the part's first
    segment is number `before` + 1)."""
    segments, _ = read_part(part)
    return {number: _numbered(segments[number - before - 1], number) for number in numbers}


def reread_whole(unit: WholeFile, numbers: Sequence[int]) -> dict[int, Segment]:
    """A worker's task: the segments of a whole file with these numbers."""
    wanted = set(numbers)
    segments, _ = whole_file_segments(unit)
    return {segment.number: segment for segment in segments if segment.number in wanted}


class ClusterRun:
    """One check on a cluster: its units submitted, their results taken in order, the folded
    summaries merged, and the segments the comparing rules want read again."""

    def __init__(self, client: Any, matchers: Matchers, rules: Sequence[Rule], consistency: str, *, keep_sent: bool = False) -> None:
        self._client = client
        # The segments sent from here, by document and number, when nothing can read them again.
        self._sent: dict[SegmentKey, Segment] | None = {} if keep_sent else None
        self._rule_ids = tuple(rule.ID for rule in rules)
        self._consistency = consistency
        # Sent to every worker once, not with every task.
        self._matchers = client.scatter(matchers, broadcast=True, hash=False)
        # The comparison in parts, a few a worker, so that every worker compares at the end; not
        # more, each part being a tree of merges.
        self._parts = max(1, min(MOST_PARTS, PARTS_PER_THREAD * sum(client.nthreads().values())))
        self._roots: list[Any] = []
        # Where each document was read, to read its segments again: a whole file, or the parts
        # of a file with the number of the segments before each.
        self._whole: dict[str, WholeFile] = {}
        self._in_parts: dict[str, list[tuple[FilePart, int, int]]] = {}
        self.done = 0
        self.total: int | None = None  # known once every unit is submitted

    def results(self, items: Iterable[Segment | FileInParts | WholeFile]) -> Iterator[tuple[Sequence[Segment] | Mapping[int, Segment], ChunkResult]]:
        """Each unit with its result and the segments the result is about, in the order of the
        units. Units are submitted as the files are listed (and large ones cut), a bounded number
        ahead of the result taken, so that the cluster holds the findings of a few units at a
        time, not of the archive."""
        client = self._client
        ahead = max(16, 4 * sum(client.nthreads().values()))
        pending: deque[tuple[Unit, Any]] = deque()
        trees = [_Tree(client, part) for part in range(self._parts)]
        numbering = PartNumbering(whole_segments=False)
        try:
            for unit in _units(items):
                checked = client.submit(check_unit, self._matchers, self._rule_ids, self._consistency, unit, self._parts, pure=False)
                # The folds apart from the findings (both taken where the unit was checked): a merge
                # on another worker is sent the folds alone.
                folds = client.submit(operator.getitem, checked, 1, pure=False)
                for tree in trees:
                    tree.add(folds)
                pending.append((unit, client.submit(operator.getitem, checked, 0, pure=False)))
                del checked, folds  # the trees and the report hold what they need
                while len(pending) > ahead:
                    yield self._taken(*pending.popleft(), numbering)
            self.total = self.done + len(pending)
            self._roots = [root for root in (tree.root() for tree in trees) if root is not None]
            while pending:
                yield self._taken(*pending.popleft(), numbering)
        except BaseException:
            client.cancel([future for _, future in pending] + [future for tree in trees for future in tree.futures()])
            raise

    def _taken(self, unit: Unit, report: Any, numbering: PartNumbering) -> tuple[Sequence[Segment] | Mapping[int, Segment], ChunkResult]:
        """A unit's result, taken from the cluster (which then frees it)."""
        found = self._result(report, unit)
        self.done += 1
        if isinstance(unit, FilePart):
            before = numbering.numbered(unit.path)
            segments, result = numbering.renumbered(unit.path, found)
            assert result.read is not None
            self._in_parts.setdefault(unit.path, []).append((unit, before, result.read.segments))
            return segments, result
        if isinstance(unit, WholeFile):
            assert found[3] is not None
            read, sent = found[3]
            self._whole[unit.path] = unit
            result = _gathered(sent, found)
            result.read = read
            return sent, result
        if self._sent is not None:
            self._sent.update(((segment.document, segment.number), segment) for segment in unit)
        return unit, _gathered(unit, found)

    def _result(self, future: Any, unit: Unit) -> WorkerResult:
        from distributed import KilledWorker

        try:
            return future.result()  # type: ignore[no-any-return]
        except KilledWorker:
            raise _lost_unit(unit) from None

    def compared(self, *, here: Callable[[set[SegmentKey]], Mapping[SegmentKey, Segment]] | None) -> Iterator[Finding]:
        """The comparing rules' findings of the whole run, made on the workers a part of the fold
        a task: each part names the segments it wants, they are read again (`reread`), and each
        part is given its own."""
        roots, self._roots = self._roots, []
        if not roots:
            return
        client = self._client
        wanting = [client.submit(wanted_in_part, self._matchers, part, root, pure=False) for part, root in enumerate(roots)]
        wanted = [future.result() for future in wanting]
        del wanting
        again = self.reread(set().union(*wanted), here=here)
        made = []
        for part, (root, keys) in enumerate(zip(roots, wanted, strict=True)):
            segments: Any = {key: again[key] for key in keys if key in again}
            if segments:
                # Scattered, not put in the task: Dask sends a task's arguments through the scheduler.
                [segments] = client.scatter([segments], hash=False)
            made.append(client.submit(findings_in_part, self._matchers, part, root, segments, pure=False))
        del roots, again
        for future in made:
            yield from future.result()

    def reread(self, wanted: set[SegmentKey], *, here: Callable[[set[SegmentKey]], Mapping[SegmentKey, Segment]] | None) -> dict[SegmentKey, Segment]:
        """The wanted segments read again: by workers where a worker read them, else by `here`
        (None: those sent from here were kept)."""
        by_document: dict[str, list[int]] = {}
        for document, number in sorted(wanted):
            by_document.setdefault(document, []).append(number)
        client = self._client
        futures: list[tuple[str, Any]] = []
        locally: set[SegmentKey] = set()
        for document, numbers in by_document.items():
            if document in self._whole:
                futures.append((document, client.submit(reread_whole, self._whole[document], numbers, pure=False)))
            elif document in self._in_parts:
                for part, before, count in self._in_parts[document]:
                    inside = [number for number in numbers if before < number <= before + count]
                    if inside:
                        futures.append((document, client.submit(reread_part, part, inside, before, pure=False)))
            else:
                locally.update((document, number) for number in numbers)
        if not locally:
            again: dict[SegmentKey, Segment] = {}
        elif here is not None:
            again = dict(here(locally))
        else:
            assert self._sent is not None
            again = {key: self._sent[key] for key in locally if key in self._sent}
        for document, future in futures:
            again.update(((document, number), segment) for number, segment in future.result().items())
        return again


def _units(items: Iterable[Segment | FileInParts | WholeFile]) -> Iterator[Unit]:
    """The units of a run: segments read here in chunks, each part of a file, each whole file."""
    pending: list[Segment] = []
    for item in items:
        if isinstance(item, Segment):
            pending.append(item)
            continue
        yield from chunks(pending)
        pending = []
        if isinstance(item, FileInParts):
            yield from item.parts
        else:
            yield item
    yield from chunks(pending)


class _Tree:
    """Part `part` of the folds of the units merged as they come, FAN_IN neighbours at a time and
    in their order (as a counter in base FAN_IN carries): a tree of depth log(units) in that base,
    each merge a task on the cluster. Each level renumbers every use below it once, so fewer
    levels, less work."""

    def __init__(self, client: Any, part: int) -> None:
        self._client = client
        self._part = part
        # (level, fold): each fold merges FAN_IN**level units, the earliest first.
        self._stack: list[tuple[int, Any]] = []

    def add(self, fold: Any) -> None:
        level = 0
        self._stack.append((level, fold))
        while len(self._stack) >= FAN_IN and all(at == level for at, _ in self._stack[-FAN_IN:]):
            folds = [fold for _, fold in self._stack[-FAN_IN:]]
            del self._stack[-FAN_IN:]
            level += 1
            self._stack.append((level, self._client.submit(merge_folded, self._part, *folds, pure=False)))

    def root(self) -> Any:
        """The merge of every fold (None when there were none)."""
        if len(self._stack) > 1:
            folds = [fold for _, fold in self._stack]
            self._stack = [(0, self._client.submit(merge_folded, self._part, *folds, pure=False))]
        return self._stack[0][1] if self._stack else None

    def futures(self) -> list[Any]:
        return [fold for _, fold in self._stack]


def _lost_unit(unit: Unit) -> TermcheckError:
    """The error for a unit whose every worker died."""
    import dask

    attempts = int(dask.config.get("distributed.scheduler.allowed-failures", 3)) + 1
    if isinstance(unit, FilePart):
        return _lost_lines(unit.path, unit.line, unit.line + unit.lines - 1, attempts, True)
    if isinstance(unit, WholeFile):
        return InputError(unit.path, f"checking it ended a worker each of the {attempts} times it was tried (out of memory?); nothing was reported")
    return _lost_chunk(unit, attempts, True)
