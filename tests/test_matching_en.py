"""Target side: a rendering is present regardless of case, hyphenation, inflection, apostrophes
and British/American spelling; short forms are case-sensitive; deprecated forms match as written."""

from __future__ import annotations

import pytest

from termcheck import Matchers


def found(matchers: Matchers, text: str) -> list[tuple[str, str, str]]:
    return [(h.entry_id, h.status.value, h.text) for h in matchers.find_renderings(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letter case
        ("the belt and road initiative", ("bri", "preferred", "belt and road initiative")),
        ("THE BELT AND ROAD INITIATIVE", ("bri", "preferred", "BELT AND ROAD INITIATIVE")),
        # hyphen, space or nothing between words
        ("a people centred philosophy of development", ("people-centred", "preferred", "people centred philosophy of development")),
        ("a peoplecentred philosophy of development", ("people-centred", "preferred", "peoplecentred philosophy of development")),
        ("All China Federation of Trade Unions", ("acftu", "preferred", "All China Federation of Trade Unions")),
        # inflection: plural, verb forms, possessive
        ("deepening structural reforms", ("structural-reform", "preferred", "structural reforms")),
        ("building a modern socialist country", ("modern-socialist-country", "preferred", "building a modern socialist country")),
        ("it built a modern socialist country", ("modern-socialist-country", "preferred", "built a modern socialist country")),
        ("the Belt and Road Initiative's projects", ("bri", "preferred", "Belt and Road Initiative")),
        # straight or curly apostrophes and quotes
        ("the workers’ movement", ("workers-movement", "preferred", "workers’ movement")),
        ("the ‘Belt and Road’ Initiative", ("bri", "preferred", "Belt and Road’ Initiative")),
        # British or American spelling
        ("people-centered philosophy of development", ("people-centred", "preferred", "people-centered philosophy of development")),
        ("protecting labor rights", ("labour-rights", "preferred", "labor rights")),
        ("Chinese modernisation", ("modernization", "preferred", "Chinese modernisation")),
        # a dotted abbreviation is the same word as the undotted one
        ("the Belt-and-Road Initiative in the U.S.", ("bri", "preferred", "Belt-and-Road Initiative")),
        # punctuation that belongs to the rendering
        ("under One Country, Two Systems", ("one-country-two-systems", "preferred", "One Country, Two Systems")),
        # a parenthesised acronym inside the full form
        ("the Communist Party of China (CPC) members", ("cpc", "preferred", "Communist Party of China")),
    ],
)
def test_accepted_rendering_found(matchers: Matchers, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(matchers, text)


@pytest.mark.parametrize(
    ("rendering", "text", "found_entry"),
    [
        ("Standing Committee of the National People's Congress", "the Standing Committee of National People's Congress", True),
        ("community with a shared future for mankind", "community with the shared future for mankind", True),
        ("build a modern socialist country", "build modern socialist country", True),
        # an article joined by a hyphen is a word
        ("A-share market", "share market", False),
        ("Class A infectious disease", "Class B infectious disease", False),
        # leaving out an article never joins words across punctuation
        ("reform and opening up", "reform, and the opening up", False),
    ],
)
def test_articles_do_not_tell_renderings_apart(rendering: str, text: str, found_entry: bool) -> None:
    assert rendering_found(rendering, text) is found_entry


def test_inflection_within_a_hyphenated_compound(matchers: Matchers) -> None:
    assert ("trade-union", "preferred", "trade-unions") in found(matchers, "trade-unions")


@pytest.mark.parametrize(
    "text",
    [
        "the belt and also the road",             # other words inside the phrase
        "grassroot governmental reform",          # different word, not an inflection
        "structural, reform",                     # punctuation breaks a phrase
    ],
)
def test_no_rendering_across_words_or_punctuation(matchers: Matchers, text: str) -> None:
    assert [h for h in found(matchers, text) if h[0] in ("bri", "grassroots", "structural-reform")] == []


def test_word_boundaries(matchers: Matchers) -> None:
    assert found(matchers, "instructural reformation") == []
    assert found(matchers, "CPCX XCPC") == []


def test_plural_of_a_short_form_is_the_short_form(matchers: Matchers) -> None:
    assert found(matchers, "two BRIs") == [("bri", "short", "BRIs")]
    assert found(matchers, "the bris") == []


def test_plural_of_a_deprecated_acronym_is_another_word(matchers: Matchers) -> None:
    # CCP names one body; "CCPs" are central counterparties.
    assert found(matchers, "qualifying CCPs") == []
    assert found(matchers, "the CCP") == [("cpc", "deprecated", "CCP")]


def test_short_forms_are_case_sensitive(matchers: Matchers) -> None:
    assert found(matchers, "the CPC and the ACFTU") == [("cpc", "short", "CPC"), ("acftu", "short", "ACFTU")]
    assert found(matchers, "a cpc or acftu") == []


def test_deprecated_rendering_matched_as_written_only(matchers: Matchers) -> None:
    assert found(matchers, "the Chinese communist party") == [("cpc", "deprecated", "Chinese communist party")]
    assert found(matchers, "the CCP's policy") == [("cpc", "deprecated", "CCP")]
    assert found(matchers, "ccp") == []
    # Word forms lift failures, never create them: an inflected deprecated form is not reported.
    assert found(matchers, "new developments concepts") == []


def test_longest_alternative_wins_within_an_entry(matchers: Matchers) -> None:
    assert found(matchers, "the Belt and Road Initiative") == [("bri", "preferred", "Belt and Road Initiative")]
    assert found(matchers, "the Belt and Road") == [("bri", "admitted", "Belt and Road")]


def test_leading_article_of_a_rendering_is_optional() -> None:
    from termcheck import Entry, Glossary, compile_glossary

    glossary = Glossary((Entry(id="c", zh=("命运共同体",), en=("a community with a shared future",)),))
    matchers = compile_glossary(glossary)
    for text in ("building a community with a shared future", "the community with a shared future", "Community With A Shared Future"):
        assert [h.entry_id for h in matchers.find_renderings(text)] == ["c"], text


def test_parenthesised_acronym_inside_a_full_form() -> None:
    from termcheck import Entry, Glossary, compile_glossary

    glossary = Glossary((Entry(id="cc", zh=("中共中央",), en=("Communist Party of China Central Committee",)),))
    hits = compile_glossary(glossary).find_renderings("of the Communist Party of China (CPC) Central Committee said")
    assert [(h.entry_id, h.text) for h in hits] == [("cc", "Communist Party of China (CPC) Central Committee")]
    # Only an acronym is passed over: other parenthesised words break the phrase.
    assert compile_glossary(glossary).find_renderings("Communist Party of China (the Party) Central Committee") == []


@pytest.mark.parametrize(
    ("text", "found_entry"),
    [
        ("a well-timed regulation", True),
        ("well-timed regulations", True),
        ("a timely regulation", True),
        # "timed" is not "timely": the stemmer would make both "time"
        ("the timed regulation", False),
    ],
)
def test_an_ly_word_is_not_a_form_of_its_stem(text: str, found_entry: bool) -> None:
    from termcheck import compile_glossary
    from termcheck.model import Entry, Glossary

    matchers = compile_glossary(Glossary((Entry("timing", ("相机调控",), ("well-timed regulation", "timely regulation")),)))
    assert bool(matchers.find_renderings(text)) is found_entry


def test_ly_words_keep_their_other_forms() -> None:
    from termcheck.matching.en import lenient_key

    assert lenient_key("supplies") == lenient_key("supply")
    assert lenient_key("assemblies") == lenient_key("Assembly")
    assert lenient_key("families") == lenient_key("family")
    assert lenient_key("friendly") != lenient_key("friend")


# Inflection lifts a failure; derivation does not: a word of another part of speech or meaning
# built from the same stem is another word.
@pytest.mark.parametrize(
    ("rendering", "text", "found_entry"),
    [
        # derivations: not the rendering
        ("Hong Kong Special Administrative Region", "the Hong Kong Special Administration Region", False),
        ("precise poverty alleviation", "precision poverty alleviation", False),
        ("innovative country", "innovation country", False),
        ("modernization", "modernity", False),
        ("national rejuvenation", "national rejuvenating", False),
        # inflections: the rendering
        ("deepen reform", "deepened reforms", True),
        ("deepen reform", "deepening reform", True),
        ("deepening reform", "deepens reform", True),
        ("Hong Kong Special Administrative Region", "Hong Kong Special Administrative Region's", True),
        ("build a modern socialist country", "built a modern socialist country", True),
        ("open up", "opening up", True),
        ("people-centered", "people-centred", True),
        ("poverty alleviation", "poverty alleviations", True),
        ("characteristic", "characteristics", True),
    ],
)
def test_only_inflections_are_word_forms(rendering: str, text: str, found_entry: bool) -> None:
    assert rendering_found(rendering, text) is found_entry


def rendering_found(rendering: str, text: str) -> bool:
    """Whether a glossary of one entry with this rendering finds it in the text."""
    from termcheck import compile_glossary
    from termcheck.model import Entry, Glossary

    return bool(compile_glossary(Glossary((Entry("term", ("术语",), (rendering,)),))).find_renderings(text))


@pytest.mark.parametrize(
    ("text", "found_entry"),
    [
        ("the Internet Plus model", True),
        ("the Internet + model", True),
        ("the “Internet+” model", True),
        ("the Internet-plus model", True),
        ("code in C++ for the Internet", False),
        ("a well-off society in an all-around way", True),
        ("a well-off society in an all round way", True),
        ("a well-off society in an all-round way", True),
        ("a well-off society in a round way", False),
    ],
)
def test_plus_sign_and_compound_spellings(text: str, found_entry: bool) -> None:
    """A plus sign after a word is the word "plus"; all-round and all-around are one compound spelt
    two ways (British and American), which word-by-word folding cannot see."""
    from termcheck import compile_glossary
    from termcheck.model import Entry, Glossary

    glossary = Glossary(
        (
            Entry("internet-plus", ("互联网+",), ("Internet Plus",), category="economy"),
            Entry("well-off", ("全面建成小康社会",), ("well-off society in an all-round way",), category="strategy"),
        )
    )
    entries = {hit.entry_id for hit in compile_glossary(glossary).find_renderings(text)}
    assert bool(entries) is found_entry
