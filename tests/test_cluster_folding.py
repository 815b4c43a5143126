"""On a cluster, each unit's summaries are folded where it is checked and the folds are merged in
a tree: for any cut of the segments into units and any shape of the tree, the comparing rule's
findings are those of one fold of every segment in order."""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Sequence

import pytest

from termcheck import Matchers, Segment, TextOrigin
from termcheck.check import Collectors, fold
from termcheck.cluster import Folded, check_unit, merge_folded
from termcheck.model import Finding
from termcheck.rules import RuleContext, all_rules, compares_segments
from termcheck.scan import check_chunk
from tests.test_jobs import LINES

RULE_IDS = tuple(rule.ID for rule in all_rules())


def documents() -> list[Segment]:
    """Two documents whose renderings of one term clash within each and across them."""
    segments = []
    for document, count in (("a.jsonl", 7), ("b.jsonl", 5)):
        origin = TextOrigin(document)
        for number in range(1, count + 1):
            source, target = LINES[(number + len(document)) % len(LINES)]
            segments.append(Segment(source, target, origin, origin, number, document))
    return segments


def one_fold(matchers: Matchers, segments: Sequence[Segment], consistency: str) -> list[Finding]:
    """What a single machine reports: every summary folded in order, the segments read again."""
    rules = all_rules()
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    collectors: Collectors = {}
    fold(collectors, segments, check_chunk(segments, matchers, rules).summaries, [r for r in rules if compares_segments(r)], context, consistency=consistency, keep_segments=False)
    return findings_of(collectors, segments)


def findings_of(collectors: Collectors, segments: Sequence[Segment]) -> list[Finding]:
    again = {(segment.document, segment.number): segment for segment in segments}
    return [finding for collector in collectors.values() for finding in collector.findings(again)]


def merged(folds: list[Folded], shape: str) -> Folded:
    """The folds merged left to right, right to left, or neighbours with neighbours."""
    if shape == "left":
        return _reduce(folds, lambda a, b: merge_folded(a, b))
    if shape == "right":
        result = folds[-1]
        for earlier in reversed(folds[:-1]):
            result = merge_folded(earlier, result)
        return result
    level = folds
    while len(level) > 1:
        level = [merge_folded(level[at], level[at + 1]) for at in range(0, len(level) - 1, 2)] + ([level[-1]] if len(level) % 2 else [])
    return level[0]


def _reduce(folds: list[Folded], merge: object) -> Folded:
    result = folds[0]
    for later in folds[1:]:
        result = merge(result, later)  # type: ignore[operator]
    return result


@pytest.mark.parametrize("consistency", ["file", "run"])
@pytest.mark.parametrize("shape", ["left", "right", "tree"])
def test_any_cut_and_any_tree_gives_the_findings_of_one_fold(matchers: Matchers, consistency: str, shape: str) -> None:
    segments = documents()
    expected = one_fold(matchers, segments, consistency)
    assert len(expected) >= 2 and len({finding.segment.document for finding in expected}) == 2
    context = RuleContext(entries=matchers.entries, matchers=matchers)
    # The fold of every run of segments a unit can be; each crosses between processes, as on a cluster.
    folds_of = {
        (start, end): pickle.dumps(check_unit(matchers, RULE_IDS, consistency, segments[start:end])[1])
        for start, end in itertools.combinations(range(len(segments) + 1), 2)
    }
    for cuts in itertools.combinations(range(1, len(segments)), 3):
        bounds = [0, *cuts, len(segments)]
        root = merged([pickle.loads(folds_of[unit]) for unit in itertools.pairwise(bounds)], shape)
        for collector in root.collectors.values():
            collector.attach(context)
        assert findings_of(root.collectors, segments) == expected, cuts
        assert root.numbered == {"a.jsonl": 7, "b.jsonl": 5}
