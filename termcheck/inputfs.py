"""Where input files are read from: local paths, or any fsspec URL (s3://bucket/archive/,
gs://…, file://…) where the user has fsspec and the filesystem's package (s3fs, gcsfs …), as a
cluster's workers read an archive from object storage.

Local paths go through the standard library as before; only a path with a scheme imports fsspec.
A URL names a file the way the reports name it: the URL as given, or as the filesystem lists it
under a folder URL (with its scheme).
"""

from __future__ import annotations

import re
from typing import IO, Any

from termcheck.errors import InputError, UsageError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: str) -> bool:
    return _SCHEME.match(path) is not None


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL and the path within it."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UsageError(f"{url}: reading URLs needs fsspec (pip install 'termcheck[dask]', and the filesystem's package, such as s3fs)") from None
    try:
        return url_to_fs(url)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as error:
        # An unknown protocol, or its package missing ("Install s3fs to access S3").
        raise InputError(url, f"cannot read: {error}") from None


def _with_scheme(url: str, listed: str) -> str:
    """A path the filesystem listed, as a URL with the scheme of the one given."""
    if is_url(listed):
        return listed
    scheme = url[: url.index("://") + 3]
    # A local filesystem lists absolute paths (file:///srv/x); object stores list bucket/key.
    return scheme + (listed if scheme == "file://" else listed.lstrip("/"))


def open_binary(path: str) -> IO[bytes]:
    """The file at a local path or URL, open for reading bytes."""
    if not is_url(path):
        return open(path, "rb")
    filesystem, inner = _filesystem(path)
    return filesystem.open(inner, "rb")  # type: ignore[no-any-return]


def size(path: str) -> int:
    import os

    if not is_url(path):
        return os.path.getsize(path)
    filesystem, inner = _filesystem(path)
    return int(filesystem.size(inner))


def kind(path: str) -> str | None:
    """"file", "folder", or None when nothing is there."""
    if not is_url(path):
        from pathlib import Path

        local = Path(path)
        return "folder" if local.is_dir() else "file" if local.exists() else None
    filesystem, inner = _filesystem(path)
    try:
        if filesystem.isdir(inner):
            return "folder"
        return "file" if filesystem.exists(inner) else None
    except OSError as error:
        raise InputError(path, f"cannot read: {error}") from None


def files_under(url: str) -> list[str]:
    """Every file under a folder URL, as URLs, sorted."""
    filesystem, inner = _filesystem(url)
    try:
        listed = filesystem.find(inner)
    except OSError as error:
        raise InputError(url, f"cannot read: {error}") from None
    return sorted(_with_scheme(url, path) for path in listed)
