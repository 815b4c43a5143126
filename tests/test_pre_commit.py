"""The pre-commit hook, run by the real pre-commit against this checkout (pre-commit try-repo)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PO_WITH_CCP = """msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: release.txt:1
msgid "中国共产党领导中华全国总工会。"
msgstr "The CCP leads the All-China Federation of Trade Unions."
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hook_fails_on_a_deprecated_rendering_and_passes_after_the_fix(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.fail("pre-commit is not installed; pip install -e '.[test]'")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of termcheck")
    repo = tmp_path / "l10n"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "translator@example.com")
    git(repo, "config", "user.name", "Translator")
    (repo / "release.po").write_text(PO_WITH_CCP, encoding="utf-8")
    (repo / "notes.txt").write_text("The CCP, in a file the hook does not check.\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "termcheck", "--all-files"],
            cwd=repo, env=env, capture_output=True, text=True, timeout=600,
        )

    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "release.po:8:13: error deprecated: 'CCP' is a deprecated rendering of 中国共产党 (The Party's official English name is 'Communist Party of China', short 'CPC'); use 'CPC'" in failed.stdout
    assert "notes.txt" not in failed.stdout

    (repo / "release.po").write_text(PO_WITH_CCP.replace("The CCP", "The CPC"), encoding="utf-8")
    git(repo, "add", ".")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "termcheck" in passed.stdout and "Passed" in passed.stdout


def readme_snippet() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n# \.pre-commit-config\.yaml\n(?P<config>.*?)```", text, re.DOTALL)
    assert match is not None, "the README has no .pre-commit-config.yaml example"
    return match["config"]


def test_the_readme_s_snippet_names_a_release_tag_of_this_version_and_works_as_written(tmp_path: Path) -> None:
    """The README pins `rev:`; the tag exists, names this version, and the snippet runs, with only
    the repository's address pointing at this checkout."""
    import tomllib

    from termcheck import __version__

    snippet = readme_snippet()
    rev = re.search(r"^\s*rev: (\S+)$", snippet, re.MULTILINE)
    assert rev is not None
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert rev[1] == f"v{version}" and version == __version__
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.fail("pre-commit is not installed; pip install -e '.[test]'")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of termcheck")
    hook_repo = ROOT
    if subprocess.run(["git", "tag", "--list", rev[1]], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip():
        tagged = subprocess.run(["git", "show", f"{rev[1]}:pyproject.toml"], cwd=ROOT, capture_output=True, text=True, check=True)
        assert tomllib.loads(tagged.stdout)["project"]["version"] == version, f"the tag {rev[1]} names another version"
    else:
        # A checkout made without tags (as CI makes them) cannot show the release tag; the snippet is
        # then run against a copy of this commit tagged as the README says, so it is still tested as written.
        hook_repo = tmp_path / "termcheck-release"
        hook_repo.mkdir()
        archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(hook_repo, filter="data")
        git(hook_repo, "init", "-q")
        git(hook_repo, "config", "user.email", "release@example.com")
        git(hook_repo, "config", "user.name", "Release")
        git(hook_repo, "add", ".")
        git(hook_repo, "commit", "-q", "-m", "release")
        git(hook_repo, "tag", rev[1])
    repo = tmp_path / "l10n"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "translator@example.com")
    git(repo, "config", "user.name", "Translator")
    (repo / "release.po").write_text(PO_WITH_CCP, encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        re.sub(r"(- repo: )\S+", lambda m: m[1] + hook_repo.as_uri(), snippet, count=1), encoding="utf-8"
    )
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    run_ = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert run_.returncode == 1, run_.stdout + run_.stderr
    # The hook runs termcheck as tagged: its glossary's wording of the reason may be older than this checkout's.
    assert "release.po:8:13: error deprecated: 'CCP' is a deprecated rendering of 中国共产党" in run_.stdout
