"""When two alternatives of an entry are one rendering, and when a gap joins two names in
apposition: forms that are beside look-alikes that are not."""

from __future__ import annotations

import pytest

from termcheck.rules.alternatives import is_appositive_gap, one_rendering


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ("Standing Committee of the National People's Congress", "NPC Standing Committee", True),
        ("Standing Committee of the NPC", "NPC Standing Committee", True),
        ("Chairman of the Central Military Commission", "CMC Chairman", True),
        ("Central Military Commission", "CMC", True),
        ("Communist Party of China", "CPC", True),
        ("comprehensively deepen reform", "deepening reform comprehensively", True),
        ("Belt and Road Initiative", "Belt and Road", True),
        # Look-alikes: other words, another preposition, an acronym of something else.
        ("community with a shared future for mankind", "community of shared future for mankind", False),
        ("practical cooperation", "pragmatic cooperation", False),
        ("National People's Congress", "NPC Standing Committee", False),
        ("NPC deputy", "CPPCC member", False),
        ("head of state", "President", False),
    ],
)
def test_one_rendering(first: str, second: str, one: bool) -> None:
    assert one_rendering(first, second) is one
    assert one_rendering(second, first) is one


@pytest.mark.parametrize(
    ("gap", "appositive"),
    [
        ('", also known as the ', True),
        (", known as ", True),
        (", also called the ", True),
        (", or ", True),
        (", i.e. ", True),
        (" (", True),
        (", ", True),
        (" (FAST), also known as the ", True),
        # Not a second name: no link, a conjunction, a clause, a new sentence.
        (" ", False),
        (" and ", False),
        (", which is ", False),
        (". The ", False),
    ],
)
def test_appositive_gap(gap: str, appositive: bool) -> None:
    assert is_appositive_gap(gap) is appositive
