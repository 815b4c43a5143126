"""Refusing input that cannot be what it claims to be: a check that matches nothing because the
files were swapped would otherwise pass silently."""

from __future__ import annotations

import re

from termcheck.errors import InputError

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def require_chinese(text: str, path: str) -> None:
    if text.strip() and not _HAN.search(text):
        raise InputError(path, "has no Chinese text; is it the source? (usage: termcheck check SOURCE TARGET)")


def require_english(text: str, path: str) -> None:
    if not text.strip():
        return
    latin = len(_LATIN_LETTER.findall(text))
    han = len(_HAN.findall(text))
    if latin == 0 or han > latin:
        raise InputError(path, "is not English text; is it the translation? (usage: termcheck check SOURCE TARGET)")
