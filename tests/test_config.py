"""Project configuration (found upwards, flags win) and baselines, as a localisation repository
uses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TEST_GLOSSARY, run

NEWS = FIXTURES / "formats" / "news.jsonl"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with its glossary, a translation in a subfolder, and the run started there."""
    (tmp_path / "terms").mkdir()
    shutil.copy(TEST_GLOSSARY, tmp_path / "terms" / "house.toml")
    (tmp_path / "l10n" / "zh-en").mkdir(parents=True)
    shutil.copy(NEWS, tmp_path / "l10n" / "zh-en" / "news.jsonl")
    monkeypatch.chdir(tmp_path / "l10n")
    return tmp_path


def rules_of(out: str) -> list[str]:
    return [finding["rule"] for finding in json.loads(out)["findings"]]


def test_pyproject_table_is_found_from_a_subfolder(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "docs"\n\n[tool.termcheck]\nglossaries = ["terms/house.toml"]\nno-builtin = true\n'
        'rules = { deprecated = "off" }\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", "zh-en", "-f", "json")
    assert (code, rules_of(out)) == (1, ["missing"])


def test_termcheck_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.termcheck]\nfail-on = "error"\n', encoding="utf-8")
    (project / ".termcheck.toml").write_text(
        'glossaries = ["terms/house.toml"]\nno-builtin = true\nfail-on = "never"\n', encoding="utf-8"
    )
    code, out, _ = run("check", "zh-en", "-f", "json")
    assert (code, rules_of(out)) == (0, ["deprecated", "missing"])


def test_flags_win_over_the_config_file(project: Path) -> None:
    (project / ".termcheck.toml").write_text(
        'glossaries = ["terms/house.toml"]\nno-builtin = true\nfail-on = "never"\nrules = { missing = "warning" }\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", "zh-en", "-f", "json", "--fail-on", "warning")
    assert code == 1
    assert [f["severity"] for f in json.loads(out)["findings"]] == ["error", "warning"]
    code, out, _ = run("check", "zh-en", "-f", "json", "--no-config", "--no-builtin", "-g", str(project / "terms" / "house.toml"))
    assert [f["severity"] for f in json.loads(out)["findings"]] == ["error", "error"]


def test_ignored_entries_and_excluded_files(project: Path) -> None:
    shutil.copy(NEWS, project / "l10n" / "zh-en" / "old.jsonl")
    (project / ".termcheck.toml").write_text(
        'glossaries = ["terms/house.toml"]\nno-builtin = true\nignore = ["state-councilor"]\nexclude = ["*old.jsonl"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", "zh-en", "-f", "json")
    report = json.loads(out)
    assert [(f["rule"], Path(f["file"]).name) for f in report["findings"]] == [("deprecated", "news.jsonl")]
    assert report["summary"]["files"] == 1


@pytest.mark.parametrize(
    "content, message",
    [
        ('glosaries = ["x.toml"]\n', ".termcheck.toml:1: unknown key 'glosaries' in .termcheck.toml; known keys: "),
        ('fail-on = "sometimes"\n', ".termcheck.toml:1: 'fail-on' must be one of error, warning, never, not 'sometimes'"),
        ('\n\nrules = { missing = "loud" }\n', ".termcheck.toml:3: rule 'missing' must be one of error, warning, info, off, not 'loud'"),
        ('rules = { spelling = "off" }\n', ".termcheck.toml:1: unknown rule 'spelling' in 'rules'"),
        ('no-builtin = "yes"\n', ".termcheck.toml:1: 'no-builtin' must be a bool"),
    ],
)
def test_config_mistakes_name_the_file_line_and_key(project: Path, content: str, message: str) -> None:
    (project / ".termcheck.toml").write_text(content, encoding="utf-8")
    code, out, err = run("check", "zh-en")
    assert (code, out) == (2, "")
    assert err.startswith(f"termcheck: error: {project / message.split(':')[0]}:{message.split(':', 1)[1]}")
    assert err.count("\n") == 1


def test_unknown_key_in_pyproject_names_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.termcheck]\n\nformat = "text"\ncolour = true\n', encoding="utf-8")
    code, _, err = run("check", "zh-en")
    assert code == 2
    assert err.startswith(f"termcheck: error: {project / 'pyproject.toml'}:4: unknown key 'colour' in [tool.termcheck]")


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    translation = tmp_path / "news.jsonl"
    shutil.copy(NEWS, translation)
    baseline = tmp_path / "termcheck-baseline.json"
    args = ("--no-builtin", "-g", str(TEST_GLOSSARY), "-f", "json", "--no-config")
    code, out, _ = run("check", str(translation), *args, "--write-baseline", str(baseline))
    assert code == 1 and len(json.loads(out)["findings"]) == 2
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["termcheck-baseline"] == 1
    assert [(r["rule"], r["term"], r["count"]) for r in recorded["findings"]] == [("deprecated", "中国共产党", 1), ("missing", "国务委员", 1)]

    code, out, _ = run("check", str(translation), *args, "--baseline", str(baseline))
    assert (code, json.loads(out)["findings"], json.loads(out)["summary"]["baselined"]) == (0, [], 2)

    # Lines added above move the old findings; they stay in the baseline. A new problem is reported.
    lines = translation.read_text(encoding="utf-8").splitlines()
    new = json.dumps({"id": "n0", "source": "中共中央召开会议。", "target": "The Chinese Communist Party held a meeting."}, ensure_ascii=False)
    translation.write_text("\n".join([new, *lines]) + "\n", encoding="utf-8")
    code, out, _ = run("check", str(translation), *args, "--baseline", str(baseline))
    report = json.loads(out)
    assert code == 1
    assert [(f["rule"], f["found"], f["line"]) for f in report["findings"]] == [("deprecated", "Chinese Communist Party", 1)]
    assert report["summary"]["baselined"] == 2

    # Editing a recorded segment's text brings its finding back.
    translation.write_text(translation.read_text(encoding="utf-8").replace("Wang attended", "Wang came to"), encoding="utf-8")
    code, out, _ = run("check", str(translation), *args, "--baseline", str(baseline))
    assert [(f["rule"], f["term"]) for f in json.loads(out)["findings"]] == [("deprecated", "中国共产党"), ("missing", "国务委员")]


def test_a_broken_baseline_is_an_input_error(tmp_path: Path) -> None:
    baseline = tmp_path / "base.json"
    baseline.write_text('{"findings": []}', encoding="utf-8")
    code, _, err = run("check", str(NEWS), "--no-builtin", "-g", str(TEST_GLOSSARY), "--baseline", str(baseline), "--no-config")
    assert (code, err) == (2, f"termcheck: error: {baseline}: not a termcheck baseline (version 1)\n")
