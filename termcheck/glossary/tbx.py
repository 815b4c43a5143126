"""TBX (ISO 30042) glossaries: export in the TBX-Basic dialect, import TBX-Basic and the older
TBX 2 (martif) files CAT tools still write.

Mapping between an entry and a TBX concept:

    entry.id          conceptEntry/@id
    entry.category    descrip[@type=subjectField]        (concept level)
    entry.note        note                               (concept level)
    entry.zh          langSec[zh-Hans]/termSec/term      headword preferred, variants admitted
    entry.en          langSec[en]/termSec                first preferred, others admitted
    entry.short       langSec[en]/termSec                termType acronym, admitted
    entry.superseded  langSec[en]/termSec                supersededTerm-admn-sts, with a note
                                                         "superseded since 2020: reason"
    entry.deprecated  langSec[en]/termSec                deprecatedTerm-admn-sts, the reason as
                                                         its note
    entry.source      admin[@type=source]                on the preferred English term
    entry.evidence    descripGrp on the English term it shows (the preferred one where the record
                      names none): descrip[@type=context] the quote, admin[@type=source]
                      'Publisher, “Title”, date', xref[@type=externalCrossReference] the address

TBX-Basic has no data categories for termcheck's matching settings (`interchangeable`, `match`,
`severity`, `scope`, `not_after`, `not_before`, `unverified`, `counterparts`, `descriptions`); an export drops them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from termcheck.errors import InputError
from termcheck.glossary.shapes import ACRONYM, made_id
from termcheck.glossary.write import deprecated_reason
from termcheck.model import Entry, Evidence, Superseded
from termcheck.xmlsafe import XML_LANG, local_name, parse_xml

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
SOURCE_LANGUAGE = "zh-Hans"
TARGET_LANGUAGE = "en"

_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_SUPERSEDED = "supersededTerm-admn-sts"
_DEPRECATED = "deprecatedTerm-admn-sts"
# Status values that mean "do not use", in their long (TBX-Basic) and short spellings; a
# superseded term is an older rendering that official texts replaced.
_SUPERSEDED_STATUS = re.compile(r"superseded", re.IGNORECASE)
_REJECTED_STATUS = re.compile(r"deprecated|notrecommended|forbidden|obsolete", re.IGNORECASE)
# The note of a superseded term: "superseded since 2020" and an optional ": reason".
_SUPERSEDED_NOTE = re.compile(r"^superseded since (?P<since>[^:\s]+)(?::\s*(?P<reason>.*))?$", re.DOTALL)
# An evidence record's citation: Publisher, “Title”, date.
_CITATION = re.compile(r"^(?P<publisher>.+?), “(?P<title>.*)”, (?P<date>\d{4}(?:-\d\d){0,2})$", re.DOTALL)
_SHORT_TERM_TYPES = frozenset({"acronym", "abbreviation", "shortform", "initialism"})


# ---------------------------------------------------------------------------------------------
# Export


def _term_section(
    term: str, status: str, *, term_type: str = "", source: str = "", note: str = "", evidence: Sequence[Evidence] = (), indent: str
) -> list[str]:
    lines = [f"{indent}<termSec>", f"{indent}  <term>{escape(term)}</term>"]
    if term_type:
        lines.append(f'{indent}  <termNote type="termType">{term_type}</termNote>')
    lines.append(f'{indent}  <termNote type="administrativeStatus">{status}</termNote>')
    for record in evidence:
        lines.append(f"{indent}  <descripGrp>")
        if record.quote:
            lines.append(f'{indent}    <descrip type="context">{escape(record.quote)}</descrip>')
        lines.append(f'{indent}    <admin type="source">{escape(f"{record.publisher}, “{record.title}”, {record.date}")}</admin>')
        if record.url:
            lines.append(f'{indent}    <xref type="externalCrossReference" target={quoteattr(record.url)}>{escape(record.url)}</xref>')
        lines.append(f"{indent}  </descripGrp>")
    if source:
        lines.append(f'{indent}  <admin type="source">{escape(source)}</admin>')
    if note:
        lines.append(f"{indent}  <note>{escape(note)}</note>")
    lines.append(f"{indent}</termSec>")
    return lines


def _evidence_by_term(entry: Entry) -> dict[str, list[Evidence]]:
    """The evidence records by the English term they go on: the rendering they name, or the
    preferred one. A description's records are left out with the description (TBX has no place
    for it): on the name they would show a quote without it."""
    terms = {*entry.en, *entry.short, *(old.en for old in entry.superseded)}
    by_term: dict[str, list[Evidence]] = {}
    for record in entry.evidence:
        if record.rendering and record.rendering in entry.descriptions:
            continue
        term = record.rendering if record.rendering in terms else entry.preferred
        by_term.setdefault(term, []).append(replace(record, rendering=""))
    return by_term


def entries_to_tbx(entries: Sequence[Entry], *, title: str = "termcheck glossary") -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="{TARGET_LANGUAGE}" xmlns="{TBX_NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        f"      <sourceDesc><p>{escape(title)}</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    section = " " * 10
    for entry in entries:
        lines.append(f"      <conceptEntry id={quoteattr(entry.id)}>")
        if entry.category:
            lines.append(f'        <descrip type="subjectField">{escape(entry.category)}</descrip>')
        if entry.note:
            lines.append(f"        <note>{escape(entry.note)}</note>")
        lines.append(f'        <langSec xml:lang="{SOURCE_LANGUAGE}">')
        for number, form in enumerate(entry.zh):
            lines += _term_section(form, _PREFERRED if number == 0 else _ADMITTED, indent=section)
        lines.append("        </langSec>")
        lines.append(f'        <langSec xml:lang="{TARGET_LANGUAGE}">')
        evidence = _evidence_by_term(entry)
        for number, rendering in enumerate(entry.en):
            status = _PREFERRED if number == 0 else _ADMITTED
            lines += _term_section(
                rendering, status, source=entry.source if number == 0 else "", evidence=evidence.pop(rendering, []), indent=section
            )
        for number, short in enumerate(entry.short):
            # An entry with only short forms carries its source on the first of them.
            source = entry.source if not entry.en and number == 0 else ""
            status = _PREFERRED if not entry.en and number == 0 else _ADMITTED
            lines += _term_section(short, status, term_type="acronym", source=source, evidence=evidence.pop(short, []), indent=section)
        for old in entry.superseded:
            note = f"superseded since {old.since}" + (f": {old.reason}" if old.reason else "")
            lines += _term_section(old.en, _SUPERSEDED, note=note, evidence=evidence.pop(old.en, []), indent=section)
        for number, rendering in enumerate(entry.deprecated):
            lines += _term_section(rendering, _DEPRECATED, note=deprecated_reason(entry, number), indent=section)
        lines.append("        </langSec>")
        lines.append("      </conceptEntry>")
    lines += ["    </body>", "  </text>", "</tbx>"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Import


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _children(element: Any, *names: str) -> list[Any]:
    return [child for child in element if local_name(child) in names]


@dataclass
class _TermProperties:
    term: str = ""
    status: str = ""
    term_type: str = ""
    source: str = ""
    note: str = ""
    evidence: list[Evidence] = field(default_factory=list)


def _term_properties(term_group: Any) -> _TermProperties:
    """The term of a termSec, tig or ntig, its administrative status, term type, source, note and
    the evidence records (descripGrp with a context and its citation) it carries."""
    found = _TermProperties()
    for element in term_group.iter():
        name = local_name(element)
        kind = (element.get("type") or "").replace(" ", "").lower()
        if any(local_name(parent) == "descripGrp" for parent in element.iterancestors()):
            continue  # read with its group below
        if name == "term" and not found.term:
            found.term = _text(element)
        elif (name == "termNote" and kind == "administrativestatus") or name == "administrativeStatus":
            found.status = _text(element)
        elif (name == "termNote" and kind == "termtype") or name == "termType":
            found.term_type = _text(element).replace(" ", "").lower()
        elif name == "admin" and kind == "source" and not found.source:
            found.source = _text(element)
        elif name == "note" and not found.note:
            found.note = _text(element)
        elif name == "descripGrp":
            record = _evidence(element)
            if record is not None:
                found.evidence.append(record)
    return found


def _evidence(group: Any) -> Evidence | None:
    """An evidence record from a descripGrp whose source reads 'Publisher, “Title”, date'."""
    quote = url = citation = ""
    for element in group:
        name = local_name(element)
        kind = (element.get("type") or "").lower()
        if name == "descrip" and kind == "context":
            quote = _text(element)
        elif name == "admin" and kind == "source":
            citation = _text(element)
        elif name == "xref":
            url = (element.get("target") or _text(element)).strip()
    match = _CITATION.match(citation)
    if match is None:
        return None
    return Evidence(match["publisher"], match["title"], match["date"], url=url, quote=quote)


def _concept_to_entry(concept: Any, path: str, taken: Collection[str]) -> Entry | None:
    line = concept.sourceline
    zh: list[tuple[bool, str]] = []
    en: list[tuple[bool, str]] = []
    short: list[str] = []
    deprecated: list[tuple[str, str]] = []
    superseded: list[Superseded] = []
    evidence: list[Evidence] = []
    sources: list[str] = []
    category = ""
    notes: list[str] = []
    for child in concept:
        name = local_name(child)
        kind = (child.get("type") or "").lower()
        if name == "descrip" and kind == "subjectfield" and not category:
            category = _text(child)
        elif name == "note":
            notes.append(_text(child))
        elif name == "descripGrp":
            for descrip in _children(child, "descrip"):
                if (descrip.get("type") or "").lower() == "subjectfield" and not category:
                    category = _text(descrip)
        elif name == "admin" and kind == "source":
            sources.append(_text(child))
    for language_section in _children(concept, "langSec", "langSet"):
        language = (language_section.get(XML_LANG) or language_section.get("lang") or "").lower()
        is_chinese = language.startswith("zh")
        is_english = language.startswith("en")
        if not (is_chinese or is_english):
            continue
        for term_group in _children(language_section, "termSec", "tig", "ntig"):
            found = _term_properties(term_group)
            term, status = found.term, found.status
            if not term:
                continue
            preferred = "preferred" in status.lower()
            if is_chinese:
                # A Chinese form is something to find in the source whatever its status.
                zh.append((preferred, term))
                continue
            if found.source:
                sources.append(found.source)
            # Evidence on the preferred term names no rendering; on another, the term it shows.
            evidence += [record if preferred else replace(record, rendering=term) for record in found.evidence]
            note = _SUPERSEDED_NOTE.match(found.note)
            if _SUPERSEDED_STATUS.search(status) and note is not None:
                superseded.append(Superseded(term, note["since"], (note["reason"] or "").strip()))
            elif _SUPERSEDED_STATUS.search(status) or _REJECTED_STATUS.search(status):
                # A superseded term without the year it was replaced cannot say since when: it is
                # reported as deprecated.
                deprecated.append((term, found.note if _REJECTED_STATUS.search(status) else ""))
            elif found.term_type in _SHORT_TERM_TYPES and ACRONYM.match(term):
                short.append(term)
            else:
                en.append((preferred, term))
    if not zh:
        return None
    # The preferred term goes first; the others keep the file's order.
    zh_forms = _unique([t for p, t in zh if p] + [t for p, t in zh if not p])
    en_forms = _unique([t for p, t in en if p] + [t for p, t in en if not p])
    if not en_forms and not short:
        return None
    entry_id = (concept.get("id") or "").strip() or made_id("tbx", (en_forms or short)[0], taken)
    first_reason: dict[str, str] = {}
    for form, reason in deprecated:
        first_reason.setdefault(form, reason)
    forms = tuple(first_reason)
    reasons = tuple(first_reason[form] for form in forms)
    return Entry(
        id=entry_id,
        zh=tuple(zh_forms),
        en=tuple(en_forms),
        short=tuple(_unique(short)),
        deprecated=tuple(forms),
        deprecated_reasons=reasons if any(reasons) else (),
        superseded=tuple(superseded),
        evidence=tuple(evidence),
        category=category,
        source="; ".join(_unique(sources)),
        note=" ".join(notes),
        origin=f"{path}:{line}" if line else path,
    )


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def parse_tbx(data: bytes, path: str) -> list[Entry]:
    """The entries of a TBX file: every concept with a Chinese term and an English one."""
    root = parse_xml(data, path).getroot()
    if local_name(root) not in ("tbx", "martif"):
        raise InputError(path, f"not a TBX file: the root element is <{local_name(root)}>, not <tbx> or <martif>", root.sourceline)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for concept in root.iter():
        if local_name(concept) not in ("conceptEntry", "termEntry"):
            continue
        entry = _concept_to_entry(concept, path, seen)
        if entry is None:
            continue
        if entry.id in seen:
            raise InputError(path, f"duplicate concept id {entry.id!r} (first at line {seen[entry.id]})", concept.sourceline)
        seen[entry.id] = concept.sourceline or 0
        entries.append(entry)
    if not entries:
        raise InputError(path, "no concept with both a Chinese (zh*) and an English (en*) term")
    return entries
