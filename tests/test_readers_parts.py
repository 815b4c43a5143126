"""Large line-based files read in parts by the workers: the same report, to the byte, as reading
them from their start in one process, whatever is in them: blank lines, rows without a
translation, any line break, a BOM, escapes, directives, and errors further on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import termcheck.readers.lines
import termcheck.readers.parts
import termcheck.scan
from termcheck.cli import app
from termcheck.matching import Matchers
from termcheck.readers import ReadOptions
from termcheck.readers.jsonl import stream_jsonl
from termcheck.readers.parts import file_parts
from termcheck.readers.table import stream_table
from tests.conftest import TEST_GLOSSARY
from tests.test_jobs import LINES


@pytest.fixture(autouse=True)
def small_files_in_small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of a few kilobytes are read a line at a time, in parts of about 1 KB."""
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 1000)
    monkeypatch.setattr(termcheck.readers.parts, "PART_BYTES", 1000)


def check(path: Path, jobs: str, *options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, ["check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "json", "--jobs", jobs, *options]
    )
    return result.exit_code, result.stdout, result.stderr


def in_parts_as_from_the_start(path: Path, *options: str) -> tuple[int, str, str]:
    """The report of a check over two processes (the file read in parts), after asserting that it
    is the report of one process (the file read from its start)."""
    one = check(path, "1", *options)
    assert check(path, "2", *options) == one
    return one


def rows(count: int, row: Callable[[int, str, str], str]) -> str:
    return "".join(row(n, *LINES[n % len(LINES)]) for n in range(count))


def tsv(n: int, source: str, target: str) -> str:
    if n % 17 == 5:
        return f"{n}\t{source}\t\n"  # not translated: skipped, not numbered
    if n % 13 == 7:
        return "\n\t\r\n"  # blank lines
    if n % 29 == 3:
        return f"{n}\t{source}\t{target}\ttermcheck: ignore deprecated\r"  # a lone CR ends the line
    return f"{n}\t{source}\t{target}\t\r\n" if n % 2 else f"{n}\t{source}\t{target}\t\n"


def test_the_file_is_cut_into_parts(tmp_path: Path) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text("id\tsource\ttarget\ttermcheck\n" + rows(300, tsv), encoding="utf-8", newline="")
    parts = file_parts(stream_table(str(path), ReadOptions()))
    assert parts is not None and len(parts) > 10
    assert [part.start for part in parts[1:]] == [part.end for part in parts[:-1]]
    assert parts[-1].end == path.stat().st_size
    assert parts[0].header is None and {part.header for part in parts[1:]} == {"id\tsource\ttarget\ttermcheck"}


def test_a_table_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text("\n\nid\tsource\ttarget\ttermcheck\n" + rows(300, tsv), encoding="utf-8", newline="")
    code, out, err = in_parts_as_from_the_start(path)
    report = json.loads(out)
    assert code == 1 and report["summary"]["skipped_segments"] == 18 and report["summary"]["silenced"] > 0
    assert set(report["summary"]["by_rule"]) == {"deprecated", "inconsistent", "missing"}
    assert max(f["line"] for f in report["findings"]) > 290  # lone CRs counted as line breaks
    assert "silences no finding" in err  # a directive on a row without a deprecated rendering


def test_a_table_without_a_header(tmp_path: Path) -> None:
    path = tmp_path / "memory.tab"
    path.write_text("".join(f"{source}\t{target}\n" for source, target in LINES * 80), encoding="utf-8")
    code, out, _ = in_parts_as_from_the_start(path)
    assert code == 1 and json.loads(out)["summary"]["segments"] == 400


def jsonl(n: int, source: str, target: str) -> str:
    if n % 13 == 7:
        return "\n"
    row = {"id": n, "source": source, "target": "" if n % 17 == 5 else target}
    if n % 29 == 3:
        row["termcheck"] = "ignore deprecated"
    return json.dumps(row, ensure_ascii=n % 3 == 0) + ("\r\n" if n % 2 else "\n")  # escaped text on every third line


def test_json_lines_with_a_bom_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "memory.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + rows(300, jsonl).encode())
    code, out, _ = in_parts_as_from_the_start(path)
    assert code == 1 and json.loads(out)["summary"]["segments"] > 250


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("memory.jsonl", lambda text: text.replace('"id": 250,', '"id": 250', 1)),
        ("memory.tsv", lambda text: text.replace("\n", "\tand a third cell\n", 251).replace("\tand a third cell\n", "\n", 250)),
    ],
)
def test_an_error_further_on_is_the_same_error(tmp_path: Path, name: str, damage: Callable[[str], str]) -> None:
    path = tmp_path / name
    text = rows(300, jsonl) if name.endswith(".jsonl") else rows(300, lambda n, s, t: f"{s}\t{t}\n")
    path.write_text(damage(text), encoding="utf-8")
    code, out, err = in_parts_as_from_the_start(path)
    assert (code, out) == (2, "") and err.startswith(f"termcheck: error: {path}:") and err.count("\n") == 1


def test_a_byte_that_is_not_utf8_further_on(tmp_path: Path) -> None:
    path = tmp_path / "memory.tsv"
    data = rows(300, lambda n, s, t: f"{s}\t{t}\n").encode()
    at = len(data) * 2 // 3
    at = data.index(b"\n", at) + 1
    path.write_bytes(data[:at] + b"The \xff byte\t\n" + data[at:])
    code, out, err = in_parts_as_from_the_start(path)
    assert (code, out) == (2, "")
    line = data[:at].count(b"\n") + 1
    assert err.startswith(f"termcheck: error: {path}:{line}:5: not valid UTF-8 (byte 0xff")


def test_a_file_in_another_language_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text("".join(f"Source {n}\t{target}\n" for n, (_, target) in enumerate(LINES * 80)), encoding="utf-8")
    code, out, err = in_parts_as_from_the_start(path)
    assert code == 2 and "no Chinese in the source text" in err


def test_a_worker_killed_reading_a_part_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.jsonl"
    path.write_text(rows(300, jsonl), encoding="utf-8")
    expected = check(path, "1")
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, f"2:{tmp_path / 'killed'}")
    assert check(path, "2") == expected
    assert (tmp_path / "killed").exists()
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, "1")
    code, out, err = check(path, "2")
    assert (code, out) == (2, "")
    assert err.startswith(f"termcheck: error: {path}:1: checking lines 1–") and err.endswith(
        " ended the worker process each of the 3 times it was tried (out of memory?); nothing was reported\n"
    )


def test_renumbering_keeps_every_other_field() -> None:
    from dataclasses import replace

    from termcheck.model import Segment, Silencing, TextOrigin
    from termcheck.scan import _numbered

    segment = Segment("源", "target", TextOrigin("a.tsv", 3, 2), TextOrigin("a.tsv", 3, 9), 4, "a.tsv", "id-4", (Silencing("a.tsv", 3),))
    assert _numbered(segment, 40) == replace(segment, number=40)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_library_checks_a_file_in_parts_as_its_segments(tmp_path: Path, matchers: Matchers, jobs: int) -> None:
    from termcheck import check as check_segments
    from termcheck.readers.parts import FileInParts

    path = tmp_path / "memory.tsv"
    path.write_text("id\tsource\ttarget\ttermcheck\n" + rows(300, tsv), encoding="utf-8", newline="")
    parts = file_parts(stream_table(str(path), ReadOptions()))
    assert parts is not None
    read: list[int] = []
    in_parts = check_segments([FileInParts(str(path), tuple(parts))], matchers, jobs=jobs, part_read=lambda part: read.append(part.skipped))
    whole = check_segments(stream_table(str(path), ReadOptions()).segments, matchers)
    assert [(f.rule, f.line, f.column, f.message, f.segment) for f in in_parts.findings] == [
        (f.rule, f.line, f.column, f.message, f.segment) for f in whole.findings
    ]
    assert {f.rule for f in whole.findings} == {"deprecated", "inconsistent", "missing"}
    assert (in_parts.segments, in_parts.source_terms, sum(read)) == (whole.segments, whole.source_terms, 18)
