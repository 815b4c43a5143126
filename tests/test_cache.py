"""The compiled glossary cache: used when valid, rebuilt when the glossary changes or the file is
corrupt or not ours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termcheck.cache import _MAGIC, cache_key, load_or_build


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(folder))
    return folder


def test_second_load_comes_from_the_cache(cache_dir: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"entries": 3}

    assert load_or_build("k1", build) == {"entries": 3}
    assert load_or_build("k1", build) == {"entries": 3}
    assert len(builds) == 1
    [cached] = cache_dir.iterdir()
    assert oct(cached.stat().st_mode & 0o777) == "0o600"


def test_a_changed_glossary_has_another_key(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text('[[entry]]\nid = "a"\n', encoding="utf-8")
    before = cache_key([glossary], builtin=False)
    assert cache_key([glossary], builtin=True) != before
    glossary.write_text('[[entry]]\nid = "b"\n', encoding="utf-8")
    assert cache_key([glossary], builtin=False) != before


@pytest.mark.parametrize("damage", ["truncate", "garbage", "foreign-magic", "older-format", "world-writable"])
def test_corrupt_or_untrusted_cache_files_are_rebuilt(cache_dir: Path, damage: str) -> None:
    load_or_build("k2", lambda: "first")
    [path] = cache_dir.iterdir()
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:10])
    elif damage == "garbage":
        path.write_bytes(_MAGIC + b"\x80\x04garbage")
    elif damage == "foreign-magic":
        path.write_bytes(b"something else entirely")
    elif damage == "older-format":
        path.write_bytes(b"termcheck-matchers-1\n" + path.read_bytes()[len(_MAGIC) :])
    else:
        os.chmod(path, 0o666)
    assert load_or_build("k2", lambda: "rebuilt") == "rebuilt"
    assert load_or_build("k2", lambda: "never") == "rebuilt"


def test_no_cache_when_switched_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    assert load_or_build("k3", lambda: "value") == "value"
    assert not cache_dir.exists()


def test_an_upgraded_library_compiled_in_has_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import termcheck.cache

    library = tmp_path / "compiled_in_tables.py"
    library.write_text("TABLE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(termcheck.cache, "_COMPILED_IN_LIBRARIES", ("compiled_in_tables",))
    glossary = tmp_path / "g.toml"
    glossary.write_text("", encoding="utf-8")
    before = cache_key([glossary], True)
    library.write_text("TABLE = 2 # upgraded\n", encoding="utf-8")
    assert cache_key([glossary], True) != before


def test_another_termcheck_has_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache written by another version of termcheck (any module changed, not only those that
    build the matchers) is never loaded: its classes might unpickle into something else."""
    import shutil

    import termcheck.cache

    package = tmp_path / "termcheck"
    shutil.copytree(Path(termcheck.cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(termcheck.cache, "_SOURCE", package)
    glossary = tmp_path / "g.toml"
    glossary.write_text("", encoding="utf-8")
    before = cache_key([glossary], True)
    assert cache_key([glossary], True) == before
    reporter = package / "reporters" / "text.py"
    reporter.write_text(reporter.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache_key([glossary], True) != before


def _warm_check(folder: Path, source: str, target: str) -> tuple[str, str, list[str]]:
    """`termcheck check` of a pair of one-line files in a new process, the second time (the
    compiled glossary cached by the first): its exit code, its output and the modules it imported."""
    import subprocess
    import sys

    (folder / "a.zh.txt").write_text(source + "\n", encoding="utf-8")
    (folder / "a.en.txt").write_text(target + "\n", encoding="utf-8")
    script = (
        "import runpy, sys\n"
        "sys.argv = ['termcheck', 'check', 'a.zh.txt', 'a.en.txt']\n"
        "try:\n    runpy.run_module('termcheck', run_name='__main__')\n"
        "except SystemExit as done:\n    print(done.code, *sorted(sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    runs = [subprocess.run([sys.executable, "-c", script], cwd=folder, env=env, capture_output=True, text=True, check=True) for _ in range(2)]
    code, *modules = runs[1].stderr.splitlines()[-1].split()
    return code, runs[1].stdout, modules


def test_a_warm_check_neither_reads_nor_compiles_a_glossary(tmp_path: Path) -> None:
    """With the compiled glossary in the cache, `termcheck check` starts without the code that reads
    glossary files or compiles them (lemminflect, OpenCC, pycountry), and without tomllib where
    there is no project configuration: start-up time is a feature of a pre-commit hook."""
    code, out, modules = _warm_check(tmp_path, "中国共产党领导中华全国总工会。", "The CCP leads the All-China Federation of Trade Unions.")
    assert code == "1" and "CCP" in out  # the deprecated "CCP" is reported: the check ran
    assert "termcheck.matching.compiled" in modules
    for unneeded in ("termcheck.glossary.load", "lemminflect", "opencc", "pycountry", "tomllib", "tempfile", "termcheck.terms"):
        assert unneeded not in modules


def test_a_clean_check_builds_only_its_command(tmp_path: Path) -> None:
    """A check with nothing to report builds the options of `check` alone (the modules of the other
    commands are not imported), and imports neither the near-miss search nor the English context
    checks, which only a missing term or a rejected rendering needs."""
    code, out, modules = _warm_check(tmp_path, "中国共产党领导中华全国总工会。", "The CPC leads the All-China Federation of Trade Unions.")
    assert (code, out) == ("0", "")
    assert "termcheck.commands.check" in modules
    for unneeded in (
        "termcheck.commands.terms", "termcheck.commands.fix", "termcheck.commands.lookup", "termcheck.commands.validate",
        "termcheck.commands.stats", "termcheck.commands.export", "termcheck.commands.import_",
        "termcheck.matching.fuzzy", "termcheck.matching.en_context",
    ):
        assert unneeded not in modules
