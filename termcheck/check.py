"""The check itself: segments and compiled matchers in, findings out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from termcheck.matching.compiled import Matchers
from termcheck.model import CheckResult, Finding, Segment
from termcheck.rules import Rule, RuleContext, all_rules, compares_segments
from termcheck.scan import Progress, check_chunks, default_jobs


def check(
    segments: Iterable[Segment],
    matchers: Matchers,
    rules: Sequence[Rule] | None = None,
    *,
    consistency: str = "file",
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> CheckResult:
    """Scan every segment (over `jobs` processes; None: as many as cores for large inputs) and
    run every rule over each document's segments; with consistency="run", the rules that compare
    renderings see all documents as one."""
    rules = all_rules() if rules is None else rules
    context = RuleContext(entries=matchers.entries)
    segment_list = list(segments)
    workers = default_jobs(segment_list) if jobs is None else jobs
    comparing = [rule for rule in rules if compares_segments(rule)]
    findings: list[Finding] = []
    # Per comparing rule, per document (or one for the run): the summaries of its segments.
    summaries: dict[str, dict[str, list[tuple[Segment, Any]]]] = {rule.ID: {} for rule in comparing}
    documents: set[str] = set()
    source_terms = done = 0
    for chunk, result in check_chunks(segment_list, matchers, rules, jobs=workers):
        findings.extend(finding for _, finding in result.findings)
        for rule_id, rule_summaries in result.summaries.items():
            by_document = summaries[rule_id]
            for index, summary in rule_summaries:
                segment = chunk[index]
                by_document.setdefault("" if consistency == "run" else segment.document, []).append((segment, summary))
        documents.update(segment.document for segment in chunk)
        source_terms += result.source_terms
        done += len(chunk)
        if progress is not None:
            progress(done, len(segment_list))
    for rule in comparing:
        for document_summaries in summaries[rule.ID].values():
            findings.extend(rule.compare(document_summaries, context))  # type: ignore[attr-defined]
    # Document by document; within one, the source file's findings before the target file's.
    findings.sort(
        key=lambda f: (f.segment.document, f.file != f.segment.source_origin.path, f.file, f.line, f.column, f.rule, f.term, f.segment.number, f.message)
    )
    return CheckResult(findings=tuple(findings), documents=len(documents), segments=len(segment_list), source_terms=source_terms)
