"""What kind of term an entry is, where its glossary entry does not say: a fixed name (matched
strictly, an error when missing) or a descriptive phrase (matched loosely, a warning when
missing), and whether it names a Chinese institution.

A leaf module: the model's properties and the validator both read it, and it imports nothing of
the package but the model's enums.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termcheck.model import Entry, Severity

MATCH_MODES = ("strict", "loose")
SEVERITIES = ("error", "warning")
SCOPES = ("china", "any")

# Categories whose entries name Chinese bodies and offices: a foreign country or party named
# right before the form (美国国防部, 越南共产党中央委员会) makes it another body.
CHINA_SCOPED_CATEGORIES = frozenset({"party", "state", "military", "congress", "mass-organization", "discipline"})
# Words a title-case name writes in lower case.
_NAME_FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with under over against between among via vs".split()
)
_RENDERING_WORD = re.compile(r"[^\W_][\w'’]*")


@lru_cache(maxsize=65536)
def is_name(rendering: str) -> bool:
    """Whether a rendering is written as a proper name: every word but the small function words
    starts with a capital letter or a digit ("Communist Party of China", "20th CPC National
    Congress", "Law on Rural Revitalization"), as against a phrase in lower case ("new development
    philosophy", "Chinese modernization")."""
    words = [word for word in _RENDERING_WORD.findall(rendering) if word.lower() not in _NAME_FUNCTION_WORDS]
    if not words:
        return False
    return all(word[0].isupper() or word[0].isdigit() for word in words) and any(word[0].isupper() for word in words)


def is_strict(entry: Entry) -> bool:
    """Whether only the listed words, together and in order, count as the rendering."""
    if entry.match:
        return entry.match == "strict"
    return not entry.en or is_name(entry.en[0])


def missing_severity(entry: Entry) -> Severity:
    """How sure a `missing` finding on this entry is: an omitted name is an error; a descriptive
    phrase rendered otherwise, or an entry without official evidence, at most a warning."""
    from termcheck.model import Severity

    if entry.unverified:
        return Severity.WARNING
    if entry.severity:
        return Severity(entry.severity)
    return Severity.ERROR if is_strict(entry) else Severity.WARNING


def is_china_scoped(entry: Entry) -> bool:
    if entry.scope:
        return entry.scope == "china"
    return entry.category in CHINA_SCOPED_CATEGORIES
