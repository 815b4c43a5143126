"""The library API: everything the CLI does, callable from Python."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termcheck.check import check
from termcheck.config import FAIL_ON, Config
from termcheck.errors import UsageError
from termcheck.glossary import load_glossary
from termcheck.matching import Matchers, compile_glossary
from termcheck.model import CheckResult, Severity
from termcheck.readers import read_segments


def load_matchers(glossaries: Sequence[str | Path] = (), *, builtin: bool = True) -> Matchers:
    if not builtin and not glossaries:
        raise UsageError("--no-builtin needs at least one --glossary")
    glossary = load_glossary(glossaries, builtin=builtin)
    if not glossary.entries:
        raise UsageError("the glossary has no entries")
    return compile_glossary(glossary)


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
