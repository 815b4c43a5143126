"""Refusing input that cannot be what it claims to be: a check that matches nothing because the
files were swapped would otherwise pass silently."""

from __future__ import annotations

import re

from termcheck.errors import InputError
from termcheck.scripts import HAN, has_chinese

_LATIN_LETTER = re.compile(r"[A-Za-z]")


def require_chinese(text: str, path: str) -> None:
    if text.strip() and not has_chinese(text):
        raise InputError(path, "has no Chinese text; is it the source? (usage: termcheck check SOURCE TARGET)")


def more_chinese_than_latin(text: str) -> bool:
    return len(HAN.findall(text)) > len(_LATIN_LETTER.findall(text))


def require_english(text: str, path: str) -> None:
    if text.strip() and (_LATIN_LETTER.search(text) is None or more_chinese_than_latin(text)):
        raise InputError(path, "is not English text; is it the translation? (usage: termcheck check SOURCE TARGET)")
