"""The library API: everything the CLI does, callable from Python."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from termcheck.cache import cache_key, files_digest, load_or_build
from termcheck.check import check
from termcheck.config import CONSISTENCY_SCOPES, FAIL_ON, Config
from termcheck.errors import UsageError
from termcheck.glossary import builtin_glossary_files
from termcheck.matching import Matchers, compile_glossary
from termcheck.model import CheckResult, Finding, RunInfo, Segment, Severity, Silencing
from termcheck.readers import FileSegments, ReadOptions, iter_inputs
from termcheck.readers.lines import SegmentStream
from termcheck.readers.parts import FileInParts, PartRead, file_parts
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
        self._ignored = set(config.ignore)
        self._severities = {rule: Severity(setting) for rule, setting in config.rules.items() if setting and setting != "off"}
        # Checked after the check, so that a run that reads nothing says so first.
        self.unknown = [
            name for name in self._ignored if name not in matchers.entries and not any(e.headword == name for e in matchers.entries.values())
        ]

    def apply(self, finding: Finding) -> Finding | None:
        if finding.entry_id in self._ignored or finding.term in self._ignored:
            return None
        severity = self._severities.get(finding.rule)
        if severity is not None and severity is not finding.severity:
            return replace(finding, severity=severity)
        return finding


def check_paths(paths: Sequence[str], config: Config = Config(), *, progress: Progress | None = None) -> CheckResult:
    """Check the files and folders `paths` as `config` says. The result's findings are in report
    order; many of them are read back from a temporary file as they are iterated
    (termcheck.sortedfindings.SpilledFindings), which `close_findings(result.findings)` frees."""
    if config.consistency not in CONSISTENCY_SCOPES:
        raise UsageError(f"--consistency must be one of {', '.join(CONSISTENCY_SCOPES)}, not {config.consistency!r}")
    from datetime import datetime, timezone

    started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    matchers = load_matchers(config.glossaries, builtin=config.builtin)
    options = ReadOptions(config.source_language, config.target_language, config.include_unfinished, config.encoding)
    if config.jobs is not None and config.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {config.jobs}")
    inputs = partial(
        iter_inputs, paths, align=config.align, options=options, format_in=config.format_in, include=config.include, exclude=config.exclude,
        glossaries=config.glossaries,
    )
    files = inputs()
    # Files are read one after another as the check takes their segments; of a file, only its
    # name, what was skipped and its warnings are kept.
    read: list[FileSegments] = []
    # Files passed over whole (a glossary in a folder, a file in another language): no document.
    passed_over: set[str] = set()

    # The silencing directives of the segments read, file by file, for the gate to apply and check.
    directives: dict[str, dict[Silencing, None]] = {}
    # Large line-based files are read in parts by the workers, when there are several.
    in_parts = (config.jobs if config.jobs is not None else os.cpu_count() or 1) > 1
    skipped_in_parts = 0

    def segments() -> Iterator[Segment | FileInParts]:
        for file in files:
            in_file = directives.setdefault(file.path, {})
            parts = file_parts(file) if in_parts and isinstance(file, SegmentStream) else None
            if parts is not None:
                yield FileInParts(file.path, tuple(parts))  # its directives and skipped rows come with part_read
                read.append(FileSegments(file.path, (), 0, ()))
                continue
            count = 0
            for segment in file.segments:
                count += 1
                if segment.silencing:
                    in_file.update(dict.fromkeys(segment.silencing))
                yield segment
            if not count and not file.skipped and file.warnings:
                passed_over.add(file.path)
            read.append(FileSegments(file.path, (), file.skipped, file.warnings))

    def part_read(part: PartRead) -> None:
        nonlocal skipped_in_parts
        skipped_in_parts += part.skipped
        directives[part.path].update(dict.fromkeys(part.silencing))

    def reread(wanted: set[tuple[str, int]]) -> dict[tuple[str, int], Segment]:
        """The wanted segments, read again from their files (and only those files)."""
        documents = {document for document, _ in wanted}
        again = inputs(only=documents)
        return {(s.document, s.number): s for file in again for s in file.segments if (s.document, s.number) in wanted}

    rules = [rule for rule in all_rules() if config.rules.get(rule.ID) != "off"]
    settings = _RuleSettings(config, matchers)
    gate = SilencingGate(matchers.entries)

    def keep(finding: Finding) -> Finding | None:
        kept = settings.apply(finding)
        return kept if kept is not None and gate.passes(kept) else None

    result = check(
        segments(), matchers, rules, consistency=config.consistency, jobs=config.jobs, progress=progress, reread=reread, part_read=part_read, keep=keep
    )
    findings = result.findings
    try:
        warnings = tuple(warning for file in read for warning in file.warnings)
        skipped = sum(file.skipped for file in read) + skipped_in_parts
        if not result.segments and warnings and not skipped:
            raise UsageError(f"nothing was checked: {warnings[0]}" + (f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""))
        if settings.unknown:
            raise UsageError(f"ignore: {settings.unknown[0]!r} is neither an entry id nor a Chinese headword of the glossary")
        warnings += tuple(gate.warnings([directive for in_file in directives.values() for directive in in_file], rule_ids(), [rule for rule, setting in config.rules.items() if setting == "off"]))
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
        documents=len(read) - len(passed_over),
        files=tuple(file.path for file in read if file.path not in passed_over),
        skipped_segments=skipped,
        warnings=warnings,
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
