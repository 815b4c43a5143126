"""What a glossary's strings look like: an acronym, an entry id. A leaf module: the readers of
every glossary format (load, tbx) and the validator share it and import nothing of each other."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

# An all-capital rendering (CPC, NPC, G20, R&D) is a short form.
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]*[A-Z0-9]$")
# An entry id: lowercase letters, digits and hyphens, with an optional namespace ("user:…").
ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9:-]*$")


def slug(text: str) -> str:
    """Lowercase ASCII letters and digits joined by hyphens: "One Country, Two Systems" →
    "one-country-two-systems"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def made_id(namespace: str, rendering: str, taken: Collection[str]) -> str:
    """An id for an entry its file gives none: the namespace and its preferred rendering, made
    unique among `taken` by a number. It passes the validator's id check by construction."""
    base = f"{namespace}:{slug(rendering) or 'entry'}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def valid_id(entry_id: str, rendering: str, taken: Collection[str]) -> str:
    """`entry_id` when it is a well-formed id, else one made from it (or, when nothing of it is
    left, from the rendering), unique among `taken`."""
    if ENTRY_ID.match(entry_id) and entry_id not in taken:
        return entry_id
    namespace, _, name = entry_id.rpartition(":")
    if not slug(name):
        return made_id(slug(namespace) or "user", rendering, taken)
    made = ":".join(part for part in (slug(namespace), slug(name)) if part)
    candidate, number = made, 1
    while candidate in taken:
        number += 1
        candidate = f"{made}-{number}"
    return candidate
