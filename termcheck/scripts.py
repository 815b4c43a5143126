"""Telling Chinese text from other text: shared by the glossary validator, the readers, the
Chinese matcher and the rules."""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A, the compatibility block and the supplementary extensions.
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
# Characters that join Chinese terms without adding to their meaning (的, 和, 、 …): the parts of a
# compound term, or terms listed side by side.
JOINING_CHARACTERS = frozenset("的和与及、，")


def has_chinese(text: str) -> bool:
    return HAN.search(text) is not None


def is_han(char: str) -> bool:
    return HAN.match(char) is not None
