"""The `inconsistent` rule as a table: a file's segments as (source, target) pairs, one a line, and
the findings expected, as (line of the target, entry id, rendering found). What is not
inconsistency comes first; then what must still be reported."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import termcheck.scan
from termcheck import Config, Matchers, Segment, TextOrigin, check, check_paths, compile_glossary, load_glossary
from termcheck.model import Finding
from termcheck.rules import inconsistent

GLOSSARY = """
[[entry]]
id = "fast"
zh = ["中国天眼", "五百米口径球面射电望远镜"]
en = ["Five-hundred-meter Aperture Spherical Radio Telescope", "China Sky Eye"]
short = ["FAST"]

[[entry]]
id = "canton-fair"
zh = ["中国进出口商品交易会", "广交会"]
en = ["China Import and Export Fair", "Canton Fair"]

[[entry]]
id = "npc-standing-committee"
zh = ["全国人民代表大会常务委员会", "全国人大常委会"]
en = ["Standing Committee of the National People's Congress", "NPC Standing Committee", "Standing Committee of the NPC"]

[[entry]]
id = "cmc-chairman"
zh = ["中央军委主席"]
en = ["Chairman of the Central Military Commission", "Chairman of the CMC", "CMC Chairman"]

[[entry]]
id = "cmc"
zh = ["中央军委"]
en = ["Central Military Commission", "CMC"]

[[entry]]
id = "cyberspace"
zh = ["网络空间"]
en = ["cyberspace", "online space", "internet"]

[[entry]]
id = "internet"
zh = ["互联网"]
en = ["Internet"]

[[entry]]
id = "deepen-reform"
zh = ["全面深化改革"]
en = ["deepening reform comprehensively", "comprehensively deepen reform", "deepen reform across the board"]

[[entry]]
id = "bri"
zh = ["一带一路"]
en = ["Belt and Road Initiative", "New Silk Road", "Belt and Road"]

[[entry]]
id = "practical-cooperation"
zh = ["务实合作"]
en = ["practical cooperation", "pragmatic cooperation"]
"""

Pairs = list[tuple[str, str]]
Expected = list[tuple[int, str, str]]

NOT_INCONSISTENT = [
    # 1. A second name introduced on purpose, in apposition to the first.
    pytest.param(
        [("中国天眼即五百米口径球面射电望远镜发现了新的脉冲星。", "The \"China Sky Eye\", also known as the Five-hundred-meter Aperture Spherical Radio Telescope (FAST), has found new pulsars."),
         ("中国天眼今年又有新发现。", "The China Sky Eye made more discoveries this year."),
         ("五百米口径球面射电望远镜位于贵州。", "The Five-hundred-meter Aperture Spherical Radio Telescope stands in Guizhou.")],
        [], id="also known as, then either name",
    ),
    pytest.param(
        [("中国进出口商品交易会又称广交会，每年举办两次。", "The China Import and Export Fair, or Canton Fair, is held twice a year."),
         ("广交会吸引了大批采购商。", "The Canton Fair drew many buyers.")],
        [], id="X, or Y",
    ),
    pytest.param(
        [("中国进出口商品交易会（广交会）在线上开幕。", "The China Import and Export Fair (Canton Fair) opened online."),
         ("广交会将持续十天。", "The Canton Fair will run for ten days.")],
        [], id="X (Y)",
    ),
    pytest.param(
        [("中国进出口商品交易会即广交会闭幕。", "The China Import and Export Fair, known as the Canton Fair, closed."),
         ("中国进出口商品交易会也叫广交会。", "The China Import and Export Fair, also called the Canton Fair, is in Guangzhou."),
         ("中国进出口商品交易会也就是广交会。", "The China Import and Export Fair, i.e. the Canton Fair, is China's oldest fair."),
         ("广交会成交额增长。", "Deals at the Canton Fair grew.")],
        [], id="known as, also called, i.e.",
    ),
    # 2. A full form beside its abbreviation, or with a part of it abbreviated.
    pytest.param(
        [("全国人大常委会审议了草案。", "The NPC Standing Committee reviewed the draft."),
         ("全国人民代表大会常务委员会通过了决定。", "The Standing Committee of the National People's Congress adopted a decision."),
         ("全国人大常委会闭幕。", "The session of the Standing Committee of the NPC closed.")],
        [], id="NPC Standing Committee and its full name",
    ),
    pytest.param(
        [("习近平任中央军委主席。", "Xi Jinping is Chairman of the Central Military Commission."),
         ("中央军委主席签署命令。", "The CMC Chairman signed an order."),
         ("中央军委主席视察部队。", "The Chairman of the CMC inspected the troops.")],
        [], id="CMC in a title",
    ),
    pytest.param(
        [("中央军委发布通知。", "The Central Military Commission issued a notice."),
         ("中央军委召开会议。", "The CMC held a meeting.")],
        [], id="an acronym listed as an alternative",
    ),
    # 3. A rendering that translates another term of the same source.
    pytest.param(
        [("网络空间不是法外之地，互联网企业要维护网络空间秩序。", "Cyberspace is not a lawless place, and Internet companies must keep order in cyberspace."),
         ("网络空间需要共同治理。", "Cyberspace needs shared governance.")],
        [], id="another source term's rendering",
    ),
    pytest.param(
        [("各国应共同维护网络空间和平。", "All countries should keep the peace in cyberspace and use the internet responsibly."),
         ("网络空间是人类共同的活动空间。", "Cyberspace is a space that all humanity shares.")],
        [], id="more renderings than the source has the term",
    ),
    # 4. One rendering in two grammatical forms.
    pytest.param(
        [("我们要全面深化改革。", "We will comprehensively deepen reform."),
         ("全面深化改革取得成效。", "Deepening reform comprehensively has paid off.")],
        [], id="word order and inflection",
    ),
    # Already so before: a part of a longer alternative refers back to it.
    pytest.param(
        [("一带一路倡议十周年。", "Ten years of the Belt and Road Initiative."),
         ("一带一路合作不断深化。", "Belt and Road cooperation keeps deepening.")],
        [], id="back-reference by part of the rendering",
    ),
]

STILL_INCONSISTENT = [
    pytest.param(
        [("一带一路倡议造福各国。", "The Belt and Road Initiative benefits all countries."),
         ("一带一路连接亚欧。", "The New Silk Road links Asia and Europe.")],
        [(2, "bri", "New Silk Road")], id="two different alternatives",
    ),
    pytest.param(
        [("双方将扩大务实合作。", "The two sides will expand practical cooperation."),
         ("中方愿同各方深化务实合作。", "China will deepen pragmatic cooperation with all parties."),
         ("务实合作成果丰硕。", "Practical cooperation has borne rich fruit.")],
        [(2, "practical-cooperation", "pragmatic cooperation")], id="the less used alternative is reported",
    ),
    pytest.param(
        [("双方将扩大务实合作。", "The two sides will expand pragmatic cooperation."),
         ("中方愿同各方深化务实合作。", "China will deepen pragmatic cooperation with all parties."),
         ("务实合作成果丰硕。", "Practical cooperation has borne rich fruit.")],
        [(1, "practical-cooperation", "pragmatic cooperation"), (2, "practical-cooperation", "pragmatic cooperation")],
        id="the glossary's preferred rendering is kept even when used less",
    ),
    pytest.param(
        [("我们要全面深化改革。", "We will comprehensively deepen reform."),
         ("全面深化改革取得成效。", "Deepening reform comprehensively has paid off."),
         ("全面深化改革永远在路上。", "We must deepen reform across the board without end.")],
        [(3, "deepen-reform", "deepen reform across the board")], id="other words are another rendering",
    ),
    pytest.param(
        [("网络空间又称线上空间。", "Cyberspace, or online space, is a new frontier."),
         ("网络空间治理任重道远。", "Governing the internet is a long task.")],
        [(2, "cyberspace", "internet")], id="an appositive links only the two names it joins",
    ),
    pytest.param(
        [("双方务实合作和务实合作机制。", "Practical cooperation and pragmatic cooperation mechanisms."),
         ("务实合作不断深入。", "Practical cooperation keeps deepening.")],
        [(1, "practical-cooperation", "pragmatic cooperation")], id="and is no appositive",
    ),
]


@pytest.fixture(scope="module")
def glossary_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("glossary") / "terms.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def terms(glossary_path: Path) -> Matchers:
    return compile_glossary(load_glossary([glossary_path], builtin=False))


def lines(pairs: Pairs) -> list[Segment]:
    """The pairs as a line-aligned document: segment n is line n of both files."""
    return [
        Segment(zh, en, TextOrigin("doc.zh.txt", line=number), TextOrigin("doc.en.txt", line=number), number, "doc.zh.txt")
        for number, (zh, en) in enumerate(pairs, start=1)
    ]


def inconsistencies(findings: tuple[Finding, ...] | list[Finding]) -> Expected:
    return [(f.line, f.entry_id, f.found or "") for f in findings if f.rule == inconsistent.ID]


@pytest.mark.parametrize(("pairs", "expected"), NOT_INCONSISTENT + STILL_INCONSISTENT)
def test_inconsistent(terms: Matchers, pairs: Pairs, expected: Expected) -> None:
    assert inconsistencies(check(lines(pairs), terms).findings) == expected


def test_the_finding_names_both_renderings_and_where_the_kept_one_is(terms: Matchers) -> None:
    pairs = [("双方将扩大务实合作。", "The two sides will expand practical cooperation."),
             ("中方愿深化务实合作。", "China will deepen pragmatic cooperation.")]
    [finding] = check(lines(pairs), terms).findings
    assert (finding.file, finding.line, finding.column, finding.severity.value) == ("doc.en.txt", 2, 19, "warning")
    assert finding.message == (
        "务实合作 is rendered in different ways in this file: 'pragmatic cooperation' here, 'practical cooperation' at line 1 "
        "('practical cooperation' ×1, 'pragmatic cooperation' ×1); use 'practical cooperation' throughout"
    )
    assert finding.fix == "replace 'pragmatic cooperation' with 'practical cooperation'"


def test_where_the_text_mostly_uses_another_accepted_rendering_the_advice_names_both(terms: Matchers) -> None:
    pairs = [("双方将扩大务实合作。", "The two sides will expand pragmatic cooperation."),
             ("中方愿深化务实合作。", "China will deepen practical cooperation."),
             ("务实合作成果丰硕。", "Pragmatic cooperation has borne fruit.")]
    found = check(lines(pairs), terms).findings
    assert [(f.line, f.message.split("; ", 1)[1], f.fix) for f in found] == [
        (line, "use one of them throughout: 'practical cooperation', the glossary's preferred, or 'pragmatic cooperation', the most used here",
         f"replace '{text}' with 'practical cooperation'")
        for line, text in ((1, "pragmatic cooperation"), (3, "Pragmatic cooperation"))
    ]


def test_the_finding_quotes_the_rendering_as_this_text_writes_it(terms: Matchers) -> None:
    # Another number and capital than the glossary's alternative: "here" is the text's own words.
    pairs = [("双方将扩大务实合作。", "The two sides will expand practical cooperation."),
             ("中方愿深化务实合作。", "Pragmatic cooperations deepen.")]
    [finding] = check(lines(pairs), terms).findings
    assert finding.message.startswith("务实合作 is rendered in different ways in this file: 'Pragmatic cooperations' here, 'practical cooperation' at line 1 ")


def _jsonl(folder: Path, name: str, pairs: Pairs) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps({"source": zh, "target": en}, ensure_ascii=False) + "\n" for zh, en in pairs), encoding="utf-8")
    return path


def test_streamed_over_two_jobs_and_across_files_as_on_one(tmp_path: Path, glossary_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The summaries carry the appositive links and the uses: findings read again at the end, over
    several processes or across files, are those of the kept segments."""
    monkeypatch.setattr(termcheck.scan, "_CHUNK_CHARS", 100)  # a chunk a segment or two
    cases: list[tuple[Pairs, Expected]] = [(case.values[0], case.values[1]) for case in NOT_INCONSISTENT + STILL_INCONSISTENT]
    files = [_jsonl(tmp_path, f"case{n}.jsonl", pairs) for n, (pairs, _) in enumerate(cases)]
    terms = Config(glossaries=(str(glossary_path),), builtin=False, fail_on="never")

    def found(config: Config, paths: list[Path]) -> list[tuple[str, int, str, str]]:
        result = check_paths([str(path) for path in paths], config)
        return [(Path(f.file).name, f.segment.number, f.entry_id, f.message) for f in result.findings if f.rule == inconsistent.ID]

    one = found(replace(terms, jobs=1), files)
    assert [(name, number, entry) for name, number, entry, _ in one] == [
        (f"case{n}.jsonl", line, entry) for n, (_, expected) in enumerate(cases) for line, entry, _ in expected
    ]
    assert found(replace(terms, jobs=2), files) == one
    # Across the run: the appositive of one file links the names in the next one too.
    fair = [_jsonl(tmp_path, "fair1.jsonl", [("中国进出口商品交易会（广交会）开幕。", "The China Import and Export Fair (Canton Fair) opened.")]),
            _jsonl(tmp_path, "fair2.jsonl", [("广交会闭幕。", "The Canton Fair closed.")])]
    for jobs in (1, 2):
        assert found(replace(terms, jobs=jobs, consistency="run"), fair) == []
    split = [_jsonl(tmp_path, "bri1.jsonl", [("一带一路倡议", "the Belt and Road Initiative")]),
             _jsonl(tmp_path, "bri2.jsonl", [("一带一路", "the New Silk Road")])]
    across = [found(replace(terms, jobs=jobs, consistency="run"), split) for jobs in (1, 2)]
    assert across[0] == across[1] == [("bri2.jsonl", 1, "bri", (
        f"一带一路 is rendered in different ways across the files checked: 'New Silk Road' here, 'Belt and Road Initiative' at {split[0]}:1 "
        "('Belt and Road Initiative' ×1, 'New Silk Road' ×1); use 'Belt and Road Initiative' throughout"
    ))]
