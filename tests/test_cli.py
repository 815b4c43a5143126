"""The command line as a user runs it: exit codes, output formats, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from termcheck.cli import app
from tests.conftest import TEST_GLOSSARY, run

runner = CliRunner()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[str, str]:
    source = write(tmp_path, "doc.zh.txt", "中国共产党领导工会。\n国务委员出席了会议。\n")
    target = write(tmp_path, "doc.en.txt", "The CCP leads the trade unions.\nState Counselor Wang attended.\n")
    return source, target


def test_text_format_and_exit_code_1(pair: tuple[str, str]) -> None:
    source, target = pair
    code, out, err = run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--format", "text")
    assert code == 1
    assert out.splitlines() == [
        f"{target}:1:5: error deprecated: 'CCP' is a deprecated rendering of 中国共产党; use 'CPC'",
        f"{target}:2:1: error missing: 国务委员 is rendered as 'State Counselor' (near miss); expected 'State Councilor'",
        "2 error(s), 0 warning(s) in 1 file(s)",
    ]
    assert err == ""


def test_json_format(pair: tuple[str, str]) -> None:
    source, target = pair
    code, out, _ = run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["schema"] == 1
    assert report["summary"] == {
        "files": 1, "segments": 1, "source_terms": 3, "findings": 2, "errors": 2, "warnings": 0,
        "by_rule": {"deprecated": 1, "missing": 1}, "skipped_segments": 0, "baselined": 0, "silenced": 0, "input_warnings": [],
    }
    assert report["findings"][1] == {
        "rule": "missing",
        "severity": "error",
        "term": "国务委员",
        "entry": "state-councilor",
        "source_text": "国务委员",
        "expected": ["State Councilor"],
        "found": "State Counselor",
        "file": target,
        "segment": 1,
        "segment_id": None,
        "segment_line": 1,
        "line": 2,
        "column": 1,
        "source_span": [11, 15],
        "target_span": [32, 47],
        "source_place": {"file": source, "line": 2, "column": 1},
        "message": "国务委员 is rendered as 'State Counselor' (near miss); expected 'State Councilor'",
        "fix": "replace 'State Counselor' with 'State Councilor'",
        # The edit that applies the fix, in the segment's target text and in the target file.
        "replacement": {
            "target_span": [32, 47], "text": "State Councilor", "file": target, "line": 2, "column": 1, "end_line": 2, "end_column": 16,
        },
    }
    assert report["findings"][0]["rule"] == "deprecated"
    # The deprecated rendering's term is in the paired source: both sides are given.
    assert report["findings"][0]["source_text"] == "中国共产党"
    assert report["findings"][0]["source_span"] == [0, 5]
    assert report["findings"][0]["target_span"] == [4, 7]
    assert report["findings"][0]["source_place"] == {"file": source, "line": 1, "column": 1}


def test_clean_translation_exits_0_with_no_output(tmp_path: Path) -> None:
    source = write(tmp_path, "a.zh.txt", "中华全国总工会\n")
    target = write(tmp_path, "a.en.txt", "All-China Federation of Trade Unions\n")
    assert run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text") == (0, "", "")


def test_fail_on(tmp_path: Path) -> None:
    source = write(tmp_path, "a.zh.txt", "中国式现代化。中国式现代化。\n")
    target = write(tmp_path, "a.en.txt", "Chinese modernization. Chinese path to modernization.\n")
    base = ("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text")
    assert run(*base)[0] == 0  # a warning does not fail by default
    assert run(*base, "--fail-on", "warning")[0] == 1
    assert run(*base, "--fail-on", "never")[0] == 0
    code, out, _ = run(*base)
    assert "warning inconsistent: 中国式现代化 is rendered in different ways" in out


def test_align_lines(tmp_path: Path) -> None:
    source = write(tmp_path, "a.zh.txt", "工会\n工会\n")
    target = write(tmp_path, "a.en.txt", "trade union\nlabor group\n")
    code, out, _ = run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--align", "lines", "-f", "json")
    findings = json.loads(out)["findings"]
    # 'trade union' is a descriptive phrase, not a name: its absence is a warning.
    assert code == 0
    assert [(f["segment"], f["line"], f["column"], f["source_span"], f["severity"]) for f in findings] == [(2, 2, 1, [0, 2], "warning")]
    assert run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--align", "lines", "--fail-on", "warning")[0] == 1
    # At document level the second 工会 is satisfied by the first line's rendering.
    assert run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text")[0] == 0


def test_align_lines_with_different_line_counts_is_an_input_error(tmp_path: Path) -> None:
    source = write(tmp_path, "a.zh.txt", "工会\n工会\n")
    target = write(tmp_path, "a.en.txt", "trade union\n")
    code, out, err = run("check", source, target, "--align", "lines")
    assert (code, out) == (2, "")
    assert err == f"termcheck: error: {target}: has 1 lines but {source} has 2; --align lines needs the same number of lines\n"


def test_tsv_input(tmp_path: Path) -> None:
    path = write(tmp_path, "pairs.tsv", "中华全国总工会\tthe ACFTU\n国务委员\tthe minister\n")
    code, out, _ = run("check", path, "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text")
    assert code == 1
    assert out.splitlines()[0] == f"{path}:2:1: error missing: 国务委员 has no accepted rendering in the translation; expected 'State Councilor'"


def test_tsv_deprecated_column_is_in_the_target_part_of_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "pairs.tsv", "中国共产党\tthe CCP\n")
    code, out, _ = run("check", path, "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text")
    assert out.splitlines()[0].startswith(f"{path}:1:11: error deprecated:")


def test_user_csv_glossary_overrides_builtin(tmp_path: Path) -> None:
    glossary = write(tmp_path, "house.csv", "zh,en\n工会,labour union\n")
    source = write(tmp_path, "a.zh.txt", "工会\n")
    target = write(tmp_path, "a.en.txt", "the labor unions\n")
    assert run("check", source, target, "-g", glossary, "-f", "text") == (0, "", "")


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({"a.zh.txt": "没有术语。\n"}, ["a.zh.txt", "missing.txt"], "{d}/missing.txt: no such file"),
        ({"a.en.txt": "English only.\n", "b.en.txt": "English.\n"}, ["a.en.txt", "b.en.txt"], "{d}/a.en.txt: has no Chinese text; is it the source?"),
        ({"a.zh.txt": "工会\n", "b.zh.txt": "工会\n"}, ["a.zh.txt", "b.zh.txt"], "{d}/b.zh.txt: is not English text; is it the translation?"),
        ({"a.zh.txt": "工会\n"}, ["a.zh.txt"], "{d}/a.zh.txt: a plain-text source needs its translation"),
        ({"p.tsv": "工会 trade union\n"}, ["p.tsv"], "{d}/p.tsv:1: expected source<TAB>target"),
    ],
)
def test_input_errors_exit_2_with_one_line(tmp_path: Path, files: dict[str, str], args: list[str], message: str) -> None:
    for name, text in files.items():
        write(tmp_path, name, text)
    code, out, err = run("check", *[str(tmp_path / a) for a in args])
    assert (code, out) == (2, "")
    assert err.startswith("termcheck: error: " + message.format(d=tmp_path))
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_invalid_utf8_names_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "a.zh.txt").write_bytes("工会\n中".encode() + b"\xff\n")
    target = write(tmp_path, "a.en.txt", "trade union\n")
    code, _, err = run("check", str(tmp_path / "a.zh.txt"), target)
    assert code == 2
    assert err.startswith(f"termcheck: error: {tmp_path}/a.zh.txt:2:4: not valid UTF-8 (byte 0xff at byte offset 10)")


def test_broken_glossary_exits_2(tmp_path: Path, pair: tuple[str, str]) -> None:
    glossary = write(tmp_path, "bad.toml", '[[entry]]\nid = "x"\nzh = ["甲"\n')
    code, _, err = run("check", *pair, "-g", glossary)
    assert code == 2
    assert err.startswith(f"termcheck: error: {glossary}:")
    assert "invalid TOML" in err


def test_no_builtin_without_glossary_is_a_usage_error(pair: tuple[str, str]) -> None:
    code, _, err = run("check", *pair, "--no-builtin")
    assert (code, err) == (2, "termcheck: error: --no-builtin needs at least one --glossary\n")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "x.txt"), str(tmp_path / "y.txt"), "--debug"])
    assert result.exit_code == 1 and result.exception is not None  # the exception propagates


def test_rich_format_shows_context_and_summary(pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the temporary paths are long
    code, out, _ = run("check", *pair, "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "rich")
    assert code == 1
    assert "source   国务委员出席了会议。" in out
    assert "target   State Counselor Wang attended." in out
    assert "expected State Councilor" in out
    assert f"term at  {pair[0]}:2:1" in out  # the near miss is in the target; its term in the source
    assert "fix      replace 'CCP' with 'CPC'" in out
    assert "Findings by rule" in out and "Checked 1 file, 1 segment, 3 glossary terms in the source" in out
    assert "2 error(s), 0 warning(s)" in out


LONG_SOURCE = (
    "会议指出，过去一年来，各地区各部门坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，"
    "着力推动高质量发展，经济社会发展主要目标任务圆满完成。国务委员出席了会议并讲话，强调要坚定不移推进改革开放，"
    "持续改善民生，保持社会大局稳定，为实现第二个百年奋斗目标打下坚实基础。中国共产党领导工会。\n"
)
LONG_TARGET = (
    "The meeting noted that over the past year all regions and departments had followed the general principle of "
    "pursuing progress while ensuring stability, applied the new development philosophy fully and faithfully, and "
    "completed the main targets of economic and social development. State Counselor Wang attended the meeting and "
    "spoke, stressing that reform and opening up must be advanced unswervingly. The CCP leads the trade unions.\n"
)


@pytest.mark.parametrize("width", [80, 120])
def test_rich_report_fits_the_terminal_and_wraps_at_word_boundaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    from rich.cells import cell_len

    from termcheck import Config, check_paths
    from termcheck.reporters.rich import report

    source = write(tmp_path, "long.zh.txt", LONG_SOURCE)
    target = write(tmp_path, "long.en.txt", LONG_TARGET)
    result = check_paths([source, target], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False))
    assert result.findings
    monkeypatch.setenv("COLUMNS", str(width))
    import io

    buffer = io.StringIO()
    report(result, buffer)
    lines = buffer.getvalue().splitlines()
    assert all(cell_len(line) <= width and line == line.rstrip() for line in lines), lines
    findings_part = lines[: lines.index("")]
    # A file name, then findings whose every line is indented: nothing folds back to column 0.
    assert findings_part[0] == target and all(line.startswith("  ") for line in findings_part[1:])
    # Messages and fixes wrap between words: joined again, each reads whole.
    flowing = " ".join(line.strip() for line in findings_part[1:])
    for finding in result.findings:
        assert finding.message in flowing
        assert finding.fix is not None and finding.fix in flowing
    # The context is a short stretch around the term, not the paragraph.
    context = [line.strip() for line in findings_part if line.strip().startswith(("source ", "target "))]
    assert context and all(cell_len(line) <= width - 7 for line in context)
    assert any("…" in line for line in context)
    assert any("国务委员" in line for line in context) and any("State Counselor" in line for line in context)
    summary = lines[lines.index("") + 1 :]
    assert summary[0] == "Findings by rule"
    assert summary[-2].startswith("Checked 1 file, 1 segment, ")


def test_lookup_by_chinese_traditional_and_english() -> None:
    code, out, _ = run("glossary", "lookup", "中國共產黨", "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert code == 0
    assert out.splitlines()[:6] == [
        "中国共产党  [cpc]  (matched as Chinese form)",
        "  Chinese:    中国共产党, 中共",
        "  preferred:  Communist Party of China",
        "  short:      CPC",
        "  deprecated: Chinese Communist Party (the Party's official English name is 'Communist Party of China'), CCP",
        "  category:   party",
    ]
    code, out, _ = run("glossary", "lookup", "the CCP", "--no-builtin", "-g", str(TEST_GLOSSARY), "--json")
    assert code == 0
    assert [(e["id"], e["matched_as"]) for e in json.loads(out)] == [("cpc", "deprecated rendering")]
    code, out, _ = run("glossary", "lookup", "structural reforms", "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert out.startswith("结构性改革  [structural-reform]  (matched as preferred rendering)")


def test_lookup_unknown_term_exits_1() -> None:
    code, out, err = run("glossary", "lookup", "天气", "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert (code, out, err) == (1, "", "天气: not in the glossary, and nothing close to it\n")


@pytest.mark.parametrize(
    ("term", "glossary", "expected"),
    [
        # Containment: renderings that hold the term, the shortest first, then those inside it.
        ("Xi Jinping Thought", (), ("xi-thought", "preferred rendering 'Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era', which holds 'Xi Jinping Thought'")),
        ("推动高质量发展", (), ("high-quality-development", "Chinese form 高质量发展, inside 推动高质量发展")),
        # The test glossary lists neither form (the built-in one may come to list older forms).
        ("State Counselor", ("--no-builtin", "-g", str(TEST_GLOSSARY)), ("state-councilor", "near miss of the preferred rendering 'State Councilor'; the term as written is not an accepted rendering")),
        ("ccp", ("--no-builtin", "-g", str(TEST_GLOSSARY)), ("cpc", "deprecated rendering 'CCP', written in another case")),
    ],
)
def test_lookup_suggests_entries_by_case_containment_and_near_misses(term: str, glossary: tuple[str, ...], expected: tuple[str, str]) -> None:
    code, out, err = run("glossary", "lookup", term, "--json", *glossary)
    assert (code, err) == (1, f"{term}: not in the glossary as written; entries close to it:\n")
    assert expected in [(e["id"], e["matched_as"]) for e in json.loads(out)]
    assert not any(e["exact"] for e in json.loads(out))


def test_lookup_by_word_forms_and_case_of_a_full_rendering_is_exact() -> None:
    code, out, _ = run("glossary", "lookup", "Belt And Road Initiatives", "--json")
    assert code == 0
    assert [(e["matched_as"], e["exact"]) for e in json.loads(out)] == [("preferred rendering", True)]


def test_lookup_defined_at_names_this_install_s_glossary(tmp_path: Path) -> None:
    """The compiled glossary is cached by content: a second copy of the same file (another
    install, another checkout) loads the first one's compilation."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "terms.toml").write_bytes(TEST_GLOSSARY.read_bytes())
    for folder in (first, second):
        code, out, _ = run("glossary", "lookup", "中国共产党", "--no-builtin", "-g", str(folder / "terms.toml"))
        assert code == 0
        [defined_at] = [line for line in out.splitlines() if line.startswith("  defined at:")]
        assert defined_at.split()[-1].startswith(f"{folder / 'terms.toml'}:")


def test_help_shows_defaults_and_config_table_as_text() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "[default: document]" in flat
    assert "[tool.termcheck]" in flat
    assert "TOML, CSV, TSV or TBX" in flat


_FIX_SUMMARY = "would fix 2 finding(s) in 1 file(s) (--write applies the diff); 0 not fixed\n"


@pytest.mark.parametrize(
    ("args", "expected_code", "expected_stderr"),
    [
        (["glossary", "stats", "--no-builtin", "-g", str(TEST_GLOSSARY)], 0, ""),
        (["glossary", "lookup", "中国共产党", "--no-builtin", "-g", str(TEST_GLOSSARY)], 0, ""),
        *((["check", "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", name], 1, "") for name in ("text", "rich", "json", "sarif", "junit", "html")),
        # The diff of `fix`: every finding is still in the files, so 1 as without the pipe; what
        # it says on stderr is still said.
        (["fix", "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config"], 1, _FIX_SUMMARY),
        (["terms", "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "tsv"], 0, ""),
        (["glossary", "export", "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "csv"], 0, ""),
        (["glossary", "validate", str(TEST_GLOSSARY), "--level", "info"], 0, ""),
    ],
    ids=lambda value: " ".join(value[:1] + value[-2:]) if isinstance(value, list) else None,
)
def test_a_closed_pipe_is_a_quiet_end_with_the_usual_exit_code(
    pair: tuple[str, str], args: list[str], expected_code: int, expected_stderr: str
) -> None:
    """`termcheck … | head -1`: the reader closes the pipe before termcheck has written."""
    import subprocess
    import sys

    argv = [sys.executable, "-m", "termcheck", *args, *(pair if args[0] in ("check", "fix", "terms") else ())]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == expected_code, stderr
    assert stderr == expected_stderr


@pytest.mark.parametrize("empty", ["", "\n\n  \n"], ids=["no text", "blank lines only"])
@pytest.mark.parametrize("align", ["document", "lines"])
def test_an_empty_translation_is_said_to_be_empty_not_a_wall_of_missing(tmp_path: Path, empty: str, align: str) -> None:
    source = write(tmp_path, "doc.zh.txt", "中国共产党领导工会。\n国务委员出席了会议。\n\n")
    target = write(tmp_path, "doc.en.txt", empty)
    code, out, err = run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "text", "--align", align)
    assert (code, out) == (0, "1 segment(s) not translated yet, skipped\n")
    assert err == f"termcheck: warning: {target}: skipped: the translation is empty (no text, or blank lines only); nothing to check {source} against\n"
    code, out, _ = run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "json")
    assert json.loads(out)["summary"]["input_warnings"] == [err.removeprefix("termcheck: warning: ").strip()]
    # Asked for, it is checked as it is.
    code, out, _ = run("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "text", "--include-unfinished")
    assert code == 1 and "missing" in out


def test_a_folder_s_glossary_and_documents_are_passed_over_and_said_so(tmp_path: Path) -> None:
    folder = tmp_path / "l10n"
    folder.mkdir()
    write(folder, "news.csv", "id,source,target\nn1,中国共产党领导工会。,The CCP leads the unions.\n")
    write(folder, "house-terms.csv", 'zh,en,deprecated,note\n中国共产党,"Communist Party of China | CPC",CCP,house style\n')
    write(folder, "plain-terms.csv", "zh,en\n工会,trade union\n")
    write(folder, "notes.txt", "中国共产党\n")
    (folder / "draft.docx").write_bytes(b"PK\x03\x04")
    (folder / "logo.png").write_bytes(b"\x89PNG")
    plain_terms = str(folder / "plain-terms.csv")
    code, out, err = run("check", str(folder), "--no-builtin", "-g", str(TEST_GLOSSARY), "-g", plain_terms, "--no-config", "-f", "text")
    assert code == 1
    findings = out.splitlines()[:-1]
    assert findings and all(line.startswith(f"{folder / 'news.csv'}:2:") for line in findings)
    assert err.splitlines() == [
        f"termcheck: warning: {folder / 'draft.docx'}: skipped: termcheck does not read office documents; export bilingual XLIFF "
        "or TMX from the CAT tool, or save the two texts as plain text and check the pair",
        f"termcheck: warning: {folder / 'notes.txt'}: skipped: plain text is checked as a pair, not from a folder: termcheck check SOURCE TARGET",
        f"termcheck: warning: {folder / 'house-terms.csv'}: skipped: a glossary, not a bilingual file (its header names the glossary "
        "column 'deprecated'); give it with --glossary",
        f"termcheck: warning: {plain_terms}: skipped: it is a glossary of this run (--glossary), not a bilingual file",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--bogus"], "termcheck: error: No such option: --bogus (Possible options: --jobs); see 'termcheck check --help'"),
        (["glossary", "lookup"], "termcheck: error: Missing argument 'TERM'; see 'termcheck glossary lookup --help'"),
        (
            ["check", "-f", "pdf", "a", "b"],
            "termcheck: error: Invalid value for '--format' / '-f': 'pdf' is not one of 'rich', 'text', 'json', 'sarif', 'junit', 'html'; "
            "see 'termcheck check --help'",
        ),
    ],
)
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    assert run(*args) == (2, "", message + "\n")


@pytest.mark.parametrize(
    ("args", "usage", "metavars"),
    [
        (["check"], "Usage: termcheck check [OPTIONS] PATHS...", ["-g, --glossary FILE", "-o, --output FILE", "--exclude GLOB", "-j, --jobs N"]),
        (["glossary", "import"], "Usage: termcheck glossary import [OPTIONS] FILE", ["-o, --output FILE"]),
        (["glossary", "validate"], "Usage: termcheck glossary validate [OPTIONS] [FILE]...", []),
        (["glossary", "lookup"], "Usage: termcheck glossary lookup [OPTIONS] TERM", []),
        (["terms"], "Usage: termcheck terms [OPTIONS] PATHS...", ["-o, --output FILE", "-g, --glossary FILE"]),
        (["fix"], "Usage: termcheck fix [OPTIONS] PATHS...", ["-g, --glossary FILE", "--exclude GLOB"]),
    ],
)
def test_help_names_arguments_has_h_and_examples(args: list[str], usage: str, metavars: list[str]) -> None:
    code, out, _ = run(*args, "-h")
    assert code == 0
    assert out.splitlines()[0] == usage
    for metavar in metavars:
        assert metavar in out
    assert "<str>" not in out and "{" not in out
    assert "Examples:\n" in out and f"    termcheck {' '.join(args)} " in out


def _command_paths() -> list[list[str]]:
    """Every command of the command line, as the words that name it."""
    import typer.main

    root = typer.main.get_command(app)
    found: list[list[str]] = []

    def walk(command: Any, words: list[str]) -> None:
        # A group's commands as click lists them: they are made when asked for (termcheck.cli).
        if not hasattr(command, "list_commands"):
            found.append(words)
            return
        context = typer.Context(command)
        for name in command.list_commands(context):
            walk(command.get_command(context, name), [*words, name])

    walk(root, [])
    return found


@pytest.mark.parametrize("args", _command_paths(), ids=" ".join)
def test_every_command_s_help_names_its_arguments_has_examples_and_fits_80_columns(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "-h"], prog_name="termcheck", env={"COLUMNS": "80"})
    code, out = result.exit_code, result.stdout
    assert code == 0
    assert [line for line in out.splitlines() if len(line) > 80] == []
    assert "<str>" not in out and "{" not in out
    assert "Examples:\n" in out and f"    termcheck {' '.join(args)} " in out


def test_import_help_says_its_default_once() -> None:
    flat = " ".join(run("glossary", "import", "--help")[1].split())
    assert flat.count("[default:") == 1


def test_help_lists_every_command_with_its_one_line_help() -> None:
    """A command's options are made when the command is asked for; the help of a group asks for
    all of them, and shows each one's first line."""
    listed: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for group in ((), ("glossary",)):
        code, out, _ = run(*group, "--help")
        assert code == 0
        listed[group] = [tuple(line.split(maxsplit=1)) for line in out.split("Commands:\n")[1].splitlines()]
    assert [name for name, _ in listed[()]] == ["check", "terms", "fix", "glossary"]
    assert [name for name, _ in listed[("glossary",)]] == ["lookup", "validate", "stats", "export", "import"]
    assert listed[()][0][1].startswith("Check translations against their source and report")
    assert listed[()][3][1] == "Inspect, check, convert and count the glossary."
    assert listed[("glossary",)][2][1] == "Count the glossary's entries by category, source and file."


def test_quiet_prints_no_report_but_keeps_the_exit_code_and_the_output_file(tmp_path: Path) -> None:
    source = write(tmp_path, "a.zh.txt", "中国共产党\n")
    target = write(tmp_path, "a.en.txt", "The CCP\n")
    report = tmp_path / "report.txt"
    base = ("check", source, target, "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert run(*base, "-f", "json", "--quiet") == (1, "", "")
    assert run(*base, "-q", "-o", str(report)) == (1, "", "")
    assert report.read_text(encoding="utf-8").splitlines() == [
        f"{target}:1:5: error deprecated: 'CCP' is a deprecated rendering of 中国共产党; use 'CPC'",
        "1 error(s), 0 warning(s) in 1 file(s)",
    ]
