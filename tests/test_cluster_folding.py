"""On a cluster, each unit's summaries are folded where it is checked, cut in parts by entry, and
each part's folds are merged in a tree and compared on its own: for any cut of the segments into
units, any number of parts and any shape of the tree, the comparing rule's findings are those of
one fold of every segment in order."""

from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
from collections.abc import Sequence

import pytest

from termcheck import Matchers, Segment, TextOrigin
from termcheck.check import Collectors, fold
from termcheck.cluster import Folded, check_unit, findings_in_part, merge_folded, wanted_in_part
from termcheck.model import Finding
from termcheck.rules import RuleContext, SegmentKey, all_rules, compares_segments
from termcheck.rules.inconsistent import part_of
from termcheck.scan import check_chunk
from termcheck.sortedfindings import report_order
from tests.test_jobs import LINES

RULE_IDS = tuple(rule.ID for rule in all_rules())


# Two terms rendered in two ways each (two parts of five hold them).
TWO_TERMS = [
    *LINES,
    ("国家主席出席会议。", "The head of state attended."),
    ("国家主席讲话。", "The Chinese President spoke."),
]


def documents() -> list[Segment]:
    """Two documents whose renderings of two terms clash within each and across them."""
    segments = []
    for document, count in (("a.jsonl", 7), ("b.jsonl", 5)):
        origin = TextOrigin(document)
        for number in range(1, count + 1):
            source, target = TWO_TERMS[(number + len(document)) % len(TWO_TERMS)]
            segments.append(Segment(source, target, origin, origin, number, document))
    return segments


def one_fold(matchers: Matchers, segments: Sequence[Segment], consistency: str) -> tuple[list[Finding], set[SegmentKey]]:
    """What a single machine reports: every summary folded in order, the segments read again; and
    the segments it read again."""
    rules = all_rules()
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    collectors: Collectors = {}
    fold(collectors, segments, check_chunk(segments, matchers, rules).summaries, [r for r in rules if compares_segments(r)], context, consistency=consistency, keep_segments=False)
    return findings_of(collectors, segments), {key for collector in collectors.values() for key in collector.wanted()}


def findings_of(collectors: Collectors, segments: Sequence[Segment]) -> list[Finding]:
    again = {(segment.document, segment.number): segment for segment in segments}
    return [finding for collector in collectors.values() for finding in collector.findings(again)]


def merged(folds: Sequence[Folded | list[Folded]], part: int, shape: str) -> Folded | list[Folded]:
    """Part `part` of the folds merged left to right, right to left, neighbours with neighbours,
    or all in one merge."""
    if shape == "all":
        return merge_folded(part, *folds) if len(folds) > 1 else folds[0]
    if shape == "left":
        result = folds[0]
        for later in folds[1:]:
            result = merge_folded(part, result, later)
        return result
    if shape == "right":
        result = folds[-1]
        for earlier in reversed(folds[:-1]):
            result = merge_folded(part, earlier, result)
        return result
    level = list(folds)
    while len(level) > 1:
        merges: list[Folded | list[Folded]] = [merge_folded(part, level[at], level[at + 1]) for at in range(0, len(level) - 1, 2)]
        level = merges + level[len(merges) * 2 :]
    return level[0]


@pytest.mark.parametrize("consistency", ["file", "run"])
@pytest.mark.parametrize("parts", [1, 5])
@pytest.mark.parametrize("shape", ["left", "right", "tree", "all"])
def test_any_cut_any_parts_and_any_tree_give_the_findings_of_one_fold(matchers: Matchers, consistency: str, parts: int, shape: str) -> None:
    segments = documents()
    findings, expected_wanted = one_fold(matchers, segments, consistency)
    expected = sorted(findings, key=report_order)
    assert len({finding.segment.document for finding in expected}) == 2
    assert {finding.entry_id for finding in expected} == {"modernization", "president"}
    assert parts == 1 or part_of("modernization", parts) != part_of("president", parts)
    again = {(segment.document, segment.number): segment for segment in segments}
    # The fold of every run of segments a unit can be; each crosses between processes, as on a cluster.
    folds_of = {
        (start, end): pickle.dumps(check_unit(matchers, RULE_IDS, consistency, segments[start:end], parts))
        for start, end in itertools.combinations(range(len(segments) + 1), 2)
    }
    for cuts in itertools.combinations(range(1, len(segments)), 3):
        bounds = [0, *cuts, len(segments)]
        units = [pickle.loads(folds_of[unit])[1] for unit in itertools.pairwise(bounds)]
        found: list[Finding] = []
        wanted: set[SegmentKey] = set()
        for part in range(parts):
            root = merged(units, part, shape)
            assert isinstance(root, Folded) and root.numbered == {"a.jsonl": 7, "b.jsonl": 5}
            wanted |= wanted_in_part(matchers, part, root)
            found += findings_in_part(matchers, part, pickle.loads(pickle.dumps(root)), again)
        assert sorted(found, key=report_order) == expected, cuts
        assert wanted == expected_wanted


def test_a_merge_changes_none_of_the_folds_it_merges(matchers: Matchers) -> None:
    """A unit's folds are an input of several tasks (a tree a part), and Dask may run a task again."""
    segments = documents()
    units = [check_unit(matchers, RULE_IDS, "run", segments[start:end], 2)[1] for start, end in ((0, 4), (4, 9), (9, 12))]
    before = [pickle.dumps(unit) for unit in units]
    for part in range(2):
        merge_folded(part, units[0], merge_folded(part, units[1], units[2]))
    assert [pickle.dumps(unit) for unit in units] == before


def test_an_entry_is_in_the_same_part_in_every_process() -> None:
    """Parts are merged across worker processes, whose string hashes differ."""
    program = "from termcheck.rules.inconsistent import part_of; print([part_of(e, 7) for e in ('a', 'b', 'cpc-central-committee')])"
    seen = {
        subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(seen) == 1
