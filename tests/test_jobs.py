"""Scanning over several processes gives the same findings, in the same order, byte for byte."""

from __future__ import annotations

import json
from importlib import import_module
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


def check_json(path: Path, *options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "json", *options])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def small_chunks_and_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of a few segments and batches of a few chunks, so that a small file makes several
    pools with several chunks each."""
    monkeypatch.setattr(termcheck.scan, "_CHUNK_CHARS", 500)
    monkeypatch.setattr(import_module("termcheck.check"), "BATCH_CHARS", 6000)  # the module, not the function


@pytest.mark.usefixtures("small_chunks_and_batches")
@pytest.mark.parametrize("dies_at", ["1", "3", "0"], ids=["first-chunk", "third-chunk", "start"])
def test_a_worker_killed_once_loses_nothing(many_segments: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dies_at: str) -> None:
    expected = check_json(many_segments, "--jobs", "1")
    marker = tmp_path / "killed"
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, f"{dies_at}:{marker}")
    assert check_json(many_segments, "--jobs", "2") == expected
    assert marker.exists()  # a worker did die
    assert expected[0] == 1 and json.loads(expected[1])["summary"]["segments"] == 400


@pytest.mark.usefixtures("small_chunks_and_batches")
def test_a_chunk_that_kills_every_worker_ends_the_run_with_its_place(many_segments: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, "1")  # every worker dies on its first chunk
    code, out, err = check_json(many_segments, "--jobs", "2")
    assert (code, out) == (2, "")
    assert err == (
        f"termcheck: error: {many_segments}:1: checking lines 1–9 ended the worker process each of the 3 times it was tried "
        "(out of memory?); nothing was reported\n"
    )


@pytest.mark.usefixtures("small_chunks_and_batches")
def test_workers_that_die_as_they_start_end_the_run(many_segments: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, "0")
    code, out, err = check_json(many_segments, "--jobs", "2")
    assert (code, out) == (2, "")
    assert err == (
        f"termcheck: error: {many_segments}:1: worker processes ended 3 times before checking lines 1–9 (out of memory?); "
        "nothing was reported\n"
    )
