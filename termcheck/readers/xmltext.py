"""The text of XML elements with inline markup left out, and where each character is in the file.

lxml parses the file (safely, see termcheck.xmlsafe) and gives the structure; positions come from
a second, lexical pass over the same text, because a parsed tree no longer knows the column of a
character or how an entity was written. The two agree element for element: the k-th start tag
the lexer sees is the k-th element of the tree in document order.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from html import unescape
from typing import Any

from termcheck.errors import InputError
from termcheck.model import TextOrigin
from termcheck.positions import line_starts, offset_map
from termcheck.textfile import DecodedText, decode_text_as
from termcheck.xmlsafe import local_name, parse_xml

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[^\s/>!?]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?P<empty>/?)>"
    r"|&(?P<entity>#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);",
    re.DOTALL,
)
_DECLARED_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
@dataclass(frozen=True)
class XmlDocument:
    """A parsed XML file with the lexical positions of its elements."""

    path: str
    text: str
    root: Any
    # The lexer's tokens: (kind, start, end, name-or-value), kind one of start, empty, end, text,
    # entity, cdata.
    tokens: tuple[tuple[str, int, int, str], ...]
    # For each element of the tree in document order, the index of its start tag in tokens.
    element_tokens: dict[Any, int]
    line_starts: tuple[int, ...]
    # For a piece of a file parsed on its own: the file's line number of the piece's first line,
    # and the file's offset of its first character (the piece starts a line).
    first_line: int = 1
    first_offset: int = 0

    def line_of(self, element: Any) -> int:
        return int(element.sourceline or 1) + self.first_line - 1

    def text_of(self, element: Any, *, skip: Collection[str] = ()) -> tuple[str, TextOrigin]:
        """The element's text, descending into inline elements but leaving out the content of the
        elements named in `skip` (native codes such as <ph>, <bpt>), with its position map."""
        index = self.element_tokens[element]
        kind, start, end, _ = self.tokens[index]
        chars: list[str] = []
        anchors: list[tuple[int, int]] = []
        length = 0
        if kind == "start":
            depth = 0
            skipping_from: int | None = None
            tokens = self.tokens
            # Walk forward from the start tag (no slicing: that would copy the rest of the file's
            # tokens for every element).
            for position_in_tokens in range(index + 1, len(tokens)):
                kind, start, end, value = tokens[position_in_tokens]
                if kind == "start":
                    depth += 1
                    if skipping_from is None and local_name_of(value) in skip:
                        skipping_from = depth
                    continue
                if kind == "end":
                    if depth == 0:
                        break
                    if skipping_from == depth:
                        skipping_from = None
                    depth -= 1
                    continue
                if skipping_from is not None or kind == "empty":
                    continue
                if kind == "entity":
                    anchors.append((length, start))
                    chars.append(value)
                    length += len(value)
                    anchors.append((length, end))
                    continue
                # text or CDATA: copied as it is, except that a CR LF or a CR reads as LF.
                content_start = start + (9 if kind == "cdata" else 0)
                content = self.text[content_start : end - (3 if kind == "cdata" else 0)]
                position = 0
                for match in re.finditer(r"\r\n?", content):
                    piece = content[position : match.start()] + "\n"
                    anchors.append((length, content_start + position))
                    chars.append(piece)
                    length += len(piece)
                    position = match.end()
                anchors.append((length, content_start + position))
                chars.append(content[position:])
                length += len(content) - position
        line = self.line_of(element)
        compact = _compact(anchors) or ((0, end),)
        if self.first_offset:
            compact = tuple((text_offset, file_offset + self.first_offset) for text_offset, file_offset in compact)
        origin = TextOrigin(self.path, line, 1, offset_map(compact, length, self.line_starts, self.first_line))
        return "".join(chars), origin


def local_name_of(qualified: str) -> str:
    return qualified.rsplit(":", 1)[-1]


def _compact(anchors: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Drop anchors that add nothing: the same text offset twice keeps the last file offset, and
    an anchor that continues the previous run is redundant."""
    result: list[tuple[int, int]] = []
    for text_offset, file_offset in anchors:
        if result and result[-1][0] == text_offset:
            result[-1] = (text_offset, file_offset)
            continue
        if result and file_offset - result[-1][1] == text_offset - result[-1][0]:
            continue
        result.append((text_offset, file_offset))
    return tuple(result)


def decode_xml(data: bytes, path: str) -> str:
    return decode_xml_as(data, path).text


def decode_xml_as(data: bytes, path: str) -> DecodedText:
    """The XML file's text as its declaration or BOM says (a BOM read as text is moved to `bom`:
    positions count from after it)."""
    decoded = _decode_xml(data, path)
    if decoded.text.startswith("\ufeff"):
        return DecodedText(decoded.text[1:], decoded.codec, decoded.bom + "\ufeff".encode(decoded.codec))
    return decoded


def _decode_xml(data: bytes, path: str) -> DecodedText:
    declared = _DECLARED_ENCODING.match(data)
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        encoding = declared.group(1).decode("ascii")
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r} in the XML declaration", 1) from None
        if codecs.lookup(encoding).name not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
            try:
                return DecodedText(data.decode(encoding), codecs.lookup(encoding).name)
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, exc.start) + 1
                raise InputError(path, f"not valid {encoding} (byte offset {exc.start})", line) from None
    return decode_text_as(data, path)


def load_xml(data: bytes, path: str) -> XmlDocument:
    tree = parse_xml(data, path)
    return _located(tree, decode_xml_as(data, path).text, path)


def load_xml_text(text: str, path: str, *, first_line: int, first_offset: int) -> XmlDocument:
    """A piece of an XML file, parsed on its own: it starts line `first_line` of the file, at
    offset `first_offset`; places in errors and origins are the file's."""
    try:
        tree = parse_xml(text.encode("utf-8"), path)
    except InputError as error:
        raise InputError(path, error.message, None if error.line is None else error.line + first_line - 1, error.column) from None
    document = _located(tree, text, path)
    starts = tuple(start + first_offset for start in document.line_starts)
    return replace(document, line_starts=starts, first_line=first_line, first_offset=first_offset)


def _located(tree: Any, text: str, path: str) -> XmlDocument:
    tokens: list[tuple[str, int, int, str]] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            tokens.append(("text", position, match.start(), ""))
        if match.group("start") is not None:
            tokens.append(("empty" if match.group("empty") else "start", match.start(), match.end(), match.group("start")))
        elif match.group("end") is not None:
            tokens.append(("end", match.start(), match.end(), match.group("end")))
        elif match.group("entity") is not None:
            tokens.append(("entity", match.start(), match.end(), unescape(match.group())))
        elif match.group("cdata") is not None:
            tokens.append(("cdata", match.start(), match.end(), ""))
        position = match.end()
    if position < len(text):
        tokens.append(("text", position, len(text), ""))
    starts = [number for number, token in enumerate(tokens) if token[0] in ("start", "empty")]
    elements = [element for element in tree.getroot().iter() if isinstance(element.tag, str)]
    if len(elements) != len(starts):
        raise InputError(path, "cannot locate the elements of this XML file (unusual markup)")
    return XmlDocument(path, text, tree.getroot(), tuple(tokens), dict(zip(elements, starts)), line_starts(text))


__all__ = ["XmlDocument", "load_xml", "load_xml_text", "local_name", "local_name_of"]
