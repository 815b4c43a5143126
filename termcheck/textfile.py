"""Reading a text file the way every reader needs it: its encoding found (or given), errors as
InputError with a place.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as they say. Anything else is
detected among the encodings Chinese and English texts come in (GB18030/GBK, Big5, UTF-16
without BOM, Windows-1252) by charset-normalizer; text that is UTF-8 except for a few bad bytes
is an error, not a guess, so that nothing is silently garbled.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What detection may choose from: the legacy encodings of Chinese (mainland, Taiwan and Hong Kong)
# and of Western English text.
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "cp1252", "utf_16_le", "utf_16_be"]
_MAX_CHAOS = 0.2


def read_text(path: str | Path, encoding: str | None = None) -> str:
    return decode_text(read_bytes(path), str(path), encoding)


def read_bytes(path: str | Path) -> bytes:
    from termcheck.inputfs import open_binary  # a local path, or an fsspec URL

    name = str(path)
    try:
        with open_binary(name) as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None


def _place(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _decode_strictly(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _place(data, exc.start)
        raise InputError(path, f"not valid {encoding} at byte offset {exc.start} (byte 0x{data[exc.start]:02x})", line, column) from None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    return str(best.encoding)


@dataclass(frozen=True)
class DecodedText:
    """A file's text, and how its bytes hold it: the BOM before it and the codec of the rest, so
    that an edited text can be written back the same way."""

    text: str
    codec: str
    bom: bytes = b""


def decode_text(data: bytes, path: str, encoding: str | None = None) -> str:
    return decode_text_as(data, path, encoding).text


def decode_text_as(data: bytes, path: str, encoding: str | None = None) -> DecodedText:
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r} (--encoding)") from None
        for bom, name in _BOMS:
            # "utf-16" names both byte orders: the BOM says which.
            if data.startswith(bom) and (codecs.lookup(name).name == codec or name.startswith(codec + "-") or codec == "utf-8-sig" == name + "-sig"):
                return DecodedText(_decode_strictly(data[len(bom):], name, path), name, bom)
        return DecodedText(_decode_strictly(data, encoding, path), codec)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return DecodedText(_decode_strictly(data[len(bom):], name, path), name, bom)
    if b"\x00" in data[:8192]:
        detected = _detect(data)
        if detected is None or not detected.startswith("utf_16"):
            raise InputError(path, "looks like a binary file (it contains NUL bytes)")
        return DecodedText(_decode_strictly(data, detected, path), detected)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not another encoding.
    as_utf8 = data.decode("utf-8", errors="replace")
    valid_multibyte = sum(1 for char in as_utf8 if ord(char) > 0x7F and char != "\ufffd")
    detected = None if valid_multibyte > as_utf8.count("\ufffd") else _detect(data)
    if detected is None:
        line, column = _place(data, first_bad)
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at byte offset {first_bad}) and not GB18030, Big5 or "
            "Windows-1252 either; save the file as UTF-8 or name its encoding with --encoding",
            line,
            column,
        )
    return DecodedText(_decode_strictly(data, detected, path), detected)
