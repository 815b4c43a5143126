"""[[pattern]] tables: one numbered series of concepts (congresses, plenary sessions) each."""

from __future__ import annotations

import pytest

from termcheck import InputError, Matchers
from termcheck.glossary.load import parse_toml_glossary
from termcheck.glossary.patterns import chinese_numeral, ordinal_figures, ordinal_words


@pytest.mark.parametrize(
    ("number", "zh", "figures", "words"),
    [
        (1, "一", "1st", "first"),
        (2, "二", "2nd", "second"),
        (3, "三", "3rd", "third"),
        (10, "十", "10th", "tenth"),
        (11, "十一", "11th", "eleventh"),
        (12, "十二", "12th", "twelfth"),
        (18, "十八", "18th", "eighteenth"),
        (20, "二十", "20th", "twentieth"),
        (21, "二十一", "21st", "twenty-first"),
        (22, "二十二", "22nd", "twenty-second"),
        (43, "四十三", "43rd", "forty-third"),
    ],
)
def test_numbers(number: int, zh: str, figures: str, words: str) -> None:
    assert (chinese_numeral(number), ordinal_figures(number), ordinal_words(number)) == (zh, figures, words)


PATTERN = """
[[pattern]]
id = "plenum-{n}-{m}"
zh = ["{n:zh}届{m:zh}中全会"]
en = ["{m:word} plenary session of the {n:ord} CPC Central Committee"]
category = "congress"
source = "test"
n = [19, 20]
m = [2, 3]
"""


def test_pattern_expands_to_one_entry_per_number() -> None:
    entries = parse_toml_glossary(PATTERN, "p.toml")
    assert [(e.id, e.zh, e.en) for e in entries] == [
        ("plenum-19-2", ("十九届二中全会",), ("second plenary session of the 19th CPC Central Committee",)),
        ("plenum-19-3", ("十九届三中全会",), ("third plenary session of the 19th CPC Central Committee",)),
        ("plenum-20-2", ("二十届二中全会",), ("second plenary session of the 20th CPC Central Committee",)),
        ("plenum-20-3", ("二十届三中全会",), ("third plenary session of the 20th CPC Central Committee",)),
    ]
    assert {e.origin for e in entries} == {"p.toml:2"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[pattern]]\nid = "x-{n}"\nzh = ["{n:zh}大"]\nen = ["{n:ord}"]\n', "p.toml:1: pattern 'x-{n}': a pattern needs a range"),
        ('[[pattern]]\nid = "x-{n}"\nzh = ["{n:zh}大"]\nen = ["{m:ord}"]\nn = [1, 2]\n', "p.toml:1: pattern 'x-{n}': placeholder {m} has no range"),
        ('[[pattern]]\nid = "x-{n}"\nzh = ["{n:greek}大"]\nen = ["{n:ord}"]\nn = [1, 2]\n', "p.toml:1: pattern 'x-{n}': unknown placeholder format {n:greek}"),
        ('[[pattern]]\nid = "x-{n}"\nzh = ["{n:zh}大"]\nen = ["{n:ord}"]\nn = [3, 1]\n', "p.toml:1: pattern 'x-{n}': 'n' must be [first, last]"),
        ('[[pattern]]\nid = "x"\nzh = ["{n:zh}大"]\nen = ["{n:ord}"]\nn = [1, 2]\n', "p.toml:1: duplicate id 'x'"),
    ],
)
def test_pattern_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_toml_glossary(text, "p.toml")
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("zh", "entry_id", "en"),
    [
        ("党的二十届三中全会", "cpc-central-committee-20-plenary-session-3", "the third plenary session of the 20th CPC Central Committee"),
        ("十九届六中全会", "cpc-central-committee-19-plenary-session-6", "the 19th CPC Central Committee's sixth plenary session"),
        ("中国共产党第十九次全国代表大会", "cpc-national-congress-19", "the 19th National Congress of the Communist Party of China"),
        ("二十大", "cpc-national-congress-20", "the 20th CPC National Congress"),
        ("十四届全国人大二次会议", "npc-14-session-2", "the second session of the 14th National People's Congress"),
        ("全国政协十四届二次会议", "cppcc-national-committee-14-session-2", "the second session of the 14th CPPCC National Committee"),
        ("十四届全国人大常委会第十次会议", "npc-standing-committee-14-session-10", "the 10th session of the Standing Committee of the 14th National People's Congress"),
        # The forms official texts use without the Party's name, and ordinals in words.
        ("第二十届中央委员会第三次全体会议", "cpc-central-committee-20-plenary-session-3", "the Third Plenary Session of the 20th Central Committee"),
        ("中共第二十届中央委员会第三次全体会议", "cpc-central-committee-20-plenary-session-3", "the Third Plenary Session of the Twentieth CPC Central Committee"),
        ("二十届三中全会", "cpc-central-committee-20-plenary-session-3", "the third plenary session of the 20th Central Committee of the Communist Party of China"),
        ("党的十九大", "cpc-national-congress-19", "the Nineteenth National Congress"),
        ("党的十九大", "cpc-national-congress-19", "the 19th National Congress"),
        ("十九大", "cpc-national-congress-19", "the Nineteenth National Congress of the Communist Party of China"),
        # The hundredth is an entry of its own (the centenary), in figures as in words.
        ("中国共产党成立100周年", "centenary-of-the-cpc", "the centenary of the Communist Party of China"),
        ("建党100周年", "centenary-of-the-cpc", "the 100th anniversary of the founding of the CPC"),
        ("中国共产党成立101周年", "cpc-founding-anniversary-101", "the 101st anniversary of the founding of the Communist Party of China"),
        # Missions: the number in figures (Xinhua) or in Roman numerals (China Daily).
        ("神舟十八号", "shenzhou-18", "the Shenzhou-18 crewed spaceship"),
        ("神舟十八号", "shenzhou-18", "the Shenzhou XVIII spacecraft"),
        ("嫦娥六号", "change-6", "the Chang'e-6 probe"),
    ],
)
def test_builtin_numbered_series(builtin: Matchers, zh: str, entry_id: str, en: str) -> None:
    assert [h.entry_id for h in builtin.zh.find(zh)] == [entry_id]
    assert entry_id in {h.entry_id for h in builtin.find_renderings(en)}


def test_bare_short_form_not_used_where_it_is_an_ordinary_word(builtin: Matchers) -> None:
    assert builtin.zh.find("一大批干部和十大新闻") == []


def test_a_pattern_fills_the_renderings_of_its_records_not_their_text() -> None:
    """A superseded, deprecated or evidence record names a rendering of each member; its quote,
    title and reason are text as published, shared by the series."""
    text = """
[[pattern]]
id = "congress-{n}"
zh = ["{n:zh}大"]
en = ["{n:ord} Congress"]
superseded = [{ en = "{n:word} Meeting", since = "2001", reason = "as in {braces}" }]
deprecated = [{ en = "{n} Congress", reason = "a number is not an ordinal" }]
category = "congress"
source = "test"
evidence = [{ publisher = "P", title = "The {n} report", date = "2022", rendering = "{n:ord} Congress", quote = "at the 20th Congress" }]
n = [19, 20]
"""
    first, second = parse_toml_glossary(text, "p.toml")
    assert (first.superseded[0].en, first.superseded[0].reason, first.deprecated) == ("nineteenth Meeting", "as in {braces}", ("19 Congress",))
    assert (second.evidence[0].rendering, second.evidence[0].title) == ("20th Congress", "The {n} report")


@pytest.mark.parametrize(
    "text",
    ["民革十四届三中全会", "共青团第十九届中央委员会第三次全体会议", "共青团十九届中央委员会第三次全体会议", "中国国民党革命委员会第十四届中央委员会第三次全体会议", "中国民主同盟第十三届中央委员会第二次全体会议"],
)
def test_another_organisations_plenary_session_is_not_the_partys(builtin: Matchers, text: str) -> None:
    assert not any(h.entry_id.startswith("cpc-central-committee-") for h in builtin.zh.find(text))


@pytest.mark.parametrize(("number", "written"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (18, "XVIII"), (39, "XXXIX"), (40, "XL"), (49, "XLIX")])
def test_roman_numerals_of_a_series(number: int, written: str) -> None:
    from termcheck.glossary.patterns import roman_numeral

    assert roman_numeral(number) == written
