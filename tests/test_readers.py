"""Bilingual files as CAT tools, gettext and translate-toolkit make them: the same content gives the
same findings in every format, at the place in the file where the text is."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termcheck import Config, check_paths
from termcheck.positions import locate
from tests.conftest import FIXTURES, TEST_GLOSSARY, run

FORMATS = FIXTURES / "formats"
TEST_ONLY = Config(glossaries=(str(TEST_GLOSSARY),), builtin=False)
# What every format of the news release must yield: the deprecated CCP and the near miss.
NEWS_FINDINGS = [
    ("deprecated", "中国共产党", "CCP"),
    ("missing", "国务委员", "State Counselor"),
]


def converter(name: str) -> str:
    """A translate-toolkit command installed beside this Python (the test extra installs it)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} (translate-toolkit) is not installed; pip install -e '.[test]'")
    return found


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """news.po turned into XLIFF and TMX by translate-toolkit's own converters."""
    folder = tmp_path_factory.mktemp("converted")
    xliff, tmx = folder / "news.xlf", folder / "news.tmx"
    subprocess.run([converter("po2xliff"), str(FORMATS / "news.po"), str(xliff)], check=True, capture_output=True)
    subprocess.run(
        [converter("po2tmx"), "--language", "en", "--source-language", "zh-CN", str(FORMATS / "news.po"), str(tmx)],
        check=True,
        capture_output=True,
    )
    return {"xliff": xliff, "tmx": tmx}


def all_news_files(converted: dict[str, Path]) -> list[Path]:
    return [
        FORMATS / "news.po",
        converted["xliff"],
        converted["tmx"],
        FORMATS / "news.xliff2.xlf",
        FORMATS / "news.jsonl",
        FORMATS / "news.csv",
        FORMATS / "news.tsv",
    ]


def assert_positions_point_at_the_text(result_findings: list) -> None:  # type: ignore[type-arg]
    """Every finding's line:column, read in its file, starts with the text it is about: the
    rendering in the translation where it has one (a near miss too), else the source term; and
    the source term's place, where there is one, starts with the source term."""
    def text_at(file: str, line: int, column: int) -> str:
        return Path(file).read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :]

    for finding in result_findings:
        at = text_at(finding.file, finding.line, finding.column)
        expected = finding.found if finding.target_span is not None else finding.source_text
        assert at.startswith(expected.split("\n")[0]), (finding.file, finding.line, finding.column, at, expected)
        if finding.source_span is not None:
            origin = finding.segment.source_origin
            line, column = locate(origin, finding.segment.source, finding.source_span.start)
            assert text_at(origin.path, line, column).startswith(finding.source_text.split("\n")[0])


def test_same_content_same_findings_in_every_format(converted: dict[str, Path]) -> None:
    for path in all_news_files(converted):
        # translate-toolkit's po2xliff declares the source language en-US: the user says zh.
        config = TEST_ONLY if path != converted["xliff"] else Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, source_language="zh")
        result = check_paths([str(path)], config)
        assert [(f.rule, f.term, f.found) for f in result.findings] == NEWS_FINDINGS, path.name
        assert_positions_point_at_the_text(list(result.findings))


def test_segment_ids_as_each_file_names_them(converted: dict[str, Path]) -> None:
    ids = {}
    for path in all_news_files(converted):
        config = Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, source_language="zh-CN")
        ids[path.name] = [f.segment.id for f in check_paths([str(path)], config).findings]
    assert ids == {
        "news.po": ["news.txt:1", "s2"],  # the reference, or the msgctxt
        "news.xlf": ["3", "4"],  # trans-unit ids as po2xliff numbers them
        "news.tmx": ["tu 1", "tu 2"],  # po2tmx writes no tuid
        "news.xliff2.xlf": ["u1", "s2"],
        "news.jsonl": ["n1", "s2"],
        "news.csv": ["n1", "s2"],
        "news.tsv": ["n1", "s2"],
    }


def test_text_output_names_file_line_column_and_segment() -> None:
    code, out, err = run("check", str(FORMATS / "news.po"), "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text")
    assert (code, err) == (1, "")
    po = FORMATS / "news.po"
    assert out.splitlines() == [
        f"{po}:12:13: error deprecated: 'CCP' is a deprecated rendering of 中国共产党; use 'CPC' [segment news.txt:1]",
        f"{po}:17:9: error missing: 国务委员 is rendered as 'State Counselor' (near miss); expected 'State Councilor' [segment s2]",
        "2 error(s), 0 warning(s) in 1 file(s); 2 segment(s) not translated yet, skipped",
    ]


def test_unfinished_segments_are_skipped_and_counted_or_checked_on_request() -> None:
    for name, skipped in (("news.po", 2), ("news.xliff2.xlf", 2), ("news.jsonl", 1), ("news.csv", 1)):
        result = check_paths([str(FORMATS / name)], TEST_ONLY)
        assert result.skipped_segments == skipped, name
    result = check_paths([str(FORMATS / "news.po")], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, include_unfinished=True))
    assert result.skipped_segments == 0
    assert [(f.rule, f.term, f.segment.id) for f in result.findings] == [
        ("deprecated", "中国共产党", "news.txt:1"),
        ("missing", "国务委员", "s2"),
        ("missing", "国务委员", "news.txt:3"),
        ("missing", "工会", "news.txt:4"),
    ]


def test_xliff_untranslatable_and_locked_units_are_skipped() -> None:
    result = check_paths([str(FORMATS / "inline.xlf")], TEST_ONLY)
    assert result.skipped_segments == 2  # translate="no" and memoQ's mq:locked
    assert [f.segment.id for f in result.findings] == ["t1", "t4"]


def test_terms_split_by_inline_tags_are_found_and_native_code_is_not_text() -> None:
    result = check_paths([str(FORMATS / "inline.xlf")], TEST_ONLY)
    t1 = result.findings[0]
    # 中华<g>全国</g>总<x/>工会: one term; the English, split by the same tags, satisfies it; the
    # 国务委员 inside <ph> (an HTML attribute) is not text and is not reported.
    assert t1.segment.source == "中华全国总工会 & 党"
    assert t1.segment.target == "The All-China Federation of Trade Unions & the CCP"
    assert [(f.rule, f.term) for f in result.findings] == [("deprecated", "中国共产党"), ("missing", "国务委员")]
    assert_positions_point_at_the_text(list(result.findings))
    tmx = check_paths([str(FORMATS / "inline.tmx")], TEST_ONLY)
    assert tmx.findings[0].segment.source == "中华全国总工会号召"
    assert tmx.findings[0].segment.id == "1001"
    assert_positions_point_at_the_text(list(tmx.findings))


def test_term_broken_across_lines_in_xml_is_found_at_its_place() -> None:
    result = check_paths([str(FORMATS / "inline.xlf")], TEST_ONLY)
    [broken] = [f for f in result.findings if f.segment.id == "t4"]
    # It points at the near miss in the <target>; the term stays at line 20, column 17.
    assert (broken.line, broken.column, broken.message) == (
        22, 40, "国务委员 is rendered as 'State Counselor' (near miss); expected 'State Councilor'"
    )
    assert broken.source_span is not None
    assert locate(broken.segment.source_origin, broken.segment.source, broken.source_span.start) == (20, 17)
    # The near miss is broken across lines too: it is found, reported on one line, and its span
    # slices the text as it is.
    assert broken.found == "State\nCounselor"


def test_tmx_language_variants(tmp_path: Path) -> None:
    # By default any zh-* variant is the source: the zh-TW unit is checked, the zh-CN/de-DE one
    # has no English and is skipped.
    result = check_paths([str(FORMATS / "inline.tmx")], TEST_ONLY)
    assert [f.segment.id for f in result.findings] == ["1001", "tu 2"]
    assert result.skipped_segments == 1
    # --source-lang zh-CN leaves the zh-TW unit out.
    only_mainland = check_paths([str(FORMATS / "inline.tmx")], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, source_language="zh-CN"))
    assert [f.segment.id for f in only_mainland.findings] == ["1001"]
    assert only_mainland.skipped_segments == 2


def test_a_file_in_other_languages_is_skipped_with_a_warning(tmp_path: Path, converted: dict[str, Path]) -> None:
    # po2xliff declares source-language="en-US": not Chinese, so not misread as a source.
    code, out, err = run("check", str(converted["xliff"]), str(FORMATS / "news.po"), "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "text")
    assert code == 1
    assert err == (
        f"termcheck: warning: {converted['xliff']}:3: skipped <file {FORMATS / 'news.po'}>: source language is en-US, not Chinese"
        " (use --source-lang to check it anyway)\n"
    )
    assert out.count("[segment") == 2  # the PO's findings only
    # Alone, the run would check nothing: that is an error, not a silent pass.
    code, out, err = run("check", str(converted["xliff"]), "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert (code, out) == (2, "")
    assert err.startswith("termcheck: error: nothing was checked: ")
    # German target in a TMX: the file has no zh/en pair.
    german = tmp_path / "de.tmx"
    german.write_text(
        '<tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>工会</seg></tuv>'
        '<tuv xml:lang="de"><seg>Gewerkschaft</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    code, _, err = run("check", str(german), "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert code == 2 and "no <tu> pairs zh with en (languages found: de, zh-CN" in err


def test_swapped_columns_are_skipped_not_misread(tmp_path: Path) -> None:
    swapped = tmp_path / "swapped.csv"
    swapped.write_text("id,source,target\n1,The CCP,中国共产党\n", encoding="utf-8")
    code, _, err = run("check", str(swapped), "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert code == 2
    assert "no Chinese in the source text" in err


def test_folders_are_searched_for_bilingual_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    shutil.copy(FORMATS / "news.po", tmp_path / "a.po")
    shutil.copy(FORMATS / "news.jsonl", tmp_path / "sub" / "b.jsonl")
    shutil.copy(FORMATS / "news.jsonl", tmp_path / ".git" / "hidden.jsonl")
    (tmp_path / "notes.txt").write_text("工会\n", encoding="utf-8")
    result = check_paths([str(tmp_path)], TEST_ONLY)
    assert sorted({Path(f.file).name for f in result.findings}) == ["a.po", "b.jsonl"]
    assert result.documents == 2
    excluded = check_paths([str(tmp_path)], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, exclude=("sub/*", "*/sub/*")))
    assert {Path(f.file).name for f in excluded.findings} == {"a.po"}


def test_format_in_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    shutil.copy(FORMATS / "news.jsonl", path)
    code, _, err = run("check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert code == 2 and "export.dat: a plain-text source needs its translation" in err
    assert run("check", str(path), "--format-in", "jsonl", "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "json")[0] == 1
    # An .xml file is recognised by its root element.
    xml = tmp_path / "memory.xml"
    shutil.copy(FORMATS / "inline.tmx", xml)
    assert len(check_paths([str(xml)], TEST_ONLY).findings) == 2


def test_consistency_per_file_or_across_the_run(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"source": "推进中国式现代化。", "target": "Advance Chinese modernization."}, ensure_ascii=False) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"source": "中国式现代化。", "target": "The Chinese path to modernization."}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert check_paths([str(first), str(second)], TEST_ONLY).findings == ()
    across = check_paths([str(first), str(second)], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False, consistency="run"))
    assert [(f.rule, Path(f.file).name, f.found) for f in across.findings] == [("inconsistent", "b.jsonl", "Chinese path to modernization")]
    assert "across the files checked" in across.findings[0].message


@pytest.mark.parametrize("suffix", [".xlf", ".tmx"])
def test_xxe_and_billion_laughs_are_refused(tmp_path: Path, suffix: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    root = "xliff" if suffix == ".xlf" else "tmx"
    attacks = {
        "xxe": f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY s SYSTEM "file://{secret}">]>\n<{root} version="1.2">&s;</{root}>',
        "laughs": (
            f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            f'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>\n<{root} version="1.2">&e;</{root}>'
        ),
    }
    for name, document in attacks.items():
        path = tmp_path / f"{name}{suffix}"
        path.write_text(document, encoding="utf-8")
        code, out, err = run("check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "json")
        assert (code, out) == (2, ""), name
        assert err == f"termcheck: error: {path}: XML entity declarations are not allowed (they can read local files or expand without bound)\n"
        assert "TOP-SECRET" not in out + err


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.xlf", '<xliff version="1.2"><file source-language="zh"><body><trans-unit id="1"><source>工会</source></body></file></xliff>', "bad.xlf:1: malformed XML: Opening and ending tag mismatch"),
        ("bad.jsonl", '{"source": "工会", "target": "union"}\n{"source": 1}\n', "bad.jsonl:2: 'source' must be a string"),
        ("bad2.jsonl", '{"source": "工会", "target": "union"\n', "bad2.jsonl:1:"),
        ("bad.csv", 'id,text\n1,工会\n', "bad.csv:1: the header row must name a source column"),
        (
            "semicolons.csv",
            "id;source;target\n1;工会;union\n",
            "semicolons.csv:1: the header row must name a source column (source, zh …) and a target column (target, en …); "
            "it has 'id;source;target' (a CSV file's cells are separated by commas)",
        ),
        # An unquoted comma in the text: not "The CCP" checked with the rest of the row dropped.
        (
            "extra.csv",
            "id,source,target\n1,中国共产党,The CCP, the Party, leads\n",
            "extra.csv:2: the row has 5 cells, the header row 3 (a cell with ',' in it must be in double quotes)",
        ),
        ("extra.tsv", "id\tsource\ttarget\n1\t中国共产党\tThe CCP\tleads\n", "extra.tsv:2: the row has 4 cells, the header row 3\n"),
        ("bad.po", 'msgid "工会"\nmsgstr "union"\nfoo\n', "bad.po:3: malformed PO file: Syntax error in po file"),
    ],
)
def test_malformed_files_are_one_line_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run("check", str(path), "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert (code, out) == (2, "")
    assert err.startswith(f"termcheck: error: {tmp_path}/") and message in err and err.count("\n") == 1


PO_WITH_PLURALS = """\
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "%d个工会"
msgid_plural "%d个工会和国务委员"
msgstr[0] "%d trade union"
msgstr[1] "%d trade unions and the State Counselor"

msgid "中国共产党领导。"
msgstr "The CCP leads."

msgid "中共"
msgid_plural "中共"
msgstr[0] "the CCP"
msgstr[1] ""
"""


def test_each_plural_form_of_a_po_entry_is_a_segment_at_its_own_line(tmp_path: Path) -> None:
    """msgstr[0] translates msgid, msgstr[1] … msgid_plural; each finding points at its own msgstr[n]
    line (not at the next entry's msgstr), and `fix` edits it there."""
    po = tmp_path / "plural.po"
    po.write_text(PO_WITH_PLURALS, encoding="utf-8")
    options = ("--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
    code, out, err = run("check", str(po), *options, "-f", "text")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{po}:10:36: error missing: 国务委员 is rendered as 'State Counselor' (near miss); expected 'State Councilor'",
        f"{po}:13:13: error deprecated: 'CCP' is a deprecated rendering of 中国共产党; use 'CPC'",
        f"{po}:17:16: error deprecated: 'CCP' is a deprecated rendering of 中国共产党; use 'CPC'",
        "3 error(s), 0 warning(s) in 1 file(s); 1 segment(s) not translated yet, skipped",
    ]
    code, _, err = run("fix", str(po), *options, "--write")
    assert (code, err.splitlines()[-1]) == (0, "fixed 3 finding(s) in 1 file(s); 0 not fixed")
    assert po.read_text(encoding="utf-8") == PO_WITH_PLURALS.replace("Counselor", "Councilor").replace("CCP", "CPC")
