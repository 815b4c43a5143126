"""`termcheck fix` as a translator runs it: a diff that changes nothing, --write that changes only
the fixed words (every other byte as it was: encoding, BOM, line endings, markup, escapes), and a
second check that no longer reports what was fixed. One case per input format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run

# Renderings with characters a format escapes or quotes (&, a comma, double quotes).
GLOSSARY = (FIXTURES / "glossaries" / "special-characters.toml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Case:
    # name → bytes of every file; the last argument of `paths` is the file that gets fixed
    files: dict[str, bytes]
    paths: tuple[str, ...]
    fixed: bytes
    args: tuple[str, ...] = ()


XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.html" source-language="zh-CN" target-language="en" datatype="html">
    <body>
      <trans-unit id="1">
        <source>中国共产党领导<g id="1">港澳</g>工作。</source>
        <target>The CCP leads <g id="1">Hongkong-Macau</g> work &amp; more.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>国务委员出席。</source>
        <target>The State Counselor<x id="2"/> attended.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>\r
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">\r
  <file id="f1">\r
    <unit id="u1">\r
      <segment state="translated">\r
        <source>中共与两会。</source>\r
        <target>The Chinese Communist Party &lt;and&gt; the two meetings.</target>\r
      </segment>\r
    </unit>\r
  </file>\r
</xliff>\r
"""

TMX = """<?xml version="1.0" encoding="UTF-16"?>\r
<tmx version="1.4">\r
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="zh-CN" datatype="plaintext"/>\r
  <body>\r
    <tu tuid="7">\r
      <tuv xml:lang="zh-CN"><seg>国务委员会见<bpt i="1">{b}</bpt>中共<ept i="1">{/b}</ept>代表。</seg></tuv>\r
      <tuv xml:lang="en-US"><seg>State Counselor Li met <bpt i="1">{b}</bpt>CCP<ept i="1">{/b}</ept> delegates.</seg></tuv>\r
    </tu>\r
  </body>\r
</tmx>\r
"""

PO = """# 新闻稿
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=GB18030\\n"

#: news.txt:1
msgid "两会期间，国务委员出席。"
msgstr ""
"During the two meetings, "
"the State Counselor\\tattended."
"""

# As msgmerge wraps a long msgstr: a rendering may run across the string's lines (one with CR LF
# and indentation, as some editors write it).
PO_WRAPPED = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
    'msgid "中国共产党领导国务委员办公室。"\n'
    'msgstr ""\n'
    '"The Chinese "\n'
    '"Communist Party leads "\n'
    '"the State "\r\n    "Counselor\'s office."\n'
)

CASES = {
    "text pair, BOM and CR LF": Case(
        {"doc.zh.txt": "中国共产党领导港澳工作。\r\n国务委员出席。\r\n".encode(), "doc.en.txt": b"\xef\xbb\xbfThe CCP leads Hongkong-Macau work.\r\nState Counselor Wang attended.\r\n"},
        ("doc.zh.txt", "doc.en.txt"),
        b"\xef\xbb\xbfThe CPC leads Hong Kong & Macao work.\r\nState Councilor Wang attended.\r\n",
    ),
    "text pair, lines, no final line break": Case(
        {"doc.zh.txt": "中国共产党\n国务委员".encode(), "doc.en.txt": b"the CCP's leaders\nState Counselor"},
        ("doc.zh.txt", "doc.en.txt"),
        b"the CPC's leaders\nState Councilor",
        ("--align", "lines"),
    ),
    "XLIFF 1.2, beside inline markup, XML escapes": Case(
        {"news.xlf": XLIFF_12.encode()},
        ("news.xlf",),
        XLIFF_12.replace("CCP leads", "CPC leads").replace("Hongkong-Macau", "Hong Kong &amp; Macao").replace("State Counselor<x", "State Councilor<x").encode(),
    ),
    "XLIFF 1.2, a target in CDATA: written as it reads there, not escaped": Case(
        {"news.xlf": XLIFF_12.replace("<target>The CCP leads <g id=\"1\">Hongkong-Macau</g> work &amp; more.</target>", "<target><![CDATA[The CCP leads <b>Hongkong-Macau</b> work & more.]]></target>").encode()},
        ("news.xlf",),
        XLIFF_12.replace("<target>The CCP leads <g id=\"1\">Hongkong-Macau</g> work &amp; more.</target>", "<target><![CDATA[The CPC leads <b>Hong Kong & Macao</b> work & more.]]></target>")
        .replace("State Counselor<x", "State Councilor<x")
        .encode(),
    ),
    "XLIFF 2.0, CR LF, entities kept": Case(
        {"news.xlf": XLIFF_20.encode()},
        ("news.xlf",),
        XLIFF_20.replace("The Chinese Communist Party", "The Communist Party of China").replace("the two meetings", 'the "two sessions"').encode(),
    ),
    "TMX in UTF-16 with a BOM, CR LF": Case(
        {"memory.tmx": TMX.encode("utf-16")},
        ("memory.tmx",),
        TMX.replace("State Counselor", "State Councilor").replace(">CCP<", ">CPC<").encode("utf-16"),
    ),
    "PO in GB18030, continued string, escapes": Case(
        {"news.po": PO.encode("gb18030")},
        ("news.po",),
        PO.replace("the two meetings", 'the \\"two sessions\\"').replace("State Counselor", "State Councilor").encode("gb18030"),
    ),
    "PO, a rendering across the lines of a wrapped msgstr": Case(
        {"wrapped.po": PO_WRAPPED.encode()},
        ("wrapped.po",),
        PO_WRAPPED.replace('"The Chinese "\n"Communist Party leads', '"The Communist Party of China"\n" leads')
        .replace('"the State "\r\n    "Counselor\'s office', '"the State Councilor"\r\n    "\'s office')
        .encode(),
    ),
    "JSON Lines, escapes": Case(
        {"news.jsonl": '{"id": "1", "source": "两会与一国两制", "target": "The two meetings \\u2014 \\"not\\" the CCP \\u2014 on the single country dual system."}\n'.encode()},
        ("news.jsonl",),
        '{"id": "1", "source": "两会与一国两制", "target": "The \\"two sessions\\" \\u2014 \\"not\\" the CPC \\u2014 on the One Country, Two Systems."}\n'.encode(),
    ),
    "CSV, a quoted cell and an unquoted one that needs quoting": Case(
        {"news.csv": 'id,source,target\r\n1,中国共产党,"The ""CCP"" and the CCP"\r\n2,一国两制,The single country dual system works\r\n'.encode()},
        ("news.csv",),
        'id,source,target\r\n1,中国共产党,"The ""CCP"" and the CPC"\r\n2,一国两制,"The One Country, Two Systems works"\r\n'.encode(),
    ),
    "TSV": Case(
        {"news.tsv": "id\tzh\ten\r\n1\t国务委员\tThe State Counselor spoke\r\n".encode()},
        ("news.tsv",),
        "id\tzh\ten\r\n1\t国务委员\tThe State Councilor spoke\r\n".encode(),
    ),
}


def _write(tmp_path: Path, case: Case) -> tuple[list[str], Path]:
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    for name, data in case.files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in case.paths]
    return paths, tmp_path / case.paths[-1]


def _options(tmp_path: Path, case: Case) -> list[str]:
    return ["--no-builtin", "-g", str(tmp_path / "terms.toml"), "--no-config", *case.args]


def _findings(tmp_path: Path, paths: list[str], case: Case) -> list[tuple[str, str]]:
    _, out, _ = run("check", *paths, *_options(tmp_path, case), "-f", "json")
    return [(finding["rule"], finding["entry"]) for finding in json.loads(out)["findings"]]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_diff_then_write_then_check(tmp_path: Path, case: Case) -> None:
    paths, fixed_file = _write(tmp_path, case)
    original = fixed_file.read_bytes()
    before = _findings(tmp_path, paths, case)

    code, diff, err = run("fix", *paths, *_options(tmp_path, case))
    assert code == 1, err
    assert fixed_file.read_bytes() == original  # a diff changes nothing
    assert diff.startswith(f"--- {fixed_file}\n+++ {fixed_file}\n@@ ")
    assert "would fix" in err

    code, out, err = run("fix", *paths, *_options(tmp_path, case), "--write")
    assert out == ""
    assert fixed_file.read_bytes() == case.fixed
    not_fixed = [line for line in err.splitlines() if "; not fixed: " in line]
    assert code == (1 if any(": error " in line for line in not_fixed) else 0), err

    # What was fixed is no longer reported; what was not is reported as before.
    after = _findings(tmp_path, paths, case)
    assert len(after) == len(not_fixed) < len(before)
    assert set(after) <= set(before)


def _diff(tmp_path: Path, case: Case) -> str:
    """The diff as `fix` prints it, line endings as they are (the CLI test runner would fold CR LF)."""
    from termcheck.api import check_paths
    from termcheck.config import Config
    from termcheck.fixing import plan_fixes, unified_diff

    paths, _ = _write(tmp_path, case)
    config = Config(glossaries=(str(tmp_path / "terms.toml"),), builtin=False, align=dict(zip(case.args[::2], case.args[1::2])).get("--align", "document"))
    return "".join(unified_diff(plan_fixes(check_paths(paths, config))))


def test_the_diff_is_a_patch_of_the_target(tmp_path: Path) -> None:
    diff = _diff(tmp_path, CASES["text pair, BOM and CR LF"])
    target = tmp_path / "doc.en.txt"
    assert diff == (
        f"--- {target}\n+++ {target}\n@@ -1,2 +1,2 @@\n"
        "-The CCP leads Hongkong-Macau work.\r\n-State Counselor Wang attended.\r\n"
        "+The CPC leads Hong Kong & Macao work.\r\n+State Councilor Wang attended.\r\n"
    )


def test_no_final_line_break_is_said_in_the_diff(tmp_path: Path) -> None:
    diff = _diff(tmp_path, CASES["text pair, lines, no final line break"])
    assert diff.split("@@ -1,2 +1,2 @@\n")[1] == (
        "-the CCP's leaders\n-State Counselor\n\\ No newline at end of file\n"
        "+the CPC's leaders\n+State Councilor\n\\ No newline at end of file\n"
    )


def test_a_fix_across_inline_markup_is_refused_and_said(tmp_path: Path) -> None:
    xliff = XLIFF_12.replace("The State Counselor<x id=\"2\"/>", 'The State <g id="2">Counselor</g>')
    case = Case({"news.xlf": xliff.encode()}, ("news.xlf",), b"")
    paths, fixed_file = _write(tmp_path, case)
    code, _, err = run("fix", *paths, *_options(tmp_path, case), "--write")
    assert code == 1
    assert '<target>The State <g id="2">Counselor</g> attended.</target>' in fixed_file.read_text(encoding="utf-8")
    assert "Hong Kong &amp; Macao" in fixed_file.read_text(encoding="utf-8")
    [refused] = [line for line in err.splitlines() if "; not fixed: " in line]
    assert refused.startswith(f"{fixed_file}:") and ": error missing: 国务委员 is rendered as" in refused
    assert refused.endswith("not fixed: inline markup stands in the text to replace; a fix never crosses a tag")
    assert err.splitlines()[-1] == "fixed 2 finding(s) in 1 file(s); 1 not fixed"


def test_findings_without_a_replacement_are_listed_with_why(tmp_path: Path) -> None:
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "doc.zh.txt").write_text("国务委员出席。中国共产党。\n", encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text("The minister attended. The so-called 'CCP'.\n", encoding="utf-8")
    code, diff, err = run("fix", str(tmp_path / "doc.zh.txt"), str(tmp_path / "doc.en.txt"), "--no-builtin", "-g", str(tmp_path / "terms.toml"), "--no-config")
    assert code == 1 and diff == ""
    reasons = [line.split("; not fixed: ")[1] for line in err.splitlines() if "; not fixed: " in line]
    assert reasons == [
        "nothing in the translation to replace; render 国务委员 as 'State Councilor'",
        "a mention (quoted, or after 'so-called') may be somebody's own wording, not the translation's",
    ]


def test_a_file_that_cannot_be_written_back_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "doc.zh.txt").write_text("中国共产党\n", encoding="utf-16")
    # UTF-16 without a BOM, read as --encoding utf-16: Python's codec would add a BOM on writing.
    target = tmp_path / "doc.en.txt"
    target.write_bytes("The CCP\n".encode("utf-16-le"))
    options = ("--no-builtin", "-g", str(tmp_path / "terms.toml"), "--no-config", "--encoding", "utf-16")
    code, _, err = run("fix", str(tmp_path / "doc.zh.txt"), str(target), *options, "--write")
    assert code == 2
    assert err.strip() == f"termcheck: error: {target}: cannot be written back as it was read (its text does not encode to the same bytes in utf-16); nothing was changed"
    assert target.read_bytes() == "The CCP\n".encode("utf-16-le")


def test_write_keeps_the_file_mode(tmp_path: Path) -> None:
    case = CASES["TSV"]
    paths, fixed_file = _write(tmp_path, case)
    fixed_file.chmod(0o640)
    run("fix", *paths, *_options(tmp_path, case), "--write")
    assert fixed_file.stat().st_mode & 0o777 == 0o640
    assert fixed_file.read_bytes() == case.fixed
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_fail_on_decides_the_exit_code_of_what_is_left(tmp_path: Path) -> None:
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "doc.zh.txt").write_text("中国共产党\n", encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text("The so-called 'CCP'.\n", encoding="utf-8")
    options = (str(tmp_path / "doc.zh.txt"), str(tmp_path / "doc.en.txt"), "--no-builtin", "-g", str(tmp_path / "terms.toml"), "--no-config")
    # The mention is a warning: left, but under the default --fail-on error.
    assert run("fix", *options, "--write")[0] == 0
    assert run("fix", *options, "--write", "--fail-on", "warning")[0] == 1


def test_the_readme_example_is_what_fix_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import shlex

    from typer.testing import CliRunner

    from termcheck.cli import app

    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    [(args, output)] = re.findall(r"```console\n\$ termcheck (fix [^\n]+)\n(.*?)```", readme, re.DOTALL)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, [*shlex.split(args), "--no-config"])
    assert result.exit_code == 1
    assert result.stdout + result.stderr == output  # the diff on stdout, what is left on stderr


def test_the_summary_counts_what_silencing_and_the_baseline_leave_alone(tmp_path: Path) -> None:
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / "news.jsonl"
    units = [
        '{"id": "1", "source": "中国共产党", "target": "The CCP", "termcheck": "ignore deprecated -- a quoted title"}',
        '{"id": "2", "source": "中国共产党", "target": "The Chinese Communist Party"}',
        '{"id": "3", "source": "国务委员", "target": "The State Counselor"}',
    ]
    options = (str(path), "--no-builtin", "-g", str(tmp_path / "terms.toml"), "--no-config")
    baseline = tmp_path / "baseline.json"
    path.write_text(units[2] + "\n", encoding="utf-8")
    run("check", *options, "--write-baseline", str(baseline))  # records the near miss of unit 3
    path.write_text("\n".join(units) + "\n", encoding="utf-8")
    code, _, err = run("fix", *options, "--baseline", str(baseline))
    assert (code, err.splitlines()[-1]) == (1, "would fix 1 finding(s) in 1 file(s) (--write applies the diff); 0 not fixed; left alone: 1 silenced in the files, 1 in the baseline")


def test_a_read_only_file_is_refused_and_no_file_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing through a renamed temporary file would replace a read-only file as if it were not:
    a file the user may not write is refused up front, and then no file of the run is written.
    (The test runs as any user: whether the file is writable is what os.access says.)"""
    import os

    case = CASES["TSV"]
    paths, fixed_file = _write(tmp_path, case)
    other = tmp_path / "other.tsv"
    other.write_bytes(fixed_file.read_bytes())
    read_only = str(fixed_file.resolve())
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path) == read_only and mode & os.W_OK else real_access(path, mode, **kw))
    code, _, err = run("fix", str(other), *paths, *_options(tmp_path, case), "--write")
    assert (code, err) == (2, f"termcheck: error: {fixed_file}: is read-only; nothing was changed\n")
    assert fixed_file.read_bytes() == other.read_bytes() == case.files["news.tsv"]


def test_fix_leaves_a_rendering_of_the_texts_date_as_it_is(tmp_path: Path) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_text("贯彻新发展理念。\n", encoding="utf-8")
    target.write_text("Apply the new vision for development.\n", encoding="utf-8")
    common = ("fix", str(source), str(target), "--no-builtin", "-g", str(FIXTURES / "glossary.toml"))
    code, out, _ = run(*common)
    assert (code, out.splitlines()[-1]) == (0, "+Apply the new development philosophy.")
    code, out, _ = run(*common, "--as-of", "2018")
    assert (code, out) == (0, "")
