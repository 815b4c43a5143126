"""Files from every tool and decade: encodings detected or named, line endings counted as editors
count them, and inputs never written to."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termcheck import Config, check_paths
from termcheck.cli import app
from termcheck.model import Finding
from termcheck.positions import locate
from tests.conftest import FIXTURES, TEST_GLOSSARY

TEST_ONLY = Config(glossaries=(str(TEST_GLOSSARY),), builtin=False)
SIMPLIFIED = "中国共产党领导中华全国总工会。\n国务委员出席会议。\n"
TRADITIONAL = "中國共產黨領導中華全國總工會。\n國務委員出席會議。\n"
ENGLISH = "The CCP leads the All-China Federation of Trade Unions.\nState Counselor Wang attended.\n"
# Both point into the translation (a deprecated rendering, a near miss); the source terms are at
# (1, 1) and (2, 1) of the Chinese file.
EXPECTED = [("deprecated", "中国共产党", 1, 5, (1, 1)), ("missing", "国务委员", 2, 1, (2, 1))]


def findings(source: Path, target: Path, **config: object) -> list[tuple[str, str, int, int, tuple[int, int]]]:
    result = check_paths([str(source), str(target)], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, **config))  # type: ignore[arg-type]
    return [(f.rule, f.term, f.line, f.column, source_place(f)) for f in result.findings]


def source_place(finding: Finding) -> tuple[int, int]:
    assert finding.source_span is not None
    return locate(finding.segment.source_origin, finding.segment.source, finding.source_span.start)


@pytest.mark.parametrize(
    "encoding, text, prefix",
    [
        ("utf-8", SIMPLIFIED, b""),
        ("utf-8", SIMPLIFIED, b"\xef\xbb\xbf"),
        ("utf-16-le", SIMPLIFIED, b"\xff\xfe"),
        ("utf-16-be", SIMPLIFIED, b"\xfe\xff"),
        ("gb18030", SIMPLIFIED, b""),
        ("gbk", SIMPLIFIED, b""),
        ("big5", TRADITIONAL, b""),
    ],
)
def test_source_encodings_are_detected(tmp_path: Path, encoding: str, text: str, prefix: bytes) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_bytes(prefix + text.encode(encoding))
    target.write_text(ENGLISH, encoding="utf-8")
    got = findings(source, target)
    # Big5 is traditional script: the same entries are found.
    assert got == EXPECTED


def test_windows_1252_translation_is_read(tmp_path: Path) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_text("工会\n", encoding="utf-8")
    target.write_bytes("The “trade unions” of the CCP.\n".encode("cp1252"))
    result = check_paths([str(source), str(target)], TEST_ONLY)
    assert [(f.rule, f.found) for f in result.findings] == [("deprecated", "CCP")]


def test_encoding_can_be_named_and_a_wrong_name_is_an_error(tmp_path: Path) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_bytes(SIMPLIFIED.encode("gb18030"))
    target.write_text(ENGLISH, encoding="utf-8")
    assert findings(source, target, encoding="gb18030") == EXPECTED
    code = CliRunner().invoke(app, ["check", str(source), str(target), "--encoding", "utf-8", "--no-config"])
    assert code.exit_code == 2
    assert code.stderr.startswith(f"termcheck: error: {source}:1:1: not valid utf-8 at byte offset 0 (byte 0xd6)")


def test_po_charset_header_is_honoured(tmp_path: Path) -> None:
    po = tmp_path / "legacy.po"
    po.write_bytes(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=GBK\\n"\n\nmsgid "中国共产党"\nmsgstr "the CCP"\n'.encode("gbk")
    )
    result = check_paths([str(po)], TEST_ONLY)
    assert [(f.rule, f.found, f.line, f.column) for f in result.findings] == [("deprecated", "CCP", 6, 13)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_with_any_line_ending(tmp_path: Path, newline: str) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_bytes(SIMPLIFIED.replace("\n", newline).encode())
    target.write_bytes(ENGLISH.replace("\n", newline).encode())
    assert findings(source, target) == EXPECTED
    assert findings(source, target, align="lines") == EXPECTED


def test_mixed_line_endings(tmp_path: Path) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_bytes("第一行\r\n第二行\r第三行\n国务委员出席会议。\n".encode())
    target.write_bytes("one\r\ntwo\rthree\nState Counselor Wang attended.\n".encode())
    result = check_paths([str(source), str(target)], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, align="lines"))
    [finding] = result.findings
    assert (finding.line, finding.column, finding.segment.number, source_place(finding)) == (4, 1, 4, (4, 1))
    tsv = tmp_path / "pairs.tsv"
    tsv.write_bytes("工会\ttrade union\r\n中国共产党\tthe CCP\r国务委员\tState Counselor\n".encode())
    result = check_paths([str(tsv)], TEST_ONLY)
    assert [(f.rule, f.line, f.column, source_place(f)) for f in result.findings] == [("deprecated", 2, 11, (2, 1)), ("missing", 3, 6, (3, 1))]


def test_no_command_writes_to_its_inputs(tmp_path: Path) -> None:
    inputs = sorted((FIXTURES / "formats").iterdir())
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in inputs}
    runner = CliRunner()
    for output_format in ("text", "json", "sarif", "junit", "html", "rich"):
        runner.invoke(app, ["check", *map(str, inputs), "--no-config", "-f", output_format, "-o", str(tmp_path / f"r.{output_format}"), "--source-lang", "zh"])
    runner.invoke(app, ["check", *map(str, inputs), "--no-config", "--write-baseline", str(tmp_path / "b.json")])
    after = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in inputs}
    assert after == before
