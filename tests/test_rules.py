"""Each rule, firing and not firing, as a table of (source, target, expected findings)."""

from __future__ import annotations

import pytest

from termcheck import Matchers, Segment, TextOrigin, check
from termcheck.model import Span
from tests.conftest import findings_for, summary

RULE_CASES = [
    # --- missing
    pytest.param("中华全国总工会召开会议", "The ACFTU held a meeting.", [], id="short form satisfies"),
    pytest.param("中华全国总工会召开会议", "The All-China Federation of Trade Unions met.", [], id="full form satisfies"),
    pytest.param("中华全国总工会召开会议", "The union federation met.", [("missing", "中华全国总工会", None)], id="missing"),
    pytest.param("国务委员出席", "State Counselor Wang attended.", [("missing", "国务委员", "State Counselor")], id="near miss named"),
    pytest.param("工会和中华全国总工会", "Unions and the ACFTU", [("missing", "工会", None)], id="nested term reported alone"),
    pytest.param("一国两制", "one country, two systems", [], id="case-insensitive full form"),
    # --- deprecated
    pytest.param("中国共产党", "The CCP held a meeting.", [("deprecated", "中国共产党", "CCP")], id="deprecated replaces missing"),
    pytest.param("党的领导", "Leadership of the CCP.", [("deprecated", "中国共产党", "CCP")], id="deprecated without source term"),
    pytest.param("新发展理念", "the new development concept", [("deprecated", "新发展理念", "new development concept")], id="deprecated phrase"),
    pytest.param(
        "中国共产党",
        "The Communist Party of China, not the CCP.",
        [("deprecated", "中国共产党", "CCP")],
        id="deprecated beside accepted",
    ),
    pytest.param("一带一路", "the Belt and Road Initiative", [], id="no deprecated on correct text"),
    # --- inconsistent
    pytest.param(
        "中国式现代化……中国式现代化",
        "Chinese modernization … the Chinese path to modernization … Chinese modernization",
        [("inconsistent", "中国式现代化", "Chinese path to modernization")],
        id="two alternatives",
    ),
    pytest.param("中国式现代化", "Chinese modernization and Chinese modernisation", [], id="spelling variation is not inconsistency"),
    pytest.param("中国共产党", "The Communist Party of China (CPC) ... the CPC", [], id="short form beside full form"),
    pytest.param("一带一路", "Belt and Road Initiative ... belt-and-road initiative", [], id="case and hyphen variation"),
    pytest.param(
        "人类命运共同体",
        "community with a shared future for mankind ... community with a shared future for humanity",
        [],
        id="interchangeable entry",
    ),
    pytest.param("工会", "Chinese modernization and Chinese path to modernization", [("missing", "工会", None)], id="only terms in the source"),
    pytest.param("一带一路……一带一路", "the Belt and Road Initiative ... the Belt and Road", [], id="shorter alternative inside the longer"),
    pytest.param("国家主席……国家主席", "Chinese President Xi ... President Xi ... President Xi", [], id="back-reference by part of the rendering"),
    pytest.param(
        "国家主席……国家主席",
        "Chinese President Xi ... the head of state ... President Xi",
        [("inconsistent", "国家主席", "head of state")],
        id="a different alternative still clashes",
    ),
]


@pytest.mark.parametrize(("source", "target", "expected"), RULE_CASES)
def test_rules(matchers: Matchers, source: str, target: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert summary(findings_for(matchers, source, target)) == expected


def test_missing_finding_points_at_the_source_term(matchers: Matchers) -> None:
    [finding] = findings_for(matchers, "第一行\n会上,国务委员指出", "The minister said")
    assert (finding.file, finding.line, finding.column) == ("src.txt", 2, 4)
    assert finding.target_span is None


def test_missing_finding_with_a_near_miss_points_at_it_and_keeps_the_source_term(matchers: Matchers) -> None:
    [finding] = findings_for(matchers, "第一行\n会上,国务委员指出", "The State Counselor said")
    # The translator edits the translation: the finding points there; the term's place is kept.
    assert (finding.file, finding.line, finding.column) == ("tgt.txt", 1, 5)
    assert finding.source_text == "国务委员"
    assert finding.expected == ("State Councilor",)
    assert finding.fix == "replace 'State Counselor' with 'State Councilor'"
    assert (finding.source_span.start, finding.source_span.end) == (7, 11)  # type: ignore[union-attr]
    assert (finding.target_span.start, finding.target_span.end) == (4, 19)  # type: ignore[union-attr]


def test_deprecated_finding_points_at_the_target(matchers: Matchers) -> None:
    [finding] = findings_for(matchers, "中国共产党", "First line.\nThe CCP said.")
    assert (finding.file, finding.line, finding.column) == ("tgt.txt", 2, 5)
    assert finding.fix == "replace 'CCP' with 'CPC'"
    assert finding.expected == ("Communist Party of China", "CPC")


def test_inconsistent_is_per_document(matchers: Matchers) -> None:
    segments = [
        Segment("中国式现代化", "Chinese modernization", TextOrigin("a.tsv", 1), TextOrigin("a.tsv", 1), 1, "a.tsv"),
        Segment("中国式现代化", "Chinese path to modernization", TextOrigin("b.tsv", 1), TextOrigin("b.tsv", 1), 1, "b.tsv"),
    ]
    assert check(segments, matchers).findings == ()
    same_file = [segments[0], Segment("中国式现代化", "Chinese path to modernization", TextOrigin("a.tsv", 2), TextOrigin("a.tsv", 2), 2, "a.tsv")]
    assert summary(list(check(same_file, matchers).findings)) == [("inconsistent", "中国式现代化", "Chinese path to modernization")]


def test_missing_is_per_segment(matchers: Matchers) -> None:
    segments = [
        Segment("工会", "trade union", TextOrigin("a.tsv", 1), TextOrigin("a.tsv", 1), 1, "a.tsv"),
        Segment("工会", "labor group", TextOrigin("a.tsv", 2), TextOrigin("a.tsv", 2), 2, "a.tsv"),
    ]
    result = check(segments, matchers)
    assert [(f.rule, f.line) for f in result.findings] == [("missing", 2)]
    assert (result.segments, result.source_terms) == (2, 2)


def test_deprecated_finding_names_the_source_term_when_the_source_has_it(matchers: Matchers) -> None:
    [with_term] = findings_for(matchers, "他说中国共产党", "The CCP")
    assert (with_term.source_text, with_term.source_span) == ("中国共产党", Span(2, 7))
    [without_term] = findings_for(matchers, "党的领导", "The CCP")
    assert (without_term.source_text, without_term.source_span) == (None, None)


def test_a_rendering_shared_with_another_term_is_not_a_use_where_the_source_has_only_that_term() -> None:
    from termcheck import compile_glossary
    from termcheck.model import Entry, Glossary

    glossary = Glossary((
        Entry("integration", ("城乡融合",), ("urban-rural integration",)),
        Entry("development", ("城乡融合发展",), ("integrated urban-rural development", "urban-rural integration")),
    ))
    shared = compile_glossary(glossary)

    def at(number: int, source: str, target: str) -> Segment:
        return Segment(source, target, TextOrigin("a.tsv", number), TextOrigin("a.tsv", number), number, "a.tsv")

    # 城乡融合 rendered as its own rendering, which 城乡融合发展 also admits: no clash with the
    # rendering chosen for 城乡融合发展 elsewhere.
    segments = [
        at(1, "推进城乡融合发展。", "Promote integrated urban-rural development."),
        at(2, "推进城乡融合。", "Promote urban-rural integration."),
        at(3, "推进城乡融合。", "Promote urban-rural integration."),
    ]
    assert check(segments, shared).findings == ()
    # Where the source has 城乡融合发展, either alternative is a use of it.
    segments[2] = at(3, "推进城乡融合发展。", "Promote urban-rural integration.")
    assert [(f.rule, f.entry_id, f.line) for f in check(segments, shared).findings] == [("inconsistent", "development", 3)]
