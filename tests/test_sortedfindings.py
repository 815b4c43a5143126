"""Findings beyond TERMCHECK_FINDINGS_IN_MEMORY are spilled to a temporary file in sorted runs and
merged for the report: every report is the same, byte for byte, as when they are all held in
memory, and no temporary file outlives the run, whether it ends well or with an error."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from termcheck import Config, check_paths
from termcheck.model import Severity
from termcheck.reporters import FORMATS
from termcheck.sortedfindings import IN_MEMORY_ENV, FindingSorter, SpilledFindings, close_findings, count_findings
from tests.conftest import FIXTURES, TEST_GLOSSARY, run

ROWS = [
    ("中国共产党领导全国总工会。", "The Chinese Communist Party leads the ACFTU."),
    ("一带一路倡议和结构性改革。", "The One Belt, One Road plan and structural reform."),
    ("国务委员出席了会议。", "The state counsellor attended."),
    ("中共和工会。", "The CCP and the trade union."),
    ("一带一路", "OBOR"),
    ("一带一路倡议", "the Belt and Road"),
    ("一带一路倡议", "the BRI"),
    ("全国总工会", "All China Federation of Trade Union"),
    ("以人民为中心的发展思想", "people-centred philosophy of development"),
    ("中国共产党", "Communist Party of China"),
    ("人类命运共同体", "a community with a shared future for mankind"),
    ("推动构建人类命运共同体。", "We build a community with a shared future for humanity."),
    ("中国式现代化", "Chinese modernization"),
    ("中国式现代化道路", "the Chinese path to modernization"),
]


def _inputs(folder: Path) -> list[str]:
    """A TSV of many findings (every rule, near misses with a fix), an XLIFF and a TMX file with
    inline markup."""
    tsv = folder / "memory.tsv"
    tsv.write_text("".join(f"{source}\t{target}\n" for _ in range(4) for source, target in ROWS), encoding="utf-8")
    for name in ("news.xliff2.xlf", "inline.tmx"):
        shutil.copy(FIXTURES / "formats" / name, folder / name)
    return [str(tsv), str(folder / "news.xliff2.xlf"), str(folder / "inline.tmx")]


def _text_pair(folder: Path) -> list[str]:
    """A pair of plain-text files compared whole: many findings on one segment, a large one
    (written once to the temporary file, not with each block of findings)."""
    source, target = folder / "speech.zh.txt", folder / "speech.en.txt"
    source.write_text("\n".join(source for _ in range(12) for source, _ in ROWS) + "\n", encoding="utf-8")
    target.write_text("\n".join(target for _ in range(12) for _, target in ROWS) + "\n", encoding="utf-8")
    return [str(source), str(target)]


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)  # SARIF's root is the current folder
    return [os.path.relpath(path, tmp_path) for path in _inputs(folder)]


@pytest.fixture
def spill_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The folder temporary files go to in this test, to see what is left there and open."""
    folder = tmp_path / "spill"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def _open_in(folder: Path) -> list[str]:
    """The files under `folder` this process still has open (removed ones included)."""
    fds = Path("/proc/self/fd")
    opened = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(folder)):
            opened.append(target)
    return opened


def _without_date(outcome: tuple[int, str, str]) -> tuple[int, str, str]:
    """The outcome with the HTML report's start time left out: the two runs compared may start in
    different seconds."""
    code, out, err = outcome
    return code, re.sub(r"<tr><th>date</th><td>[^<]*</td></tr>", "", out), err


def _check(inputs: list[str], *options: str) -> tuple[int, str, str]:
    return run("check", *inputs, "-g", str(TEST_GLOSSARY), "--no-builtin", "--consistency", "run", *options)


@pytest.mark.parametrize("text_pair", [False, True], ids=["bilingual-files", "text-pair"])
@pytest.mark.parametrize("output_format", FORMATS)
def test_a_report_of_spilled_findings_is_the_report_of_findings_held_in_memory(
    inputs: list[str], spill_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str, text_pair: bool
) -> None:
    if text_pair:
        inputs = [os.path.relpath(path, tmp_path) for path in _text_pair(tmp_path / "in")]
    held = _check(inputs, "--format", output_format)
    monkeypatch.setenv(IN_MEMORY_ENV, "3")
    spilled = _check(inputs, "--format", output_format)
    assert held[0] == 1 and held[1].count("\n") > 10
    assert _without_date(spilled) == _without_date(held)
    assert list(spill_folder.iterdir()) == []


def test_spilled_findings_written_to_a_file_with_jobs_and_a_baseline(inputs: list[str], spill_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also over two processes, through a baseline (applied in report order) and into --output."""
    baseline = tmp_path / "baseline.json"
    first = list(inputs)
    assert _check(first[:1], "--write-baseline", str(baseline), "--fail-on", "never")[0] == 0
    held = _check(inputs, "--format", "json", "--baseline", str(baseline), "--jobs", "2", "--output", "held.sarif")
    monkeypatch.setenv(IN_MEMORY_ENV, "2")
    spilled = _check(inputs, "--format", "json", "--baseline", str(baseline), "--jobs", "2", "--output", "spilled.sarif")
    assert spilled == held and '"baselined": 0' not in held[1]
    assert (tmp_path / "spilled.sarif").read_bytes() == (tmp_path / "held.sarif").read_bytes()
    assert list(spill_folder.iterdir()) == []


def test_spilled_findings_are_a_sequence_with_their_counts(inputs: list[str], spill_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(glossaries=(str(TEST_GLOSSARY),), builtin=False)
    held = check_paths(inputs, config)
    monkeypatch.setenv(IN_MEMORY_ENV, "4")
    spilled = check_paths(inputs, config)
    assert isinstance(held.findings, tuple) and isinstance(spilled.findings, SpilledFindings)
    assert len(spilled.findings) == len(held.findings) > 20
    assert list(spilled.findings) == list(held.findings) == list(spilled.findings)
    assert [f.segment for f in spilled.findings] == [f.segment for f in held.findings]
    assert spilled.findings[5] == held.findings[5] and spilled.findings[-1] == held.findings[-1]
    assert list(spilled.findings[3:9]) == list(held.findings[3:9])
    assert count_findings(spilled.findings) == count_findings(held.findings)
    assert count_findings(held.findings).by_severity[Severity.ERROR] > 0
    assert _open_in(spill_folder) != [] or os.name != "posix"
    close_findings(spilled.findings)
    assert _open_in(spill_folder) == []
    with pytest.raises(ValueError, match="closed"):
        list(spilled.findings)


def test_no_temporary_file_for_a_check_that_stays_in_memory(inputs: list[str], spill_folder: Path) -> None:
    result = check_paths(inputs[:1], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False))
    assert isinstance(result.findings, tuple) and _open_in(spill_folder) == [] and list(spill_folder.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are listed in /proc")
def test_an_input_error_after_findings_were_spilled_leaves_no_temporary_file(
    inputs: list[str], spill_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "in" / "broken.xlf"
    broken.write_text("<xliff><file><unit>", encoding="utf-8")
    monkeypatch.setenv(IN_MEMORY_ENV, "2")
    code, out, err = _check([inputs[0], os.path.relpath(broken, tmp_path)])
    assert code == 2 and "broken.xlf" in err and out == ""
    assert _open_in(spill_folder) == [] and list(spill_folder.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are listed in /proc")
def test_an_error_while_writing_the_report_leaves_no_temporary_file(
    inputs: list[str], spill_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import termcheck.reporters.text

    def failing_report(result: object, out: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(termcheck.reporters.text, "report", failing_report)
    monkeypatch.setenv(IN_MEMORY_ENV, "2")
    code, _, _ = _check(inputs, "--format", "text")
    assert code == 130
    assert _open_in(spill_folder) == [] and list(spill_folder.iterdir()) == []


def test_the_sort_is_stable_across_runs() -> None:
    """Findings with equal keys keep the order they came in, as a sort in memory keeps them."""
    from tests.conftest import segment
    from termcheck.model import Finding

    findings = [
        Finding("missing", Severity.ERROR, f"e{n}", "中共", f"message {n}", "a.txt", n % 3, 1, segment("中共", f"text {n}")) for n in range(25)
    ]
    sorter = FindingSorter(key=lambda f: (f.line,), in_memory=4)
    sorter.extend(findings)
    spilled = sorter.finish()
    assert isinstance(spilled, SpilledFindings)
    assert [f.message for f in spilled] == [f.message for f in sorted(findings, key=lambda f: f.line)]
    assert [f.segment.target for f in spilled] == [f.segment.target for f in sorted(findings, key=lambda f: f.line)]
    close_findings(spilled)


def test_a_threshold_that_is_not_a_number_is_a_usage_error(inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(IN_MEMORY_ENV, "many")
    code, _, err = _check(inputs)
    assert code == 2 and f"{IN_MEMORY_ENV} must be a whole number" in err
