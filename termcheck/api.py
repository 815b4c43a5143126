"""The library API: everything the CLI does, callable from Python."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from termcheck.cache import cache_key, files_digest, load_or_build
from termcheck.check import check
from termcheck.config import CONSISTENCY_SCOPES, FAIL_ON, Config, as_of_error
from termcheck.errors import UsageError
from termcheck.glossary import builtin_glossary_files
from termcheck.matching import Matchers, compile_glossary
from termcheck.model import CheckResult, Finding, RenderingStatus, RunInfo, Segment, Severity, Silencing
from termcheck.readers import FileSegments, PlannedFile, ReadOptions, iter_inputs, plan_inputs, read_file
from termcheck.readers.lines import SegmentStream, can_stream
from termcheck.readers.parts import LINE_FORMATS, FileInParts, PartRead, WholeFile, file_parts
from termcheck.rules import all_rules, rule_ids
from termcheck.scan import Progress
from termcheck.silencing import SilencingGate
from termcheck.sortedfindings import close_findings, count_findings, sort_findings

# Compiled matchers of this process, by the identity of the files they were built from, so that a
# program calling check_paths() repeatedly compiles each glossary once.
_compiled: dict[tuple[object, ...], Matchers] = {}


def _files_identity(paths: Sequence[Path]) -> tuple[object, ...]:
    identity: list[object] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            return ()  # let loading report the problem
        identity.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    return tuple(identity)


def glossary_identity(glossaries: Sequence[str | Path] = (), *, builtin: bool = True, entries: int | None = None) -> str:
    """Which glossary a run used, for a report: "built-in + house.toml (4469 entries, sha256
    1a2b3c4d5e6f)", the digest over the names and content of its files."""
    files = (builtin_glossary_files() if builtin else []) + [Path(p) for p in glossaries]
    digest = files_digest(files, unreadable_as_empty=True)
    names = " + ".join((["built-in"] if builtin else []) + [str(p) for p in glossaries])
    count = f"{entries} entries, " if entries is not None else ""
    return f"{names} ({count}sha256 {digest[:12]})"


def load_matchers(glossaries: Sequence[str | Path] = (), *, builtin: bool = True) -> Matchers:
    if not builtin and not glossaries:
        raise UsageError("--no-builtin needs at least one --glossary")
    files = (builtin_glossary_files() if builtin else []) + [Path(p) for p in glossaries]
    key = (builtin, _files_identity(files))
    if key[1] and key in _compiled:
        return _compiled[key]

    def build() -> Matchers:
        from termcheck.glossary import load_glossary  # not needed when the cache has the matchers

        glossary = load_glossary(glossaries, builtin=builtin)
        if not glossary.entries:
            raise UsageError("the glossary has no entries")
        return compile_glossary(glossary)

    try:
        disk_key = cache_key(files, builtin)
    except OSError:
        matchers = build()  # a file that cannot be read: loading reports it
    else:
        matchers = load_or_build(disk_key, build)
    _compiled[key] = matchers
    return matchers


class _RuleSettings:
    """Severity overrides per rule, and entries the project ignores (by id or Chinese headword),
    applied to each finding as it is made."""

    def __init__(self, config: Config, matchers: Matchers) -> None:
        self._matchers = matchers
        self._as_of = config.as_of
        self._ignored = set(config.ignore)
        self._severities = {rule: Severity(setting) for rule, setting in config.rules.items() if setting and setting != "off"}
        # Checked after the check, so that a run that reads nothing says so first.
        self.unknown = [
            name for name in self._ignored if name not in matchers.entries and not any(e.headword == name for e in matchers.entries.values())
        ]

    def apply(self, finding: Finding) -> Finding | None:
        if finding.entry_id in self._ignored or finding.term in self._ignored:
            return None
        if self._as_of is not None and finding.rule == "superseded" and self._superseded_later(finding):
            return None
        severity = self._severities.get(finding.rule)
        if severity is not None and severity is not finding.severity:
            return replace(finding, severity=severity)
        return finding

    def _superseded_later(self, finding: Finding) -> bool:
        """Whether the older rendering a `superseded` finding names was replaced after the date
        of the texts (--as-of): then it was the official one when they were written. Dates are
        compared as far as the glossary's is precise ("2023" against "2017-12-04": 2023 > 2017)."""
        assert self._as_of is not None
        entry = self._matchers.entries[finding.entry_id]
        for hit in self._matchers.find_renderings(finding.found or ""):
            if hit.entry_id == entry.id and hit.status is RenderingStatus.SUPERSEDED:
                since = entry.superseded[hit.index].since
                return since > self._as_of[: len(since)]
        return False


def check_paths(paths: Sequence[str], config: Config = Config(), *, progress: Progress | None = None, client: Any = None) -> CheckResult:
    """Check the files and folders `paths` as `config` says. The result's findings are in report
    order; many of them are read back from a temporary file as they are iterated
    (termcheck.sortedfindings.SpilledFindings), which `close_findings(result.findings)` frees.
    Given a Dask `client` (or `config.scheduler`), the files are read and checked on its
    cluster's workers (termcheck.cluster), with the same findings."""
    if config.consistency not in CONSISTENCY_SCOPES:
        raise UsageError(f"--consistency must be one of {', '.join(CONSISTENCY_SCOPES)}, not {config.consistency!r}")
    if config.as_of is not None and (problem := as_of_error(config.as_of)):
        raise UsageError(f"--as-of: {problem}")
    if config.jobs is not None and config.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {config.jobs}")
    if config.scheduler is not None and client is None:
        from termcheck.cluster import connect

        client, close = connect(config.scheduler)
        try:
            return check_paths(paths, config, progress=progress, client=client)
        finally:
            close()
    from datetime import datetime, timezone

    started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    matchers = load_matchers(config.glossaries, builtin=config.builtin)
    options = ReadOptions(config.source_language, config.target_language, config.include_unfinished, config.encoding)
    choices: dict[str, Any] = {
        "align": config.align, "options": options, "format_in": config.format_in, "include": config.include, "exclude": config.exclude,
        "glossaries": config.glossaries,
    }
    planned = plan_inputs(paths, **choices)
    # Files are read one after another as the check takes their segments (or by the workers of a
    # cluster); of a file, only its name, what was skipped and its warnings are kept.
    files: list[str] = []
    skipped: dict[str, int] = {}
    warnings: dict[str, tuple[str, ...]] = {}
    # Files passed over whole (a glossary in a folder, a file in another language): no document.
    passed_over: set[str] = set()

    # The silencing directives of the segments read, file by file, for the gate to apply and check.
    directives: dict[str, dict[Silencing, None]] = {}
    # Large line-based files are read in parts by the workers, when there are several.
    in_parts = client is not None or (config.jobs if config.jobs is not None else os.cpu_count() or 1) > 1

    def segments() -> Iterator[Segment | FileInParts | WholeFile]:
        for item in planned:
            if isinstance(item, PlannedFile) and client is not None and not (item.format in LINE_FORMATS and can_stream(item.path, options)):
                # A cluster's worker reads it; its directives, skipped rows and warnings come with part_read.
                files.append(item.path)
                yield WholeFile(item.path, item.format, options)
                continue
            file = item if isinstance(item, FileSegments) else read_file(item, options)
            files.append(file.path)
            in_file = directives.setdefault(file.path, {})
            parts = file_parts(file) if in_parts and isinstance(file, SegmentStream) else None
            if parts is not None:
                yield FileInParts(file.path, tuple(parts))  # its directives and skipped rows come with part_read
                continue
            if client is not None and isinstance(item, PlannedFile):
                yield WholeFile(item.path, item.format, options)  # a line-based file not cut in parts
                continue
            count = 0
            for segment in file.segments:
                count += 1
                if segment.silencing:
                    in_file.update(dict.fromkeys(segment.silencing))
                yield segment
            if not count and not file.skipped and file.warnings:
                passed_over.add(file.path)
            skipped[file.path] = file.skipped
            warnings[file.path] = file.warnings

    def part_read(part: PartRead) -> None:
        skipped[part.path] = skipped.get(part.path, 0) + part.skipped
        directives.setdefault(part.path, {}).update(dict.fromkeys(part.silencing))
        if part.warnings:
            warnings[part.path] = warnings.get(part.path, ()) + part.warnings
            if not part.segments and not part.skipped:
                passed_over.add(part.path)  # a whole file read by a worker

    def reread(wanted: set[tuple[str, int]]) -> dict[tuple[str, int], Segment]:
        """The wanted segments, read again from their files (and only those files)."""
        documents = {document for document, _ in wanted}
        again = iter_inputs(paths, only=documents, **choices)
        return {(s.document, s.number): s for file in again for s in file.segments if (s.document, s.number) in wanted}

    rules = [rule for rule in all_rules() if config.rules.get(rule.ID) != "off"]
    settings = _RuleSettings(config, matchers)
    gate = SilencingGate(matchers.entries)

    def keep(finding: Finding) -> Finding | None:
        kept = settings.apply(finding)
        return kept if kept is not None and gate.passes(kept) else None

    result = check(
        segments(), matchers, rules, consistency=config.consistency, jobs=config.jobs, progress=progress, reread=reread, part_read=part_read, keep=keep,
        client=client,
    )
    findings = result.findings
    try:
        all_warnings = tuple(warning for path in files for warning in warnings.get(path, ()))
        all_skipped = sum(skipped.values())
        if not result.segments and all_warnings and not all_skipped:
            raise UsageError(f"nothing was checked: {all_warnings[0]}" + (f" (and {len(all_warnings) - 1} more)" if len(all_warnings) > 1 else ""))
        if settings.unknown:
            raise UsageError(f"ignore: {settings.unknown[0]!r} is neither an entry id nor a Chinese headword of the glossary")
        all_warnings += tuple(
            gate.warnings([directive for in_file in directives.values() for directive in in_file], rule_ids(), [rule for rule, setting in config.rules.items() if setting == "off"])
        )
        baselined = 0
        if config.baseline:
            from termcheck.baseline import BaselineGate, read_baseline

            # In report order: of the findings a baseline records, the first ones are left out.
            baseline = BaselineGate(read_baseline(config.baseline))
            findings = sort_findings(finding for finding in result.findings if baseline.passes(finding))
            close_findings(result.findings)
            baselined = baseline.baselined
        if config.write_baseline:
            from termcheck.baseline import write_baseline

            write_baseline(config.write_baseline, findings)
    except BaseException:
        close_findings(findings)
        close_findings(result.findings)
        raise
    return replace(
        result,
        findings=findings,
        documents=len(files) - len(passed_over),
        files=tuple(path for path in files if path not in passed_over),
        skipped_segments=all_skipped,
        warnings=all_warnings,
        baselined=baselined,
        silenced=gate.silenced,
        run=RunInfo(started=started, glossary=glossary_identity(config.glossaries, builtin=config.builtin, entries=len(matchers.entries))),
    )


def exit_code(result: CheckResult, fail_on: str) -> int:
    """0 when no finding reaches `fail_on`, 1 when one does."""
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    counts = count_findings(result.findings)
    return 1 if reaches(fail_on, (severity for severity, count in counts.by_severity.items() if count)) else 0


def reaches(fail_on: str, severities: Iterable[Severity]) -> bool:
    """Whether any of the severities is at or above `fail_on` (never: none is)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(severity.rank >= threshold for severity in severities)
