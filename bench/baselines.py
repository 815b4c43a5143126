"""What a user might write instead of termcheck, and the floor below everything.

- `per_term_loop`: for every entry, `str.find` each Chinese form in the source, then each rendering
  in the lower-cased target.
- `regex_alternation`: one compiled alternation of all Chinese forms, one of all renderings.
- `floor_scan`: a leftmost-longest scan of both sides by ahocorasick_rs (the Rust automaton
  Weblate uses), with no rule logic at all: the speed no Python checker can beat.

The two baselines return findings as (segment id, entry id, rule) with termcheck's semantics for
`missing` and `deprecated` where they agree: exact renderings at word boundaries, case-insensitive
except for all-capital short and deprecated forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from termcheck.model import Entry

Finding = tuple[str, str, str]
Segment = tuple[str, str, str]  # id, source, target


def _is_acronym(text: str) -> bool:
    return text.isupper() and " " not in text


def _has_phrase(text: str, lowered: str, phrase: str) -> bool:
    """`phrase` at word boundaries in `text` (case-sensitively for acronyms)."""
    haystack, needle = (text, phrase) if _is_acronym(phrase) else (lowered, phrase.lower())
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = haystack.find(needle, start + 1)
    return False


def per_term_loop(entries: Sequence[Entry], segments: Sequence[Segment]) -> set[Finding]:
    findings: set[Finding] = set()
    for segment_id, source, target in segments:
        lowered = target.lower()
        for entry in entries:
            deprecated = [d for d in entry.deprecated if _has_phrase(target, lowered, d)]
            for _ in deprecated:
                findings.add((segment_id, entry.id, "deprecated"))
            if any(source.find(form) >= 0 for form in entry.zh):
                if not deprecated and not any(_has_phrase(target, lowered, r) for r in entry.en + entry.short):
                    findings.add((segment_id, entry.id, "missing"))
    return findings


class RegexAlternation:
    def __init__(self, entries: Sequence[Entry]) -> None:
        forms = {form: entry.id for entry in entries for form in entry.zh}
        self.zh = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
        self.zh_owner = forms
        folded: dict[str, tuple[str, str]] = {}
        exact: dict[str, tuple[str, str]] = {}
        for entry in entries:
            for rendering in entry.en + entry.short:
                (exact if _is_acronym(rendering) else folded)[rendering if _is_acronym(rendering) else rendering.lower()] = (entry.id, "accepted")
            for rendering in entry.deprecated:
                (exact if _is_acronym(rendering) else folded)[rendering if _is_acronym(rendering) else rendering.lower()] = (entry.id, "deprecated")
        self.folded_owner, self.exact_owner = folded, exact
        self.folded = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(r) for r in sorted(folded, key=len, reverse=True)) + r")(?![^\W_])")
        self.exact = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(r) for r in sorted(exact, key=len, reverse=True)) + r")(?![^\W_])") if exact else None

    def check(self, segments: Sequence[Segment]) -> set[Finding]:
        findings: set[Finding] = set()
        for segment_id, source, target in segments:
            in_source = {self.zh_owner[m.group()] for m in self.zh.finditer(source)}
            rendered: set[str] = set()
            hits = [self.folded_owner[m.group()] for m in self.folded.finditer(target.lower())]
            if self.exact is not None:
                hits += [self.exact_owner[m.group()] for m in self.exact.finditer(target)]
            for entry_id, status in hits:
                rendered.add(entry_id)
                if status == "deprecated":
                    findings.add((segment_id, entry_id, "deprecated"))
            for entry_id in in_source - rendered:
                findings.add((segment_id, entry_id, "missing"))
        return findings


class FloorScan:
    def __init__(self, entries: Sequence[Entry]) -> None:
        import ahocorasick_rs

        forms = sorted({form for entry in entries for form in entry.zh})
        renderings = sorted({r.lower() for entry in entries for r in entry.en + entry.short + entry.deprecated})
        self.zh = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.en = ahocorasick_rs.AhoCorasick(renderings, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def scan(self, segments: Sequence[Segment]) -> int:
        hits = 0
        for _, source, target in segments:
            hits += len(self.zh.find_matches_as_indexes(source))
            hits += len(self.en.find_matches_as_indexes(target.lower()))
        return hits
