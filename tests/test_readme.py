"""The README's demo is real: its printed output is what the command prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termcheck.cli import app

ROOT = Path(__file__).parent.parent
CONSOLE_BLOCK = re.compile(r"```console\n\$ termcheck (?P<args>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)


def console_examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(m["args"], m["output"]) for m in CONSOLE_BLOCK.finditer(text) if "--format text" in m["args"] or m["args"].startswith("terms ")]


@pytest.mark.parametrize("args, output", console_examples())
def test_readme_console_output_is_what_termcheck_prints(args: str, output: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, shlex.split(args))
    assert result.stdout == output


def test_the_readme_has_a_demo() -> None:
    assert console_examples()
