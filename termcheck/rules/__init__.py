"""The rules: one module each, registered here. A rule turns one document's scanned segments
into findings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from termcheck.model import Entry, Finding, SegmentHits, Severity


@dataclass(frozen=True)
class RuleContext:
    entries: dict[str, Entry]


class Rule(Protocol):
    ID: str
    SEVERITY: Severity
    DESCRIPTION: str
    HELP: str

    def check(self, document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]: ...


def all_rules() -> list[Rule]:
    from termcheck.rules import deprecated, inconsistent, missing

    return [missing, deprecated, inconsistent]




def rule_ids() -> list[str]:
    return [rule.ID for rule in all_rules()]


__all__ = ["Rule", "RuleContext", "all_rules", "rule_ids"]
