"""termcheck.fixing on its own: which edits are made where, given findings with replacements on
segments read from real files. Overlaps, escapes and the reasons for leaving a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.fixing import plan_fixes
from termcheck.model import CheckResult, Finding, Replacement, Segment, Severity, Span
from termcheck.readers import read_inputs


def _segments(path: Path) -> list[Segment]:
    [file] = read_inputs([str(path)])
    return list(file.segments)


def _finding(segment: Segment, old: str, new: str, *, severity: Severity = Severity.ERROR, occurrence: int = 0, rule: str = "deprecated") -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = segment.target.index(old, start + 1)
    span = Span(start, start + len(old))
    return Finding(
        rule, severity, "test", "测试", f"{old} → {new}", segment.target_origin.path, 1, 1, segment,
        found=old, target_span=span, replacement=Replacement(span, new), fix=f"replace '{old}' with '{new}'",
    )


def _result(*findings: Finding) -> CheckResult:
    return CheckResult(findings=findings, documents=1, segments=1, source_terms=len(findings))


def test_of_two_overlapping_edits_the_more_severe_is_made(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"source": "中国共产党", "target": "the Chinese Communist Party leads"}\n', encoding="utf-8")
    [segment] = _segments(path)
    warning = _finding(segment, "Chinese Communist", "Chinese", severity=Severity.WARNING)
    error = _finding(segment, "Communist Party", "CPC")
    plan = plan_fixes(_result(warning, error))
    [fixed] = plan.files
    assert fixed.fixed == b'{"source": "\xe4\xb8\xad\xe5\x9b\xbd\xe5\x85\xb1\xe4\xba\xa7\xe5\x85\x9a", "target": "the Chinese CPC leads"}\n'
    assert fixed.findings == (error,)
    [left] = plan.not_fixed
    assert left.finding is warning and left.reason == f"overlaps the fix of deprecated at {path}:1:1, which is applied"


def test_of_two_overlapping_edits_of_one_severity_the_first_is_made(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("中国共产党\tthe Chinese Communist Party leads\n", encoding="utf-8")
    [segment] = _segments(path)
    first, second = _finding(segment, "Chinese Communist", "Chinese"), _finding(segment, "Communist Party", "CPC")
    plan = plan_fixes(_result(second, first))
    assert plan.files[0].fixed == "中国共产党\tthe Chinese Party leads\n".encode()
    assert [item.finding for item in plan.not_fixed] == [second]


def test_the_same_edit_for_two_findings_is_made_once_and_fixes_both(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("中国共产党\tthe CCP leads\n", encoding="utf-8")
    [segment] = _segments(path)
    one, two = _finding(segment, "CCP", "CPC"), _finding(segment, "CCP", "CPC", rule="missing")
    plan = plan_fixes(_result(one, two))
    assert plan.files[0].fixed == "中国共产党\tthe CPC leads\n".encode() and plan.files[0].findings == (one, two)
    assert plan.fixed == 2 and plan.not_fixed == ()


def test_edits_beside_each_other_are_both_made(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("中国共产党\tCCP CCP\n", encoding="utf-8")
    [segment] = _segments(path)
    plan = plan_fixes(_result(_finding(segment, "CCP", "CPC"), _finding(segment, "CCP", "CPC", occurrence=1)))
    assert plan.files[0].fixed == "中国共产党\tCPC CPC\n".encode()


@pytest.mark.parametrize(
    ("name", "content", "old", "reason"),
    [
        pytest.param(
            "a.xlf",
            '<xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1">'
            "<source>港澳</source><target>Hong Kong &amp; Macau</target></trans-unit></body></file></xliff>",
            "Kong & Macau", "an escape or a line break of the file stands in the text to replace", id="XML entity inside",
        ),
        pytest.param(
            "a.xlf",
            '<xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1">'
            "<source>港澳</source><target>Hong Kong &amp; Macau</target></trans-unit></body></file></xliff>",
            "Kong &", "an escape of the file stands in the text to replace", id="XML entity at the end",
        ),
        pytest.param(
            "a.po", 'msgid "港澳"\nmsgstr "Hong Kong \\\\ Macau"\n', "Kong \\", "an escape of the file stands in the text to replace", id="PO escape at the end",
        ),
        pytest.param(
            "a.po", 'msgid "港澳"\nmsgstr ""\n"Hong Kong \\\\ "\n"Macau"\n', "Kong \\ Macau",
            "an escape or a line break of the file stands in the text to replace", id="PO escape inside, across lines",
        ),
        pytest.param(
            "a.xlf",
            '<xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit id="1">'
            '<source>港澳</source><target>Hong <ph id="1">&lt;br/&gt;</ph>Kong</target></trans-unit></body></file></xliff>',
            "Hong Kong", "inline markup stands in the text to replace; a fix never crosses a tag", id="native code inside",
        ),
    ],
)
def test_an_edit_that_is_not_one_run_of_the_file_is_refused(tmp_path: Path, name: str, content: str, old: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [segment] = _segments(path)
    plan = plan_fixes(_result(_finding(segment, old, "X")))
    assert plan.files == ()
    assert [item.reason for item in plan.not_fixed] == [reason]


def test_a_character_the_encoding_cannot_hold(tmp_path: Path) -> None:
    from termcheck.readers import ReadOptions

    path = tmp_path / "a.tsv"
    path.write_bytes("中國共產黨\tthe CCP\n".encode("big5"))
    [file] = read_inputs([str(path)], options=ReadOptions(encoding="big5"))
    plan = plan_fixes(_result(_finding(file.segments[0], "CCP", "CPC\u00e9")), encoding="big5")
    assert [item.reason for item in plan.not_fixed] == ["the file's encoding (big5) cannot hold the new text"]
