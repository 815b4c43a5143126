"""The rules: one module each, registered here. A rule turns one document's scanned segments
into findings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from termcheck.model import Entry, Finding, Segment, SegmentHits, Severity

if TYPE_CHECKING:
    from termcheck.matching.compiled import Matchers


@dataclass(frozen=True)
class RuleContext:
    entries: Mapping[str, Entry]
    # The compiled glossary, for rules that look again at a text (the loose test of `missing`).
    matchers: Matchers | None = None


class Rule(Protocol):
    ID: str
    SEVERITY: Severity
    DESCRIPTION: str
    HELP: str

    def check(self, document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]: ...


SegmentKey = tuple[str, int]  # (document, number)


class Collector(Protocol):
    """Folds the summaries of one document's (or run's) segments, in order, into findings. Made
    with keep_segments=False, it keeps no segment, and names in wanted() the segments its findings
    need, to be read again and passed to findings()."""

    def add(self, segment: Segment, summary: Any) -> None: ...

    def wanted(self) -> set[SegmentKey]: ...

    def findings(self, segments: Mapping[SegmentKey, Segment] | None = None) -> Iterator[Finding]: ...

    # Folding in parts (over a cluster's workers): a collector that keeps no segment crosses
    # between processes without the glossary, and two folded one after the other become one.

    def attach(self, context: RuleContext) -> None: ...

    def merge(self, later: Any, numbered_before: Mapping[str, int]) -> None: ...

    # Comparing in parts (on a cluster, a part a task): the collector cut in `count` by what a
    # comparison is of, so that the parts' findings together are the whole's.

    def parts(self, count: int) -> Sequence[Collector]: ...


class ComparingRule(Rule, Protocol):
    """A rule that compares segments with one another (COMPARES_SEGMENTS = True): it summarises
    each segment where it is scanned, and a collector per document (or run) folds the summaries
    as they come, keeping only what the comparison needs."""

    def summarize(self, hits: SegmentHits, context: RuleContext) -> object | None: ...

    def collector(self, context: RuleContext, *, keep_segments: bool = True) -> Collector: ...


def compares_segments(rule: Rule) -> bool:
    return bool(getattr(rule, "COMPARES_SEGMENTS", False))


def all_rules() -> list[Rule]:
    from termcheck.rules import deprecated, inconsistent, missing, superseded

    return [missing, deprecated, superseded, inconsistent]


def rule_ids() -> list[str]:
    return [rule.ID for rule in all_rules()]


__all__ = ["SegmentKey", "Collector", "ComparingRule", "Rule", "RuleContext", "all_rules", "compares_segments", "rule_ids"]
