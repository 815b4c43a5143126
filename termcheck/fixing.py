"""Applying the findings' replacements to the target files: what `termcheck fix` shows or writes.

A finding is fixed only through its `replacement` (a span of the segment's target text and the
new text), put into the file at the place the segment's TextOrigin gives, written as the file's
format writes text (XML escapes, PO and JSON string escapes, CSV quoting) and in the file's own
encoding. Every byte outside the replaced text is copied from the file as it was read: the
encoding, the BOM, the line endings, the markup. An edit is refused where the text to replace is
not one run of the file (inline markup, an entity, an escape stands in it); of two overlapping
edits the first, by severity and place, is applied and the other listed as not fixed. A file
that cannot be written back as it was read is an error, and nothing is changed.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import CheckResult, Finding, TextOrigin
from termcheck.positions import breaks_within, file_offset, line_starts
from termcheck.rules.findings import shown_english
from termcheck.textfile import DecodedText, decode_text_as, read_bytes

# The format of a plain text file of a SOURCE TARGET pair.
PLAIN_TEXT = "text"


@dataclass(frozen=True)
class NotFixed:
    finding: Finding
    reason: str


@dataclass(frozen=True)
class FixedFile:
    """A target file before and after its edits, as bytes (what is written) and as text (what a
    diff shows)."""

    path: str
    original: bytes
    fixed: bytes
    text_before: str
    text_after: str
    # The findings whose replacements are applied.
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class FixPlan:
    files: tuple[FixedFile, ...]
    not_fixed: tuple[NotFixed, ...]

    @property
    def fixed(self) -> int:
        return sum(len(file.findings) for file in self.files)


@dataclass(frozen=True)
class _Edit:
    """An edit of a file's text: characters start..end become `text` (as the file writes it)."""

    start: int
    end: int
    text: str
    finding: Finding


def plan_fixes(result: CheckResult, *, format_in: str | None = None, encoding: str | None = None) -> FixPlan:
    """The edits of each target file that apply the findings' replacements, and the findings left
    as they are, each with why. Reads the target files again; changes nothing."""
    not_fixed: list[NotFixed] = []
    by_file: dict[str, list[Finding]] = {}
    # Each finding's place in the report, for the findings not fixed (iterating findings read back
    # from a temporary file again would give other objects).
    order: dict[int, int] = {}
    for number, finding in enumerate(result.findings):
        order[id(finding)] = number
        if finding.replacement is None:
            not_fixed.append(NotFixed(finding, why_no_replacement(finding)))
        else:
            by_file.setdefault(finding.segment.target_origin.path, []).append(finding)
    files: list[FixedFile] = []
    for path, findings in by_file.items():
        file_format = _format_of(path, findings[0], format_in)
        fixed, refused = _fix_file(path, file_format, findings, encoding)
        not_fixed.extend(refused)
        if fixed is not None:
            files.append(fixed)
    return FixPlan(tuple(files), tuple(sorted(not_fixed, key=lambda item: order[id(item.finding)])))


def write_fixes(plan: FixPlan) -> None:
    """Each fixed file written in place, atomically (a symbolic link keeps pointing at the file).
    A read-only file, or a URL, is refused before any file is written: the renamed temporary file
    would replace a read-only file as if it were writable, and a URL has no rename."""
    import os

    from termcheck.inputfs import is_url
    from termcheck.outputfile import write_bytes_atomically

    for file in plan.files:
        if is_url(file.path):
            raise InputError(file.path, "--write writes local files only; fix a copy of it here, or apply the diff")
        if not os.access(Path(file.path).resolve(), os.W_OK):
            raise InputError(file.path, "is read-only; nothing was changed")
    for file in plan.files:
        write_bytes_atomically(Path(file.path).resolve(), file.fixed)


def why_no_replacement(finding: Finding) -> str:
    """Why a finding has no replacement to apply, in the words of the `fix` report."""
    if finding.rule == "inconsistent":
        return "the rendering is an accepted one: which alternative to keep throughout is the translator's choice"
    if finding.rule in ("deprecated", "superseded"):
        # A rejected rendering without a replacement is a mention: the rules offer none there.
        return "a mention (quoted, or after 'so-called') may be somebody's own wording, not the translation's"
    if finding.found is None:
        return "nothing in the translation to replace" + (f"; {finding.fix}" if finding.fix else "")
    return f"no unambiguous replacement for '{shown_english(finding.found)}': the words around it would have to change too"


def _format_of(path: str, finding: Finding, format_in: str | None) -> str:
    if finding.segment.source_origin.path != path:
        return PLAIN_TEXT  # the target of a SOURCE TARGET pair
    from termcheck.readers import format_of

    found = format_of(path, format_in)
    if found is None:
        raise InputError(path, "cannot tell the file's format to write it back")
    return found


def _decoded(path: str, file_format: str, data: bytes, encoding: str | None) -> DecodedText:
    """The file's text exactly as its reader decoded it, so that offsets agree."""
    if file_format in ("xliff", "tmx"):
        from termcheck.readers.xmltext import decode_xml_as

        return decode_xml_as(data, path)
    if file_format == "po":
        from termcheck.readers.base import ReadOptions
        from termcheck.readers.po import po_encoding

        return decode_text_as(data, path, po_encoding(data, path, ReadOptions(encoding=encoding)))
    return decode_text_as(data, path, encoding)


def _fix_file(path: str, file_format: str, findings: Sequence[Finding], encoding: str | None) -> tuple[FixedFile | None, list[NotFixed]]:
    data = read_bytes(path)
    decoded = _decoded(path, file_format, data, encoding)
    text = decoded.text
    starts = line_starts(text)
    refused: list[NotFixed] = []
    candidates: list[_Edit] = []
    for finding in findings:
        edit = _edit(finding, text, starts, file_format, decoded.codec)
        if isinstance(edit, str):
            refused.append(NotFixed(finding, edit))
        else:
            candidates.append(edit)
    # The more severe finding first, then the earlier place: of two overlapping edits, it wins.
    candidates.sort(key=lambda edit: (-edit.finding.severity.rank, edit.start, edit.end))
    applied: list[_Edit] = []
    # The applied edits by place: they never overlap, so a new edit can only clash with the one
    # before or after its start.
    placed: list[tuple[int, int, int]] = []
    for edit in candidates:
        at = bisect_right(placed, (edit.start, edit.end, len(applied)))
        neighbours = [applied[placed[index][2]] for index in (at - 1, at) if 0 <= index < len(placed)]
        clash = next((other for other in neighbours if edit.start < other.end and other.start < edit.end), None)
        if clash is not None and (clash.start, clash.end, clash.text) != (edit.start, edit.end, edit.text):
            other = clash.finding
            refused.append(NotFixed(edit.finding, f"overlaps the fix of {other.rule} at {other.file}:{other.line}:{other.column}, which is applied"))
            continue
        # (The same edit for two findings is made once and fixes both.)
        placed.insert(at, (edit.start, edit.end, len(applied)))
        applied.append(edit)
    if not applied:
        return None, refused
    applied.sort(key=lambda edit: (edit.start, edit.end))
    fixed_text, fixed_bytes = _apply(path, data, decoded, applied)
    fixed = FixedFile(path, data, fixed_bytes, text, fixed_text, tuple(edit.finding for edit in applied))
    return fixed, refused


def _apply(path: str, data: bytes, decoded: DecodedText, edits: Sequence[_Edit]) -> tuple[str, bytes]:
    """The text and the bytes with the edits made; the bytes between the edits are the file's own,
    checked to be what the text encodes to (else the file cannot be written back faithfully)."""
    text, codec = decoded.text, decoded.codec
    pieces, text_pieces = [decoded.bom], []
    position, byte_position = 0, len(decoded.bom)
    if not data.startswith(decoded.bom):
        raise _unfaithful(path, codec)
    done: set[tuple[int, int]] = set()
    for edit in edits:
        if (edit.start, edit.end) in done:
            continue
        done.add((edit.start, edit.end))
        kept = _encoded_as_read(path, data, byte_position, text[position : edit.start], codec)
        old = _encoded_as_read(path, data, byte_position + len(kept), text[edit.start : edit.end], codec)
        pieces += [kept, edit.text.encode(codec)]
        text_pieces += [text[position : edit.start], edit.text]
        byte_position += len(kept) + len(old)
        position = edit.end
    rest = _encoded_as_read(path, data, byte_position, text[position:], codec)
    if byte_position + len(rest) != len(data):
        raise _unfaithful(path, codec)
    pieces.append(rest)
    text_pieces.append(text[position:])
    return "".join(text_pieces), b"".join(pieces)


def _encoded_as_read(path: str, data: bytes, offset: int, text: str, codec: str) -> bytes:
    encoded = text.encode(codec)
    if data[offset : offset + len(encoded)] != encoded:
        raise _unfaithful(path, codec)
    return encoded


def _unfaithful(path: str, codec: str) -> InputError:
    return InputError(path, f"cannot be written back as it was read (its text does not encode to the same bytes in {codec}); nothing was changed")


def _file_offset(origin: TextOrigin, offset: int, starts: Sequence[int]) -> int:
    """Where the character at `offset` of a segment's text is in the file's text."""
    if origin.offsets is not None:
        return file_offset(origin.offsets, offset)
    # A verbatim run of the file from its line and column.
    return starts[origin.line - 1] + origin.column - 1 + offset


# Characters that begin an escape in each format: text holding one is not written as it reads.
_ESCAPE_STARTS = {"xliff": "&<", "tmx": "&<", "po": "\\\"", "jsonl": "\\\"", "csv": '"', "tsv": "", PLAIN_TEXT: ""}


def _edit(finding: Finding, text: str, starts: Sequence[int], file_format: str, codec: str) -> _Edit | str:
    """The finding's replacement as an edit of the file's text, or why it cannot be made."""
    assert finding.replacement is not None
    segment, replacement = finding.segment, finding.replacement
    origin, target = segment.target_origin, segment.target
    span = replacement.span
    if origin.offsets is None and origin.line > len(starts):
        return "the file does not hold the text to replace where it was read (has it changed since?)"
    start = _file_offset(origin, span.start, starts)
    end = start + span.end - span.start
    if breaks_within(origin, span.start, span.end):
        between = text[start : _file_offset(origin, span.end, starts)]
        if "<" in between:
            return "inline markup stands in the text to replace; a fix never crosses a tag"
        if file_format == "po":
            across = _across_po_lines(finding, text, starts, codec)
            if across is not None:
                return across
        return "an escape or a line break of the file stands in the text to replace"
    if text[start:end] != target[span.start : span.end]:
        return "the file does not hold the text to replace where it was read (has it changed since?)"
    # In an XML CDATA section the text is written as it reads: no escapes, no character references.
    cdata = file_format in ("xliff", "tmx") and _in_cdata(text, start)
    escape_starts = "" if cdata else _ESCAPE_STARTS.get(file_format, "")
    if any(character in escape_starts for character in text[start:end]):
        return "an escape of the file stands in the text to replace"
    if cdata and "]]>" in target[: span.start] + replacement.text + target[span.end :]:
        return "the new text would end the CDATA section it stands in"
    written = replacement.text if cdata else _as_written(replacement.text, file_format)
    if file_format == "csv":
        cell_start = _file_offset(origin, 0, starts)
        quoted = cell_start > 0 and text[cell_start - 1] == '"'
        if not quoted and re.search(r'[,"\r\n]', replacement.text):
            # An unquoted cell takes the new text only once quoted: the whole cell is rewritten.
            new_cell = target[: span.start] + replacement.text + target[span.end :]
            return _Edit(cell_start, cell_start + len(target), '"' + new_cell.replace('"', '""') + '"', finding)
    if file_format == "tsv" and re.search(r"[\t\r\n]", replacement.text):
        return "a TSV cell cannot hold a tab or a line break"
    try:
        written.encode(codec)
    except UnicodeEncodeError:
        if file_format not in ("xliff", "tmx") or cdata:
            return f"the file's encoding ({codec}) cannot hold the new text"
        written = written.encode(codec, errors="xmlcharrefreplace").decode(codec)
    return _Edit(start, end, written, finding)


def _in_cdata(text: str, offset: int) -> bool:
    """Whether `offset` of an XML file's text lies inside a CDATA section."""
    opening = text.rfind("<![CDATA[", 0, offset)
    return opening >= 0 and text.find("]]>", opening, offset) < 0


# Where a PO string goes on on the next line: the closing quote, the line break, the opening quote.
_PO_CONTINUATION = re.compile(r'"[ \t]*(?:\r\n|\r|\n)[ \t]*"')


def _across_po_lines(finding: Finding, text: str, starts: Sequence[int], codec: str) -> _Edit | str | None:
    """The edit of a text to replace that runs across the lines of a wrapped PO string (msgmerge
    wraps long strings at spaces): the new text where the old one starts, and the string's line
    breaks after it, so that the file stays a valid PO file. None where anything but those line
    breaks stands in the old text (an escape); why not, where the encoding cannot hold the new
    text."""
    assert finding.replacement is not None
    origin, span = finding.segment.target_origin, finding.replacement.span
    start = _file_offset(origin, span.start, starts)
    end = _file_offset(origin, span.end - 1, starts) + 1
    old = text[start:end]
    pieces = _PO_CONTINUATION.split(old)
    if "".join(pieces) != finding.segment.target[span.start : span.end] or any(c in _ESCAPE_STARTS["po"] for c in "".join(pieces)):
        return None
    written = _as_written(finding.replacement.text, "po")
    try:
        written.encode(codec)
    except UnicodeEncodeError:
        return f"the file's encoding ({codec}) cannot hold the new text"
    return _Edit(start, end, written + "".join(_PO_CONTINUATION.findall(old)), finding)


def _as_written(text: str, file_format: str) -> str:
    """The text as the file's format writes it at the place of a segment's text."""
    if file_format in ("xliff", "tmx"):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if file_format == "po":
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    if file_format == "jsonl":
        return json.dumps(text, ensure_ascii=False)[1:-1]
    if file_format == "csv":
        return text.replace('"', '""')  # inside a quoted cell; an unquoted one is quoted whole
    return text


def written_as_it_reads(finding: Finding) -> bool:
    """Whether the finding's new text goes into its file as it reads, with no escape or quoting,
    by the file's format as its name says (a format the name does not say: only a text that no
    format escapes). An edit offered as plain text (SARIF's) is the one `fix` makes only then."""
    assert finding.replacement is not None
    text = finding.replacement.text
    segment = finding.segment
    if segment.source_origin.path != segment.target_origin.path:
        return True  # the target of a SOURCE TARGET pair
    from termcheck.readers import READERS

    suffix = Path(segment.target_origin.path).suffix.lower()
    file_format = next((name for name, (extensions, _, _) in READERS.items() if suffix in extensions), None)
    if file_format == "csv":
        return re.search(r'[,"\r\n]', text) is None  # an unquoted cell would have to be quoted
    if file_format == "tsv":
        return re.search(r"[\t\r\n]", text) is None
    if file_format is None:
        return all(_as_written(text, name) == text for name in ("xliff", "po", "jsonl", "csv"))
    return _as_written(text, file_format) == text


def unified_diff(plan: FixPlan) -> Iterable[str]:
    """The edits as a unified diff of each file (named as given on both sides, as `patch -p0`
    takes it), line endings as in the files."""
    import difflib

    for file in plan.files:
        lines = difflib.unified_diff(_lines(file.text_before), _lines(file.text_after), file.path, file.path)
        for line in lines:
            if line.endswith(("\n", "\r")):
                yield line
            else:
                yield line + "\n\\ No newline at end of file\n"


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[str]:
    """The lines of a text with their line breaks (LF, CR LF or CR, as editors count them)."""
    return _LINE.findall(text)


__all__ = ["FixPlan", "FixedFile", "NotFixed", "plan_fixes", "unified_diff", "why_no_replacement", "write_fixes", "written_as_it_reads"]
