"""The sample that started it all: Xinhua's ACFTU article and its official English version.

The golden file is reviewed by hand: every `missing` finding is a term of a passage the edited
English version leaves out (see samples/README.md), and there is no `deprecated` finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from termcheck.cli import app

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden" / "seed-acftu.txt"
ZH = "samples/xinhua-2023-10-23-acftu.zh.txt"
EN = "samples/xinhua-2023-10-23-acftu.en.txt"


def test_seed_pair_matches_reviewed_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", ZH, EN, "--format", "text"])
    assert result.exit_code == 1
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_seed_pair_has_no_deprecated_or_inconsistent_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", ZH, EN, "--format", "text"])
    rules = {line.split(": ")[1].split()[1] for line in result.stdout.splitlines() if line.startswith("samples/")}
    assert rules == {"missing"}
