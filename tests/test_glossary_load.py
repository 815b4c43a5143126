"""Loading glossaries: native TOML, CSV/TSV, merging user entries over the built-in ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import InputError, load_glossary
from termcheck.glossary.load import merge_entries, parse_table_glossary, parse_toml_glossary
from tests.conftest import FIXTURES, TEST_GLOSSARY


def test_native_toml_entry_fields() -> None:
    entries = {e.id: e for e in load_glossary([TEST_GLOSSARY], builtin=False).entries}
    cpc = entries["cpc"]
    assert cpc.zh == ("中国共产党", "中共")
    assert cpc.headword == "中国共产党"
    assert cpc.en == ("Communist Party of China",)
    assert cpc.short == ("CPC",)
    assert cpc.deprecated == ("Chinese Communist Party", "CCP")
    assert cpc.accepted == ("Communist Party of China", "CPC")
    assert cpc.origin == f"{TEST_GLOSSARY}:3"
    assert entries["shared-future"].interchangeable is True


def test_entry_kind_fields_and_their_defaults() -> None:
    text = (
        '[[entry]]\nid = "name"\nzh = ["甲"]\nen = ["Law on Something"]\ncategory = "state"\n'
        '[[entry]]\nid = "phrase"\nzh = ["乙"]\nen = ["new development philosophy"]\ncategory = "policy"\n'
        '[[entry]]\nid = "label"\nzh = ["丙"]\nen = ["shared future"]\nmatch = "strict"\nseverity = "warning"\nscope = "any"\n'
        'not_after = ["第"]\nnot_before = ["岁"]\nunverified = true\n'
    )
    name, phrase, label = parse_toml_glossary(text, "t.toml")
    assert (name.strict, name.missing_severity.value, name.china_scoped) == (True, "error", True)
    assert (phrase.strict, phrase.missing_severity.value, phrase.china_scoped) == (False, "warning", False)
    assert (label.strict, label.missing_severity.value, label.china_scoped) == (True, "warning", False)
    assert (label.not_after, label.not_before, label.unverified) == (("第",), ("岁",), True)


def test_csv_glossary_with_quoting_and_alternatives() -> None:
    entries = load_glossary([FIXTURES / "user-glossary.csv"], builtin=False).entries
    cpc, octs, union = entries
    assert cpc.zh == ("中国共产党", "中共")
    assert cpc.en == ("Communist Party of China",)
    assert cpc.short == ("CPC",)  # an all-capital rendering is a short form
    assert cpc.deprecated == ("Chinese Communist Party", "CCP")
    assert cpc.note == "house style"
    assert octs.en == ("One Country, Two Systems",)  # RFC 4180 quoting keeps the comma
    assert union.en == ("labour union",)
    assert cpc.origin.endswith("user-glossary.csv:2")


def test_tsv_glossary(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("zh\ten\n新发展理念\tnew development philosophy | new development concept\n", encoding="utf-8")
    [entry] = load_glossary([path], builtin=False).entries
    assert entry.en == ("new development philosophy", "new development concept")


def test_user_entry_replaces_builtin_entry_with_same_headword() -> None:
    merged = load_glossary([FIXTURES / "user-glossary.csv"]).entries
    unions = [e for e in merged if "工会" in e.zh]
    assert [(e.id, e.en) for e in unions] == [("user:labour-union", ("labour union",))]
    assert len([e for e in merged if e.headword == "中国共产党"]) == 1


def test_user_form_is_taken_away_from_the_builtin_entry_that_had_it() -> None:
    base = parse_toml_glossary('[[entry]]\nid = "a"\nzh = ["甲乙", "甲"]\nen = ["A"]\n', "base.toml")
    user = parse_table_glossary("zh,en\n甲,Alpha\n", "user.csv", delimiter=",")
    merged = merge_entries(base, user)
    assert [(e.id, e.zh) for e in merged] == [("a", ("甲乙",)), ("user:alpha", ("甲",))]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\n\n[[entry]]\nid = "b"\nzh = "乙"\nen = [1]\n', "t.toml:6: 'en' must be a list of strings"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\ncolour = "red"\n', "t.toml:1: unknown field 'colour' in entry"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\n', "t.toml:1: entry 'a' has no English rendering ('en' or 'short')"),
        ('[[entry]]\nid = "a"\nzh = []\nen = ["A"]\n', "t.toml:1: entry 'a' has no Chinese form ('zh')"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\n[[entry]]\nid = "a"\nzh = ["乙"]\nen = ["B"]\n', "t.toml:5: duplicate id 'a' (first at line 1)"),
        ('[[entry]]\nid = "a"\nzh = ["甲"\nen = ["A"]\n', "t.toml:4:1: invalid TOML"),
        ('[[entry]]\nid = "a"\nzh = [""]\nen = ["A"]\n', "t.toml:1: 'zh' has an empty string"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\nmatch = "fuzzy"\n', "t.toml:1: 'match' must be one of 'strict', 'loose', not 'fuzzy'"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\nseverity = "info"\n', "t.toml:1: 'severity' must be one of 'error', 'warning', not 'info'"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\nscope = "world"\n', "t.toml:1: 'scope' must be one of 'china', 'any', not 'world'"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\nunverified = "yes"\n', "t.toml:1: 'unverified' must be true or false"),
        ('[[entry]]\nid = "a"\nzh = ["甲"]\nen = ["A"]\nnot_after = 1\n', "t.toml:1: 'not_after' must be a list of strings"),
    ],
)
def test_toml_errors_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_toml_glossary(text, "t.toml")
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("chinese,inglese\n甲,A\n", "g.csv:1: the header row must name a Chinese column (zh, Chinese, 中文 or source) and an English one (en, English, 英文 or target); it has 'chinese', 'inglese' (separated by ',')"),
        ('zh,en\n中国共产党,"Communist Party of China,CCP\n一国两制,x\n', "g.csv:2: malformed CSV: the quoted cell that starts on this line is never closed"),
        ('zh,en\n甲,A\n中国共产党,"Communist Party of China" CCP\n', "g.csv:3: malformed CSV: ',' expected after '\"'"),
        ("zh,en,id\n甲,A,x\n乙,B,x\n", "g.csv:3: 乙: duplicate id 'x' (first at line 2)"),
        ("zh,en,colour\n甲,A,red\n", "g.csv:1: unknown column 'colour'"),
        ("zh,en\n甲,A\n,B\n", "g.csv:3: row has no Chinese term in column 'zh'"),
        # An unquoted comma in a rendering: not "One Country" with the rest dropped, or moved into the note.
        (
            "zh,en\n甲,A\n一国两制,One Country, Two Systems\n",
            "g.csv:3: 一国两制: the row has 3 cells, the header row 2 (a cell with ',' in it must be in double quotes)",
        ),
        ("zh,en,note\n一国两制,One Country, Two Systems,\n", "g.csv:2: 一国两制: the row has 4 cells, the header row 3"),
        ("zh,en\n甲,A\n乙,\n", "g.csv:3: 乙: no English rendering in column 'en'"),
        ('zh,en\n甲,"A\nA2"\n甲,B\n', "g.csv:4: 甲: duplicate term (first at line 2)"),
        ("zh,en,match\n甲,A,fuzzy\n", "g.csv:2: 甲: column 'match' must be one of strict, loose, not 'fuzzy'"),
        ("zh,en,unverified\n甲,A,maybe\n", "g.csv:2: 甲: column 'unverified' must be true or false, not 'maybe'"),
    ],
)
def test_table_errors_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_table_glossary(text, "g.csv")
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    "header",
    ["zh,en", "Chinese,English", "source,target", "中文,英文", "ZH;EN", "Chinese;English", "\ufeff中文;英文", "src\ttgt"],
)
def test_table_header_names_and_separators_a_spreadsheet_writes(header: str) -> None:
    separator = ";" if ";" in header else "\t" if "\t" in header else ","
    text = f"{header}\n中国共产党{separator}Communist Party of China | CPC\n一国两制{separator}\"One Country, Two Systems\"\n"
    entries = parse_table_glossary(text, "g.tsv" if separator == "\t" else "g.csv", delimiter="\t" if separator == "\t" else None)
    assert [(e.zh, e.en, e.short) for e in entries] == [
        (("中国共产党",), ("Communist Party of China",), ("CPC",)),
        (("一国两制",), ("One Country, Two Systems",), ()),
    ]


def test_source_beside_zh_is_where_an_entry_comes_from() -> None:
    [entry] = parse_table_glossary("zh,en,source\n甲,A,House style 2024\n", "g.csv")
    assert (entry.zh, entry.source) == (("甲",), "House style 2024")


def test_unknown_glossary_extension(tmp_path: Path) -> None:
    path = tmp_path / "terms.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(InputError, match="unknown glossary format '.xlsx'"):
        load_glossary([path], builtin=False)
