from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import Matchers, Segment, TextOrigin, check, compile_glossary, load_glossary
from termcheck.model import Finding

FIXTURES = Path(__file__).parent / "fixtures"
TEST_GLOSSARY = FIXTURES / "glossary.toml"
SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.fixture(scope="session")
def matchers() -> Matchers:
    return compile_glossary(load_glossary([TEST_GLOSSARY], builtin=False))


@pytest.fixture(scope="session")
def builtin() -> Matchers:
    """The built-in glossary, compiled once for the whole run."""
    return compile_glossary(load_glossary())


def segment(source: str, target: str) -> Segment:
    return Segment(source, target, TextOrigin("src.txt"), TextOrigin("tgt.txt"), 1, "src.txt")


def findings_for(matchers: Matchers, source: str, target: str) -> list[Finding]:
    return list(check([segment(source, target)], matchers).findings)


def run(*args: str) -> tuple[int, str, str]:
    """The command line as a user runs it: exit code, stdout, stderr."""
    from typer.testing import CliRunner

    from termcheck.cli import app

    result = CliRunner().invoke(app, list(args), prog_name="termcheck")
    return result.exit_code, result.stdout, result.stderr


def summary(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    """(rule, term, found) for each finding: what a table-driven test compares."""
    return [(f.rule, f.term, f.found) for f in findings]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled glossaries go to a folder of this test run, not the user's cache."""
    import os

    os.environ["TERMCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
