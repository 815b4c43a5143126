"""TBX (ISO 30042) glossaries: export in the TBX-Basic dialect, import TBX-Basic and the older
TBX 2 (martif) files CAT tools still write.

Mapping between an entry and a TBX concept:

    entry.id          conceptEntry/@id
    entry.category    descrip[@type=subjectField]        (concept level)
    entry.note        note                               (concept level)
    entry.zh          langSec[zh-Hans]/termSec/term      headword preferred, variants admitted
    entry.en          langSec[en]/termSec                first preferred, others admitted
    entry.short       langSec[en]/termSec                termType acronym, admitted
    entry.deprecated  langSec[en]/termSec                deprecatedTerm-admn-sts
    entry.source      admin[@type=source]                on the preferred English term

TBX-Basic has no data categories for termcheck's matching settings (`interchangeable`, `match`,
`severity`, `scope`, `not_after`, `not_before`, `unverified`); an export drops them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from termcheck.errors import InputError
from termcheck.glossary.shapes import ACRONYM, made_id
from termcheck.model import Entry
from termcheck.xmlsafe import XML_LANG, local_name, parse_xml

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
SOURCE_LANGUAGE = "zh-Hans"
TARGET_LANGUAGE = "en"

_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_DEPRECATED = "deprecatedTerm-admn-sts"
# Status values that mean "do not use", in their long (TBX-Basic) and short spellings.
_REJECTED_STATUS = re.compile(r"deprecated|superseded|notrecommended|forbidden|obsolete", re.IGNORECASE)
_SHORT_TERM_TYPES = frozenset({"acronym", "abbreviation", "shortform", "initialism"})


# ---------------------------------------------------------------------------------------------
# Export


def _term_section(term: str, status: str, *, term_type: str = "", source: str = "", indent: str) -> list[str]:
    lines = [f"{indent}<termSec>", f"{indent}  <term>{escape(term)}</term>"]
    if term_type:
        lines.append(f'{indent}  <termNote type="termType">{term_type}</termNote>')
    lines.append(f'{indent}  <termNote type="administrativeStatus">{status}</termNote>')
    if source:
        lines.append(f'{indent}  <admin type="source">{escape(source)}</admin>')
    lines.append(f"{indent}</termSec>")
    return lines


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
        for number, rendering in enumerate(entry.en):
            status = _PREFERRED if number == 0 else _ADMITTED
            lines += _term_section(rendering, status, source=entry.source if number == 0 else "", indent=section)
        for number, short in enumerate(entry.short):
            # An entry with only short forms carries its source on the first of them.
            source = entry.source if not entry.en and number == 0 else ""
            status = _PREFERRED if not entry.en and number == 0 else _ADMITTED
            lines += _term_section(short, status, term_type="acronym", source=source, indent=section)
        for rendering in entry.deprecated:
            lines += _term_section(rendering, _DEPRECATED, indent=section)
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


def _term_properties(term_group: Any) -> tuple[str, str, str, str]:
    """(term, administrative status, term type, source) of a termSec, tig or ntig."""
    term = status = term_type = source = ""
    for element in term_group.iter():
        name = local_name(element)
        kind = (element.get("type") or "").replace(" ", "").lower()
        if name == "term" and not term:
            term = _text(element)
        elif (name == "termNote" and kind == "administrativestatus") or name == "administrativeStatus":
            status = _text(element)
        elif (name == "termNote" and kind == "termtype") or name == "termType":
            term_type = _text(element).replace(" ", "").lower()
        elif name == "admin" and kind == "source" and not source:
            source = _text(element)
    return term, status, term_type, source


def _concept_to_entry(concept: Any, path: str, taken: Collection[str]) -> Entry | None:
    line = concept.sourceline
    zh: list[tuple[bool, str]] = []
    en: list[tuple[bool, str]] = []
    short: list[str] = []
    deprecated: list[str] = []
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
            term, status, term_type, source = _term_properties(term_group)
            if not term:
                continue
            preferred = "preferred" in status.lower()
            if is_chinese:
                # A Chinese form is something to find in the source whatever its status.
                zh.append((preferred, term))
                continue
            if source:
                sources.append(source)
            if _REJECTED_STATUS.search(status):
                deprecated.append(term)
            elif term_type in _SHORT_TERM_TYPES and ACRONYM.match(term):
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
    return Entry(
        id=entry_id,
        zh=tuple(zh_forms),
        en=tuple(en_forms),
        short=tuple(_unique(short)),
        deprecated=tuple(_unique(deprecated)),
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
