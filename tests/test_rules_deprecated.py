"""The deprecated rule in context, with the built-in glossary: what is not a use of a deprecated
form (not reported, or a warning for a mention), then what stays an error, then the fixes."""

from __future__ import annotations

import pytest

from termcheck import Matchers
from termcheck.model import Finding
from tests.conftest import findings_for

# (rule, severity, found, line, column) of each deprecated finding.
Expected = list[tuple[str, str, str, int, int]]


def deprecated(matchers: Matchers, source: str, target: str) -> Expected:
    return [
        (f.rule, f.severity.value, f.found or "", f.line, f.column)
        for f in findings_for(matchers, source, target)
        if f.rule == "deprecated"
    ]


NOT_REPORTED = [
    # The source holds the form itself: a style note quoting it, Latin text in the Chinese.
    pytest.param("译文中不要使用CCP这一缩写。", "Do not use the abbreviation CCP in translations.", id="source quotes the acronym"),
    pytest.param("标语写着One Belt, One Road。", "The banner read One Belt, One Road.", id="latin text in the source"),
    pytest.param("不要写ＣＣＰ。", "Do not write CCP.", id="full-width letters in the source"),
    # Addresses and code.
    pytest.param("详见网站。", "See https://example.org/CCP/report for details.", id="url"),
    pytest.param("详见网站。", "See www.example.org/CCP for details.", id="url without scheme"),
    pytest.param("请来信。", "Write to CCP@example.org with questions.", id="e-mail address"),
    pytest.param("运行命令。", "Run `CCP --list` first.", id="inline code"),
    pytest.param("设置该项。", "Set <code>Chinese Communist Party</code> as the label.", id="code element"),
    pytest.param("打开文件。", "Open docs/CCP/notes.md and read it.", id="file path"),
    pytest.param("设置变量。", "Set CCP_MODE before the run.", id="identifier"),
    # An acronym the text defines as another name, where the source has no form of the entry.
    pytest.param("中央对手方清算", "Trades go through central counterparty (CCP) clearing.", id="defined before the acronym"),
    pytest.param("中央对手方", "The CCP (central counterparty) nets the trades.", id="defined after the acronym"),
    pytest.param("中央对手方", "A central counterparty (CCP) stands between buyer and seller; the CCP nets the trades.", id="later use of a defined acronym"),
    # The plural of a proper-name acronym is another word.
    pytest.param("合格中央对手方", "Banks may clear through qualifying CCPs.", id="plural acronym"),
]

MENTIONS = [
    pytest.param("新疆从来不是“东突厥斯坦”", "Xinjiang Has Never Been 'East Turkistan'", [("deprecated", "warning", "East Turkistan", 1, 26)], id="white paper title"),
    pytest.param("所谓的说法", "the so-called CCP narrative", [("deprecated", "warning", "CCP", 1, 15)], id="so-called"),
    pytest.param("所谓的说法", "the so-called “Chinese Communist Party” label", [("deprecated", "warning", "Chinese Communist Party", 1, 16)], id="so-called and quoted"),
    pytest.param("他们的说法", "what they call “One Belt, One Road”", [("deprecated", "warning", "One Belt, One Road", 1, 17)], id="curly double quotes"),
    pytest.param("他们的说法", "the label ‘Chinese Communist Party’ in their papers", [("deprecated", "warning", "Chinese Communist Party", 1, 12)], id="curly single quotes"),
    pytest.param("一本书", 'a book titled "The CCP and Its Critics"', [("deprecated", "warning", "CCP", 1, 20)], id="straight quotes around a title"),
    pytest.param("一本书", "un livre intitulé «CCP»", [("deprecated", "warning", "CCP", 1, 20)], id="guillemets"),
]

ERRORS = [
    pytest.param("中国共产党领导一切。", "The CCP leads everything.", [("deprecated", "error", "CCP", 1, 5)], id="acronym with the entry in the source"),
    pytest.param("党的领导", "Leadership of the CCP.", [("deprecated", "error", "CCP", 1, 19)], id="acronym without the entry or a definition"),
    pytest.param("党的领导", "China's Communist Party (CCP) leads.", [("deprecated", "error", "CCP", 1, 26)], id="acronym defined as the entry"),
    pytest.param("中央对手方和中国共产党", "central counterparty (CCP) and the CCP", [("deprecated", "error", "CCP", 1, 23), ("deprecated", "error", "CCP", 1, 36)], id="source has the entry: a definition does not lift it"),
    pytest.param("中国共产党成立", "the founding of the Chinese Communist Party", [("deprecated", "error", "Chinese Communist Party", 1, 21)], id="deprecated full name"),
    pytest.param("一带一路", "the One Belt One Road initiative", [("deprecated", "error", "One Belt One Road", 1, 5)], id="two spellings that key alike: one finding"),
    pytest.param("一带一路", "the One Belt, One Road", [("deprecated", "error", "One Belt, One Road", 1, 5)], id="with its comma"),
    pytest.param("中共中央", "the CCP Central Committee decided", [("deprecated", "error", "CCP Central Committee", 1, 5)], id="longest deprecated phrase only"),
    pytest.param("中国共产党的领导", "the CCP's leadership", [("deprecated", "error", "CCP", 1, 5)], id="possessive"),
    pytest.param("中国共产党", "Chinese Communist Party members met.", [("deprecated", "error", "Chinese Communist Party", 1, 1)], id="start of sentence"),
    pytest.param("中国共产党", "First line.\nthe Chinese Communist\nParty", [("deprecated", "error", "Chinese Communist\nParty", 2, 5)], id="across a line break"),
    pytest.param("中国共产党", "the CCP members' rights", [("deprecated", "error", "CCP", 1, 5)], id="a possessive apostrophe is no quotation mark"),
    pytest.param("中国共产党", "the CCP and the U.S. government", [("deprecated", "error", "CCP", 1, 5)], id="a dotted abbreviation is prose"),
    pytest.param("中国共产党", "the CCP/CPC question", [("deprecated", "error", "CCP", 1, 5)], id="a slash in prose is no path"),
    pytest.param("中国共产党", "He said the CCP.It was late.", [("deprecated", "error", "CCP", 1, 13)], id="a missing space after a full stop is no identifier"),
]


@pytest.mark.parametrize(("source", "target"), NOT_REPORTED)
def test_not_a_use(builtin: Matchers, source: str, target: str) -> None:
    assert deprecated(builtin, source, target) == []


@pytest.mark.parametrize(("source", "target", "expected"), MENTIONS)
def test_a_mention_is_a_warning(builtin: Matchers, source: str, target: str, expected: Expected) -> None:
    assert deprecated(builtin, source, target) == expected


@pytest.mark.parametrize(("source", "target", "expected"), ERRORS)
def test_a_use_is_an_error(builtin: Matchers, source: str, target: str, expected: Expected) -> None:
    assert deprecated(builtin, source, target) == expected


def test_a_mention_says_so_and_offers_no_fix(builtin: Matchers) -> None:
    [finding] = [f for f in findings_for(builtin, "所谓的说法", "the so-called CCP narrative") if f.rule == "deprecated"]
    assert finding.message == (
        "'CCP' follows 'so-called': a mention of a deprecated rendering of 中国共产党, not a use; "
        "where it is the translation's own wording, use 'CPC'"
    )
    assert finding.fix is None


def fixed(finding: Finding) -> str:
    """The target with the finding's replacement applied, as `termcheck fix` and SARIF apply it."""
    assert finding.replacement is not None
    span, target = finding.replacement.span, finding.segment.target
    assert finding.fix == f"replace '{target[span.start:span.end]}' with '{finding.replacement.text}'"
    return target[: span.start] + finding.replacement.text + target[span.end :]


@pytest.mark.parametrize(
    ("source", "target", "fixed_target"),
    [
        pytest.param("中国共产党的领导", "the CCP's leadership", "the CPC's leadership", id="possessive kept"),
        pytest.param("中国共产党", "The Chinese Communist Party's members", "The Communist Party of China's members", id="full name, possessive kept"),
        pytest.param("一带一路", "the One Belt One Road initiative", "the Belt and Road initiative", id="no repeated tail"),
        pytest.param("一带一路", "an OBOR project", "a BRI project", id="article follows the new first sound"),
        pytest.param("全国统一大市场", "Build a national unified big market.", "Build a unified national market.", id="'a' before a 'u' said 'you'"),
        pytest.param("一网通办", "It is a one network access platform.", "It is a one-stop online government service platform.", id="'a' before 'one'"),
        pytest.param("一老一小", "It is a one old, one small policy.", "It is an elderly and children policy.", id="'an' before a vowel"),
        pytest.param("中共中央", "the CCP Central Committee", "the CPC Central Committee", id="longest phrase replaced"),
        pytest.param("中宣部", "the Propaganda Department said", "the Publicity Department of the CPC Central Committee said", id="full name"),
        pytest.param("县委宣传部", "the County Party Committee Propaganda Department said", "the County Party Committee Publicity Department said", id="owner named before"),
        pytest.param("中宣部", "the Propaganda Department of the CPC Central Committee", "the Publicity Department of the CPC Central Committee", id="owner named after"),
        pytest.param("中国共产党党员", "CCP members met", "CPC members met", id="plural noun after it kept"),
        pytest.param("新发展理念", "We apply it. New development concept is key.", "We apply it. New development philosophy is key.", id="capital at a sentence start"),
        pytest.param("新发展理念", "the New development concept", "the new development philosophy", id="no capital mid-sentence"),
    ],
)
def test_the_fix_reads_as_the_preferred_rendering(builtin: Matchers, source: str, target: str, fixed_target: str) -> None:
    # A superseded rendering is fixed the same way (新发展理念's "new development concept").
    [finding] = [f for f in findings_for(builtin, source, target) if f.rule in ("deprecated", "superseded")]
    assert fixed(finding) == fixed_target


@pytest.mark.parametrize(
    ("words", "article"),
    [
        ("elderly care", "an"), ("unimportant", "an"), ("utter", "an"), ("hourly worker", "an"), ("honest broker", "an"),
        ("honour guard", "an"), ("heir", "an"), ("FBI", "an"), ("NPC session", "an"), ("SCO summit", "an"),
        ("unified market", "a"), ("union", "a"), ("universal", "a"), ("useful", "a"), ("usual", "a"), ("utility", "a"),
        ("European", "a"), ("one-stop service", "a"), ("once-in-a-century", "a"), ("Ukrainian", "a"), ("UN body", "a"),
        ("BRI project", "a"), ("house", "a"), ("policy", "a"),
    ],
)
def test_the_article_is_chosen_by_the_first_sound_not_the_first_letter(words: str, article: str) -> None:
    from termcheck.rules.rejected import indefinite_article

    assert indefinite_article(words) == article


def test_the_advice_names_the_rendering_where_the_fix_also_mends_the_article(builtin: Matchers) -> None:
    [finding] = [f for f in findings_for(builtin, "一带一路", "It is an OBOR project.") if f.rule == "deprecated"]
    assert finding.message.startswith("'OBOR' is a deprecated rendering of 一带一路 (") and finding.message.endswith("); use 'BRI'")
    assert finding.fix == "replace 'an OBOR' with 'a BRI'"


@pytest.mark.parametrize(
    ("source", "start", "use"),
    [
        ("中共中央宣传部部长出席。", "'Propaganda Department' is a deprecated rendering of 中共中央宣传部 (", "Publicity Department of the CPC Central Committee"),
        ("县委宣传部部长出席。", "'Propaganda Department' is deprecated by the glossary's entry for 中共中央宣传部 (", "Publicity Department"),
    ],
    ids=["the source names the entry's term", "the source names another body: the entry is named as the glossary's"],
)
def test_the_message_names_the_entry_as_the_source_does(builtin: Matchers, source: str, start: str, use: str) -> None:
    [finding] = [f for f in findings_for(builtin, source, "The head of the Propaganda Department attended.") if f.rule == "deprecated"]
    assert finding.message.startswith(start) and finding.message.endswith(f"; use '{use}'")
