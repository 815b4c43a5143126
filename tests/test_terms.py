"""`termcheck terms`: the document's term list, in every output format, from text files and
bilingual files, and its TBX imported again by `glossary import`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from termcheck.glossary import load_glossary, read_glossary_file
from termcheck.matching import Matchers
from termcheck.model import RenderingStatus, Segment, SegmentHits, SourceHit, Superseded, TargetHit, TextOrigin
from termcheck.terms import TargetUse, UseStatus, list_terms
from tests.conftest import TEST_GLOSSARY, run

GLOSSARY = ("--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
SOURCE = "中國共產黨召开会议。中共中央发布通知。\n国务委员出席一带一路论坛。\n中国式现代化\n"
TARGET = "The CCP held a meeting. The Communist Party of China Central Committee issued a notice.\nThe State Counselor attended the BRI forum.\nChinese modernization\n"


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    Path("talk.zh.txt").write_text(SOURCE, encoding="utf-8")
    Path("talk.en.txt").write_text(TARGET, encoding="utf-8")
    return "talk.zh.txt", "talk.en.txt"


def terms(*args: str) -> str:
    code, out, err = run("terms", *args, *GLOSSARY)
    assert (code, err) == (0, "")
    return out


def test_csv_with_a_translation(pair: tuple[str, str]) -> None:
    assert terms(*pair, "-f", "csv") == (
        "id,zh,source_forms,count,preferred,accepted,superseded,deprecated,target,target_status,target_count,status\n"
        "cpc,中国共产党,中國共產黨 | 中共,2,Communist Party of China,CPC,,Chinese Communist Party | CCP,CCP | Communist Party of China,deprecated | preferred,1 | 1,deprecated\n"
        "state-councilor,国务委员,国务委员,1,State Councilor,,,,,,,absent\n"
        'bri,一带一路倡议,一带一路,1,Belt and Road Initiative,Belt and Road | BRI,,"One Belt, One Road | OBOR",BRI,accepted,1,accepted\n'
        "modernization,中国式现代化,中国式现代化,1,Chinese modernization,Chinese path to modernization,,,Chinese modernization,preferred,1,preferred\n"
    )


def test_tsv_of_the_source_alone(pair: tuple[str, str]) -> None:
    assert terms(pair[0], "-f", "tsv") == (
        "id\tzh\tsource_forms\tcount\tpreferred\taccepted\tsuperseded\tdeprecated\n"
        "cpc\t中国共产党\t中國共產黨 | 中共\t2\tCommunist Party of China\tCPC\t\tChinese Communist Party | CCP\n"
        "state-councilor\t国务委员\t国务委员\t1\tState Councilor\t\t\t\n"
        "bri\t一带一路倡议\t一带一路\t1\tBelt and Road Initiative\tBelt and Road | BRI\t\tOne Belt, One Road | OBOR\n"
        "modernization\t中国式现代化\t中国式现代化\t1\tChinese modernization\tChinese path to modernization\t\t\n"
    )


def test_json(pair: tuple[str, str]) -> None:
    out = terms(*pair, "-f", "json")
    assert out == (
        "{\n"
        ' "schema": 1,\n'
        ' "files": ["talk.zh.txt"],\n'
        ' "with_target": true,\n'
        ' "terms": [\n'
        '  {"entry": "cpc", "term": "中国共产党", "source_forms": ["中國共產黨", "中共"], "count": 2, "preferred": "Communist Party of China", "accepted": ["CPC"], "superseded": [], "deprecated": ["Chinese Communist Party", "CCP"], "target": [{"rendering": "CCP", "status": "deprecated", "count": 1}, {"rendering": "Communist Party of China", "status": "preferred", "count": 1}], "status": "deprecated"},\n'
        '  {"entry": "state-councilor", "term": "国务委员", "source_forms": ["国务委员"], "count": 1, "preferred": "State Councilor", "accepted": [], "superseded": [], "deprecated": [], "target": [], "status": "absent"},\n'
        '  {"entry": "bri", "term": "一带一路倡议", "source_forms": ["一带一路"], "count": 1, "preferred": "Belt and Road Initiative", "accepted": ["Belt and Road", "BRI"], "superseded": [], "deprecated": ["One Belt, One Road", "OBOR"], "target": [{"rendering": "BRI", "status": "accepted", "count": 1}], "status": "accepted"},\n'
        '  {"entry": "modernization", "term": "中国式现代化", "source_forms": ["中国式现代化"], "count": 1, "preferred": "Chinese modernization", "accepted": ["Chinese path to modernization"], "superseded": [], "deprecated": [], "target": [{"rendering": "Chinese modernization", "status": "preferred", "count": 1}], "status": "preferred"}\n'
        " ]\n"
        "}\n"
    )
    assert json.loads(out)["terms"][0]["status"] == "deprecated"


def test_json_of_a_source_without_terms(tmp_path: Path) -> None:
    source = tmp_path / "plain.zh.txt"
    source.write_text("今天天气很好。\n", encoding="utf-8")
    assert json.loads(terms(str(source), "-f", "json")) == {"schema": 1, "files": [str(source)], "with_target": False, "terms": []}
    assert terms(str(source), "-f", "rich") == "No glossary terms in the source.\n"


def test_rich_table_at_80_columns(pair: tuple[str, str]) -> None:
    assert terms(*pair, "-f", "rich") == """\
┏━━━━━━━━━━━━━━┳━━━┳━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ term         ┃ × ┃ glossary              ┃ translation          ┃ status     ┃
┡━━━━━━━━━━━━━━╇━━━╇━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ 中国共产党   │ 2 │ Communist Party of    │ CCP ×1               │ deprecated │
│ 中國共產黨   │   │ China                 │ Communist Party of   │            │
│ 中共         │   │ CPC                   │ China ×1             │            │
├──────────────┼───┼───────────────────────┼──────────────────────┼────────────┤
│ 国务委员     │ 1 │ State Councilor       │                      │ absent     │
├──────────────┼───┼───────────────────────┼──────────────────────┼────────────┤
│ 一带一路倡议 │ 1 │ Belt and Road         │ BRI ×1               │ accepted   │
│ 一带一路     │   │ Initiative            │                      │            │
│              │   │ Belt and Road         │                      │            │
│              │   │ BRI                   │                      │            │
├──────────────┼───┼───────────────────────┼──────────────────────┼────────────┤
│ 中国式现代化 │ 1 │ Chinese modernization │ Chinese              │ preferred  │
│              │   │ Chinese path to       │ modernization ×1     │            │
│              │   │ modernization         │                      │            │
└──────────────┴───┴───────────────────────┴──────────────────────┴────────────┘
4 term(s), 5 occurrence(s): 1 preferred, 1 accepted, 1 deprecated, 1 absent
"""


def test_tbx_is_imported_again_by_glossary_import(pair: tuple[str, str], tmp_path: Path) -> None:
    code, out, err = run("terms", *pair, *GLOSSARY, "-o", "talk.tbx")
    assert (code, out, err) == (0, "", "")
    tbx = Path("talk.tbx").read_text(encoding="utf-8")
    assert tbx.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic"')
    assert "<sourceDesc><p>Terms of talk.zh.txt, talk.en.txt (termcheck terms)</p></sourceDesc>" in tbx
    code, _, err = run("glossary", "import", "talk.tbx", "-o", "talk.toml")
    assert (code, err) == (0, "4 entries written to talk.toml\n")
    imported = {entry.id: entry for entry in read_glossary_file("talk.toml")}
    glossary = load_glossary([TEST_GLOSSARY], builtin=False).by_id()
    assert list(imported) == ["cpc", "state-councilor", "bri", "modernization"]
    for entry_id, entry in imported.items():
        original = glossary[entry_id]
        assert (entry.en, entry.short, entry.deprecated, entry.category, entry.note) == (original.en, original.short, original.deprecated, original.category, original.note)
    # The form the source writes is a form of the term in the termbase.
    assert imported["cpc"].zh == ("中国共产党", "中共", "中國共產黨")
    # The termbase checks the draft as the glossary did.
    code, out, _ = run("check", *pair, "--no-builtin", "-g", "talk.toml", "--no-config", "-f", "text")
    assert sorted(line.split(": ", 2)[1] for line in out.splitlines()[:-1]) == ["error deprecated", "error missing"]


@pytest.mark.parametrize("name", ["csv", "tsv", "json", "tbx"])
def test_the_output_file_extension_names_the_format(pair: tuple[str, str], name: str) -> None:
    assert run("terms", *pair, *GLOSSARY, "-o", f"terms.{name.upper()}") == (0, "", "")
    assert Path(f"terms.{name.upper()}").read_text(encoding="utf-8") == terms(*pair, "-f", name)


def test_an_output_file_of_no_known_format_needs_format(pair: tuple[str, str]) -> None:
    code, out, err = run("terms", *pair, *GLOSSARY, "-o", "terms.txt")
    assert (code, out, err) == (2, "", "termcheck: error: --output terms.txt: say which format with --format (csv, tsv, json, tbx)\n")
    assert not Path("terms.txt").exists()


def test_the_output_file_is_not_an_input(pair: tuple[str, str]) -> None:
    code, out, err = run("terms", *pair, *GLOSSARY, "-f", "csv", "-o", pair[1])
    assert (code, out, err) == (2, "", "termcheck: error: talk.en.txt is an input of this run; termcheck does not write over its inputs\n")
    assert Path(pair[1]).read_text(encoding="utf-8") == TARGET


def test_input_errors_are_one_line(tmp_path: Path) -> None:
    english = tmp_path / "talk.en.txt"
    english.write_text(TARGET, encoding="utf-8")
    code, out, err = run("terms", str(tmp_path / "none.zh.txt"), *GLOSSARY)
    assert (code, out, err) == (2, "", f"termcheck: error: {tmp_path / 'none.zh.txt'}: no such file or folder\n")
    code, out, err = run("terms", str(english), *GLOSSARY)
    assert (code, out) == (2, "") and err.startswith(f"termcheck: error: {english}: ") and len(err.splitlines()) == 1


# --- bilingual files -------------------------------------------------------------------------


def test_a_bilingual_file_lists_the_terms_of_untranslated_segments_too(tmp_path: Path) -> None:
    path = tmp_path / "talk.jsonl"
    records = [
        {"id": "1", "source": "中国共产党召开会议。", "target": "The Communist Party of China held a meeting."},
        {"id": "2", "source": "中共中央发布通知。", "target": "The CCP Central Committee issued a notice."},
        {"id": "3", "source": "国务委员出席。", "target": "The minister attended."},
        {"id": "4", "source": "中国式现代化", "target": ""},
        {"id": "5", "source": "推进结构性改革", "target": "Reform must be structural."},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = terms(str(path), "-f", "csv")
    assert out.splitlines()[1:] == [
        "cpc,中国共产党,中国共产党 | 中共,2,Communist Party of China,CPC,,Chinese Communist Party | CCP,CCP | Communist Party of China,deprecated | preferred,1 | 1,deprecated",
        "state-councilor,国务委员,国务委员,1,State Councilor,,,,,,,absent",
        "modernization,中国式现代化,中国式现代化,1,Chinese modernization,Chinese path to modernization,,,,,,untranslated",
        "structural-reform,结构性改革,结构性改革,1,structural reform,,,,,,,reworded",
    ]


XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1"><source>一带一路倡议</source><target>the <g id="1">One Belt, One Road</g> initiative</target></trans-unit>
      <trans-unit id="2"><source>一带一路</source><target state="new"></target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_an_xliff_file(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    assert terms(str(path), "-f", "tsv").splitlines()[1:] == [
        "bri\t一带一路倡议\t一带一路倡议 | 一带一路\t2\tBelt and Road Initiative\tBelt and Road | BRI\t\tOne Belt, One Road | OBOR\tOne Belt, One Road\tdeprecated\t1\tdeprecated"
    ]


# --- the library -----------------------------------------------------------------------------


class _Scanned:
    """Matchers that return given hits: a superseded rendering, which the glossary's matcher
    reports where an entry lists one."""

    def __init__(self, matchers: Matchers, hits: SegmentHits) -> None:
        self.entries = {**matchers.entries, "cpc": replace(matchers.entries["cpc"], superseded=(Superseded("Communist Party of China (old)", "2000"),))}
        self._hits = hits

    def scan(self, segment: Segment) -> SegmentHits:
        return self._hits


def test_a_superseded_rendering_is_reported_as_such(matchers: Matchers) -> None:
    segment = Segment("中国共产党和中共", "x", TextOrigin("a"), TextOrigin("b"))
    superseded = TargetHit("cpc", RenderingStatus.SUPERSEDED, "Communist Party of China (old)", 0, 0, 1, "x")
    preferred = TargetHit("cpc", RenderingStatus.PREFERRED, "Communist Party of China", 0, 0, 1, "x")
    hits = SegmentHits(segment, (SourceHit("cpc", 0, 5, "中国共产党"), SourceHit("cpc", 6, 8, "中共")), (preferred, superseded, preferred))
    (row,) = list_terms([segment], _Scanned(matchers, hits), with_target=True)  # type: ignore[arg-type]
    assert (row.forms, row.count, row.superseded) == (("中国共产党", "中共"), 2, ("Communist Party of China (old)",))
    assert row.uses == (TargetUse("Communist Party of China", UseStatus.PREFERRED, 2), TargetUse("Communist Party of China (old)", UseStatus.SUPERSEDED, 1))
    assert row.status is UseStatus.SUPERSEDED


def test_files_in_other_languages_are_passed_over_with_a_warning(tmp_path: Path) -> None:
    french = tmp_path / "fr.xlf"
    french.write_text(XLIFF.replace('target-language="en"', 'target-language="fr"'), encoding="utf-8")
    code, out, err = run("terms", str(french), *GLOSSARY, "-f", "csv")
    assert (code, out) == (2, "")
    assert err == f"termcheck: error: nothing was read: {french}:3: skipped <file a.txt>: target language is fr, not English (use --target-lang to check it anyway)\n"
    english = tmp_path / "en.xlf"
    english.write_text(XLIFF, encoding="utf-8")
    code, out, err = run("terms", str(french), str(english), *GLOSSARY, "-f", "csv")
    assert (code, len(out.splitlines())) == (0, 2)
    assert err == f"termcheck: warning: {french}:3: skipped <file a.txt>: target language is fr, not English (use --target-lang to check it anyway)\n"
