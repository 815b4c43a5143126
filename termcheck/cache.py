"""The compiled glossary on disk, so that a run starts in a fraction of a second.

The cache file is named by a hash of everything the compiled matchers depend on: the glossary
files' bytes, whether the built-in glossary is included, the format of the file, the versions of
termcheck, Python and the automaton library, the installed files of the libraries whose tables are
compiled in, and the source of every module of termcheck. A changed glossary gets a new file, and
so does any other termcheck: a file written by another version is never loaded, even one whose
classes would unpickle without an error. A cache file that is not ours (wrong owner, writable by
others), unreadable or corrupt is ignored and rebuilt; writes are atomic.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
# The layout of a cache file; a new one changes the magic line, hence the key and the file name.
_MAGIC = b"termcheck-matchers-2\n"


def cache_folder() -> Path | None:
    """Where compiled glossaries are kept; None when caching is switched off."""
    if os.environ.get("TERMCHECK_NO_CACHE"):
        return None
    configured = os.environ.get("TERMCHECK_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "termcheck"


_COMPILED_IN_LIBRARIES = ("lemminflect", "pycountry")
# termcheck's own package, whose source keys the cache.
_SOURCE = Path(__file__).resolve().parent


def cache_key(files: Sequence[Path], builtin: bool) -> str:
    from termcheck import __version__

    import ahocorasick

    digest = hashlib.sha256(_MAGIC)
    for part in (__version__, sys.version, getattr(ahocorasick, "__version__", ""), str(builtin)):
        digest.update(part.encode() + b"\0")
    # The code of termcheck, all of it (the modules that build the matchers import others, and a
    # pickle names classes of several): a changed termcheck never loads an old pickle.
    for name in _source_files():
        with open(os.path.join(_SOURCE, name), "rb") as source:  # a third faster than Path.read_bytes
            digest.update(f"{name}\0".encode() + source.read())
    # The libraries whose tables are compiled in (inflections, country names): an upgrade
    # reinstalls their files, and their install times key the cache without importing them.
    for library in _COMPILED_IN_LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is not None and spec.origin:
            installed = os.stat(spec.origin)
            digest.update(f"{library}\0{installed.st_mtime_ns}\0{installed.st_size}\0".encode())
    digest.update(files_digest(files).encode())
    return digest.hexdigest()[:32]


# The digests of the glossary files read in this process, by their paths, sizes, inodes and times
# of change (as api.load_matchers knows the files it compiled): a run keys its cache file by the
# digest and names its glossary by it in the report, and reads the files once for both.
_digests: dict[tuple[tuple[str, int, int, int], ...], str] = {}


def files_digest(files: Sequence[Path], *, unreadable_as_empty: bool = False) -> str:
    """sha256 (hex) over each file's name, size and bytes, in order. A file that cannot be read
    raises OSError, or counts as empty with `unreadable_as_empty`."""
    try:
        statuses = [path.stat() for path in files]
    except OSError:
        if not unreadable_as_empty:
            raise
        statuses = []
    identity = tuple((str(path), status.st_size, status.st_ino, status.st_mtime_ns) for path, status in zip(files, statuses))
    if statuses and identity in _digests:
        return _digests[identity]
    digest = hashlib.sha256()
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            if not unreadable_as_empty:
                raise
            data = b""
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    if statuses:
        _digests[identity] = digest.hexdigest()
    return digest.hexdigest()


def _source_files() -> list[str]:
    """The modules of termcheck, as paths relative to the package in sorted order (os.walk: a
    fifth of the time Path.rglob takes, which a warm start pays on every run)."""
    names = []
    for folder, subfolders, files in os.walk(_SOURCE):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        relative = os.path.relpath(folder, _SOURCE).replace(os.sep, "/")
        names += [name if relative == "." else f"{relative}/{name}" for name in files if name.endswith(".py")]
    return sorted(names)


def _trustworthy(path: Path) -> bool:
    try:
        status = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return False
    return not status.st_mode & 0o022  # not writable by group or others


_KEEP_FILES = 8


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the most recently used cache files (each glossary change leaves one)."""
    files = sorted(folder.glob("matchers-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in [p for p in files if p != keep][_KEEP_FILES - 1 :]:
        try:
            stale.unlink()
        except OSError:
            pass


def load_or_build(key: str, build: Callable[[], T]) -> T:
    """The object cached under `key`, or `build()` (then cached)."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"matchers-{key}.pickle"
    if path.is_file() and _trustworthy(path):
        try:
            # Unpickled from the file as it is read: no copy of the whole file in memory.
            with path.open("rb") as cached:
                if cached.read(len(_MAGIC)) == _MAGIC:
                    return pickle.load(cached)  # type: ignore[no-any-return]
        except Exception:  # a corrupt or foreign file: rebuild it
            pass
    value = build()
    import tempfile  # only when a cache file is written: not on a warm start

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".matchers-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
        _prune(folder, keep=path)
    except OSError:
        pass  # a read-only home: work without the cache
    return value
