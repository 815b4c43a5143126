"""Source side, in context: a form that straddles two words, sits inside a number or names a
foreign body is no hit, and the next best hit for its characters is taken; real terms in ordinary
sentences are still found. The built-in glossary, with sentences written for these tests."""

from __future__ import annotations

import pytest

from termcheck import Entry, Glossary, Matchers, compile_glossary


def hits(matchers: Matchers, text: str) -> list[tuple[str, str]]:
    return [(h.entry_id, h.text) for h in matchers.zh.find(text)]


# --- negatives: no hit, or the right shorter one -----------------------------------------------

CUT_THROUGH_WORDS = [
    ("其中共有党员三百多名。", [("party-member", "党员")]),            # 其中 + 共有, not 中共
    ("中国企业纷纷走出去。", []),                                      # 中国 + 企业, not 国企
    ("外国企业在华投资增加。", []),
    ("两国企业加强合作。", []),
    ("湖北约有三千家工厂。", []),                                      # 湖北 + 约, not 北约
    ("人民进行了长期斗争。", []),                                      # 人民 + 进行, not 民进
    ("明天召开施工会议。", []),                                        # 施工 + 会议, not 工会
    ("他十四五岁时离开家乡。", []),                                    # fourteen or fifteen years old
    ("此案已上诉至最高法院。", []),                                    # a (foreign) supreme court
    ("由两个政党组成联合政府。", []),                                  # 政党 + 组成, not 党组
    ("依法保护当事人权益。", []),                                      # 当事人 + 权益, not 人权
    ("人民生活水平不断提高。", []),                                    # 人民 + 生活, not 民生
    ("其中将有一半留下。", []),                                        # 其中 + 将, not 中将
    ("他是一名中国共产党员。", [("party-member", "共产党员")]),        # a Party member, not the Party
    ("这体现了中国共产党人的担当。", []),                              # the Chinese Communists, not the Party
    ("他会见了老挝人革党中央总书记。", []),                            # a foreign party's centre and leader
    ("老挝人民民主共和国主席出席。", []),                              # 人民民主 inside a country's name
    ("农工党十六大在京召开。", [("cpwdp-national-congress-16", "农工党十六大")]),  # another party's congress, not the CPC's
    ("美国商务部长雷蒙多访华。", []),                                  # the body's head (部长), not the body
    ("国家统计局长约翰出席。", []),
]

NUMBERS = [
    ("这是第二十五次会谈。", []),
    ("她今年二十五岁。", []),
    ("共有二十五个国家参加。", []),
    ("会议于二十五日闭幕。", []),
    ("他排在第十三大经济体之后。", []),
    ("一百二十五项措施", []),
    ("二十八大项目", []),                                              # not 十八大 inside 二十八
]

FOREIGN_BODIES = [
    ("美国国防部发表声明。", []),
    ("俄罗斯国防部表示。", []),
    ("美国司法部长宣布辞职。", []),
    ("日本外务省官员说。", []),
    ("美国防部长访问日本。", []),                                      # 美 + 国防部长
    ("苏格兰工会举行罢工。", []),
    ("越南共产党中央委员会总书记会见代表团。", [("general-secretary", "总书记")]),
    ("老挝人民革命党中央委员会", []),
    ("美俄两国外交部发表联合声明。", [("joint-statement", "联合声明")]),
    ("美国的国务院发言人表示。", []),
    ("美国宪法第一修正案", []),
    ("默克尔总理访问了上海。", []),                                    # a foreign person's title: the name before it
    ("副总理穆特科在评论路线图时表示。", []),                          # … or after it, a name the dictionary lacks
    ("外长拉夫罗夫会见记者。", []),
    ("他接受了俄罗斯政府授予的友谊勋章。", []),                        # the order of the country that confers it
    ("越南国家主席颁授友谊勋章。", [("friendship-medal", "友谊勋章")]),  # a person, not a country, confers it: no telling
]


@pytest.mark.parametrize(("text", "expected"), CUT_THROUGH_WORDS + NUMBERS + FOREIGN_BODIES)
def test_form_that_is_not_the_term_here_is_no_hit(builtin: Matchers, text: str, expected: list[tuple[str, str]]) -> None:
    assert hits(builtin, text) == expected


# --- positives: real terms in ordinary sentences --------------------------------------------

REAL_TERMS = [
    ("李强总理在西安考察。", [("li-qiang", "李强"), ("premier-title", "总理")]),              # a Chinese name, then a place: China's Premier
    ("国务院总理温家宝出席。", [("premier", "国务院总理"), ("wen-jiabao", "温家宝")]),
    ("总理特别强调这一点。", [("premier-title", "总理")]),              # characters of names, in ordinary words
    ("马凯副总理出席会议。", [("vice-premier-title", "副总理")]),        # two characters of names: a Chinese name
    ("中共中央政治局召开会议。", [("political-bureau", "中共中央政治局")]),
    ("这是中共的一贯主张。", [("communist-party-of-china", "中共")]),
    ("国家统计局长期跟踪物价。", [("national-bureau-of-statistics", "国家统计局")]),  # 长期 is a word: the body
    ("深化国企改革。", [("soe-reform", "国企改革")]),
    ("推动国企做强做优。", [("state-owned-enterprise", "国企")]),
    ("北约秘书长发表讲话。", [("nato", "北约")]),
    ("北约有三十多个成员国。", [("nato", "北约")]),
    ("民进中央召开全会。", [("china-association-for-promoting-democracy", "民进")]),
    ("各级工会要维护职工权益。", [("trade-union", "工会")]),
    ("他积极参加工会活动。", [("trade-union", "工会")]),
    ("“十四五”时期经济社会发展", [("five-year-plan-14", "十四五")]),
    ("在十四五期间完成", [("five-year-plan-14", "十四五")]),
    ("编制十四五规划", [("five-year-plan-14", "十四五规划")]),
    ("党的十八大以来", [("cpc-national-congress-18", "党的十八大")]),
    ("十八大以来，成就显著。", [("cpc-national-congress-18", "十八大")]),
    ("2023年第十四届全国人大一次会议", [("npc-14-session-1", "十四届全国人大一次会议")]),
    ("十八届三中全会作出决定", [("cpc-central-committee-18-plenary-session-3", "十八届三中全会")]),
    ("党组书记主持会议。", [("leading-party-members-group", "党组")]),
    ("尊重和保障人权。", [("human-rights", "人权")]),
    ("美国人权状况", [("human-rights", "人权")]),                     # scope "any": still human rights
    ("增进民生福祉，改善民生福祉。", [("peoples-wellbeing", "民生福祉"), ("peoples-wellbeing", "民生福祉")]),
    ("重庆市委书记出席。", [("municipal-party-secretary", "市委书记")]),
    ("打赢脱贫攻坚战", [("poverty-alleviation", "脱贫攻坚")]),
    ("广大党员干部群众", [("party-members-and-officials", "党员干部")]),
    ("中央政治局召开民主生活会", [("political-bureau", "中央政治局"), ("criticism-and-self-criticism-meeting", "民主生活会")]),
    ("党中央、国务院高度重视。", [("cpc-central-committee", "党中央"), ("state-council", "国务院")]),
    ("国务院", [("state-council", "国务院")]),                          # the whole text
    ("会议由国务院召开", [("state-council", "国务院")]),                # at the end
    ("中美两国外交部保持沟通。", [("ministry-of-foreign-affairs", "外交部")]),   # China's among them
    ("中国和美国外交部举行磋商。", [("ministry-of-foreign-affairs", "外交部")]),
    ("今日国务院召开常务会议。", [("state-council", "国务院")]),        # 今日, not 日 (Japan)
    ("3月5日国务院发布通知。", [("state-council", "国务院")]),          # a date, not Japan
    ("中國共產黨成立一百週年", [("centenary-of-the-cpc", "中國共產黨成立一百週年")]),
    ("庆祝中国共产党成立100周年大会", [("centenary-of-the-cpc", "中国共产党成立100周年")]),   # the year in figures
    ("中華全國總工會", [("acftu", "中華全國總工會")]),                  # traditional script
    ("國務院召開會議", [("state-council", "國務院")]),
    ("他说，中华全国\n总工会将召开大会。", [("acftu", "中华全国\n总工会")]),   # across a line break
]


@pytest.mark.parametrize(("text", "expected"), REAL_TERMS)
def test_real_term_in_an_ordinary_sentence_is_found(builtin: Matchers, text: str, expected: list[tuple[str, str]]) -> None:
    assert hits(builtin, text) == expected


# --- every glossary form in a plain sentence ------------------------------------------------

FRAMES = ("{}", "我们要坚持{}。", "关于{}的说明", "他说：“{}”")


def test_every_glossary_form_is_found_in_plain_sentences(builtin: Matchers) -> None:
    """Around punctuation and common words, every form of the built-in glossary is a hit of its
    own entry: the context checks never take a real term away in a normal sentence."""
    lost = []
    for entry_id, form in _forms(builtin):
        for frame in FRAMES:
            text = frame.format(form)
            # A form written with its quotation marks (“南海行为准则”) is found with them.
            if not any(found_id == entry_id and form in found for found_id, found in hits(builtin, text)):
                lost.append(text)
    assert lost == []


def _forms(matchers: Matchers) -> list[tuple[str, str]]:
    return [(entry.id, form) for entry in matchers.entries.values() for form in entry.zh]


# --- the rules as data ----------------------------------------------------------------------


def _glossary(*entries: Entry) -> Matchers:
    return compile_glossary(Glossary(entries))


def test_not_after_and_not_before_reject_the_form_and_keep_the_shorter_term() -> None:
    matchers = _glossary(
        Entry(id="summit", zh=("二十国集团峰会",), en=("G20 Summit",), category="diplomacy", not_before=("筹备",)),
        Entry(id="g20", zh=("二十国集团",), en=("G20",), category="diplomacy"),
        Entry(id="plan-14", zh=("十四五",), en=("14th Five-Year Plan",), category="economy", not_after=("第",), not_before=("岁",)),
    )
    assert hits(matchers, "二十国集团峰会开幕") == [("summit", "二十国集团峰会")]
    # The next best for the same characters, as if the longer form had never been found.
    assert hits(matchers, "二十国集团峰会筹备工作") == [("g20", "二十国集团")]
    assert hits(matchers, "十四五岁") == []
    assert hits(matchers, "第十四五") == []
    assert hits(matchers, "十四五时期") == [("plan-14", "十四五")]


def test_context_rules_apply_to_traditional_spellings() -> None:
    matchers = _glossary(Entry(id="plan", zh=("十四五",), en=("plan",), category="economy", not_before=("个",)))
    assert hits(matchers, "十四五個") == []


def test_scope_any_is_never_foreign() -> None:
    scoped = Entry(id="mod", zh=("国防部",), en=("Ministry of National Defense",), category="military")
    unscoped = Entry(id="mod", zh=("国防部",), en=("Ministry of National Defense",), category="military", scope="any")
    assert hits(_glossary(scoped), "美国国防部") == []
    assert hits(_glossary(unscoped), "美国国防部") == [("mod", "国防部")]


def test_matchers_keep_their_context_through_the_disk_cache() -> None:
    import pickle

    matchers = pickle.loads(pickle.dumps(_glossary(Entry(id="mod", zh=("国防部",), en=("MND",), category="military"))))
    assert hits(matchers, "美国国防部") == []
    assert hits(matchers, "国防部发言人") == [("mod", "国防部")]

