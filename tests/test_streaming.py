"""Large TSV and JSON Lines files are read a line at a time; what a user sees is the same as when
the file is read whole."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import termcheck.readers.lines
from termcheck import Config, check, check_paths
from termcheck.api import load_matchers
from termcheck.errors import InputError, UsageError
from termcheck.readers import read_inputs
from termcheck.reporters.json import result_to_dict
from tests.conftest import TEST_GLOSSARY, run

CONFIG = Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, fail_on="never")

TSV_WITH_HEADER = (
    "id\tsource\ttarget\n"
    "a1\t中国共产党领导工会。\tThe CCP leads the trade union.\r\n"
    "\n"
    "a2\t国务委员出席。\t\n"  # not translated yet: skipped
    "a3\t国务委员出席会议。\tState Counselor Wang attended.\r"
    "  \t \n"
    "a4\t中华全国总工会\tthe All-China Federation of Trade Unions\n"
)
TSV_HEADERLESS = "中国共产党\tthe Chinese Communist Party\n国务委员\tState Councilor\n\n全国总工会\tACFTU"
JSONL = (
    '{"id": "x1", "source": "中国共产党领导工会。", "target": "The CCP leads the \\"trade union\\"."}\r\n'
    "\n"
    '{"id": "x2", "source": "国务委员", "target": ""}\n'
    '{"source": "国务委员出席会议。", "target": "State Counselor \\u00e9 attended.", "id": 3}\n'
)


def _report(path: Path) -> dict[str, object]:
    return result_to_dict(check_paths([str(path)], CONFIG))


@pytest.mark.parametrize(
    ("name", "content", "rules"),
    [
        ("memory.tsv", TSV_WITH_HEADER, ["deprecated", "missing"]),
        ("plain.tsv", TSV_HEADERLESS, ["deprecated"]),
        ("memory.jsonl", JSONL, ["deprecated", "missing"]),
    ],
)
def test_streamed_file_gives_the_same_report_as_the_file_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str, rules: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    whole = _report(path)
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    assert termcheck.readers.lines.can_stream(str(path), termcheck.readers.ReadOptions())
    streamed = _report(path)
    assert streamed == whole
    findings = streamed["findings"]
    assert isinstance(findings, list) and [f["rule"] for f in findings] == rules


def test_streamed_tsv_findings_point_at_their_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.tsv"
    path.write_bytes(TSV_WITH_HEADER.encode("utf-8"))
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    result = check_paths([str(path)], CONFIG)
    assert [(f.rule, f.segment.id, f.line, f.column) for f in result.findings] == [
        ("deprecated", "a1", 2, 19),
        ("missing", "a3", 5, 14),
    ]
    # a3 is on line 5 (line 2 ends with CR LF, line 4 with a lone CR); the near miss is in its
    # third column, at column 14.
    assert result.skipped_segments == 1


def test_damaged_utf8_further_on_is_an_error_naming_the_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.jsonl"
    good = '{"source": "中国共产党", "target": "the Communist Party of China"}\n'
    path.write_bytes((good * 50).encode("utf-8") + b'{"source": "\xe4\xb8", "target": "x"}\n')
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    monkeypatch.setattr(termcheck.readers.lines, "_HEAD_BYTES", 100)
    code, out, err = run("check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
    assert code == 2 and out == ""
    assert err.startswith(f"termcheck: error: {path}:51:")
    assert "not valid UTF-8" in err and err.count("\n") == 1


def test_streamed_file_in_other_languages_is_skipped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.tsv"
    path.write_text("source\ttarget\n" + "Hello there\tBonjour\n" * 300, encoding="utf-8")
    other = tmp_path / "other.tsv"
    other.write_text("source\ttarget\n中国共产党\tthe CCP\n", encoding="utf-8")
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    result = check_paths([str(path), str(other)], CONFIG)
    assert result.warnings == (f"{path}: skipped: no Chinese in the source text (use --source-lang to check it anyway)",)
    assert [(f.rule, f.file) for f in result.findings] == [("deprecated", str(other))]
    assert json.loads(json.dumps(result_to_dict(result)))["summary"]["segments"] == 1


TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<tmx version="1.4">\r\n'
    '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>\r\n'
    "<body>\r\n"
    '<tu tuid="a"><tuv xml:lang="zh-CN"><seg>中国共产党领导工会。</seg></tuv><tuv xml:lang="en"><seg>The CCP &amp; the trade union.</seg></tuv></tu>'
    '<tu tuid="b"><tuv xml:lang="zh-CN"><seg>&#x56FD;务委员</seg></tuv><tuv xml:lang="en"><seg><![CDATA[State Counselor <Wang>]]></seg></tuv></tu>\r\n'
    "<!-- a comment between units -->\r\n"
    '<tu tuid="empty"/>\r\n'
    '  <tu tuid="c">\r\n    <tuv xml:lang="zh-CN"><seg>中华全国\r\n总工会<ph x="1">{x}</ph>号召</seg></tuv>\r\n'
    '    <tuv xml:lang="en-US"><seg>the All-China Federation of <bpt i="1">{b}</bpt>Trade Unions<ept i="1">{/b}</ept> called, CCP</seg></tuv>\r\n  </tu>\r\n'
    '<tu tuid="d"><tuv xml:lang="zh-CN"><seg>国务委员</seg></tuv><tuv xml:lang="en"><seg></seg></tuv></tu>\r\n'
    "</body>\r\n</tmx>\r\n"
)


def test_streamed_tmx_gives_the_same_report_as_the_file_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.tmx"
    path.write_bytes(TMX.encode("utf-8"))
    whole = check_paths([str(path)], CONFIG)
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    streamed = check_paths([str(path)], CONFIG)
    assert result_to_dict(streamed) == result_to_dict(whole)
    assert [(f.rule, f.segment.id, f.line, f.column) for f in streamed.findings] == [
        ("deprecated", "a", 5, 91),
        ("missing", "b", 5, 230),  # the near miss in the English <seg>
        ("deprecated", "c", 11, 122),
    ]
    # The self-closing unit has no pair of languages, the last one no translation.
    assert (streamed.segments, streamed.skipped_segments) == (3, 2)


def test_streamed_tmx_in_other_languages_is_skipped_with_the_same_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text(TMX.replace('"zh-CN"', '"fr"'), encoding="utf-8")
    with pytest.raises(UsageError) as whole:
        check_paths([str(path)], CONFIG)
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    with pytest.raises(UsageError) as streamed:
        check_paths([str(path)], CONFIG)
    assert str(streamed.value) == str(whole.value) == (
        f"nothing was checked: {path}: skipped: no <tu> pairs zh with en (languages found: en, en-US, fr; see --source-lang/--target-lang)"
    )


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (TMX.replace("<!-- a comment between units -->", "stray text"), ":6: malformed TMX: only <tu> elements may stand in <body>"),
        (TMX.replace("</body>\r\n</tmx>\r\n", ""), ":13: malformed TMX: the file does not end with </body></tmx>"),
        (TMX.replace("</tmx>", "</tmx>\r\n<more/>"), ":16: malformed TMX: content after </tmx>"),
        (TMX.replace("号召</seg>", "号召</sag>"), ":10: malformed XML: "),
    ],
)
def test_streamed_tmx_that_is_malformed_is_an_error_naming_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str, message: str) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text(broken, encoding="utf-8", newline="")
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    code, out, err = run("check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
    assert (code, out) == (2, "")
    assert err.startswith(f"termcheck: error: {path}{message}") and err.count("\n") == 1


def test_tmx_declaring_entities_is_refused_also_when_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text(TMX.replace('<tmx version="1.4">', '<!DOCTYPE tmx [<!ENTITY x "y">]>\n<tmx version="1.4">'), encoding="utf-8")
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    code, _, err = run("check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
    assert code == 2 and "XML entity declarations are not allowed" in err


def test_consistency_findings_from_segments_read_again_equal_those_from_kept_segments(tmp_path: Path) -> None:
    lines = [("中国式现代化", "Chinese modernization"), ("中国式现代化", "Chinese modernization"), ("中国式现代化", "Chinese path to modernization")]
    path = tmp_path / "memory.jsonl"
    path.write_text("".join(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n" for s, t in lines), encoding="utf-8")
    result = check_paths([str(path)], CONFIG)  # reads segment 3 again for its finding
    assert [(f.rule, f.segment.number, f.found) for f in result.findings] == [("inconsistent", 3, "Chinese path to modernization")]
    segments = list(read_inputs([str(path)])[0].segments)
    matchers = load_matchers((str(TEST_GLOSSARY),), builtin=False)
    kept = check(segments, matchers)
    assert [(f.rule, f.line, f.column, f.message) for f in kept.findings] == [(f.rule, f.line, f.column, f.message) for f in result.findings]


def test_a_segment_that_reads_differently_the_second_time_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "memory.jsonl"
    rows = [("中国式现代化", "Chinese modernization"), ("中国式现代化", "Chinese path to modernization"), ("中国式现代化", "Chinese modernization")]
    path.write_text("".join(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n" for s, t in rows), encoding="utf-8")
    segments = list(read_inputs([str(path)])[0].segments)
    changed = {(s.document, s.number): replace(s, target=s.target.upper()) for s in segments}
    matchers = load_matchers((str(TEST_GLOSSARY),), builtin=False)
    with pytest.raises(InputError, match="changed while it was being checked"):
        check(segments, matchers, reread=lambda wanted: {key: changed[key] for key in wanted})
