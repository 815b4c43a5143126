"""Parsing untrusted XML: no external entities, no DTD loading, no network, no entity expansion.

A file that declares entities is refused outright: translation and terminology formats have no use
for them, and they are how XXE and billion-laughs attacks are built.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from termcheck.errors import InputError


_ENTITIES_REFUSED = "XML entity declarations are not allowed (they can read local files or expand without bound)"


@lru_cache(maxsize=16)
def _parser(thread: int) -> Any:
    """A hardened parser per thread (lxml parsers are not shared between threads), made once: a
    file read a unit at a time parses many small pieces."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, path: str) -> Any:
    """The lxml element tree of `data`; every problem is an InputError naming `path` and the line."""
    from lxml import etree

    parser = _parser(threading.get_ident())
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        if b"<!ENTITY" in data[:65536]:
            # libxml2 stops an entity bomb itself; say why the file is refused, as for XXE.
            raise InputError(path, _ENTITIES_REFUSED) from None
        line = exc.lineno if exc.lineno else None
        message = exc.msg or str(exc)
        message = message.split(", line ")[0] if ", line " in message else message
        raise InputError(path, f"malformed XML: {message}", line) from None
    doctype = tree.docinfo.internalDTD
    if doctype is not None and any(True for _ in doctype.iterentities()):
        raise InputError(path, _ENTITIES_REFUSED)
    if tree.docinfo.externalDTD is not None and any(True for _ in tree.docinfo.externalDTD.iterentities()):
        raise InputError(path, _ENTITIES_REFUSED)
    return tree


def local_name(element: Any) -> str:
    """The tag without its namespace ({urn:…}termSec → termSec); '' for comments and PIs."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
