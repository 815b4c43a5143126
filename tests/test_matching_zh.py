"""Source side: leftmost-longest, traditional script, broken lines, full-width forms, offsets."""

from __future__ import annotations

import pytest

from termcheck import Matchers


def hits(matchers: Matchers, text: str) -> list[tuple[str, str, int, int]]:
    return [(h.entry_id, h.text, h.start, h.end) for h in matchers.zh.find(text)]


def test_longest_term_wins_over_the_terms_inside_it(matchers: Matchers) -> None:
    # 中华全国总工会 contains 全国总工会 and 工会: one hit, not three.
    assert hits(matchers, "中华全国总工会召开会议") == [("acftu", "中华全国总工会", 0, 7)]


def test_shorter_terms_still_found_on_their_own(matchers: Matchers) -> None:
    assert hits(matchers, "全国总工会和基层工会") == [("acftu", "全国总工会", 0, 5), ("trade-union", "工会", 8, 10)]


def test_variant_form_maps_to_its_entry(matchers: Matchers) -> None:
    assert hits(matchers, "中共十八大") == [("cpc", "中共", 0, 2)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("中國共產黨成立", "中國共產黨"),        # traditional (Taiwan/Hong Kong) script
        ("中華全國總工會", "中華全國總工會"),
        ("一帶一路倡議", "一帶一路倡議"),
    ],
)
def test_traditional_script_is_recognised(matchers: Matchers, text: str, found: str) -> None:
    assert [h[1] for h in hits(matchers, text)] == [found]


def test_term_broken_by_line_break_and_spaces_is_found_with_original_offsets(matchers: Matchers) -> None:
    text = "他说,中华全国\n总 工会将"
    assert hits(matchers, text) == [("acftu", "中华全国\n总 工会", 3, 12)]


def test_blank_line_between_paragraphs_does_not_join_a_term(matchers: Matchers) -> None:
    assert hits(matchers, "工\n\n会") == []


def test_full_width_and_half_width_forms_are_alike() -> None:
    from termcheck import Entry, Glossary, compile_glossary

    glossary = Glossary((Entry(id="g20", zh=("二十国集团（G20）",), en=("Group of 20",)),))
    found = compile_glossary(glossary).zh.find("二十国集团(Ｇ２０)峰会")
    assert [(h.text, h.start, h.end) for h in found] == [("二十国集团(Ｇ２０)", 0, 10)]


def test_no_terms_no_hits(matchers: Matchers) -> None:
    assert hits(matchers, "今天天气很好。") == []


def test_texts_searched_in_one_pass_give_the_hits_each_gives_alone(builtin: Matchers) -> None:
    """find_each joins the texts for one pass of the automaton; the hits, their offsets and the
    context checks must be those of each text searched on its own: a country at the end of one text
    does not qualify a body at the start of the next, a form does not run on from one text into
    the next, and empty texts, full-width text and text needing folding keep their places."""
    texts = [
        "美国",
        "国防部发言人表示，中国共产党",
        "",
        "中华全国\n总工会  ",
        "\n\n全国人大常委会",
        "ＣＰＣ 中共中央",
        "在美国国防部",
        "十四",
        "五岁的孩子",
    ]
    alone = [[(h.entry_id, h.start, h.end, h.text) for h in builtin.zh.find(text)] for text in texts]
    together = [[(h.entry_id, h.start, h.end, h.text) for h in found] for found in builtin.zh.find_each(texts)]
    assert together == alone
    assert alone[1][0][0] == "ministry-of-national-defense" and alone[6] == []
    assert alone[7] == [] and alone[8] == []


@pytest.fixture(scope="module")
def thought() -> Matchers:
    from termcheck import Entry, Glossary, compile_glossary

    return compile_glossary(
        Glossary(
            (
                Entry("xi", ("习近平",), ("Xi Jinping",), category="people"),
                Entry("new-era", ("新时代",), ("new era",), category="ideology"),
                Entry("scc", ("中国特色社会主义",), ("socialism with Chinese characteristics",), category="ideology"),
                Entry("xi-thought", ("习近平新时代中国特色社会主义思想",), ("Xi Jinping Thought",), category="ideology"),
                Entry("council", ("国务院",), ("State Council",), category="state"),
                Entry("scio", ("国务院新闻办公室",), ("State Council Information Office",), category="state", not_before=("主任",)),
            )
        )
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("坚持习近平新时代的中国特色社会主义思想", [("xi-thought", "习近平新时代的中国特色社会主义思想", 2, 19)], id="a particle put in: the longer name, one hit"),
        pytest.param("坚持习近平新时代之中国特色社会主义思想", [("xi-thought", "习近平新时代之中国特色社会主义思想", 2, 19)], id="之"),
        pytest.param("国务院的新闻办公室发布", [("scio", "国务院的新闻办公室", 0, 9)], id="another name"),
        pytest.param(
            "习近平新时代的的的中国特色社会主义思想",
            [("xi", "习近平", 0, 3), ("new-era", "新时代", 3, 6), ("scc", "中国特色社会主义", 9, 17)],
            id="three particles: the terms one by one",
        ),
        pytest.param("习近平的新时代", [("xi", "习近平", 0, 3), ("new-era", "新时代", 4, 7)], id="no longer name there: the terms one by one"),
        pytest.param(
            "国务院的新闻办公室主任", [("council", "国务院", 0, 3)],
            id="the longer name's context rules apply to it",
        ),
    ],
)
def test_a_longer_name_written_with_a_particle_put_in_is_that_name(thought: Matchers, text: str, expected: list[tuple[str, str, int, int]]) -> None:
    assert hits(thought, text) == expected
