"""Writing an output file atomically: a temporary file beside it, renamed into place when complete,
so that an interrupted run leaves the old file whole."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from termcheck.errors import InputError


def write_atomically(path: str | Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, flushed to disk before
    it replaces the old file, whose permissions it keeps."""
    with written_atomically(path) as out:
        out.write(data)


@contextmanager
def written_text_atomically(path: str | Path) -> Iterator[TextIO]:
    """A text file (UTF-8, line ends as written) that replaces `path` when the block ends without
    an error: a long report is written as it is made, never held whole."""
    with written_atomically(path) as binary:
        out = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        yield out
        out.flush()
        out.detach()  # the binary file is closed (or removed) by written_atomically


@contextmanager
def written_atomically(path: str | Path) -> Iterator[BinaryIO]:
    """A file that replaces `path` when the block ends without an error: a temporary file in the
    same folder, flushed to disk before it replaces the old file, whose permissions it keeps; on
    an error the temporary file is removed and `path` left as it was."""
    target = Path(path)
    if target.is_dir():
        raise InputError(str(target), "is a directory, not a file")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        import tempfile  # here, not at start-up: most checks write no file

        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(str(target), f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
