"""Inputs named by fsspec URLs (file://, memory://, and s3:// … where their packages are
installed) are read as local paths are: the same findings, the URL as the file's name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TEST_GLOSSARY, run

pytest.importorskip("fsspec")


def check_json(*args: str) -> tuple[int, str, str]:
    return run("check", *args, "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "-f", "json")


def test_a_folder_url_gives_the_findings_of_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(FIXTURES / "formats", folder)
    code, out, err = check_json(folder.as_uri())
    assert (code, err) == (1, "")
    assert (code, out.replace(folder.as_uri(), str(folder)), err) == check_json(str(folder))
    assert {finding["file"] for finding in json.loads(out)["findings"]} == {f"{folder.as_uri()}/{name}" for name in ("inline.tmx", "inline.xlf", "news.csv", "news.jsonl", "news.po", "news.tsv", "news.xliff2.xlf")}


def test_an_object_store_listing_is_read_under_its_scheme() -> None:
    import fsspec

    memory = fsspec.filesystem("memory")
    for name in ("news.po", "news.tsv", ".hidden/news.po"):
        memory.pipe(f"/archive/{name}", (FIXTURES / "formats" / Path(name).name).read_bytes())
    try:
        code, out, err = check_json("memory://archive/")
    finally:
        memory.rm("/archive", recursive=True)
    report = json.loads(out)
    assert (code, err) == (1, "")
    assert report["summary"]["files"] == 2  # the hidden folder is passed over, as on disk
    assert {finding["file"] for finding in report["findings"]} == {"memory://archive/news.po", "memory://archive/news.tsv"}


@pytest.mark.parametrize(("url", "message"), [
    ("zz://bucket/news.xlf", "zz://bucket/news.xlf: cannot read: Protocol not known: zz"),
    ("memory://nowhere/news.xlf", "memory://nowhere/news.xlf: no such file or folder"),
])
def test_a_url_that_cannot_be_read_is_one_line(url: str, message: str) -> None:
    assert check_json(url) == (2, "", f"termcheck: error: {message}\n")


def test_fix_shows_the_diff_of_a_url_and_does_not_write_it(tmp_path: Path) -> None:
    po = tmp_path / "news.po"
    shutil.copy(FIXTURES / "formats" / "news.po", po)
    before = po.read_bytes()
    code, out, _ = run("fix", po.as_uri(), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config")
    assert code == 1 and out.startswith(f"--- {po.as_uri()}\n+++ {po.as_uri()}\n")
    code, out, err = run("fix", po.as_uri(), "--no-builtin", "-g", str(TEST_GLOSSARY), "--no-config", "--write")
    assert (code, err) == (2, f"termcheck: error: {po.as_uri()}: --write writes local files only; fix a copy of it here, or apply the diff\n")
    assert po.read_bytes() == before
