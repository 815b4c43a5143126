"""Folding British spellings onto American ones, so that either satisfies a rendering.

breame's list of British/American pairs covers the common words (labour, centre, defence,
programme …); the -isation family is regular enough to fold by rule, which covers words the
list lacks (modernisation, marketisation …).
"""

from __future__ import annotations

import re
from functools import lru_cache

_ISATION = re.compile(r"isation(s?)$")
_ISATION_FOLD = r"ization\1"


@lru_cache(maxsize=1)
def _british_to_american() -> dict[str, str]:
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return {british.lower(): american.lower() for british, american in BRITISH_ENGLISH_SPELLINGS.items()}


def american_spelling(word: str) -> str:
    """The American spelling of a lower-case word (the word itself when there is none)."""
    folded = _british_to_american().get(word)
    if folded is not None:
        return folded
    if "isation" in word:
        return _ISATION.sub(_ISATION_FOLD, word)
    return word


# British/American pairs of compounds, which the word-by-word folding above cannot see: breame
# lists single words, and "round" is no spelling of "around" outside "all-round".
_COMPOUND_SPELLINGS = ((re.compile(r"\ball([- ])round\b", re.IGNORECASE), r"all\1around"),)


def compound_spellings(rendering: str) -> set[str]:
    """The rendering written with the other spelling of each compound it holds ("all-round way" →
    "all-around way"); empty when it holds none."""
    variants = set()
    for pattern, american in _COMPOUND_SPELLINGS:
        if pattern.search(rendering):
            variants.add(pattern.sub(american, rendering))
    return variants
