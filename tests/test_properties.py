"""Properties that hold for any input (hypothesis): checking never raises, whitespace inside a
Chinese term does not change what is found, every span slices to the text it reports, and the
JSON report is the same run after run."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck import Matchers, check
from termcheck.reporters.json import result_to_dict
from tests.conftest import segment

# Text that mixes glossary terms and renderings with arbitrary Unicode, so that the interesting
# paths (hits, near misses, overlaps) are taken often.
CHINESE_TERMS = ["中国共产党", "中华全国总工会", "工会", "国务委员", "一带一路", "中国式现代化", "人类命运共同体", "新发展理念"]
ENGLISH_TERMS = ["Communist Party of China", "CCP", "CPC", "trade unions", "State Counselor", "Belt and Road", "Chinese modernisation", "new development concept"]
WHITESPACE = st.sampled_from([" ", "\n", "\r\n", "\r", "\t", "\u3000", "\u200b", "\n\n"])
settings.register_profile("termcheck", max_examples=int(os.environ.get("TERMCHECK_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("termcheck")


def mixed(terms: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(terms), st.text(max_size=8), WHITESPACE, st.sampled_from(["“", "’", "(", ")", "-", "—", "。", "，"]))
    return st.lists(piece, max_size=12).map("".join)


@given(source=mixed(CHINESE_TERMS), target=mixed(ENGLISH_TERMS))
def test_any_text_is_checked_without_error_and_spans_slice_to_what_is_reported(matchers: Matchers, source: str, target: str) -> None:
    result = check([segment(source, target)], matchers)
    for finding in result.findings:
        if finding.source_span is not None:
            assert source[finding.source_span.start : finding.source_span.end] == finding.source_text
        if finding.target_span is not None:
            assert target[finding.target_span.start : finding.target_span.end] == finding.found
        assert finding.line >= 1 and finding.column >= 1
        assert "\n" not in finding.message


@given(
    term=st.sampled_from(CHINESE_TERMS),
    before=st.text(alphabet="的在和了，。 ", max_size=5),
    after=st.text(alphabet="的在和了，。 ", max_size=5),
    breaks=st.lists(st.tuples(st.integers(min_value=1, max_value=6), WHITESPACE), max_size=3, unique_by=lambda b: b[0]),
)
def test_whitespace_and_line_breaks_inside_a_term_do_not_change_what_is_found(
    matchers: Matchers, term: str, before: str, after: str, breaks: list[tuple[int, str]]
) -> None:
    broken = term
    for position, space in sorted(breaks, reverse=True):
        if position < len(broken) and space != "\n\n":  # a blank line is a paragraph break, by design
            broken = broken[:position] + space + broken[position:]
    whole = [(h.entry_id) for h in matchers.zh.find(before + term + after)]
    split = [(h.entry_id) for h in matchers.zh.find(before + broken + after)]
    assert split == whole
    for hit in matchers.zh.find(before + broken + after):
        assert (before + broken + after)[hit.start : hit.end] == hit.text


@given(source=mixed(CHINESE_TERMS), target=mixed(ENGLISH_TERMS))
def test_the_json_report_is_the_same_run_after_run(matchers: Matchers, source: str, target: str) -> None:
    first = json.dumps(result_to_dict(check([segment(source, target)], matchers)), ensure_ascii=False)
    second = json.dumps(result_to_dict(check([segment(source, target)], matchers)), ensure_ascii=False)
    assert first == second


@given(text=st.text(max_size=200))
def test_arbitrary_unicode_on_both_sides_never_raises(matchers: Matchers, text: str) -> None:
    check([segment(text, text)], matchers)
    matchers.find_renderings(text)
    matchers.zh.find(text)
