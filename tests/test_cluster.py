"""Checking on a Dask cluster (--scheduler) gives the report of one process, to the byte: for every
input format, in both consistency modes, with files read in parts or whole by the workers, and
when a worker is killed during the run."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import termcheck.readers.lines
import termcheck.readers.parts
import termcheck.scan
from tests.conftest import FIXTURES, SAMPLES, TEST_GLOSSARY, run
from tests.test_jobs import LINES

distributed = pytest.importorskip("distributed")

FORMATS = FIXTURES / "formats"


def local_cluster(workers: int = 2) -> distributed.LocalCluster:
    import logging

    return distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR, host="127.0.0.1"
    )


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A cluster of two worker processes on loopback, for the module's tests: its address."""
    with local_cluster() as cluster:
        yield cluster.scheduler_address


def check_json(*args: str) -> tuple[int, str, str]:
    return run("check", *args, "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "json")


def same_as_one_process(scheduler: str, *args: str) -> tuple[int, str, str]:
    """The report on the cluster, after asserting that it is the report of one process."""
    one = check_json(*args, "--jobs", "1")
    assert check_json(*args, "--scheduler", scheduler) == one
    return one


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """A folder with a file of every bilingual format."""
    folder = tmp_path / "archive"
    shutil.copytree(FORMATS, folder)
    shutil.copy(SAMPLES / "demo.po", folder / "demo.po")
    shutil.copy(SAMPLES / "demo.xlf", folder / "demo.xlf")
    return folder


@pytest.mark.parametrize("consistency", ["file", "run"])
def test_every_format_gives_the_report_of_one_process(scheduler: str, archive: Path, consistency: str) -> None:
    code, out, err = same_as_one_process(scheduler, str(archive), "--consistency", consistency)
    report = json.loads(out)
    assert code == 1 and err == ""
    # Every format was read (by the workers) and checked, the comparing rule included.
    assert report["summary"]["files"] == 9
    assert {finding["rule"] for finding in report["findings"]} >= {"missing", "deprecated", "inconsistent"}


def test_workers_read_a_folder_named_by_a_url(scheduler: str, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 1000)
    monkeypatch.setattr(termcheck.readers.parts, "PART_BYTES", 1000)
    big_table(archive / "memory.tsv", 200)  # read in parts
    code, out, _ = same_as_one_process(scheduler, archive.as_uri())
    assert code == 1
    assert f'"file": "{archive.as_uri()}/memory.tsv"' in out


@pytest.mark.parametrize("align", ["document", "lines"])
def test_a_pair_of_text_files_gives_the_report_of_one_process(scheduler: str, align: str) -> None:
    code, out, _ = same_as_one_process(scheduler, str(SAMPLES / "demo.zh.txt"), str(SAMPLES / "demo.en.txt"), "--align", align)
    assert code == 1 and json.loads(out)["summary"]["segments"] > 0


def big_table(path: Path, rows: int) -> Path:
    """A TSV of `rows` rows whose renderings of one term vary (inconsistent across its parts),
    with rows not translated and a row that silences one of its findings."""
    lines = ["id\tzh\ten\ttermcheck\n"]
    for n in range(rows):
        source, target = LINES[n % len(LINES)]
        if n % 11 == 4:
            target = ""  # not translated: skipped, not numbered
        silence = "ignore deprecated" if n % 23 == 9 else ""
        lines.append(f"{n}\t{source}\t{target}\t{silence}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("consistency", ["file", "run"])
def test_files_in_parts_give_the_report_of_one_process(scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, consistency: str) -> None:
    # Files of a few kilobytes cut in parts of about 1 KB, which the workers read.
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 1000)
    monkeypatch.setattr(termcheck.readers.parts, "PART_BYTES", 1000)
    first = big_table(tmp_path / "first.tsv", 300)
    second = tmp_path / "second.jsonl"
    second.write_text(
        "".join(json.dumps({"id": str(n), "source": LINES[n % 5][0], "target": LINES[(n * 3) % 5][1]}, ensure_ascii=False) + "\n" for n in range(200)),
        encoding="utf-8",
    )
    code, out, _ = same_as_one_process(scheduler, str(first), str(second), "--consistency", consistency)
    report = json.loads(out)
    assert code == 1
    assert report["summary"]["segments"] == 300 - 27 + 200  # 27 rows not translated (n % 11 == 4)
    assert report["summary"]["silenced"] > 0


def test_a_whole_file_longer_than_a_chunk_is_checked_a_chunk_at_a_time(scheduler: str, tmp_path: Path) -> None:
    # About 3,000 units: several chunks of the worker's reading, positions carried across them.
    units = "".join(
        f'<tu tuid="{n}"><tuv xml:lang="zh-CN"><seg>{LINES[n % 5][0]}</seg></tuv><tuv xml:lang="en-US"><seg>{LINES[(n * 2) % 5][1]}</seg></tuv></tu>\n'
        for n in range(3000)
    )
    memory = tmp_path / "memory.tmx"
    memory.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN" adminlang="en" segtype="sentence" o-tmf="x" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>\n{units}</body></tmx>\n', encoding="utf-8")
    assert memory.stat().st_size > 2 * 200_000  # more than two chunks of text
    code, out, _ = same_as_one_process(scheduler, str(memory), "--consistency", "run")
    assert code == 1 and json.loads(out)["summary"]["segments"] == 3000


def test_a_broken_file_read_by_a_worker_is_named(scheduler: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlf"
    broken.write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n<trans-unit id="1">', encoding="utf-8")
    code, out, err = check_json(str(broken), "--scheduler", scheduler)
    assert (code, out) == (2, "")
    assert err.startswith(f"termcheck: error: {broken}:") and err.count("\n") == 1


def test_a_worker_killed_during_the_run_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(termcheck.readers.lines, "STREAM_BYTES", 1000)
    monkeypatch.setattr(termcheck.readers.parts, "PART_BYTES", 1000)
    table = big_table(tmp_path / "memory.tsv", 300)
    expected = check_json(str(table), "--jobs", "1")
    marker = tmp_path / "killed"
    # The first worker to start its second unit kills itself, as the out-of-memory killer would;
    # the cluster's workers are started with it in their environment.
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, f"2:{marker}")
    with local_cluster() as cluster:
        assert check_json(str(table), "--scheduler", cluster.scheduler_address) == expected
    assert marker.exists()  # a worker did die
    assert expected[0] == 1


def test_a_unit_that_kills_every_worker_ends_the_run_with_its_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dask

    table = tmp_path / "memory.tsv"
    table.write_text("id\tzh\ten\n1\t中国共产党领导。\tThe CPC leads.\n", encoding="utf-8")
    monkeypatch.setenv(termcheck.scan.FAULT_INJECTION_VARIABLE, "1")  # every worker dies on its first unit
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), local_cluster() as cluster:
        code, out, err = check_json(str(table), "--scheduler", cluster.scheduler_address)
    assert (code, out) == (2, "")
    assert err == f"termcheck: error: {table}: checking it ended a worker each of the 2 times it was tried (out of memory?); nothing was reported\n"


def test_a_local_cluster_is_started_and_closed_for_the_run() -> None:
    args = (str(SAMPLES / "demo.po"),)
    assert check_json(*args, "--scheduler", "local:1") == check_json(*args)


@pytest.mark.parametrize(("given", "message"), [
    ("local:0", "--scheduler local:N needs a number of workers of 1 or more, not '0'"),
    ("local:two", "--scheduler local:N needs a number of workers of 1 or more, not 'two'"),
])
def test_a_wrong_local_cluster_is_a_usage_error(given: str, message: str) -> None:
    assert check_json(str(SAMPLES / "demo.po"), "--scheduler", given) == (2, "", f"termcheck: error: {message}\n")


def test_from_python_with_a_client_of_ones_own(scheduler: str, archive: Path) -> None:
    from termcheck.api import check_paths
    from termcheck.config import Config
    from termcheck.reporters import get_reporter

    config = Config(glossaries=(str(TEST_GLOSSARY),), builtin=False)

    def report(**kwargs: object) -> str:
        import io

        out = io.StringIO()
        get_reporter("json")(check_paths([str(archive)], config, **kwargs), out)  # type: ignore[arg-type]
        return out.getvalue()

    with distributed.Client(scheduler) as client:
        assert report(client=client) == report()


def test_progress_counts_the_cluster_s_tasks(scheduler: str, archive: Path) -> None:
    from termcheck.api import check_paths
    from termcheck.config import Config

    calls: list[tuple[int, int | None]] = []
    with distributed.Client(scheduler) as client:
        check_paths([str(archive)], Config(glossaries=(str(TEST_GLOSSARY),), builtin=False), progress=lambda done, total: calls.append((done, total)), client=client)
    # One task a file here (each read whole by a worker): done counts up, the total once known.
    assert [done for done, _ in calls] == list(range(1, 10))
    assert calls[-1] == (9, 9)


def test_the_library_check_of_segments_on_a_cluster_gives_the_findings_of_one_process(scheduler: str, matchers: object) -> None:
    from termcheck import Segment, TextOrigin, check

    origin = TextOrigin("memory.txt")
    segments = [Segment(*LINES[(n * 2) % 5], origin, origin, n + 1, "memory.txt") for n in range(60)]
    expected = list(check(segments, matchers).findings)  # type: ignore[arg-type]
    assert any(finding.rule == "inconsistent" for finding in expected)
    with distributed.Client(scheduler) as client:
        assert list(check(segments, matchers, client=client).findings) == expected  # type: ignore[arg-type]
