"""Scanning over several processes gives the same findings, in the same order, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import termcheck.scan
from termcheck.cli import app
from tests.conftest import TEST_GLOSSARY

LINES = [
    ("中国共产党领导中华全国总工会。", "The CCP leads the All-China Federation of Trade Unions."),
    ("国务委员出席会议。", "State Counselor Wang attended."),
    ("推进中国式现代化。", "Advance Chinese modernization."),
    ("中国式现代化是人口规模巨大的现代化。", "The Chinese path to modernization is the modernization of a huge population."),
    ("坚持一国两制。", "Uphold One Country, Two Systems."),
]


@pytest.fixture()
def many_segments(tmp_path: Path) -> Path:
    path = tmp_path / "memory.jsonl"
    rows = [{"id": str(n), "source": LINES[n % len(LINES)][0], "target": LINES[n % len(LINES)][1]} for n in range(400)]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_any_number_of_jobs_gives_byte_identical_json(many_segments: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(termcheck.scan, "_CHUNK_CHARS", 500)  # many chunks, so every worker gets some
    outputs = []
    for jobs in ("1", "2", "3"):
        result = CliRunner().invoke(app, ["check", str(many_segments), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "json", "--jobs", jobs])
        assert result.exit_code == 1
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    report = json.loads(outputs[0])
    assert report["summary"]["segments"] == 400
    assert report["summary"]["by_rule"] == {"deprecated": 80, "inconsistent": 80, "missing": 80}


def test_jobs_must_be_positive(many_segments: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(many_segments), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "--jobs", "0"])
    assert (result.exit_code, result.stderr) == (2, "termcheck: error: --jobs must be 1 or more, not 0\n")
