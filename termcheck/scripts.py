"""Telling Chinese text from other text: shared by the glossary validator and the readers."""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A and the compatibility block.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_chinese(text: str) -> bool:
    return HAN.search(text) is not None
