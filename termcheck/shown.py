"""How text from an input file is shown on one line of a message or a report: shared by the
rules (their messages) and the reporters (their context lines). A leaf module."""

from __future__ import annotations

import re


def shown_chinese(text: str) -> str:
    """A Chinese term as a message shows it: a term broken across lines is shown whole."""
    return re.sub(r"\s+", "", text)


def shown_english(text: str) -> str:
    """English text as a message shows it: on one line (a line break, as any run of white space,
    is one space)."""
    return re.sub(r"\s+", " ", text)
