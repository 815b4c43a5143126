"""Silencing one finding where it stands: the directive's syntax, the form each input format gives
it, the count in the summary, and the warnings that keep a typo from silencing nothing quietly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import termcheck.readers.lines
from termcheck.model import Silencing
from termcheck.silencing import parse_directive

from tests.conftest import TEST_GLOSSARY, run

ARGS = ("--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "json", "--no-config")


def check_json(*paths: Path | str, extra: tuple[str, ...] = ()) -> tuple[int, dict[str, object], list[str]]:
    """Exit code, the JSON report and the warning lines of `termcheck check`."""
    code, out, err = run("check", *map(str, paths), *ARGS, *extra)
    warnings = [line for line in err.splitlines() if line.startswith("termcheck: warning: ")]
    return code, json.loads(out), warnings


def kept(report: dict[str, object]) -> list[tuple[str, str, str | None]]:
    return [(f["rule"], f["term"], f["found"]) for f in report["findings"]]  # type: ignore[index, union-attr]


def silenced(report: dict[str, object]) -> int:
    return report["summary"]["silenced"]  # type: ignore[index, no-any-return]


# --- the directive ---------------------------------------------------------------------------

RULES = {
    "termcheck: ignore": (),
    "termcheck: ignore deprecated": (("deprecated", ()),),
    "TermCheck:ignore Deprecated": (("deprecated", ()),),
    "  termcheck: ignore deprecated, inconsistent": (("deprecated", ()), ("inconsistent", ())),
    "termcheck: ignore deprecated missing": (("deprecated", ()), ("missing", ())),
    "termcheck: ignore deprecated[中国共产党]": (("deprecated", ("中国共产党",)),),
    "termcheck: ignore deprecated[中国共产党, bri], missing[国务委员]": (("deprecated", ("中国共产党", "bri")), ("missing", ("国务委员",))),
    "termcheck: ignore deprecated -- quoted from a 1990s title": (("deprecated", ()),),
    "termcheck: ignore -- the whole unit is a quotation": (),
}


@pytest.mark.parametrize("text", RULES)
def test_directives_that_silence(text: str) -> None:
    assert parse_directive(text, "f.po", 3) == Silencing("f.po", 3, RULES[text])


@pytest.mark.parametrize(
    "text",
    [
        "termcheck ignore deprecated",  # no colon
        "please keep: termcheck: ignore deprecated",  # not at the start of the line
        "termchecker: ignore deprecated",
        "ignore deprecated",  # the prefix is required in a free-text note
        "",
    ],
)
def test_look_alikes_are_not_directives(text: str) -> None:
    assert parse_directive(text, "f.po", 3) is None


@pytest.mark.parametrize(
    "text",
    [
        "termcheck: ignored deprecated",
        "termcheck: ignore-file",
        "termcheck: skip deprecated",
        "termcheck: ignore deprecated[]",
        "termcheck: ignore deprecated[中国共产党",
        "termcheck:",
    ],
)
def test_malformed_directives_silence_nothing_and_say_why(text: str) -> None:
    silencing = parse_directive(text, "f.po", 3)
    assert silencing is not None and silencing.rules == () and silencing.problem


def test_own_fields_need_no_prefix() -> None:
    assert parse_directive("ignore deprecated", "f.jsonl", 2, prefix_required=False) == Silencing("f.jsonl", 2, (("deprecated", ()),))
    assert parse_directive("termcheck: ignore", "f.jsonl", 2, prefix_required=False) == Silencing("f.jsonl", 2)
    assert parse_directive("  ", "f.jsonl", 2, prefix_required=False) is None


# --- every input format ----------------------------------------------------------------------
# In each file: the first unit is silenced for `deprecated` on its term, the second (the same
# text) is not silenced, the third names a rule that does not exist.

PO = """\
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# termcheck: ignore deprecated[中国共产党] -- the quoted title of a 1990s pamphlet
#. extracted comments are the programmer's, not a place for directives
#: pamphlet.c:1
msgid "中国共产党召开会议。"
msgstr "The CCP held a meeting."

#. termcheck: ignore deprecated
msgid "中国共产党再次召开会议。"
msgstr "The CCP held a meeting again."

# translator's remark
# termcheck: ignore deprecatd
msgid "中国共产党第三次召开会议。"
msgstr "The CCP held a third meeting."
"""

XLIFF_12 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1">
        <source>中国共产党召开会议。</source>
        <target>The CCP held a meeting.</target>
        <note>termcheck: ignore deprecated[中国共产党] -- the quoted title of a 1990s pamphlet</note>
      </trans-unit>
      <trans-unit id="2">
        <source>中国共产党再次召开会议。</source>
        <target>The CCP held a meeting again.</target>
        <note>Reviewed. We could ignore deprecated forms here.</note>
      </trans-unit>
      <trans-unit id="3">
        <source>中国共产党第三次召开会议。</source>
        <target>The CCP held a third meeting.</target>
        <note>Reviewed.
termcheck: ignore deprecatd</note>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="1">
      <notes>
        <note>termcheck: ignore deprecated[中国共产党] -- the quoted title of a 1990s pamphlet</note>
      </notes>
      <segment><source>中国共产党召开会议。</source><target>The CCP held a meeting.</target></segment>
    </unit>
    <unit id="2">
      <segment><source>中国共产党再次召开会议。</source><target>The CCP held a meeting again.</target></segment>
    </unit>
    <unit id="3">
      <notes>
        <note>termcheck: ignore deprecatd</note>
      </notes>
      <segment><source>中国共产党第三次召开会议。</source><target>The CCP held a third meeting.</target></segment>
    </unit>
  </file>
</xliff>
"""

TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <prop type="x-termcheck">ignore deprecated[中国共产党] -- the quoted title of a 1990s pamphlet</prop>
      <tuv xml:lang="zh-CN"><seg>中国共产党召开会议。</seg></tuv>
      <tuv xml:lang="en"><seg>The CCP held a meeting.</seg></tuv>
    </tu>
    <tu tuid="2">
      <prop type="x-note">termcheck: ignore deprecated</prop>
      <tuv xml:lang="zh-CN"><seg>中国共产党再次召开会议。</seg></tuv>
      <tuv xml:lang="en"><seg>The CCP held a meeting again.</seg></tuv>
    </tu>
    <tu tuid="3">
      <prop type="x-termcheck">ignore deprecatd</prop>
      <tuv xml:lang="zh-CN"><seg>中国共产党第三次召开会议。</seg></tuv>
      <tuv xml:lang="en"><seg>The CCP held a third meeting.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

JSONL = (
    '{"id": "1", "source": "中国共产党召开会议。", "target": "The CCP held a meeting.", "termcheck": "ignore deprecated[中国共产党] -- a quoted title"}\n'
    '{"id": "2", "source": "中国共产党再次召开会议。", "target": "The CCP held a meeting again.", "note": "termcheck: ignore deprecated"}\n'
    '{"id": "3", "source": "中国共产党第三次召开会议。", "target": "The CCP held a third meeting.", "termcheck": "ignore deprecatd"}\n'
)

CSV = (
    "id,source,target,termcheck\n"
    "1,中国共产党召开会议。,The CCP held a meeting.,ignore deprecated[中国共产党] -- a quoted title\n"
    "2,中国共产党再次召开会议。,The CCP held a meeting again.,\n"
    '3,中国共产党第三次召开会议。,"The CCP held\na third meeting.",termcheck: ignore deprecatd\n'
)

TSV = (
    "id\tsource\ttarget\ttermcheck\n"
    "1\t中国共产党召开会议。\tThe CCP held a meeting.\tignore deprecated[中国共产党] -- a quoted title\n"
    "2\t中国共产党再次召开会议。\tThe CCP held a meeting again.\t\n"
    "3\t中国共产党第三次召开会议。\tThe CCP held a third meeting.\tignore deprecatd\n"
)

UNSILENCED = [("deprecated", "中国共产党", "CCP")] * 2
# The name of each file, its text, and the line of the directive with the unknown rule.
FORMATS = {
    "po": ("a.po", PO, 17),
    "xliff-1.2": ("a.xlf", XLIFF_12, 19),
    "xliff-2.0": ("a.xlf", XLIFF_20, 15),
    "tmx": ("a.tmx", TMX, 16),
    "jsonl": ("a.jsonl", JSONL, 3),
    "csv": ("a.csv", CSV, 4),
    "tsv": ("a.tsv", TSV, 4),
}


@pytest.mark.parametrize("name", FORMATS)
def test_a_directive_silences_its_unit_only(tmp_path: Path, name: str) -> None:
    file_name, text, typo_line = FORMATS[name]
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    code, report, warnings = check_json(path)
    assert (code, kept(report), silenced(report)) == (1, UNSILENCED, 1)
    assert warnings == [f"termcheck: warning: {path}:{typo_line}: termcheck directive: unknown rule 'deprecatd' (rules: missing, deprecated, superseded, inconsistent)"]
    assert report["summary"]["input_warnings"] == [warning.removeprefix("termcheck: warning: ") for warning in warnings]  # type: ignore[index]


@pytest.mark.parametrize("name", ["tmx", "jsonl", "tsv"])
def test_a_large_file_read_a_unit_at_a_time_is_silenced_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    file_name, text, typo_line = FORMATS[name]
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 0)
    code, report, warnings = check_json(path)
    assert (code, kept(report), silenced(report)) == (1, UNSILENCED, 1)
    assert [w.split(": termcheck directive")[0] for w in warnings] == [f"termcheck: warning: {path}:{typo_line}"]


def test_a_silenced_finding_of_the_consistency_rule(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        '{"id": "1", "source": "中国式现代化", "target": "Chinese modernization"}',
        '{"id": "2", "source": "中国式现代化", "target": "the Chinese path to modernization"}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert kept(check_json(path)[1]) == [("inconsistent", "中国式现代化", "Chinese path to modernization")]
    lines[1] = lines[1].replace("}", ', "termcheck": "ignore inconsistent -- the title of a 2021 book"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, report, warnings = check_json(path, extra=("--fail-on", "warning"))
    assert (code, kept(report), silenced(report), warnings) == (0, [], 1, [])


# --- plain text pairs: the ignore file -------------------------------------------------------


def _pair(folder: Path) -> tuple[Path, Path]:
    source, target = folder / "talk.zh.txt", folder / "talk.en.txt"
    source.write_text("中国共产党召开会议。\n国务委员出席。\n中共中央发布通知。\n", encoding="utf-8")
    target.write_text("The CCP held a meeting.\nThe minister attended.\nThe CCP Central Committee issued a notice.\n", encoding="utf-8")
    return source, target


@pytest.mark.parametrize("align", ["document", "lines"])
def test_the_ignore_file_beside_a_pair_silences_a_place(tmp_path: Path, align: str) -> None:
    source, target = _pair(tmp_path)
    code, report, _ = check_json(source, target, extra=("--align", align))
    assert kept(report) == [("missing", "国务委员", None), ("deprecated", "中国共产党", "CCP"), ("deprecated", "中国共产党", "CCP")]
    (tmp_path / ".termcheck-ignore").write_text(
        "# findings we keep on purpose\n"
        "talk.en.txt:1: deprecated[中国共产党] -- quoted from a 1990s pamphlet\n"
        "talk.zh.txt:2:1: missing\n",
        encoding="utf-8",
    )
    code, report, warnings = check_json(source, target, extra=("--align", align))
    assert (code, kept(report), silenced(report), warnings) == (1, [("deprecated", "中国共产党", "CCP")], 2, [])
    assert report["findings"][0]["line"] == 3  # type: ignore[index]


def test_an_ignore_file_entry_that_no_longer_matches_is_a_warning(tmp_path: Path) -> None:
    source, target = _pair(tmp_path)
    (tmp_path / ".termcheck-ignore").write_text("talk.en.txt:2: deprecated\ntalk.en.txt:1: deprecatd\n", encoding="utf-8")
    _, report, warnings = check_json(source, target)
    ignore_file = tmp_path / ".termcheck-ignore"
    assert silenced(report) == 0
    assert warnings == [
        f"termcheck: warning: {ignore_file}:1: termcheck directive silences no finding (remove it, or check its rules and terms)",
        f"termcheck: warning: {ignore_file}:2: termcheck directive: unknown rule 'deprecatd' (rules: missing, deprecated, superseded, inconsistent)",
    ]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("talk.en.txt deprecated", "expected FILE:LINE: RULE[TERM], … [-- reason] (e.g. 'report.en.txt:12: deprecated[中国共产党]')"),
        ("talk.en.txt:1: deprecated[", "cannot read 'deprecated['; expected 'FILE:LINE: RULE[TERM], … [-- reason]'"),
        ("other.en.txt:1: deprecated", "no such file: other.en.txt"),
    ],
)
def test_a_malformed_ignore_file_is_an_error_naming_its_line(tmp_path: Path, line: str, error: str) -> None:
    source, target = _pair(tmp_path)
    (tmp_path / ".termcheck-ignore").write_text(f"# ok\n{line}\n", encoding="utf-8")
    code, out, err = run("check", str(source), str(target), *ARGS)
    assert (code, out, err) == (2, "", f"termcheck: error: {tmp_path / '.termcheck-ignore'}:2: {error}\n")


# --- what the directive names, and what it is told -------------------------------------------


def _jsonl(tmp_path: Path, directive: str) -> Path:
    path = tmp_path / "a.jsonl"
    record = {"id": "1", "source": "中国共产党召开会议。", "target": "The CCP held a meeting.", "termcheck": directive}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("directive", "remaining", "warning"),
    [
        ("ignore", [], None),
        ("ignore deprecated", [], None),
        ("ignore deprecated[cpc]", [], None),  # the entry id
        ("ignore deprecated[中共]", [], None),  # another Chinese form of the entry
        ("ignore missing, deprecated", [], None),  # no missing finding, yet the directive is used
        ("ignore missing", [("deprecated", "中国共产党", "CCP")], "termcheck directive silences no finding (remove it, or check its rules and terms)"),
        ("ignore deprecated[国务委员]", [("deprecated", "中国共产党", "CCP")], "termcheck directive silences no finding (remove it, or check its rules and terms)"),
        ("ignore deprecated[中国共产]", [("deprecated", "中国共产党", "CCP")], "termcheck directive: unknown term '中国共产' (neither an entry id nor a Chinese form of the glossary)"),
        ("ignored deprecated", [("deprecated", "中国共产党", "CCP")], "malformed termcheck directive, it silences nothing: expected 'termcheck: ignore [RULE[TERM, …], …] [-- reason]'"),
    ],
)
def test_what_a_directive_names(tmp_path: Path, directive: str, remaining: list[tuple[str, str, str]], warning: str | None) -> None:
    path = _jsonl(tmp_path, directive)
    _, report, warnings = check_json(path)
    assert kept(report) == remaining
    if warning is None:
        assert warnings == []
    else:
        assert warnings == [f"termcheck: warning: {path}:1: {warning}"]


def test_a_directive_for_a_rule_turned_off_is_not_unused(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, "ignore inconsistent")
    assert check_json(path, extra=("--disable", "inconsistent"))[2] == []


def test_silenced_findings_stay_out_of_a_baseline(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, "ignore deprecated")
    baseline = tmp_path / "baseline.json"
    code, report, _ = check_json(path, extra=("--write-baseline", str(baseline)))
    assert (code, silenced(report), json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == (0, 1, [])


# --- the summary -----------------------------------------------------------------------------


def test_every_report_counts_the_silenced_findings(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    common = ("--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
    _, text, _ = run("check", str(path), *common, "-f", "text")
    assert text.splitlines()[-1] == "2 error(s), 0 warning(s) in 1 file(s); 1 finding(s) silenced in the files not shown"
    _, rich, _ = run("check", str(path), *common, "-f", "rich")
    assert "1 finding(s) silenced in the files not shown" in " ".join(rich.split())
    _, html, _ = run("check", str(path), *common, "-f", "html")
    assert "<tr><th>findings silenced in the files (not shown)</th><td>1</td></tr>" in html
    _, sarif, _ = run("check", str(path), *common, "-f", "sarif")
    assert json.loads(sarif)["runs"][0]["properties"] == {"baselined": 0, "silenced": 1, "skippedSegments": 0}
    _, junit, _ = run("check", str(path), *common, "-f", "junit")
    import xml.etree.ElementTree as ElementTree

    properties = ElementTree.fromstring(junit).find("testsuite/properties")
    assert properties is not None
    assert {p.get("name"): p.get("value") for p in properties} == {"baselined": "0", "silenced": "1", "skipped_segments": "0"}
    path.write_text(JSONL.splitlines()[0] + "\n", encoding="utf-8")
    _, text, _ = run("check", str(path), *common, "-f", "text")
    assert text == "1 finding(s) silenced in the files not shown\n"


def test_silencing_holds_when_segments_are_scanned_in_other_processes(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    code, report, _ = check_json(path, extra=("--jobs", "2"))
    assert (code, kept(report), silenced(report)) == (1, UNSILENCED, 1)


# --- the README's examples, as written --------------------------------------------------------

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
SILENCING_SECTION = README.split("### Silencing a finding", 1)[1].split("\n### ", 1)[0]
[README_DIRECTIVES, README_IGNORE_FILE] = [block for block in SILENCING_SECTION.split("```")[1::2]]


@pytest.mark.parametrize("line", [line for line in README_DIRECTIVES.strip().splitlines()])
def test_every_directive_of_the_readme_is_well_formed(line: str) -> None:
    # Each line: the directive, then what it silences after two spaces or more (a "--" reason is
    # part of the directive).
    directive = line.split("  ")[0].strip()
    silencing = parse_directive(directive, "README.md", 1)
    assert silencing is not None and silencing.problem == ""


def test_the_readme_s_ignore_file_silences_what_it_says(tmp_path: Path) -> None:
    # The places the README names: line 12 of the translation (a deprecated rendering of 中国共产党),
    # line 40 column 1 of the source (a term missing from the translation).
    source = ["工会。"] * 39 + ["国务委员出席了会议。"]
    target = ["The trade union."] * 11 + ["The CCP."] + ["The trade union."] * 28
    source[11] = "中国共产党。"
    (tmp_path / "speech.zh.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "speech.en.txt").write_text("\n".join(target) + "\n", encoding="utf-8")
    (tmp_path / ".termcheck-ignore").write_text(README_IGNORE_FILE.lstrip("\n"), encoding="utf-8")
    code, report, warnings = check_json(tmp_path / "speech.zh.txt", tmp_path / "speech.en.txt", extra=("--align", "lines"))
    assert (code, kept(report), silenced(report), warnings) == (0, [], 2, [])
