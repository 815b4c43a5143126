"""The built-in glossary: it loads from the installed package and covers the sample's terms."""

from __future__ import annotations

import pytest

from termcheck import Matchers, load_glossary
from termcheck.glossary import builtin_glossary_files
from tests.conftest import findings_for

# Every political term of the seed article (samples/xinhua-2023-10-23-acftu.zh.txt), with the
# rendering the official Xinhua English uses for it.
SAMPLE_TERMS = [
    ("中华全国总工会", "All-China Federation of Trade Unions"),
    ("全国总工会", "ACFTU"),
    ("工会", "trade unions"),
    ("中共中央", "Communist Party of China Central Committee"),
    ("党中央", "CPC Central Committee"),
    ("总书记", "general secretary"),
    ("国家主席", "Chinese president"),
    ("中央军委主席", "chairman of the Central Military Commission"),
    ("习近平", "Xi Jinping"),
    ("蔡奇", "Cai Qi"),
    ("新华社", "Xinhua"),
    ("中共中央政治局常委", "a member of the Standing Committee of the Political Bureau of the CPC Central Committee"),
    ("中央书记处书记", "a member of the Secretariat of the CPC Central Committee"),
    ("党的十八大", "the 18th CPC National Congress"),
    ("党的领导", "the leadership of the Party"),
    ("全面领导", "overall leadership"),
    ("工运事业", "the Chinese workers' movement"),
    ("群众组织", "people's organizations"),
    ("全心全意依靠工人阶级", "relying wholeheartedly on the working class"),
    ("强国建设", "building a strong country"),
    ("民族复兴", "national rejuvenation"),
    ("历史性成就", "historic achievements"),
    ("经济建设", "economic development"),
    ("科技创新", "scientific and technological innovation"),
    ("脱贫攻坚", "poverty alleviation"),
    ("乡村振兴", "rural revitalization"),
    ("疫情防控", "epidemic prevention and control"),
    ("抢险救灾", "disaster relief"),
    ("决策部署", "decisions and arrangements"),
    ("新发展理念", "the new development philosophy"),
    ("新发展格局", "a new development pattern"),
    ("高质量发展", "high-quality development"),
    ("劳动和技能竞赛", "labor and skills competitions"),
    ("劳模精神", "the spirit of model workers"),
    ("劳动精神", "the working spirit"),
    ("工匠精神", "craftsmanship"),
    ("劳模工匠", "model workers and artisans"),
    ("共同富裕", "common prosperity"),
    ("实质性进展", "more tangible progress"),
    ("新就业形态劳动者", "workers in new employment forms"),
    ("和谐劳动关系", "harmonious labor relations"),
    ("基层工会", "grassroots trade unions"),
    ("各级党委", "Party committees at all levels"),
    ("工会干部", "trade union cadres"),
    # Terms of the passages the English leaves out: covered, with their official renderings.
    ("中南海", "Zhongnanhai"),
    ("新时代中国特色社会主义思想", "Thought on Socialism with Chinese Characteristics for a New Era"),
    ("科教兴国战略", "the strategy for invigorating China through science and education"),
    ("人才强国战略", "the workforce development strategy"),
    ("创新驱动发展战略", "the innovation-driven development strategy"),
    ("产业工人队伍建设改革", "reform of the industrial workforce"),
    ("群众路线", "the mass line"),
    ("中国工会十八大", "the 18th National Congress of Chinese Trade Unions"),
]


def test_builtin_glossary_is_found() -> None:
    assert builtin_glossary_files()


@pytest.mark.parametrize(("zh", "en"), SAMPLE_TERMS)
def test_sample_term_is_covered_with_its_official_rendering(builtin: Matchers, zh: str, en: str) -> None:
    [hit] = builtin.zh.find(zh)
    assert (hit.start, hit.end) == (0, len(zh)), f"{zh} is not one glossary term"
    rendered = {h.entry_id for h in builtin.find_renderings(en) if h.status.value != "deprecated"}
    assert hit.entry_id in rendered, f"{en!r} is not an accepted rendering of {zh}"


def test_every_entry_is_sourced_and_categorised() -> None:
    unsourced = [e.id for e in load_glossary().entries if not e.source or not e.category]
    assert unsourced == []


def test_builtin_glossary_validates_clean() -> None:
    from termcheck.glossary.validate import validate_files
    from termcheck.model import Severity

    report = validate_files(builtin_glossary_files())
    # Every entry has evidence or is marked unverified (a `no-evidence` warning otherwise).
    assert [str(p) for p in report.problems if p.severity is not Severity.INFO] == []


def test_every_builtin_entry_has_evidence_or_says_it_is_unverified() -> None:
    entries = load_glossary().entries
    assert [e.id for e in entries if not e.evidence and not e.unverified] == []
    # An entry whose preferred rendering has no record is unverified, whatever its alternatives have.
    preferred_shown = {e.id for e in entries if any(r.rendering in ("", e.preferred) for r in e.evidence)}
    assert [e.id for e in entries if e.id not in preferred_shown and not e.unverified] == []
    assert len(preferred_shown) >= 1500


def test_builtin_glossary_size() -> None:
    entries = load_glossary().entries
    curated = [e for e in entries if "numbered-series.toml" not in e.origin]
    assert len(entries) >= 1200
    # Breadth beyond the generated series: concepts written one by one, in every domain.
    assert len(curated) >= 1200
    assert len({e.category for e in curated}) >= 25


def test_every_form_and_rendering_finds_its_own_entry(builtin: Matchers) -> None:
    """Each Chinese form is found whole as its entry; each rendering, written as the glossary writes
    it, is recognised with its status (a rendering the matcher cannot see would make the entry
    fail on every correct translation)."""
    unmatched = []
    for entry in load_glossary().entries:
        for form in entry.zh:
            if not any(h.start == 0 and h.end == len(form) and h.entry_id == entry.id for h in builtin.zh.find(form)):
                unmatched.append(f"{entry.id}: Chinese form {form}")
        for rendering in entry.accepted:
            if not any(h.entry_id == entry.id and h.status.accepted for h in builtin.find_renderings(rendering)):
                unmatched.append(f"{entry.id}: rendering {rendering!r}")
        rejected = [("deprecated", rendering) for rendering in entry.deprecated] + [("superseded", old.en) for old in entry.superseded]
        for status, rendering in rejected:
            if not any(h.entry_id == entry.id and h.status.value == status for h in builtin.find_renderings(rendering)):
                unmatched.append(f"{entry.id}: {status} rendering {rendering!r}")
    assert unmatched == []


# Another country's body or office, as the built-in entries' counterparts name it: a note in a text
# about that country, an error where China's office is given another country's title.
FOREIGN_COUNTERPARTS = [
    ("国务院发言人普赖斯表示，制裁将继续。", "State Department spokesman Ned Price said the sanctions would go on.", [("missing", "info", "国务院")]),
    ("财政部长耶伦访问欧洲。", "Treasury Secretary Janet Yellen visited Europe.", [("missing", "info", "财政部")]),
    ("阮春福总理出席峰会。", "Prime Minister Nguyen Xuan Phuc attended the summit.", [("missing", "info", "总理")]),
    ("李强总理出席峰会。", "Prime Minister Li Qiang attended the summit.", [("missing", "warning", "总理")]),
    ("中国财政部发布公告。", "The Treasury Department of China issued a notice.", [("missing", "error", "财政部")]),
]


@pytest.mark.parametrize(("zh", "en", "expected"), FOREIGN_COUNTERPARTS)
def test_foreign_counterparts_of_builtin_entries(builtin: Matchers, zh: str, en: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.rule, f.severity.value, f.term) for f in findings_for(builtin, zh, en)] == expected
