"""The glossary commands: validate, stats, export and import, as a contributor or a CAT-tool user
runs them."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from termcheck import load_glossary
from termcheck.glossary import read_glossary_file
from termcheck.glossary.stats import cited_sources
from termcheck.glossary.tbx import TBX_NAMESPACE, entries_to_tbx, parse_tbx
from termcheck.glossary.validate import validate_files
from termcheck.glossary.write import entries_to_table, entries_to_toml
from termcheck.model import Entry, Evidence
from tests.conftest import FIXTURES, TEST_GLOSSARY, run

GLOSSARIES = FIXTURES / "glossaries"


def without_origin(entries: list[Entry] | tuple[Entry, ...]) -> list[Entry]:
    return [replace(entry, origin="") for entry in entries]


# --- validate ---------------------------------------------------------------------------------


def test_validate_reports_every_kind_of_problem_with_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GLOSSARIES)
    code, out, _ = run("glossary", "validate", "problems.toml", "--level", "info")
    assert code == 1
    assert out.splitlines() == [
        "problems.toml:3: error: entry 'cpc': 'communist party of China' is both accepted and deprecated [accepted-and-deprecated]",
        "problems.toml:13: error: duplicate id 'cpc' (also at problems.toml:3) [duplicate-id]",
        "problems.toml:21: error: Chinese form 中共 is in entries 'cpc' (problems.toml:3) and 'party-of-china' [duplicate-form]",
        "problems.toml:28: error: entry 'chinese-communist-party' deprecates 'CPC Central Committee', an accepted rendering of 'cpc' (problems.toml:13) [deprecated-accepted-elsewhere]",
        "problems.toml:28: error: entry 'chinese-communist-party' has no source [empty-field]",
        "problems.toml:28: warning: entry 'chinese-communist-party': drop the article of 'the Communist Party' (the matcher ignores it) [leading-article]",
        "problems.toml:28: warning: entry 'chinese-communist-party': unknown category 'partisan' [unknown-category]",
        'problems.toml:28: info: 共产党 occurs inside 1 longer term, which wins there: 中国共产党 (cpc) [nested-term]',
        "problems.toml:37: error: entry 'no-english' has no English rendering ('en' or 'short') [schema]",
        "problems.toml:43: error: entry 'new-development-philosophy': 'New Development Philosophy' is both accepted and another country's name [accepted-and-counterpart]",
        "problems.toml:43: error: entry 'new-development-philosophy': 'new development philosophy' is both accepted and a description [accepted-and-description]",
        "problems.toml:43: error: entry 'new-development-philosophy': 'new development philosophy' is both accepted and superseded [accepted-and-superseded]",
        "problems.toml:43: error: entry 'new-development-philosophy': evidence 1 (Test Agency, 22 October 2022): '22 October 2022' is not a date written YYYY, YYYY-MM or YYYY-MM-DD [evidence-date]",
        "problems.toml:43: error: entry 'new-development-philosophy': evidence 2 (Test Agency, 2999): '2999' is not a plausible date (before 1900 or in the future) [evidence-date]",
        "problems.toml:43: error: entry 'new-development-philosophy': evidence 4 (Test Agency, 2021): the quote has more than one sentence; quote at most one [evidence-quote]",
        "problems.toml:43: error: entry 'new-development-philosophy': evidence 5 (Test Agency, 2021-03-05): the quote does not contain 'new development philosophy' [evidence-quote]",
        "problems.toml:43: error: entry 'new-development-philosophy': evidence 3 (Test Agency, 2021): 'new thinking' is none of the entry's renderings (en, short, superseded, descriptions) [evidence-rendering]",
        "problems.toml:43: error: entry 'new-development-philosophy': evidence 2 (Test Agency, 2999): 'ftp://example.org/a' is not an http(s) address [evidence-url]",
        "problems.toml:43: error: entry 'new-development-philosophy': 'new vision for development' is both superseded and deprecated [superseded-and-deprecated]",
        "problems.toml:43: error: entry 'new-development-philosophy': superseded 'new development concept': 'since' 'recently' is not a date written YYYY, YYYY-MM or YYYY-MM-DD [superseded-since]",
        "problems.toml:43: error: entry 'new-development-philosophy': superseded 'new vision for development': 'since' '2019-13' is not a date [superseded-since]",
        "problems.toml:43: info: entry 'new-development-philosophy': evidence 7 (Test Agency, 2021-03): the title '[Report on the plan]' describes the page; cite the publication's own title [evidence-title]",
        '5 entries in 1 file: 18 errors, 2 warnings, 2 info',
    ]


def test_validate_level_hides_info_and_json_lists_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GLOSSARIES)
    code, out, _ = run("glossary", "validate", "problems.toml", "--level", "warning", "--json")
    assert code == 1
    payload = json.loads(out)
    assert payload["counts"] == {"error": 18, "warning": 2, "info": 2}
    assert [p["code"] for p in payload["problems"]].count("nested-term") == 0
    assert payload["problems"][0] == {
        "severity": "error",
        "path": "problems.toml",
        "line": 3,
        "column": None,
        "code": "accepted-and-deprecated",
        "message": "entry 'cpc': 'communist party of China' is both accepted and deprecated",
    }


def test_validate_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nid = "x"\nzh = ["甲",, ]\n', encoding="utf-8")
    code, out, _ = run("glossary", "validate", str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:3:11: error: invalid TOML: Invalid value [schema]",
        "0 entries in 1 file: 1 error, 0 warnings, 0 info",
    ]


def test_ids_and_forms_must_be_unique_across_files(tmp_path: Path) -> None:
    first = tmp_path / "a.toml"
    second = tmp_path / "b.toml"
    first.write_text('[[entry]]\nid = "x"\nzh = ["甲乙"]\nen = ["AB"]\ncategory = "party"\nsource = "s"\nunverified = true\n', encoding="utf-8")
    entry = '[[entry]]\nid = "{}"\nzh = ["{}"]\nen = ["AB"]\ncategory = "party"\nsource = "s"\nunverified = true\n\n'
    second.write_text(entry.format("x", "丙丁") + entry.format("y", "甲乙"), encoding="utf-8")
    problems = validate_files([first, second]).problems
    assert [(p.path, p.line, p.code) for p in problems] == [(str(second), 1, "duplicate-id"), (str(second), 9, "duplicate-form")]


def test_a_clean_file_exits_0(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(
        '[[entry]]\nid = "x"\nzh = ["甲乙"]\nen = ["AB"]\ncategory = "party"\nsource = "s"\n'
        'evidence = [{ publisher = "P", title = "T", date = "2024-05-01", url = "https://example.org/t", quote = "They met AB." }]\n',
        encoding="utf-8",
    )
    assert run("glossary", "validate", str(good)) == (0, "1 entry in 1 file: 0 errors, 0 warnings, 0 info\n", "")


def test_warnings_fail_only_when_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "warn.toml"
    path.write_text('[[entry]]\nid = "x"\nzh = ["甲乙"]\nen = ["an AB"]\ncategory = "party"\nsource = "s"\n', encoding="utf-8")
    assert run("glossary", "validate", str(path))[0] == 0
    assert run("glossary", "validate", str(path), "--fail-on", "warning")[0] == 1


# --- stats ------------------------------------------------------------------------------------


def test_cited_sources_are_counted_by_publication() -> None:
    assert cited_sources(
        "Report to the 20th CPC National Congress (official English text), 2022; "
        "Government Work Report 2024; report to the 20th CPC National Congress; Xinhua English, 2023-10-23"
    ) == ["Report to the 20th CPC National Congress", "Government Work Report", "Xinhua English"]


def test_stats_by_category_and_source() -> None:
    code, out, _ = run("glossary", "stats", "--no-builtin", "-g", str(TEST_GLOSSARY), "--json")
    assert code == 0
    stats = json.loads(out)
    entries = load_glossary([TEST_GLOSSARY], builtin=False).entries
    assert stats["entries"] == len(entries) == 16
    assert sum(stats["by_category"].values()) == 16
    assert stats["by_category"]["party"] == sum(1 for e in entries if e.category == "party")
    assert stats["by_source"] == {"Test": 16}
    code, text, _ = run("glossary", "stats", "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert text.splitlines()[0].startswith("16 entries from 1 file: ")
    assert "By category:" in text and "By source:" in text


def test_stats_count_evidence_per_file_and_in_total(tmp_path: Path) -> None:
    second = tmp_path / "more.toml"
    second.write_text(
        '[[entry]]\nid = "x"\nzh = ["甲乙"]\nen = ["AB"]\nsuperseded = [{ en = "BA", since = "2020" }]\ncategory = "party"\nsource = "s"\nunverified = true\n'
        '\n[[entry]]\nid = "y"\nzh = ["丙丁"]\nen = ["CD"]\ncategory = "party"\nsource = "s"\n',
        encoding="utf-8",
    )
    args = ("glossary", "stats", "--no-builtin", "-g", str(TEST_GLOSSARY), "-g", str(second))
    code, out, _ = run(*args, "--json")
    stats = json.loads(out)
    assert code == 0 and stats["evidence"] == {
        "entries": 18, "with_evidence": 2, "unverified": 1, "neither": 15, "with_deprecated": 3, "with_superseded": 2,
    }
    assert stats["evidence_by_file"][str(second)] == {
        "entries": 2, "with_evidence": 0, "unverified": 1, "neither": 1, "with_deprecated": 0, "with_superseded": 1,
    }
    assert stats["superseded"] == 2
    code, text, _ = run(*args)
    lines = text.splitlines()
    assert lines[1] == "Evidence: 2 entries with evidence (11 %), 1 marked unverified, 15 with neither; 3 entries with deprecated renderings, 2 with superseded ones"
    assert lines[-1].split() == ["total", "18", "2", "11", "%", "1", "15", "3", "2"]
    assert [line.split() for line in lines if line.strip().startswith(str(second))][-1] == [str(second), "2", "0", "0", "%", "1", "1", "0", "1"]


# --- export and import ------------------------------------------------------------------------


def test_tbx_export_is_tbx_basic_and_reads_back_entry_for_entry() -> None:
    entries = load_glossary().entries
    document = entries_to_tbx(entries).encode("utf-8")
    root = etree.fromstring(document)
    assert root.tag == f"{{{TBX_NAMESPACE}}}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    ns = {"t": TBX_NAMESPACE}
    concepts = root.findall("t:text/t:body/t:conceptEntry", ns)
    assert len(concepts) == len(entries)
    # Independently of our reader: every concept has its id, subject field and both languages.
    for concept, entry in zip(concepts, entries):
        assert concept.get("id") == entry.id
        assert concept.findtext("t:descrip[@type='subjectField']", namespaces=ns) == entry.category
        chinese = concept.findall("t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='zh-Hans']/t:termSec/t:term", ns)
        assert [t.text for t in chinese] == list(entry.zh)
    # TBX-Basic has no place for termcheck's matching settings; everything else survives.
    assert without_origin(parse_tbx(document, "x.tbx")) == [as_tbx_keeps_it(e) for e in entries]


def test_tbx_statuses_of_one_concept() -> None:
    [entry] = [e for e in load_glossary([TEST_GLOSSARY], builtin=False).entries if e.id == "cpc"]
    root = etree.fromstring(entries_to_tbx([entry]).encode())
    ns = {"t": TBX_NAMESPACE}
    english = root.find(".//t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='en']", ns)
    terms = [
        (
            sec.findtext("t:term", namespaces=ns),
            sec.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns),
            sec.findtext("t:termNote[@type='termType']", namespaces=ns),
        )
        for sec in english.findall("t:termSec", ns)
    ]
    assert terms == [
        ("Communist Party of China", "preferredTerm-admn-sts", None),
        ("CPC", "admittedTerm-admn-sts", "acronym"),
        ("Chinese Communist Party", "deprecatedTerm-admn-sts", None),
        ("CCP", "deprecatedTerm-admn-sts", None),
    ]


def test_tbx2_martif_from_a_cat_tool_is_imported() -> None:
    entries = read_glossary_file(GLOSSARIES / "tbx2-martif.tbx")
    assert without_origin(entries) == [
        Entry(
            id="c1",
            zh=("一带一路倡议", "一带一路"),
            en=("Belt and Road Initiative", "Belt and Road"),
            short=("BRI",),
            deprecated=("One Belt, One Road",),
            category="diplomacy",
            source="Xinhua English",
            note="House style: never OBOR.",
        ),
        Entry(id="tbx:trade-union", zh=("工会",), en=("trade union",)),
    ]
    assert entries[0].origin.endswith("tbx2-martif.tbx:9")


def test_a_tbx_glossary_can_be_used_for_checking(tmp_path: Path) -> None:
    source = tmp_path / "a.zh.txt"
    target = tmp_path / "a.en.txt"
    source.write_text("推进一带一路建设。\n", encoding="utf-8")
    target.write_text("Advance the One Belt, One Road.\n", encoding="utf-8")
    code, out, _ = run("check", str(source), str(target), "--no-builtin", "-g", str(GLOSSARIES / "tbx2-martif.tbx"), "-f", "text")
    assert code == 1
    assert "deprecated" in out and "'Belt and Road Initiative'" in out


def as_tbx_keeps_it(entry: Entry) -> Entry:
    """An entry as a TBX export keeps it: without origin and termcheck's own matching settings,
    and with its evidence on the terms it shows, in the order of the terms (a description's
    evidence goes with the description)."""
    terms = [*entry.en, *entry.short, *(old.en for old in entry.superseded)]

    def term_of(record: Evidence) -> str:
        return record.rendering if record.rendering in terms else entry.preferred

    kept = [record for record in entry.evidence if not (record.rendering and record.rendering in entry.descriptions)]
    evidence = tuple(sorted(kept, key=lambda record: terms.index(term_of(record))))
    return replace(
        entry, origin="", interchangeable=False, match="", severity="", scope="", not_after=(), not_before=(), unverified=False,
        counterparts=(), descriptions=(), evidence=evidence,
    )


def test_csv_round_trip_keeps_every_field() -> None:
    entries = load_glossary().entries
    for delimiter, suffix in ((",", ".csv"), ("\t", ".tsv")):
        table = entries_to_table(entries, delimiter=delimiter)
        rows = list(csv.reader(io.StringIO(table), delimiter=delimiter))
        assert rows[0] == [
            "id", "zh", "en", "short", "deprecated", "category", "source", "note", "interchangeable",
            "match", "severity", "scope", "not_after", "not_before", "unverified",
            "deprecated_reasons", "superseded", "superseded_reasons", "evidence", "counterparts", "descriptions",
        ]
        assert len(rows) == len(entries) + 1
        from termcheck.glossary.load import parse_table_glossary

        assert without_origin(parse_table_glossary(table, "x" + suffix, delimiter=delimiter)) == without_origin(entries)


def test_native_toml_round_trip() -> None:
    from termcheck.glossary.load import parse_toml_glossary

    entries = load_glossary().entries
    assert without_origin(parse_toml_glossary(entries_to_toml(entries, header="x"), "x.toml")) == without_origin(entries)


def test_export_and_import_commands(tmp_path: Path) -> None:
    tbx = tmp_path / "out.tbx"
    assert run("glossary", "export", "--no-builtin", "-g", str(TEST_GLOSSARY), "-o", str(tbx)) == (0, "", "")
    native = tmp_path / "imported.toml"
    code, out, err = run("glossary", "import", str(tbx), "-o", str(native))
    assert (code, out, err) == (0, "", f"16 entries written to {native}\n")
    original = load_glossary([TEST_GLOSSARY], builtin=False).entries
    assert without_origin(read_glossary_file(native)) == [as_tbx_keeps_it(e) for e in original]
    # csv to stdout, read back
    code, out, _ = run("glossary", "export", "--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "csv")
    assert code == 0 and out.startswith("id,zh,en,short,deprecated,category,source,note,interchangeable,match,severity,scope,not_after,not_before,unverified,"
        "deprecated_reasons,superseded,superseded_reasons,evidence,counterparts,descriptions\ncpc,中国共产党 | 中共,")


def test_import_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    tbx = tmp_path / "terms.tbx"
    tbx.write_bytes((GLOSSARIES / "tbx2-martif.tbx").read_bytes())
    before = tbx.read_bytes()
    code, _, err = run("glossary", "import", str(tbx), "-o", str(tbx))
    assert code == 2 and err == f"termcheck: error: {tbx}: the output would overwrite the file being imported\n"
    assert tbx.read_bytes() == before


@pytest.mark.parametrize(
    "document, message",
    [
        ('<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY secret SYSTEM "file://{secret}">]>\n<tbx><text><body><conceptEntry>'
         '<langSec xml:lang="zh"><termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>',
         "XML entity declarations are not allowed"),
        ('<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
         '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n<tbx>&d;</tbx>',
         "XML entity declarations are not allowed"),
        ("<tbx><text><body>\n<conceptEntry>\n</body></tbx>", "malformed XML"),
        ('<?xml version="1.0"?>\n<xliff version="1.2"/>', "not a TBX file: the root element is <xliff>"),
        ('<tbx><text><body/></text></tbx>', "no concept with both a Chinese (zh*) and an English (en*) term"),
    ],
)
def test_hostile_or_broken_tbx_is_an_input_error(tmp_path: Path, document: str, message: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    path = tmp_path / "evil.tbx"
    path.write_text(document.replace("{secret}", str(secret)), encoding="utf-8")
    for args in (("glossary", "import", str(path)), ("glossary", "validate", str(path))):
        code, out, err = run(*args)
        assert "TOP-SECRET-CONTENT" not in out + err
        assert message in out + err
    code, out, err = run("glossary", "import", str(path))
    assert code == 2 and out == "" and err.startswith(f"termcheck: error: {path}") and err.count("\n") == 1


def test_evidence_superseded_and_reasons_survive_toml_and_tables(tmp_path: Path) -> None:
    from termcheck.glossary.load import parse_table_glossary, parse_toml_glossary

    entries = load_glossary([TEST_GLOSSARY], builtin=False).entries
    by_id = {entry.id: entry for entry in entries}
    assert by_id["new-development-philosophy"].superseded[0].since == "2020"
    assert by_id["cpc"].deprecated_reasons == ("the Party's official English name is 'Communist Party of China'", "")
    assert len(by_id["new-development-philosophy"].evidence) == 2
    native = entries_to_toml(entries)
    assert 'deprecated = [{ en = "Chinese Communist Party", reason = "the Party\'s official English name is \'Communist Party of China\'" }, "CCP"]' in native
    assert 'superseded = [{ en = "new vision for development", since = "2020", reason = "official texts of 2017-2019" }]' in native
    assert without_origin(parse_toml_glossary(native, "x.toml")) == without_origin(entries)
    table = entries_to_table(entries)
    row = next(r for r in csv.DictReader(io.StringIO(table)) if r["id"] == "new-development-philosophy")
    assert (row["superseded"], row["superseded_reasons"]) == ("new vision for development (since 2020)", "official texts of 2017-2019")
    cpc = next(r for r in csv.DictReader(io.StringIO(table)) if r["id"] == "cpc")
    assert cpc["deprecated_reasons"] == "the Party's official English name is 'Communist Party of China' |"
    assert json.loads(cpc["evidence"])[0]["publisher"] == "Test Agency"
    assert without_origin(parse_table_glossary(table, "x.csv", delimiter=",")) == without_origin(entries)


@pytest.mark.parametrize(
    "row, message",
    [
        ("甲,A,B,,,", "甲: column 'superseded' must read 'rendering (since YEAR)', not 'B'"),
        ("甲,A,B (since 2020),x | y,,", "甲: column 'superseded_reasons' has 2 item(s) for 1 in column 'superseded'"),
        ("甲,A,,,\"[{\"\"publisher\"\": \"\"P\"\"}]\",", "甲: column 'evidence': a record has no 'title'"),
        ("甲,A,,,[oops,", "甲: column 'evidence' must be a JSON list of records: Expecting value"),
    ],
)
def test_bad_evidence_columns_are_input_errors(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text("zh,en,superseded,superseded_reasons,evidence,deprecated_reasons\n" + row + "\n", encoding="utf-8")
    code, out, _ = run("glossary", "validate", str(path))
    assert code == 1 and f"{path}:2: error: {message}" in out


def test_tbx_carries_superseded_terms_reasons_and_evidence() -> None:
    [entry] = [e for e in load_glossary([TEST_GLOSSARY], builtin=False).entries if e.id == "new-development-philosophy"]
    root = etree.fromstring(entries_to_tbx([entry]).encode())
    ns = {"t": TBX_NAMESPACE}
    english = root.findall(".//t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='en']/t:termSec", ns)
    shown = [
        (
            sec.findtext("t:term", namespaces=ns),
            sec.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns),
            sec.findtext("t:note", namespaces=ns),
            [group.findtext("t:admin[@type='source']", namespaces=ns) for group in sec.findall("t:descripGrp", ns)],
        )
        for sec in english
    ]
    assert shown == [
        ("new development philosophy", "preferredTerm-admn-sts", None, ["Test Agency, “A later report”, 2021"]),
        ("new vision for development", "supersededTerm-admn-sts", "superseded since 2020: official texts of 2017-2019", ["Test Agency, “An earlier report”, 2018-03"]),
        ("new development concept", "deprecatedTerm-admn-sts", None, []),
    ]
    assert english[0].findtext("t:descripGrp/t:descrip[@type='context']", namespaces=ns) == "It applies the new development philosophy."
    assert without_origin(parse_tbx(entries_to_tbx([entry]).encode(), "x.tbx")) == [as_tbx_keeps_it(entry)]


def test_tbx_superseded_term_without_a_year_is_deprecated() -> None:
    document = (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c">'
        '<langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec><langSec xml:lang="en">'
        '<termSec><term>A</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>'
        '<termSec><term>B</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>'
        '<termSec><term>C</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>a literal rendering</note></termSec>'
        "</langSec></conceptEntry></body></text></tbx>"
    )
    [entry] = parse_tbx(document.encode(), "x.tbx")
    assert (entry.superseded, entry.deprecated, entry.deprecated_reasons) == ((), ("B", "C"), ("", "a literal rendering"))


@pytest.mark.parametrize(
    "quote, rendering, shown",
    [
        ("It applies the new development philosophy.", "new development philosophy", True),
        ("It applies the New-Development Philosophy.", "new development philosophy", True),
        ("Deepening reforms comprehensively.", "deepen reform", True),
        ("Reforms of the system.", "reform", True),
        ("A people-centred approach.", "people-centered approach", True),
        ("Since the Nineteenth National Congress of the Party.", "19th National Congress", True),
        ("Since the 18th National Congress.", "20th National Congress", True),
        ("the community of common destiny", "community with a shared future", False),
        ("a prosperous country", "Prosperous Country", True),
        ("preposterous country", "Prosperous Country", False),
        # A body's name with its term's number put in, as official news writes it.
        ("the Political Bureau of the 20th CPC Central Committee met", "Political Bureau of the CPC Central Committee", True),
        ("members of the 14th NPC Standing Committee", "NPC Standing Committee", True),
        ("the Political Bureau of the 20th Central Committee", "Political Bureau of the CPC Central Committee", False),
        # A Roman numeral is a number too (a mission's, in China Daily's style).
        ("The Shenzhou XVIII spacecraft was launched.", "Shenzhou I", True),
        # An acronym in parentheses inside a name is passed over, as the matcher does; the
        # acronym itself is still shown.
        ("It upholds United Nations General Assembly (UNGA) Resolution 2758.", "United Nations General Assembly Resolution 2758", True),
        ("The Communist Party of China (CPC) leads.", "CPC", True),
        ("The United Nations (UN) General Assembly met.", "United Nations Security Council", False),
    ],
)
def test_a_quote_shows_its_rendering_as_folded(quote: str, rendering: str, shown: bool) -> None:
    """Case, hyphens, articles, British spelling, inflection of the last word and numbers (one
    quote stands for a numbered series; a term's number put into a name) do not count; other
    words do."""
    from termcheck.glossary.validate import quote_shows

    assert quote_shows(quote, rendering) is shown


@pytest.mark.parametrize(
    "date, problem",
    [
        ("2024", ""), ("2024-02", ""), ("2024-02-29", ""),
        ("2023-02-29", "'2023-02-29' is not a date"),
        ("1899", "'1899' is not a plausible date (before 1900 or in the future)"),
        ("2025-01-02", "'2025-01-02' is not a plausible date (before 1900 or in the future)"),
        ("24-01-01", "'24-01-01' is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_evidence_dates(date: str, problem: str) -> None:
    import datetime

    from termcheck.glossary.validate import date_error

    assert date_error(date, today=datetime.date(2025, 1, 1)) == problem


def test_a_long_quote_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    quote = "The new development philosophy " + "guides the work, " * 40 + "it said."
    path.write_text(
        f'[[entry]]\nid = "x"\nzh = ["新发展理念"]\nen = ["new development philosophy"]\ncategory = "policy"\nsource = "s"\n'
        f'evidence = [{{ publisher = "P", title = "T", date = "2021", quote = "{quote}" }}]\n',
        encoding="utf-8",
    )
    problems = validate_files([path]).problems
    assert [p.message for p in problems] == [
        f"entry 'x': evidence 1 (P, 2021): the quote has {len(quote)} characters; quote at most one sentence, 600 characters"
    ]


def test_the_evidence_example_of_the_glossary_readme_validates() -> None:
    """The verified entry glossary/README.md shows under "Evidence" is one `validate` accepts."""
    import re

    from termcheck.glossary.load import parse_toml_glossary
    from termcheck.glossary.validate import validate_entries

    readme = (Path(__file__).parent.parent / "glossary" / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Evidence.*?```toml\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    verified = block.group(1).split('\n[[entry]]\nid = "…"')[0]
    [entry] = parse_toml_glossary(verified, "README.md")
    assert entry.evidence and entry.superseded and entry.deprecated_reasons
    assert validate_entries([entry]) == []
# --- ids a user never wrote, and what validate shows by default --------------------------------

README_CSV = 'zh,en,deprecated,note\n中国共产党|中共,"Communist Party of China | CPC","Chinese Communist Party | CCP",house style\n一国两制,"One Country, Two Systems",,\n'
TBX_WITH_CONCEPT_IDS = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="C12"><langSec xml:lang="zh"><termSec><term>工会</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>trade union</term></termSec></langSec></conceptEntry>
<conceptEntry id="term 4"><langSec xml:lang="zh"><termSec><term>国务委员</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>State Councilor</term></termSec></langSec></conceptEntry>
<conceptEntry><langSec xml:lang="zh"><termSec><term>一国两制</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>One Country, Two Systems</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"""


def test_validate_does_not_warn_about_ids_the_user_never_wrote(tmp_path: Path) -> None:
    """The README's own CSV example has no id column."""
    csv_path = tmp_path / "house.csv"
    csv_path.write_text(README_CSV, encoding="utf-8")
    assert run("glossary", "validate", str(csv_path)) == (0, "2 entries in 1 file: 0 errors, 0 warnings, 0 info\n", "")


@pytest.mark.parametrize(("name", "text"), [("house.csv", README_CSV), ("termbase.tbx", TBX_WITH_CONCEPT_IDS)])
def test_import_writes_ids_its_own_validate_accepts(tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    native = tmp_path / "imported.toml"
    code, _, _ = run("glossary", "import", str(source), "-o", str(native))
    assert code == 0
    code, out, _ = run("glossary", "validate", str(native))
    assert (code, out.splitlines()[-1]) == (0, f"{len(load_glossary([native], builtin=False).entries)} entries in 1 file: 0 errors, 0 warnings, 0 info")
    ids = [e.id for e in load_glossary([native], builtin=False).entries]
    if name.endswith(".tbx"):
        assert ids == ["c12", "term-4", "tbx:one-country-two-systems"]
    else:
        assert ids == ["user:communist-party-of-china", "user:one-country-two-systems"]


def test_validate_without_arguments_lists_nested_built_in_terms_only_with_level_info() -> None:
    code, out, _ = run("glossary", "validate")
    assert code == 0
    assert ": info: " not in out
    assert out.count("\n") == 1 and "info (" in out and "below --level warning not shown)" in out
    code, out, _ = run("glossary", "validate", "--level", "info")
    assert code == 0 and ": info: " in out and "[nested-term]" in out


def test_lookup_shows_an_entrys_foreign_counterparts() -> None:
    code, out, _ = run("glossary", "lookup", "国防部")
    assert code == 0
    assert "  abroad:     Department of Defense, Defense Department, DoD, DOD, Pentagon, Ministry of Defence, Defence Ministry\n" in out
    code, out, _ = run("glossary", "lookup", "国防部", "--json")
    assert code == 0 and "Pentagon" in json.loads(out)[0]["counterparts"]
