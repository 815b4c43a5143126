"""The bad-input corpus (tests/bad_inputs/cases.toml): every broken, hostile or mistaken input gets
its one-line error naming the file (and line where known) and exit code 2, never a traceback."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from termcheck.cli import app

CORPUS = Path(__file__).parent / "bad_inputs"
CASES: list[dict[str, Any]] = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))["case"]
SUBSTITUTIONS = {
    "{G}": "--no-builtin -g ../fixtures/glossary.toml --no-config",
    "{NEWS}": "../fixtures/formats/news.jsonl",
}


def test_the_corpus_is_large_and_every_file_is_used() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.name != "cases.toml"}
    used = {word for case in CASES for word in shlex.split(case["args"])}
    assert len(files) >= 30 and len(CASES) >= 30
    assert files - used == set()


@pytest.mark.parametrize("case", CASES, ids=[case["args"].split()[1] if case["args"].startswith("check") else case["args"] for case in CASES])
def test_bad_input(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    args = case["args"]
    for placeholder, value in SUBSTITUTIONS.items():
        args = args.replace(placeholder, value)
    result = CliRunner().invoke(app, shlex.split(args))
    assert "Traceback" not in result.stdout + result.stderr
    if "error" not in case:
        assert (result.exit_code, result.stdout) == (case["exit"], case["stdout"])
        return
    assert (result.exit_code, result.stdout) == (2, "")
    expected = "termcheck: error: " + case["error"]
    if expected.endswith("…"):
        assert result.stderr.startswith(expected[:-1]) and result.stderr.count("\n") == 1
    else:
        assert result.stderr == expected + "\n"
