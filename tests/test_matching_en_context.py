"""Target context: acronym definitions in general (not only CCP), quotation marks, code."""

from __future__ import annotations

import pytest

from termcheck.matching.en_context import acronym_definitions, is_pinyin_name, is_quoted, not_prose_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the World Trade Organization (WTO) said", [("WTO", "World Trade Organization")]),
        ("the WTO (World Trade Organization) said", [("WTO", "World Trade Organization")]),
        ("central counterparty (CCP) clearing", [("CCP", "central counterparty")]),
        ("qualifying central counterparties (CCPs)", [("CCP", "central counterparties")]),
        ("the GDP (a measure of output)", []),
        ("the CPC (CCP)", []),
        ("Prices rose. (CPI) data", []),
    ],
)
def test_acronym_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.acronym, d.expansion) for d in acronym_definitions(text)] == expected


@pytest.mark.parametrize(
    ("text", "word", "quoted"),
    [
        ("the 'Word' here", "Word", True),
        ("the “Word” here", "Word", True),
        ("the «Word» here", "Word", True),
        ('"a long Word title" here', "Word", True),
        ("the Word's use", "Word", False),
        ("the workers' Word", "Word", False),
        ("'one' and the Word", "Word", False),
        ('the "Word\nhere"', "Word", False),
    ],
)
def test_is_quoted(text: str, word: str, quoted: bool) -> None:
    start = text.index(word)
    assert is_quoted(text, start, start + len(word)) is quoted


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("see https://a.org/x or www.b.org", ["https://a.org/x", "www.b.org"]),
        ("mail a.b@c.org", ["a.b@c.org"]),
        ("run `a b` and ``c`d``", ["`a b`", "``c`d``"]),
        ("open /etc/hosts, ./run, a/b/c, notes/a.md", ["/etc/hosts", "./run", "a/b/c", "notes/a.md"]),
        ("set A_B and ccp.clearing.member", ["A_B", "ccp.clearing.member"]),
        ("and/or the U.S. e.g. CPC/CCP. End.Next", []),
    ],
)
def test_not_prose_spans(text: str, spans: list[str]) -> None:
    assert [text[start:end] for start, end in not_prose_spans(text)] == spans


@pytest.mark.parametrize(
    ("name", "pinyin"),
    [
        ("Li Qiang", True), ("Xi Jinping", True), ("Zhang Gaoli", True), ("Wang Yang", True), ("Xi'an", True),
        ("Nguyen Xuan Phuc", False), ("Medvedev", False), ("Mutko", False), ("Trong", False), ("Abdullah", False), ("", False),
    ],
)
def test_is_pinyin_name(name: str, pinyin: bool) -> None:
    assert is_pinyin_name(name) is pinyin
