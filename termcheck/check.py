"""The check itself: segments and compiled matchers in, findings out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termcheck.matching.compiled import Matchers
from termcheck.model import CheckResult, Finding, Segment, SegmentHits
from termcheck.rules import Rule, RuleContext, all_rules
from termcheck.scan import Progress, default_jobs, scan_segments


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
    # Rules that look at one segment at a time can run where the segment is scanned.
    local = tuple(rule.ID for rule in rules if not getattr(rule, "COMPARES_SEGMENTS", False))
    documents: dict[str, list[SegmentHits]] = {}
    scanned, local_findings = scan_segments(segment_list, matchers, jobs=workers, progress=progress, local_rules=local)
    for hits in scanned:
        documents.setdefault(hits.segment.document, []).append(hits)
    findings: list[Finding] = list(local_findings or [])
    for rule in rules:
        if local_findings is not None and rule.ID in local:
            continue
        if consistency == "run" and getattr(rule, "COMPARES_SEGMENTS", False):
            findings.extend(rule.check([hits for document in documents.values() for hits in document], context))
            continue
        for document in documents.values():
            findings.extend(rule.check(document, context))
    # Document by document; within one, the source file's findings before the target file's.
    findings.sort(
        key=lambda f: (f.segment.document, f.file != f.segment.source_origin.path, f.file, f.line, f.column, f.rule, f.term, f.segment.number, f.message)
    )
    return CheckResult(
        findings=tuple(findings),
        documents=len(documents),
        segments=sum(len(document) for document in documents.values()),
        source_terms=sum(len(hits.source) for document in documents.values() for hits in document),
    )
