"""Near misses: the window of the target most like a rendering, fitted to the phrase it is in, so
that the fix (the window replaced by the rendering) reads as English. Negatives first."""

from __future__ import annotations

import pytest

from termcheck.matching.fuzzy import near_miss


@pytest.mark.parametrize(
    ("renderings", "text"),
    [
        (["State Councilor"], "The minister met reporters on Monday."),
        (["Belt and Road Initiative"], "The road and the belt were repaired."),
        (["All-China Federation of Trade Unions"], "Trade between the federations grew."),
        (["Politburo member"], "He is a member of the Politburo, member of the Secretariat and a minister."),
    ],
)
def test_no_near_miss(renderings: list[str], text: str) -> None:
    assert near_miss(renderings, text) is None


@pytest.mark.parametrize(
    ("renderings", "text", "fixed"),
    [
        # a window as long as the rendering is replaced as it is
        (["State Councilor"], "State Counselor Li spoke.", "State Councilor Li spoke."),
        # the plural of a near miss is as near as its singular (the rule's fix keeps the plural)
        (["State Councilor"], "Two State Counselors spoke.", "Two State Councilor spoke."),
        (["All-China Federation of Trade Unions"], "The All China Federation of Trade Union met.", "The All-China Federation of Trade Unions met."),
        # function words at an edge that the rendering does not have there stay outside
        (
            ["second plenary session of the 20th Central Committee of the CPC"],
            "At the 2nd plenary session of the 20th Central Committee of the Communist Party of China, they met.",
            "At the second plenary session of the 20th Central Committee of the CPC of the Communist Party of China, they met.",
        ),
        # a name that goes on past the window is taken in whole
        (["spirit of the red boat"], "Visitors learn the spirit of the Red Ship here.", "Visitors learn the spirit of the red boat here."),
        # a modifier before the window stands for the rendering's first word
        (["major-country diplomacy"], "It pursues great country diplomacy abroad.", "It pursues major-country diplomacy abroad."),
        (["19th National Congress"], "Delegates to the Nineteen National Congress voted.", "Delegates to the 19th National Congress voted."),
    ],
)
def test_near_miss_fix_reads_as_english(renderings: list[str], text: str, fixed: str) -> None:
    close = near_miss(renderings, text)
    assert close is not None
    assert text[: close.start] + close.rendering + text[close.end :] == fixed
