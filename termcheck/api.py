"""The library API: everything the CLI does, callable from Python."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termcheck.check import check
from termcheck.config import FAIL_ON, Config
from termcheck.errors import UsageError
from termcheck.glossary import builtin_glossary_files, load_glossary
from termcheck.matching import Matchers, compile_glossary
from termcheck.model import CheckResult, Severity
from termcheck.readers import read_segments


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


def load_matchers(glossaries: Sequence[str | Path] = (), *, builtin: bool = True) -> Matchers:
    if not builtin and not glossaries:
        raise UsageError("--no-builtin needs at least one --glossary")
    files = (builtin_glossary_files() if builtin else []) + [Path(p) for p in glossaries]
    key = (builtin, _files_identity(files))
    if key[1] and key in _compiled:
        return _compiled[key]
    glossary = load_glossary(glossaries, builtin=builtin)
    if not glossary.entries:
        raise UsageError("the glossary has no entries")
    matchers = _compiled[key] = compile_glossary(glossary)
    return matchers


def check_paths(paths: Sequence[str], config: Config = Config()) -> CheckResult:
    matchers = load_matchers(config.glossaries, builtin=config.builtin)
    return check(read_segments(paths, align=config.align), matchers)


def exit_code(result: CheckResult, fail_on: str) -> int:
    """0 when no finding reaches `fail_on`, 1 when one does."""
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in result.findings) else 0
