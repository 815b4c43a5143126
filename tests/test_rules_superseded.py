"""The superseded rule, with the test glossary: an older official rendering is a warning naming
the current one and since when; it renders the term (no `missing`), is no alternative for
`inconsistent`, and a deprecated rendering's reason is shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termcheck import Matchers
from tests.conftest import TEST_GLOSSARY, findings_for, run

# (rule, severity, found, message) of every finding.
Expected = list[tuple[str, str, str, str]]


def findings(matchers: Matchers, source: str, target: str) -> Expected:
    return [(f.rule, f.severity.value, f.found or "", f.message) for f in findings_for(matchers, source, target)]


OLDER = "'new vision for development' is an older rendering of 新发展理念, superseded since 2020 (official texts of 2017-2019); the current rendering is 'new development philosophy'"

CASES = [
    pytest.param("贯彻新发展理念", "apply the new vision for development", [("superseded", "warning", "new vision for development", OLDER)], id="superseded, not missing"),
    pytest.param("贯彻新发展理念", "apply the New Vision for Development", [("superseded", "warning", "New Vision for Development", OLDER.replace("'new vision for development' is", "'New Vision for Development' is"))], id="case folded"),
    pytest.param("会议", "the new vision for development", [("superseded", "warning", "new vision for development", OLDER)], id="reported without the source term"),
    pytest.param("贯彻新发展理念", "apply the new development philosophy", [], id="current rendering"),
    pytest.param(
        "新发展理念",
        "the “new vision for development” of 2017",
        [("superseded", "info", "new vision for development",
          "'new vision for development' is quoted: a mention of an older rendering of 新发展理念, not a use; "
          "superseded since 2020 (official texts of 2017-2019); the current rendering is 'new development philosophy'")],
        id="a quoted form is a mention",
    ),
    pytest.param("新发展理念", "new visions for development", [("missing", "warning", "", "新发展理念 has no accepted rendering in the translation; expected 'new development philosophy'")], id="no word-form folding"),
    pytest.param(
        "中国共产党",
        "The Chinese Communist Party met.",
        [("deprecated", "error", "Chinese Communist Party",
          "'Chinese Communist Party' is a deprecated rendering of 中国共产党 (the Party's official English name is 'Communist Party of China'); use 'Communist Party of China'")],
        id="deprecated with its reason",
    ),
    pytest.param("中国共产党", "The CCP met.", [("deprecated", "error", "CCP", "'CCP' is a deprecated rendering of 中国共产党; use 'CPC'")], id="deprecated without a reason"),
]


@pytest.mark.parametrize(("source", "target", "expected"), CASES)
def test_superseded_and_deprecated(matchers: Matchers, source: str, target: str, expected: Expected) -> None:
    assert findings(matchers, source, target) == expected


def test_the_fix_puts_the_current_rendering_in(matchers: Matchers) -> None:
    [finding] = findings_for(matchers, "新发展理念", "We apply the new vision for development.")
    assert finding.fix == "replace 'new vision for development' with 'new development philosophy'"
    assert finding.target_span is not None and (finding.target_span.start, finding.target_span.end) == (13, 39)


def test_superseded_beside_current_is_not_inconsistent(matchers: Matchers) -> None:
    found = findings(matchers, "新发展理念……新发展理念", "the new development philosophy … the new vision for development")
    assert [(rule, text) for rule, _, text, _ in found] == [("superseded", "new vision for development")]


def test_command_line_warning_and_disable(tmp_path: Path) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_text("贯彻新发展理念。\n", encoding="utf-8")
    target.write_text("Apply the new vision for development.\n", encoding="utf-8")
    common = ("check", str(source), str(target), "--no-builtin", "-g", str(TEST_GLOSSARY))
    code, out, _ = run(*common, "--format", "json")
    report = json.loads(out)
    assert (code, report["summary"]["by_rule"], report["summary"]["warnings"]) == (0, {"superseded": 1}, 1)
    assert report["findings"][0]["fix"] == "replace 'new vision for development' with 'new development philosophy'"
    code, out, _ = run(*common, "--format", "json", "--disable", "superseded")
    assert (code, json.loads(out)["findings"]) == (0, [])


def test_lookup_names_a_superseded_rendering() -> None:
    code, out, _ = run("glossary", "lookup", "new vision for development", "--no-builtin", "-g", str(TEST_GLOSSARY))
    assert code == 0
    assert out.splitlines()[:5] == [
        "新发展理念  [new-development-philosophy]  (matched as superseded rendering)",
        "  Chinese:    新发展理念",
        "  preferred:  new development philosophy",
        "  superseded: new vision for development (since 2020)",
        "  deprecated: new development concept",
    ]


def test_unverified_entry_gives_warnings_only() -> None:
    """Without official evidence for the preferred rendering, its advice is a warning, whatever
    the rule; an entry without evidence but not marked unverified keeps its errors."""
    from termcheck import compile_glossary
    from termcheck.model import Entry, Glossary, Superseded

    def entry(unverified: bool) -> Entry:
        return Entry(
            "label", ("某某理念",), ("some philosophy",), deprecated=("some concept",),
            superseded=(Superseded("some vision", "2021"),), category="ideology", match="strict", unverified=unverified,
        )

    for unverified, severity in ((True, "warning"), (False, "error")):
        terms = compile_glossary(Glossary((entry(unverified),)))
        assert [(f.rule, f.severity.value) for f in findings_for(terms, "某某理念", "the some concept")] == [("deprecated", severity)]
        assert [(f.rule, f.severity.value) for f in findings_for(terms, "某某理念", "the idea")] == [("missing", severity)]
        assert [(f.rule, f.severity.value) for f in findings_for(terms, "某某理念", "some vision")] == [("superseded", "warning")]


def test_superseded_inside_a_longer_accepted_rendering_is_no_finding() -> None:
    from termcheck import compile_glossary
    from termcheck.model import Entry, Glossary, Superseded

    terms = compile_glossary(Glossary((
        Entry("fund", ("基金",), ("Silk Road Fund",), superseded=(Superseded("Silk Road", "2015"),), category="finance"),
    )))
    assert findings_for(terms, "基金", "the Silk Road Fund") == []


@pytest.mark.parametrize(
    ("as_of", "reported"),
    [
        pytest.param(None, ["new vision for development"], id="no date: reported"),
        pytest.param("2019-12-31", [], id="a text older than the change: not reported"),
        pytest.param("2019", [], id="a year before the change"),
        pytest.param("2020", ["new vision for development"], id="the year of the change: reported"),
        pytest.param("2024-05", ["new vision for development"], id="a text newer than the change"),
    ],
)
def test_as_of_leaves_out_renderings_superseded_after_the_texts_date(tmp_path: Path, as_of: str | None, reported: list[str]) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_text("贯彻新发展理念。\n中国共产党\n", encoding="utf-8")
    target.write_text("Apply the new vision for development.\nThe CCP met.\n", encoding="utf-8")
    common = ("check", str(source), str(target), "--align", "lines", "--no-builtin", "-g", str(TEST_GLOSSARY), "--format", "json")
    code, out, _ = run(*common, *(("--as-of", as_of) if as_of else ()))
    findings = json.loads(out)["findings"]
    # A deprecated rendering was never right: the date of the text does not change it.
    assert (code, [f["found"] for f in findings if f["rule"] == "superseded"], [f["rule"] for f in findings if f["rule"] != "superseded"]) == (1, reported, ["deprecated"])


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2019-13", "termcheck: error: --as-of: '2019-13' is not a date\n"),
        ("last year", "termcheck: error: --as-of: 'last year' is not a date written YYYY, YYYY-MM or YYYY-MM-DD\n"),
    ],
)
def test_as_of_that_is_no_date_is_a_usage_error(tmp_path: Path, as_of: str, message: str) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_text("新发展理念\n", encoding="utf-8")
    target.write_text("new vision for development\n", encoding="utf-8")
    code, out, err = run("check", str(source), str(target), "--no-builtin", "-g", str(TEST_GLOSSARY), "--as-of", as_of)
    assert (code, out, err) == (2, "", message)


def test_as_of_from_the_config_file_and_its_mistakes(tmp_path: Path) -> None:
    source, target = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    source.write_text("新发展理念\n", encoding="utf-8")
    target.write_text("new vision for development\n", encoding="utf-8")
    config = tmp_path / ".termcheck.toml"
    common = ("check", str(source), str(target), "--no-builtin", "-g", str(TEST_GLOSSARY), "--config", str(config), "--format", "json")
    config.write_text("as-of = 2018-06-01\n", encoding="utf-8")  # a TOML date
    code, out, _ = run(*common)
    assert (code, json.loads(out)["findings"]) == (0, [])
    config.write_text('as-of = "2021"\n', encoding="utf-8")
    code, out, _ = run(*common)
    assert (code, [f["rule"] for f in json.loads(out)["findings"]]) == (0, ["superseded"])
    config.write_text('\nas-of = "someday"\n', encoding="utf-8")
    code, out, err = run(*common)
    assert (code, out, err) == (2, "", f"termcheck: error: {config}:2: 'as-of': 'someday' is not a date written YYYY, YYYY-MM or YYYY-MM-DD\n")
    config.write_text("as-of = 2018\n", encoding="utf-8")
    code, out, err = run(*common)
    assert (code, out, err) == (2, "", f"termcheck: error: {config}:1: 'as-of' must be a date (YYYY, YYYY-MM or YYYY-MM-DD)\n")
