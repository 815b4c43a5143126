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


def test_the_first_command_says_right_after_it_what_the_sample_shows_and_what_exit_1_means(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(?P<command>[^\n]*)\n```\n\n(?P<after>.*?)\n\n", text, re.DOTALL)
    assert first_block is not None
    command = first_block["command"].split(".venv/bin/termcheck ", 1)[1]
    after = " ".join(first_block["after"].split())
    assert "leaves several passages of the Chinese out" in after and "`missing`" in after
    assert "**exits 1**" in after and "Exit code 1 means" in after and "`--fail-on`" in after
    # And it is so.
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*shlex.split(command), "--no-config", "-f", "json"])
    assert result.exit_code == 1
    assert '"rule": "missing", "severity": "error"' in result.stdout
