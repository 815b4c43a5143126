"""Machine-readable reports and the HTML report, checked the way their consumers read them: SARIF
against the official schema, JUnit with a standard XML parser, HTML in a real headless Chromium."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLES, TEST_GLOSSARY, run

SCHEMAS = Path(__file__).parent / "schemas"
NEWS_PO = FIXTURES / "formats" / "news.po"
INLINE_XLF = FIXTURES / "formats" / "inline.xlf"
GLOSSARY_ARGS = ("--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")


def json_report(*paths: Path) -> dict:  # type: ignore[type-arg]
    code, out, _ = run("check", *map(str, paths), *GLOSSARY_ARGS, "-f", "json")
    assert code == 1
    return json.loads(out)  # type: ignore[no-any-return]


def sarif_report(*paths: Path, monkeypatch: pytest.MonkeyPatch, cwd: Path) -> dict:  # type: ignore[type-arg]
    monkeypatch.chdir(cwd)
    code, out, _ = run("check", *map(str, paths), *GLOSSARY_ARGS, "-f", "sarif")
    assert code == 1
    return json.loads(out)  # type: ignore[no-any-return]


def test_sarif_validates_against_the_official_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = sarif_report(NEWS_PO, INLINE_XLF, monkeypatch=monkeypatch, cwd=FIXTURES / "formats")
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    # A broken log is caught by the same schema: the check has teeth.
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**log, "version": "2.0.0"}, schema, cls=jsonschema.Draft7Validator)


def test_sarif_rules_results_locations_and_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    log = sarif_report(NEWS_PO, monkeypatch=monkeypatch, cwd=FIXTURES / "formats")
    run_ = log["runs"][0]
    assert [rule["id"] for rule in run_["tool"]["driver"]["rules"]] == ["missing", "deprecated", "superseded", "inconsistent"]
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in run_["tool"]["driver"]["rules"])
    deprecated, missing = run_["results"]
    assert deprecated["ruleId"] == "deprecated" and deprecated["level"] == "error"
    location = deprecated["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news.po", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 12, "startColumn": 13, "endLine": 12, "endColumn": 16, "snippet": {"text": "CCP"}}
    [fix] = deprecated["fixes"]
    assert fix["description"]["text"] == "replace 'CCP' with 'CPC'"
    assert fix["artifactChanges"][0]["replacements"][0] == {
        "deletedRegion": {"startLine": 12, "startColumn": 13, "endLine": 12, "endColumn": 16},
        "insertedContent": {"text": "CPC"},
    }
    # missing with a near miss points at it, in the translation; the source term is a related
    # location; the fix replaces the near miss.
    assert missing["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 17, "startColumn": 9, "endLine": 17, "endColumn": 24, "snippet": {"text": "State Counselor"}
    }
    [related] = missing["relatedLocations"]
    assert related["message"] == {"text": "the source term"}
    assert related["physicalLocation"]["region"] == {
        "startLine": 16, "startColumn": 8, "endLine": 16, "endColumn": 12, "snippet": {"text": "国务委员"}
    }
    assert missing["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "State Councilor"}
    assert missing["properties"]["segmentId"] == "s2"


def test_junit_counts_match_the_json_report(tmp_path: Path) -> None:
    clean = tmp_path / "clean.jsonl"
    clean.write_text('{"source": "中华全国总工会", "target": "the All-China Federation of Trade Unions"}\n', encoding="utf-8")
    paths = (NEWS_PO, INLINE_XLF, clean)
    report = json_report(*paths)
    code, out, _ = run("check", *map(str, paths), *GLOSSARY_ARGS, "-f", "junit")
    assert code == 1
    suites = ElementTree.fromstring(out)
    [suite] = suites.findall("testsuite")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [str(p) for p in paths]
    assert int(suites.get("tests")) == len(cases) == report["summary"]["files"] == 3
    failures = [failure for case in cases for failure in case.findall("failure")]
    assert int(suite.get("failures")) == len(failures) == report["summary"]["findings"] == 4
    assert [f.get("type") for f in failures] == [f["rule"] for f in report["findings"]]
    assert cases[2].findall("failure") == []  # a clean file is a passing test case
    # The near miss points at the translation; the failure names the term's place too.
    [near_miss] = [f for f in cases[0].findall("failure") if "(near miss)" in (f.get("message") or "")]
    assert near_miss.text is not None and near_miss.text.startswith(f"{NEWS_PO}:17:9: error missing:")
    assert f"\nterm at: {NEWS_PO}:16:8\n" in near_miss.text


def test_output_writes_a_file_and_the_terminal_still_gets_its_report(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old report\n", encoding="utf-8")
    code, out, err = run("check", str(NEWS_PO), *GLOSSARY_ARGS, "--output", str(target))
    assert (code, err) == (1, "")
    assert out.splitlines()[0].startswith(f"{NEWS_PO}:12:13: error deprecated:")  # the text report
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"  # SARIF by extension
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]  # no temporary file left
    as_json = tmp_path / "findings.out"
    assert run("check", str(NEWS_PO), *GLOSSARY_ARGS, "-o", str(as_json), "--output-format", "json")[0] == 1
    assert json.loads(as_json.read_text(encoding="utf-8"))["schema"] == 1
    code, _, err = run("check", str(NEWS_PO), *GLOSSARY_ARGS, "-o", str(tmp_path / "report.out"), "-f", "json")
    assert (code, err) == (
        2,
        f"termcheck: error: --output {tmp_path / 'report.out'}: the extension names no report format "
        "(.sarif, .json, .xml, .html, .txt); say which with --output-format (sarif, json, junit, html, text)\n",
    )
    code, _, err = run("check", str(NEWS_PO), *GLOSSARY_ARGS, "--output-format", "json")
    assert (code, err) == (2, "termcheck: error: --output-format is the format of an --output file; name the file with --output\n")


def test_format_is_the_terminal_s_and_the_output_file_s_comes_from_its_extension(tmp_path: Path) -> None:
    """`-f text -o report.html`: text on the terminal, HTML in report.html."""
    html = tmp_path / "report.html"
    code, out, err = run("check", str(NEWS_PO), *GLOSSARY_ARGS, "-f", "text", "-o", str(html))
    assert (code, err) == (1, "")
    assert out.splitlines()[0].startswith(f"{NEWS_PO}:12:13: error deprecated:")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # --output-format wins over the extension; -f json still rules the terminal.
    code, out, _ = run("check", str(NEWS_PO), *GLOSSARY_ARGS, "-f", "json", "-o", str(html), "--output-format", "text")
    assert code == 1 and json.loads(out)["schema"] == 1
    assert html.read_text(encoding="utf-8").startswith(f"{NEWS_PO}:12:13: error deprecated:")


def test_html_report_is_self_contained() -> None:
    code, out, _ = run("check", str(NEWS_PO), str(INLINE_XLF), *GLOSSARY_ARGS, "-f", "html")
    assert code == 1
    assert out.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in out
    for external in ("http://", "https://", "<link", "src="):
        assert external not in out
    assert "default-src 'none'" in out
    assert out.count('class="finding"') == 4
    assert '<mark class="term">国务委员</mark>' in out
    assert '<mark class="deprecated">CCP</mark>' in out
    # Each replacement as `termcheck fix` applies it; a fix that is advice only, as text.
    assert '<span class="replacement"><del>CCP</del> → <ins>CPC</ins></span>' in out
    assert '<span class="replacement"><del>State\nCounselor</del> → <ins>State Councilor</ins></span>' in out


def test_sarif_offers_no_edit_across_inline_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xliff = tmp_path / "markup.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
        '<trans-unit id="1"><source>国务委员出席。</source><target>State <g id="1">Counselor</g> attended.</target></trans-unit>\n'
        '<trans-unit id="2"><source>国务委员出席。</source><target>State Counselor attended.</target></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    log = sarif_report(xliff, monkeypatch=monkeypatch, cwd=tmp_path)
    across, plain = log["runs"][0]["results"]
    assert "fixes" not in across and across["properties"]["fix"] == "replace 'State Counselor' with 'State Councilor'"
    assert plain["fixes"][0]["artifactChanges"][0]["replacements"][0] == {
        "deletedRegion": {"startLine": 4, "startColumn": 52, "endLine": 4, "endColumn": 67},
        "insertedContent": {"text": "State Councilor"},
    }


def _browser():  # type: ignore[no-untyped-def]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("no Chromium/ChromeDriver here (Debian packages chromium and chromium-driver; .ci/run installs them where it can)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def test_html_report_in_chromium_shows_every_finding_and_filters_work(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    report_path = tmp_path / "report.html"
    demo = (str(SAMPLES / "demo.zh.txt"), str(SAMPLES / "demo.en.txt"))
    assert run("check", *demo, "--align", "lines", "--no-config", "-o", str(report_path))[0] == 1
    code, out, _ = run("check", *demo, "--align", "lines", "--no-config", "-f", "json")
    findings = json.loads(out)["findings"]
    browser = _browser()
    try:
        browser.get(report_path.as_uri())
        browser.save_screenshot(str(tmp_path / "report.png"))
        assert (tmp_path / "report.png").stat().st_size > 10_000

        def visible() -> list[tuple[str, str, str]]:
            items = browser.find_elements(By.CSS_SELECTOR, ".finding")
            return [
                (item.get_attribute("data-rule"), item.get_attribute("data-severity"), item.find_element(By.CSS_SELECTOR, ".message").text)
                for item in items
                if item.is_displayed()
            ]

        assert visible() == [(f["rule"], f["severity"], f["message"]) for f in sorted(findings, key=lambda f: f["segment"])]
        assert browser.find_element(By.ID, "shown-count").text == str(len(findings))
        # The Chinese text is there as text, not mangled.
        assert "国务委员" in browser.find_element(By.CSS_SELECTOR, "mark.term").text
        browser.find_element(By.CSS_SELECTOR, 'input[data-filter="rule"][value="missing"]').click()
        assert [rule for rule, _, _ in visible()] == [f["rule"] for f in sorted(findings, key=lambda f: f["segment"]) if f["rule"] != "missing"]
        browser.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="error"]').click()
        assert [(rule, severity) for rule, severity, _ in visible()] == [("superseded", "warning"), ("inconsistent", "warning")]
        assert browser.find_element(By.ID, "shown-count").text == "2"
        # A segment whose findings are all filtered out is hidden with them.
        shown_segments = [s for s in browser.find_elements(By.CSS_SELECTOR, ".segment") if s.is_displayed()]
        assert len(shown_segments) == 2
        browser.find_element(By.CSS_SELECTOR, 'input[data-filter="rule"][value="missing"]').click()
        browser.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="error"]').click()
        assert len(visible()) == len(findings)
    finally:
        browser.quit()


def test_html_report_labels_segments_and_says_what_made_it() -> None:
    import re

    from termcheck import __version__

    code, out, _ = run("check", str(NEWS_PO), *GLOSSARY_ARGS, "-f", "html")
    assert code == 1
    # Each segment by its line in the file and its id, labelled; no internal segment count.
    assert re.findall(r"<h3>(.*?)</h3>", out) == ["line 11 · id news.txt:1", "line 16 · id s2"]
    run_rows = dict(re.findall(r"<tr><th>(date|command|termcheck|glossary)</th><td>(.*?)</td></tr>", out))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", run_rows["date"])
    assert run_rows["command"] == f"termcheck check {NEWS_PO} {' '.join(GLOSSARY_ARGS)} -f html"
    assert run_rows["termcheck"] == __version__
    assert re.fullmatch(rf"{re.escape(str(TEST_GLOSSARY))} \(16 entries, sha256 [0-9a-f]{{12}}\)", run_rows["glossary"])
    # The near miss points at the translation and names the term's place.
    assert f'<span class="where">{NEWS_PO}:17:9 (the term: {NEWS_PO}:16:8)</span>' in out


def test_sarif_fingerprint_is_the_baseline_s_key() -> None:
    """Code scanning and a baseline agree on which findings are the same: an edit elsewhere in
    the file keeps both, an edit of the segment changes both."""
    import hashlib

    from termcheck import Config, check_paths
    from termcheck.baseline import fingerprint
    from termcheck.reporters.sarif import result_to_sarif

    result = check_paths([str(NEWS_PO)], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False))
    results = result_to_sarif(result)["runs"][0]["results"]
    assert [r["partialFingerprints"]["termcheckFinding/v1"] for r in results] == [
        hashlib.sha256("\0".join(fingerprint(f)).encode()).hexdigest()[:32] for f in result.findings
    ]


def test_sarif_offers_an_edit_only_where_the_new_text_is_written_as_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SARIF inserts its text as it is: where `termcheck fix` would write the new text otherwise
    (an XML escape, a CSV cell to quote), the fix is said but no edit is offered."""
    (tmp_path / "terms.toml").write_bytes((FIXTURES / "glossaries" / "special-characters.toml").read_bytes())
    (tmp_path / "a.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
        "<trans-unit id=\"1\"><source>中国共产党与港澳。</source><target>The CCP and Hongkong-Macau.</target></trans-unit>\n"
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    (tmp_path / "a.csv").write_text("id,source,target\n1,一国两制,The single country dual system works\n", encoding="utf-8")
    (tmp_path / "a.tsv").write_text("id\tsource\ttarget\n1\t一国两制\tThe single country dual system works\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "a.xlf", "a.csv", "a.tsv", "--no-builtin", "-g", "terms.toml", "--no-config", "-f", "sarif")
    assert code == 1
    edits = {
        (result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], result["properties"]["found"]): (
            result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] if "fixes" in result else None,
            result["properties"]["fix"],
        )
        for result in json.loads(out)["runs"][0]["results"]
    }
    assert edits == {
        ("a.xlf", "CCP"): ("CPC", "replace 'CCP' with 'CPC'"),
        ("a.xlf", "Hongkong-Macau"): (None, "replace 'Hongkong-Macau' with 'Hong Kong & Macao'"),
        ("a.csv", "single country dual system"): (None, "replace 'single country dual system' with 'One Country, Two Systems'"),
        ("a.tsv", "single country dual system"): ("One Country, Two Systems", "replace 'single country dual system' with 'One Country, Two Systems'"),
    }


def test_sarif_records_the_invocation_and_the_input_warnings_as_notifications(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.zh.txt").write_text("中国共产党\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("", encoding="utf-8")  # not translated yet: skipped, with a warning
    code, out, err = run("check", "a.zh.txt", "a.en.txt", *GLOSSARY_ARGS, "-f", "sarif")
    [sarif_run] = json.loads(out)["runs"]
    [invocation] = sarif_run["invocations"]
    warning = err.strip().removeprefix("termcheck: warning: ")
    assert (code, invocation["executionSuccessful"], invocation["toolExecutionNotifications"]) == (0, True, [{"level": "warning", "message": {"text": warning}}])
    assert (sarif_run["properties"], sarif_run["results"]) == ({"baselined": 0, "silenced": 0, "skippedSegments": 1}, [])
