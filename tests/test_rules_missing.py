"""missing, as a reviewer judges it: other grammar for a descriptive phrase, a name that must be
written as it is, a shorter name inside a longer one, a compound whose parts are rendered, and
severity by what kind of term it is. Negatives (no finding) first."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck import Matchers, compile_glossary
from termcheck.model import Entry, Glossary
from tests.conftest import findings_for

GLOSSARY = Glossary(
    (
        Entry("modern-socialist-country", ("全面建设社会主义现代化国家",), ("build a modern socialist country in all respects",), category="strategy"),
        Entry("deepen-reform", ("深化改革",), ("deepen reform",), category="reform"),
        Entry("theory-confidence", ("理论自信",), ("confidence in the theory",), category="ideology"),
        Entry("path-confidence", ("道路自信",), ("confidence in the path",), category="ideology"),
        Entry("socialism-cc", ("中国特色社会主义",), ("socialism with Chinese characteristics",), category="ideology"),
        Entry("party-member", ("党员",), ("Party member", "CPC member"), category="party-building"),
        Entry("general-bonds", ("一般债券",), ("general-purpose bonds", "general bonds"), category="finance"),
        Entry("coordinated-regional", ("区域协调发展",), ("coordinated development of the regions",), category="economy"),
        Entry("state-council", ("国务院",), ("State Council",), category="state"),
        Entry("state-councilor", ("国务委员",), ("State Councilor",), category="state"),
        Entry("china-us-relations", ("中美关系",), ("China-US relations",), category="diplomacy"),
        Entry("two-confidences", ("道路自信和理论自信",), ("dual confidence in path and theory",), category="ideology"),
        Entry("cpc", ("中国共产党", "中共"), ("Communist Party of China",), short=("CPC",), deprecated=("Chinese Communist Party", "CCP"), category="party"),
        Entry("cpc-founding", ("中国共产党成立",), ("founding of the Communist Party of China",), category="history"),
        Entry("npc", ("全国人大",), ("National People's Congress",), short=("NPC",), category="congress"),
        Entry("npcsc", ("全国人大常委会",), ("Standing Committee of the National People's Congress", "NPC Standing Committee"), category="congress"),
        Entry("hksar", ("香港特别行政区",), ("Hong Kong Special Administrative Region",), short=("HKSAR",), category="hmt"),
        Entry("sense-of-gain", ("获得感",), ("sense of gain",), category="society"),
        Entry("trade-union", ("工会",), ("trade union",), category="labour", severity="error"),
        Entry("unverified-name", ("某某委员会",), ("Some Committee",), category="state", unverified=True),
        Entry("belt-road", ("一带一路",), ("Belt and Road Initiative",), deprecated=("One Belt, One Road",), category="diplomacy"),
        Entry("xi-jinping", ("习近平",), ("Xi Jinping",), category="people"),
        Entry("belt-road-cooperation", ("一带一路合作",), ("Belt and Road cooperation",), category="diplomacy"),
        Entry("defence-ministry", ("国防部",), ("Ministry of National Defense",), category="state", counterparts=("Department of Defense", "DoD", "Pentagon")),
        Entry("premier-title", ("总理",), ("Premier",), category="state", counterparts=("Prime Minister", "PM")),
        Entry("foreign-ministry", ("外交部",), ("Ministry of Foreign Affairs", "Foreign Ministry"), category="state"),
        Entry("academy", ("中国科学院",), ("Chinese Academy of Sciences",), short=("CAS",), category="science-education"),
        Entry("constitution", ("宪法",), ("Constitution",), category="law"),
        Entry("ccdi-deputy-secretary", ("中央纪委副书记",), ("deputy secretary of the Central Commission for Discipline Inspection",), category="discipline"),
        Entry("cpc-congress-19", ("十九大",), ("19th CPC National Congress", "19th National Congress"), category="party"),
        Entry("well-off", ("小康社会",), ("moderately prosperous society", "well-off society"), category="economy"),
        Entry("well-off-all-respects", ("全面建成小康社会",), ("moderately prosperous society in all respects",), category="economy"),
        Entry("decisions-and-plans", ("决策部署",), ("decisions and plans", "decisions and deployments"), category="party"),
        Entry("council-of-chairpersons", ("委员长会议",), ("Council of Chairpersons of the NPC Standing Committee", "Council of Chairpersons"), category="congress"),
        Entry("general-secretary", ("总书记",), ("general secretary",), category="party"),
        Entry("new-journey", ("新征程",), ("new journey",), category="strategy"),
        Entry("central-committee-19", ("十九届中央委员会",), ("19th CPC Central Committee",), category="party"),
        Entry("marxism-leninism", ("马克思列宁主义",), ("Marxism-Leninism",), category="ideology"),
        Entry("streamline-reform", ("放管服",), ("reform to streamline administration, delegate power, and upgrade services",), category="reform"),
        Entry("xi-thought", ("习近平新时代中国特色社会主义思想",), ("Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",), category="ideology"),
        Entry("innovation-driven-strategy", ("创新驱动发展战略",), ("innovation-driven development strategy",), category="policy"),
        Entry("two-sessions", ("两会",), ("two sessions",), category="congress"),
        Entry(
            "ndrc", ("国家发展改革委",), ("National Development and Reform Commission",), short=("NDRC",), category="state",
            descriptions=("top economic planner",),
        ),
    )
)


@pytest.fixture(scope="module")
def glossary_matchers() -> Matchers:
    return compile_glossary(GLOSSARY)


def findings(matchers: Matchers, source: str, target: str) -> list[tuple[str, str, str, str | None]]:
    return [(f.rule, f.severity.value, f.term, f.found) for f in findings_for(matchers, source, target)]


CASES = [
    # --- a descriptive phrase in other grammar: its content words, in any order, in one sentence
    pytest.param("全面建设社会主义现代化国家", "We will build China into a modern socialist country in all respects.", [], id="object inserted"),
    pytest.param("深化改革", "Reform was deepened across the board.", [], id="passive"),
    pytest.param("深化改革", "They called for deepening reform.", [], id="nominalisation"),
    pytest.param("深化改革", "The reforms have deepened.", [], id="word order and inflection"),
    pytest.param("道路自信、理论自信", "confidence in the path, theory, system and culture", [], id="shared head in a list"),
    # --- a numbered formula's label counts as written, never by its words apart
    pytest.param("全国两会召开", "The two sessions opened.", [], id="a numbered label as written"),
    pytest.param(
        "全国两会召开", "The two sides met in several sessions.", [("missing", "warning", "两会", None)],
        id="a number and a word of a label elsewhere are no rendering",
    ),
    # --- a phrase put in another part of speech: a word with the stem of the rendering's
    pytest.param("坚定道路自信", "We must stay confident in the path.", [], id="an adjective for the rendering's noun"),
    pytest.param(
        "实施创新驱动发展战略", "We will implement the innovative-driven development strategy.",
        [("missing", "warning", "创新驱动发展战略", "innovative-driven development strategy")],
        id="a word of a hyphenated compound keeps its form",
    ),
    # --- a body referred to by what it does, as news English does: a note
    pytest.param(
        "国家发展改革委表示", "China's top economic planner said", [("missing", "info", "国家发展改革委", "top economic planner")],
        id="a description of the body is a note",
    ),
    pytest.param(
        "国家发展改革委和国务院表示", "China's top economic planner and the cabinet said",
        [("missing", "info", "国家发展改革委", "top economic planner"), ("missing", "error", "国务院", None)],
        id="a described term is no term of a left-out sentence",
    ),
    pytest.param("国家发展改革委表示", "The planners said", [("missing", "error", "国家发展改革委", None)], id="no description: still missing"),
    # --- a term that modifies the next noun may turn into an adjective
    pytest.param("建设中国特色社会主义参政党", "build a socialist political party with Chinese characteristics", [], id="socialist party with Chinese characteristics"),
    pytest.param(
        "中国特色社会主义进入新时代", "Chinese socialist characteristics entered a new era",
        [("missing", "warning", "中国特色社会主义", None)],
        id="a term that is no modifier keeps its noun",
    ),
    # --- a doctrine that modifies a noun is an adjective, also in a fixed name
    pytest.param("坚持马克思列宁主义路线", "They keep to the Marxist-Leninist line.", [], id="doctrine as an adjective before a noun"),
    pytest.param(
        "坚持马克思列宁主义", "They keep to the Marxist-Leninist line.",
        [("missing", "error", "马克思列宁主义", "Marxist-Leninist")],
        id="a doctrine that is no modifier keeps its noun (near miss named)",
    ),
    pytest.param(
        "坚持马克思列宁主义路线", "They keep to the Marxian line.",
        [("missing", "error", "马克思列宁主义", None)],
        id="only the doctrine's own adjective lifts a fixed name",
    ),
    # --- the term of a body, as an ordinal inside its name
    pytest.param("十三届全国人大常委会召开会议", "The Standing Committee of the 13th National People's Congress met.", [], id="ordinal put in a name"),
    pytest.param("全国人大常委会召开会议", "The Standing Committee of the Thirteenth National People's Congress met.", [], id="ordinal in words put in a name"),
    pytest.param(
        "十九届中央委员会召开会议", "The 20th CPC Central Committee met.",
        [("missing", "error", "十九届中央委员会", "20th CPC Central Committee")],
        id="a numbered name with another number stays missing",
    ),
    pytest.param(
        "十九届中央委员会召开会议", "The CPC Central Committee met.",
        [("missing", "info", "十九届中央委员会", "CPC Central Committee")],
        id="a numbered name referred to without its number: a note",
    ),
    pytest.param(
        "十九届中央委员会召开会议", "The Nineteen CPC Central Committee met.",
        [("missing", "error", "十九届中央委员会", "Nineteen CPC Central Committee")],
        id="a number in another form is no name without its number",
    ),
    # --- another body's name made of the name's words
    pytest.param(
        "十九大精神", "the spirit of the 19th National People's Congress",
        [("missing", "error", "十九大", "National People's Congress")],
        id="the legislature for the Party congress is an error, not another wording",
    ),
    pytest.param("十九大和全国人大", "the 19th National Congress and the National People's Congress", [], id="both bodies named, both in the source"),
    # --- a typo in the spacing is not a wrong term
    pytest.param(
        "党中央决策部署", "the major decisions and deploymentof the Party",
        [("missing", "info", "决策部署", "decisions and deploymentof")],
        id="a function word glued to the rendering's last word: a note",
    ),
    pytest.param(
        "党中央决策部署", "the major decisions and deploymens of the Party",
        [("missing", "warning", "决策部署", "decisions and deploymens")],
        id="a misspelt word stays a near miss",
    ),
    # --- a title beside a person's name that the translation gives without the title: a note
    pytest.param("习近平总书记指出", "Xi Jinping pointed out", [("missing", "info", "总书记", None)], id="the person named, the title left out"),
    pytest.param("习近平总书记指出", "Xi pointed out", [("missing", "info", "总书记", None)], id="the person named by surname"),
    pytest.param("总书记指出", "He pointed out", [("missing", "warning", "总书记", None)], id="no person beside it: still missing"),
    # --- a name keeps strict matching
    pytest.param(
        "香港特别行政区", "the Hong Kong Special Administration Region",
        [("missing", "error", "香港特别行政区", "Hong Kong Special Administration Region")],
        id="derivation is not a word form (near miss named)",
    ),
    pytest.param(
        "全国人大", "Congress, the National People's body, met.", [("missing", "warning", "全国人大", None)],
        id="name words scattered are not the name (worded differently: a warning)",
    ),
    pytest.param(
        "全国人大", "The National Congress met.", [("missing", "warning", "全国人大", None)],
        id="name with one word of three left out: a warning",
    ),
    # --- a word inside a hyphenated compound is not that word alone
    pytest.param("发行一般债券", "They issue general bonds.", [], id="shorter alternative"),
    pytest.param(
        "发行一般债券", "They issue general-xurpose bonds.",
        [("missing", "warning", "一般债券", "general-xurpose bonds")],
        id="a misspelt compound is no loose match of the shorter alternative",
    ),
    pytest.param(
        "深化改革", "We must deepen reforn.",
        [("missing", "warning", "深化改革", "deepen reforn")],
        id="a misspelt rendering is a near miss, not a loose match",
    ),
    pytest.param("区域协调发展", "They seek coordinated development in the regions.", [], id="another preposition is no misspelling"),
    pytest.param(
        "放管服", "We deepened reforms to streamline administration and delegate power, and upgrade services.",
        [], id="a word form of the rendering's word, other joining words: no misspelling",
    ),
    pytest.param(
        "放管服", "We deepened reforms to streamline administration and delegate powr, and upgrade services.",
        [("missing", "warning", "放管服", "reforms to streamline administration and delegate powr, and upgrade services")],
        id="a misspelt word beside a word form is still a near miss",
    ),
    pytest.param(
        "国务院和国务委员", "The State Council met.",
        [("missing", "error", "国务委员", None)],
        id="no near miss inside another source term's rendering",
    ),
    pytest.param(
        "国务委员", "The State Council met.",
        [("missing", "error", "国务委员", "State Council")],
        id="a near miss where the source has no other term for it",
    ),
    pytest.param(
        "全国人大常委会举行委员长会议", "The Council of Chairmen of the NPC Standing Committee met.",
        [("missing", "error", "委员长会议", "Council of Chairmen")],
        id="a near miss beside another source term's rendering, not through it",
    ),
    pytest.param("中美关系", "Relations between China and the US improved.", [], id="an acronym is a content word of a loose match"),
    pytest.param(
        "中美关系", "China-EU relations improved.", [("missing", "warning", "中美关系", "China-EU relations")],
        id="US written in capitals is no pronoun left free",
    ),
    # --- loose words must stay in one sentence and close together
    pytest.param(
        "深化改革", "We must deepen our understanding. Reform of the tax system came later.",
        [("missing", "warning", "深化改革", None)],
        id="words of two sentences are not the phrase",
    ),
    # --- a sentence none of whose terms is rendered is reported once, as probably left out
    pytest.param(
        "深化改革。获得感提高了，全国人大也开会了。", "We will deepen reform.",
        [("missing", "warning", "获得感", None)],
        id="untranslated sentence reported once",
    ),
    pytest.param(
        "深化改革。会见全国人大获得感代表。", "We will deepen reform. They met the delegates.",
        [("missing", "error", "全国人大", None), ("missing", "warning", "获得感", None)],
        id="terms side by side dropped from a translated sentence are each reported",
    ),
    pytest.param(
        "深化改革。获得感和全国人大在2023年。", "We will deepen reform. In 2023 the legislature met.",
        [("missing", "warning", "获得感", None), ("missing", "error", "全国人大", None)],
        id="a sentence whose number is in the translation is translated: each term reported",
    ),
    # --- a shorter name inside a longer name of another source term does not count for it
    pytest.param(
        "全国人大和全国人大常委会", "the NPC Standing Committee met",
        [("missing", "warning", "全国人大", "NPC")],
        id="NPC inside NPC Standing Committee",
    ),
    pytest.param("全国人大和全国人大常委会", "the NPC and its Standing Committee, the NPC Standing Committee", [], id="NPC on its own too"),
    pytest.param("全国人大", "the NPC Standing Committee said the NPC will meet", [], id="longer name of a term not in the source still lets the shorter count"),
    pytest.param("中国共产党全体党员", "all CPC members", [], id="two neighbouring terms joined in one rendering"),
    # --- a name standing as the owner in a longer name the glossary does not know: a warning
    pytest.param(
        "中国科学院国家天文台利用望远镜发现了气体。", "The National Astronomical Observatories spotted the gas with a telescope.",
        [("missing", "warning", "中国科学院", None)], id="owner of an unknown unit named before it: a warning",
    ),
    pytest.param(
        "国务院参事室发布报告。", "The Counsellors' Office released a report.",
        [("missing", "warning", "国务院", None)], id="owner of an office: a warning",
    ),
    pytest.param(
        "中国科学院的科学家发现了气体。", "Scientists spotted the gas.",
        [("missing", "error", "中国科学院", None)], id="a name followed by a particle is no owner: still an error",
    ),
    pytest.param(
        "中国科学院院士发现了气体。", "An academician spotted the gas.",
        [("missing", "error", "中国科学院", None)], id="a name followed by a title is no owner: still an error",
    ),
    # --- a Chinese body's name rendered as another country's body, China named on neither side: a note
    pytest.param(
        "据国防部的费用记载，每小时费用为两万美元。", "According to Department of Defense rates, an hour costs $20,000.",
        [("missing", "info", "国防部", "Department of Defense")], id="another country's body named in a text about it: a note",
    ),
    pytest.param(
        "中方表示，国防部发布了报告。", "China said the Department of Defense released a report.",
        [("missing", "error", "国防部", "Department of Defense")], id="another body's name where the text speaks of China: an error naming it",
    ),
    pytest.param(
        "国防部发布了报告。", "The Defense Department of China released a report.",
        [("missing", "error", "国防部", None)], id="another body's name with China in the translation: still an error",
    ),
    pytest.param(
        "国防部发布了报告。", "The National Defense Ministry released a report.",
        [("missing", "warning", "国防部", None)], id="a name on the same noun is the body worded otherwise, not another",
    ),
    pytest.param(
        "国防部发布了报告。", "The ministry released a report about national defense.",
        [("missing", "warning", "国防部", None)], id="no name of another body: the head-noun warning stays",
    ),
    # --- another country's name for the office or body (the entry's counterparts)
    pytest.param(
        "阮春福总理和习近平总书记举行会谈。", "Prime Minister Nguyen Xuan Phuc held talks with General Secretary Xi Jinping.",
        [("missing", "info", "总理", "Prime Minister")], id="a counterpart title before a name not in Pinyin: another country's office, a note",
    ),
    pytest.param(
        "据一份研究，国防部的报销费用不含人员费用。", "According to a study, DoD reimbursement rates leave out personnel costs.",
        [("missing", "info", "国防部", "DoD")], id="a counterpart acronym, China named on neither side: a note",
    ),
    pytest.param(
        "俄罗斯总理表示支持。", "The Russian Prime Minister voiced support.",
        [], id="a foreign qualifier in the source: no hit at all",
    ),
    pytest.param(
        "中方欢迎总理表示支持。", "China welcomed the support voiced by the Russian Prime Minister.",
        [("missing", "info", "总理", "Prime Minister")], id="a foreign country right before the counterpart: another country's office, a note though China is named",
    ),
    pytest.param(
        "中方欢迎美方和总理表示支持。", "China welcomed the support of the US and the Russian Prime Minister.",
        [("missing", "info", "总理", "Prime Minister")], id="the country right before the counterpart decides, not the first one named",
    ),
    pytest.param(
        "李强总理出席会议。", "Prime Minister Li Qiang attended the meeting.",
        [("missing", "error", "总理", "Prime Minister")], id="a counterpart title before a name in Pinyin: China's office under a wrong title",
    ),
    pytest.param(
        "中方表示，国防部发言人发布了报告。", "China said a Pentagon Spokesperson released a report.",
        [("missing", "error", "国防部", "Pentagon")], id="an office after the counterpart is no person's name: China in the source decides",
    ),
    pytest.param(
        "据一份研究，总理下午出席。", "According to a study, the head of government attended at 3 PM.",
        [("missing", "error", "总理", None)], id="a time's PM is no counterpart",
    ),
    pytest.param(
        "美国对中国表示，国防部发布了报告。", "The US told China the Ministry of National Defense released a report.",
        [], id="the accepted rendering beside a counterpart-free text: nothing",
    ),
    # --- a text about another country, China named on neither side: the body is most likely that country's, a note
    pytest.param(
        "据外交部消息，两名游客在边境被拘留。", "Two Bulgarians were detained at the border, the Foreign Affairs Ministry announced.",
        [("missing", "info", "外交部", None)], id="a ministry in a text about another country (by its adjective): a note",
    ),
    pytest.param(
        "国防部发布了报告。", "The report of the defence ministry in Greece came out.",
        [("missing", "info", "国防部", None)], id="a ministry in a text about another country (by its name): a note",
    ),
    pytest.param(
        "外交部发言人表示，美国应停止干涉。", "The foreign office spokesman said the US should stop interfering.",
        [("missing", "info", "外交部", None)], id="China implied in both languages: only a note (reported, not lost)",
    ),
    pytest.param(
        "外交部发言人表示，美国应停止干涉。", "The Chinese foreign office spokesman said the US should stop interfering.",
        [("missing", "error", "外交部", None)], id="China named in the translation: still an error",
    ),
    pytest.param(
        "中国外交部表示，美国应停止干涉。", "The foreign office said the US should stop interfering.",
        [("missing", "error", "外交部", None)], id="China named in the source: still an error",
    ),
    pytest.param(
        "外交部表示，美国应停止干涉。", "The Foreign Minstry said the US should stop interfering.",
        [("missing", "error", "外交部", "Foreign Minstry")], id="a near miss is a misspelling in a text about any country",
    ),
    pytest.param(
        "深化改革，美国也在观望。", "The US is watching.", [("missing", "warning", "深化改革", None)],
        id="a phrase, not a name of a Chinese body: no note",
    ),
    # --- a translation that stops in the middle of a phrase: the terms after the last rendered one, one warning
    pytest.param(
        "习近平出席会议，国务院和全国人大发布公告。", "Xi Jinping attended the meeting, and the",
        [("missing", "warning", "国务院", None)], id="stops short: the terms it does not reach, one warning",
    ),
    pytest.param(
        "习近平出席会议，国务院发布公告。", "Xi Jinping attended the meeting, and the cabinet",
        [("missing", "error", "国务院", None)], id="ends without punctuation on a noun: not cut short, the term missing on its own",
    ),
    pytest.param(
        "国务院发布公告，习近平出席会议。", "The cabinet announced that Xi Jinping attended the",
        [("missing", "error", "国务院", None)], id="a term before the last rendered one is not beyond the end",
    ),
    pytest.param(
        "习近平出席会议，国务委员发言。", "Xi Jinping attended the meeting, and a State Counselor of",
        [("missing", "error", "国务委员", "State Counselor")], id="a near miss before the end is rendered otherwise: reported on its own",
    ),
    # --- a term missing twice from one paragraph is one finding, at its first place
    pytest.param("国务院开会。国务院决定降税。", "The cabinet met. It decided to cut taxes.", [("missing", "error", "国务院", None)], id="twice in one paragraph: once"),
    pytest.param(
        "国务院开会。\n国务院决定降税。", "The cabinet met.\nIt decided to cut taxes.",
        [("missing", "error", "国务院", None), ("missing", "error", "国务院", None)], id="in two paragraphs: twice",
    ),
    # --- a compound whose parts are rendered is not an error
    pytest.param(
        "中国共产党成立", "The CPC came into being in 1921.",
        [("missing", "warning", "中国共产党成立", None)],
        id="compound with a part rendered and more to it is a warning",
    ),
    pytest.param(
        "道路自信和理论自信", "confidence in our path and confidence in our theory",
        [("missing", "info", "道路自信和理论自信", None)],
        id="compound made of rendered parts is a note",
    ),
    pytest.param("中国共产党成立", "In 1921, the Communist Party of China was founded.", [], id="compound in other grammar"),
    pytest.param(
        "中国共产党成立", "The Chinese Communist Party was founded in 1921.",
        [("deprecated", "error", "中国共产党", "Chinese Communist Party")],
        id="compound around a deprecated part: one finding",
    ),
    pytest.param(
        "一带一路合作", "One Belt, One Road cooperation",
        [("deprecated", "error", "一带一路", "One Belt, One Road")],
        id="no near miss over a deprecated rendering",
    ),
    # --- a name referred to by its head noun
    pytest.param("工会和全国人大", "the trade union and the congress", [("missing", "info", "全国人大", None)], id="the congress"),
    pytest.param("全国人大", "a congress met", [("missing", "error", "全国人大", None)], id="an indefinite head noun is no reference"),
    pytest.param("外交部表示", "The ministry said so.", [("missing", "info", "外交部", None)], id="the ministry"),
    pytest.param(
        "外交部表示", "The Ministry of Commerce said so.", [("missing", "error", "外交部", None)],
        id="a head noun that goes on as another name is no reference",
    ),
    # --- a person after the first mention: the surname
    pytest.param("习近平主席", "President Xi said so.", [], id="surname after a title"),
    pytest.param("习近平", "Xi's speech", [], id="surname with a possessive"),
    pytest.param(
        "习近平新时代的中国特色社会主义思想指引我们，习近平新时代中国特色社会主义思想是主线。",
        "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era is the main thread.",
        [],
        id="a longer name written with a particle put in is that name, not a person merged away",
    ),
    pytest.param(
        "习近平指出，习近平新时代中国特色社会主义思想是主线。",
        "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era is the main thread.",
        [("missing", "warning", "习近平", "Xi Jinping")],
        id="a person named on their own and rendered only inside a longer name",
    ),
    pytest.param("习近平", "Xi Jinpin said so.", [("missing", "error", "习近平", "Xi Jinpin")], id="surname with a misspelt given name"),
    # --- severity says how sure we are
    pytest.param("获得感", "They feel they have gained.", [("missing", "warning", "获得感", None)], id="descriptive phrase is a warning"),
    pytest.param("工会", "The workers' group met.", [("missing", "error", "工会", None)], id="severity set by the entry"),
    pytest.param("全国人大", "The legislature met.", [("missing", "error", "全国人大", None)], id="omitted name is an error"),
    pytest.param("某某委员会", "The body met.", [("missing", "warning", "某某委员会", None)], id="unverified entry is a warning"),
]


@pytest.mark.parametrize(("source", "target", "expected"), CASES)
def test_missing(glossary_matchers: Matchers, source: str, target: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert findings(glossary_matchers, source, target) == expected


def test_nested_terms_of_a_compound_are_checked_in_their_context() -> None:
    from termcheck.model import Entry, Glossary

    matchers = compile_glossary(
        Glossary(
            (
                Entry("trade-union", ("工会",), ("trade union",), category="labour"),
                Entry("cpc-18", ("十八大",), ("18th CPC National Congress",), category="congress", not_after=("工会",)),
                Entry("union-18", ("中国工会十八大",), ("18th National Congress of Chinese Trade Unions",), category="mass-organization"),
            )
        )
    )
    [finding] = findings_for(matchers, "中国工会十八大开幕", "The trade union congress opened")
    # 十八大 inside it is not the Party's congress; the union's congress is named without its
    # number, as news English may: a note.
    assert (finding.rule, finding.severity.value, finding.term) == ("missing", "info", "中国工会十八大")
    assert "referred to without its number: the translation names 工会 ('trade union');" in finding.message
    [finding] = findings_for(matchers, "中国工会十八大开幕", "The 17th trade union congress opened")
    assert (finding.severity.value, "its parts are rendered: 工会 ('trade union');" in finding.message) == ("warning", True)


@pytest.mark.parametrize(
    ("source", "target", "fixed_target"),
    [
        pytest.param("国务委员", "He met the State Counselor.", "He met the State Councilor.", id="near miss"),
        pytest.param("国务委员", "Two State Councelors came.", "Two State Councilors came.", id="plural kept"),
        pytest.param("国务委员", "Two State Counselors came.", "Two State Councilors came.", id="plural kept, a plural near miss"),
        pytest.param("国务委员", "The State Counselor's visit", "The State Councilor's visit", id="possessive kept"),
        pytest.param("深化改革", "Deepen reforn now.", "Deepen reform now.", id="capital at a sentence start"),
        pytest.param("李强总理出席会议。", "Prime Minister Li Qiang attended.", "Premier Li Qiang attended.", id="another country's title for China's office"),
        pytest.param(
            "中央纪委副书记", "He is vice secretary of the Central Commission for Discipline Inspection.",
            "He is deputy secretary of the Central Commission for Discipline Inspection.", id="the word standing for the rendering's first is replaced with it",
        ),
        pytest.param(
            "中央纪委副书记", "He is the secretary of the Central Commission for Discipline Inspection.",
            "He is the deputy secretary of the Central Commission for Discipline Inspection.", id="a missing first word is put in, after an article",
        ),
    ],
)
def test_a_near_miss_is_replaced_by_the_expected_rendering(glossary_matchers: Matchers, source: str, target: str, fixed_target: str) -> None:
    [finding] = findings_for(glossary_matchers, source, target)
    assert finding.replacement is not None and finding.target_span == finding.replacement.span
    span = finding.replacement.span
    assert target[: span.start] + finding.replacement.text + target[span.end :] == fixed_target
    assert finding.fix == f"replace '{target[span.start:span.end]}' with '{finding.replacement.text}'"


def test_a_missing_term_without_a_near_miss_has_no_replacement(glossary_matchers: Matchers) -> None:
    [finding] = findings_for(glossary_matchers, "国务委员", "The minister met.")
    assert finding.replacement is None and finding.fix == "render 国务委员 as 'State Councilor'"


def test_a_near_miss_that_modifies_the_next_word_is_named_but_not_replaced(glossary_matchers: Matchers) -> None:
    # The noun in place of the adjective would not read: "implement Constitution law".
    [finding] = findings_for(glossary_matchers, "实施宪法", "We implement Constitutional law.")
    assert (finding.found, finding.replacement, finding.fix) == ("Constitutional", None, "render 宪法 as 'Constitution'")


@pytest.mark.parametrize(
    ("replaced", "rendering", "fitted"),
    [
        ("new polcies", "new policy", "new policies"),          # a misspelt plural: by its ending
        ("two policys", "two policy", "two policies"),
        ("the polices", "the policy", "the policies"),          # a real word, plural
        ("the statuz quo", "the status quo", "the status quo"),  # nothing plural
        ("the crisis", "the policy", "the policy"),             # singular in -s
        ("Foreign Affair", "Foreign Affairs", "Foreign Affairs"),  # the rendering is plural itself
    ],
)
def test_a_replacement_takes_the_number_of_the_text_it_replaces(replaced: str, rendering: str, fitted: str) -> None:
    from termcheck.matching.inflection import NounNumbers
    from termcheck.rules.fitting import fitted_plural

    numbers = NounNumbers(["policy", "quo", "Affairs"])
    assert fitted_plural(replaced, rendering, numbers) == fitted
    # The same as lemminflect's own reading, which the table is made from.
    assert fitted_plural(replaced, rendering) == fitted


def test_fitting_a_near_miss_to_a_plural_needs_no_lexicon_at_check_time(tmp_path: Path) -> None:
    """The number of the renderings' words is worked out when the glossary is compiled: a check
    that fixes "State Councelors" loads no lemmatiser (its tables take about a second to load)."""
    import os
    import subprocess
    import sys

    (tmp_path / "a.zh.txt").write_text("两位国务委员出席。\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Two State Councelors attended.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from termcheck import Config, check_paths\n"
        "[finding] = check_paths([sys.argv[1], sys.argv[2]], Config()).findings\n"
        "print(finding.replacement.text, any(m.startswith('lemminflect') for m in sys.modules))\n"
    )
    env = dict(os.environ)  # the test run's own cache folder (conftest)
    args = [sys.executable, "-c", script, str(tmp_path / "a.zh.txt"), str(tmp_path / "a.en.txt")]
    subprocess.run(args, capture_output=True, text=True, env=env, check=True)  # the glossary compiled and cached, if no test has yet
    assert subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout.strip() == "State Councilors False"


def test_a_translation_that_stops_short_names_its_end_and_the_terms_it_does_not_reach(glossary_matchers: Matchers) -> None:
    [finding] = findings_for(glossary_matchers, "习近平出席会议，国务院和全国人大发布公告。", "Xi Jinping attended the meeting, and the")
    assert finding.message == (
        "the translation stops short ('…Jinping attended the meeting, and the'); the source goes on with "
        "国务院 ('State Council'), 全国人大 ('National People's Congress'), not rendered"
    )
    assert (finding.line, finding.column, finding.replacement) == (1, 9, None)


def test_a_compound_s_parts_are_quoted_as_the_translation_words_them(glossary_matchers: Matchers) -> None:
    [finding] = findings_for(glossary_matchers, "决胜全面建成小康社会", "to win the battle of building a well-off society")
    assert (finding.severity.value, finding.message) == (
        "warning",
        "全面建成小康社会 has no rendering of its own in the translation, though its parts are rendered: 小康社会 ('well-off society'); "
        "the glossary renders it 'moderately prosperous society in all respects'",
    )


def test_the_wrong_body_is_named_in_the_message(glossary_matchers: Matchers) -> None:
    [finding] = findings_for(glossary_matchers, "十九大精神", "the spirit of the 19th National People's Congress")
    assert finding.message == (
        "十九大 has no accepted rendering in the translation; 'National People's Congress' is the name of 全国人大, "
        "which the source does not name; expected '19th CPC National Congress' / '19th National Congress'"
    )


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "The National Astronomical Observatories spotted the gas.",
            "中国科学院 is not rendered; the translation names its unit 中国科学院国家天文台 as 'National Astronomical Observatories', "
            "without 中国科学院 (the glossary renders 中国科学院 'Chinese Academy of Sciences' / 'CAS')",
        ),
        (
            "A telescope spotted the gas.",
            "中国科学院 is not rendered, nor is its unit 中国科学院国家天文台 named in the translation "
            "(the glossary renders 中国科学院 'Chinese Academy of Sciences' / 'CAS')",
        ),
        (
            "A telescope spotted the gas.\n\nThe Tuanjie Village Observatory opened.",
            "中国科学院 is not rendered; the source names 中国科学院国家天文台, whose English name may leave 中国科学院 out "
            "(the glossary renders 中国科学院 'Chinese Academy of Sciences' / 'CAS')",
        ),
    ],
    ids=["the unit named without its owner", "neither named", "a whole document: not said which"],
)
def test_an_owner_before_its_unit_says_whether_the_unit_is_named(glossary_matchers: Matchers, target: str, message: str) -> None:
    [finding] = findings_for(glossary_matchers, "中国科学院国家天文台发现了气体。", target)
    assert (finding.severity.value, finding.message) == ("warning", message)


@pytest.mark.parametrize(
    ("target", "named"),
    [
        ("The committee issued guidelines on gene editing.", None),
        ("The Committee on Ethics issued guidelines on gene editing.", "'Committee on Ethics'"),
        ("Its Science Ethics Committee issued guidelines on gene editing.", "'Science Ethics Committee'"),
    ],
    ids=["a capital that begins the sentence is no name", "the name goes on after its head", "the name ends in its head"],
)
def test_the_unit_is_quoted_by_its_whole_name(glossary_matchers: Matchers, target: str, named: str | None) -> None:
    [finding] = findings_for(glossary_matchers, "中国科学院科技伦理委员会发布了基因编辑指南。", target)
    unit = f"names its unit 中国科学院科技伦理委员会 as {named}, without 中国科学院" if named else "nor is its unit 中国科学院科技伦理委员会 named"
    assert unit in finding.message


def test_a_term_put_first_in_english_order_does_not_hide_where_the_translation_stops() -> None:
    matchers = compile_glossary(GLOSSARY)
    [finding] = findings_for(
        matchers,
        "建设中国特色社会主义参政党，开启全面建设社会主义现代化国家新征程",
        "build a socialist political party with Chinese characteristics and launch a new journey in building a",
    )
    assert finding.message == (
        "the translation stops short ('…a new journey in building a'); the source goes on with "
        "全面建设社会主义现代化国家 ('build a modern socialist country in all respects'), not rendered"
    )


def test_a_title_left_out_beside_the_name_says_who_is_named() -> None:
    [finding] = findings_for(compile_glossary(GLOSSARY), "习近平总书记指出", "Xi Jinping pointed out")
    assert finding.message == (
        "总书记 is not rendered beside the name it goes with: the translation names 习近平 as 'Xi Jinping' without it "
        "(the glossary renders 总书记 'general secretary')"
    )


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        # No title beside the name, or the words of a clause, not a title: left out, a note.
        ("Xi Jinping pointed out", ("info", None)),
        ("Xi Jinping, who met the Speaker of the Senate, pointed out", ("info", None)),
        ("Prime Minister Anwar met Xi Jinping", ("info", None)),
        ("Prime Minister Anwar Ibrahim and Xi Jinping pointed out", ("info", None)),
        # Another title given to the person: the source's title is rendered wrongly (with the
        # entry's own severity: a lower-case title is matched loosely, a warning).
        ("Xi Jinping, Chairman of the Party, pointed out", ("warning", "Chairman of the Party")),
        ("Party Chairman Xi Jinping pointed out", ("warning", "Chairman")),
        ("Secretary of the Party Xi Jinping pointed out", ("warning", "Secretary of the Party")),
    ],
    ids=["no title", "a clause after the name", "a title of someone else before the name", "a title of someone else joined by and", "an appositive title", "a title before the name", "a title with its complement before the name"],
)
def test_another_title_beside_the_name_is_no_title_left_out(target: str, expected: tuple[str, str | None]) -> None:
    [finding] = findings_for(compile_glossary(GLOSSARY), "习近平总书记指出", target)
    severity, title = expected
    assert finding.severity.value == severity
    if title is None:
        assert finding.message.startswith("总书记 is not rendered beside the name it goes with")
    else:
        assert finding.message == (
            f"总书记 has no accepted rendering in the translation, which calls 习近平 '{title}'; expected 'general secretary'"
        )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("我们向总书记表示感谢", ("warning", "总书记 has no accepted rendering in the translation; expected 'general secretary'")),
        (
            "我们向阮富仲总书记表示感谢",
            ("info", "总书记 is not rendered beside the name 阮富仲: the translation may name the person without the title "
                     "(the glossary renders 总书记 'general secretary')"),
        ),
    ],
    ids=["no name beside the title", "a name the glossary does not know"],
)
def test_a_title_beside_a_name_the_glossary_does_not_know(source: str, expected: tuple[str, str]) -> None:
    [finding] = findings_for(compile_glossary(GLOSSARY), source, "We thanked Trong.")
    assert (finding.severity.value, finding.message) == expected


# A body by its term (届): the number is part of its name.
NUMBERED_BODIES = Glossary(
    (
        Entry("npcsc", ("全国人大常委会",), ("Standing Committee of the National People's Congress", "NPC Standing Committee"), category="congress"),
        Entry("npcsc-session", ("全国人大常委会会议",), ("session of the NPC Standing Committee",), category="congress"),
        Entry("npcsc-13", ("十三届全国人大常委会",), ("13th NPC Standing Committee", "Standing Committee of the 13th National People's Congress"), category="congress"),
        Entry("npcsc-13-37", ("十三届全国人大常委会第三十七次会议",), ("37th session of the 13th NPC Standing Committee",), category="congress"),
    )
)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        pytest.param("十三届全国人大常委会召开会议", "The 13th NPC Standing Committee met.", [], id="the body with its number"),
        pytest.param("十三届全国人大常委会召开会议", "The Standing Committee of the 13th National People's Congress met.", [], id="the number put inside the name"),
        pytest.param(
            "十三届全国人大常委会召开会议", "The NPC Standing Committee met.",
            [("info", "十三届全国人大常委会 is referred to without its number, as 'NPC Standing Committee'; its name is '13th NPC Standing Committee'")],
            id="the body without its number: a note",
        ),
        pytest.param(
            "十三届全国人大常委会召开会议", "It met in March.\n\nThe 2nd reading was held. The NPC Standing Committee met.",
            [("info", "十三届全国人大常委会 is referred to without its number, as 'NPC Standing Committee'; its name is '13th NPC Standing Committee'")],
            id="an ordinal in another sentence numbers something else: still a note",
        ),
        pytest.param(
            "十三届全国人大常委会第三十七次会议表决通过", "China's NPC Standing Committee voted on Sunday.",
            [("info", "十三届全国人大常委会第三十七次会议 is referred to without its number: the translation names 全国人大常委会 ('NPC Standing Committee'); "
                      "its name is '37th session of the 13th NPC Standing Committee'")],
            id="a session of a numbered body, the body named without numbers: a note",
        ),
        pytest.param(
            "十三届全国人大常委会召开会议", "The 13th session of the NPC Standing Committee met.",
            [("error", "十三届全国人大常委会 has no accepted rendering in the translation; 'session of the NPC Standing Committee' is the name of "
                       "全国人大常委会会议, which the source does not name; expected '13th NPC Standing Committee' / "
                       "'Standing Committee of the 13th National People's Congress'")],
            id="the term taken for a session: an error, and no fix",
        ),
        pytest.param(
            "十三届全国人大常委会召开会议", "The 12th NPC Standing Committee met.",
            [("error", "十三届全国人大常委会 is rendered as '12th NPC Standing Committee' (near miss); expected '13th NPC Standing Committee'")],
            id="another number: a near miss",
        ),
    ],
)
def test_a_body_named_by_its_term(source: str, target: str, expected: list[tuple[str, str]]) -> None:
    found = findings_for(compile_glossary(NUMBERED_BODIES), source, target)
    assert [(f.severity.value, f.message) for f in found] == expected
    assert all(f.replacement is None for f in found if "near miss" not in f.message)


@pytest.mark.parametrize(
    ("source", "target", "entry"),
    [
        ("十四届全国人大常委会第十六次会议闭幕", "The 16th session of the 14th NPC Standing Committee closed.", None),
        ("赵乐际当选十四届全国人大常委会委员长", "Zhao Leji was elected chairman of the 14th National People's Congress Standing Committee.", None),
        ("第十四届全国人民代表大会代表", "deputies to the 14th National People's Congress", None),
        ("全国政协十四届常委会", "the Standing Committee of the 14th CPPCC National Committee", None),
        ("十二届全国人大常委会", "The 12th session of the NPC Standing Committee", "npc-standing-committee-12"),
        ("十四届全国人大代表", "deputies to the 13th NPC", "npc-14"),
        ("十四届全国政协委员", "members of the 13th National Committee of the CPPCC", "cppcc-national-committee-14"),
    ],
)
def test_the_built_in_glossary_checks_the_term_of_a_body(builtin: Matchers, source: str, target: str, entry: str | None) -> None:
    found = [f.entry_id for f in findings_for(builtin, source, target) if f.rule == "missing" and f.severity.value == "error"]
    assert found == ([entry] if entry else [])


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        pytest.param("全国政协副主席林文漪致辞", "Lin Wenyi, vice chairperson of the 14th CPPCC National Committee, spoke.", [], id="a title with the term number put in"),
        pytest.param("全国人大常委会委员长赵乐际出席", "China's top legislator Zhao Leji attended.", [], id="the title as Xinhua words it"),
        pytest.param(
            "全国政协副主席林文漪致辞", "Lin Wenyi, Vice President of the CPPCC National Committee, spoke.",
            [("error", "全国政协副主席 is rendered as 'Vice President of the CPPCC National Committee' (near miss); "
                         "expected 'Vice Chairperson of the CPPCC National Committee'", "Vice Chairperson of the CPPCC National Committee")],
            id="the body named, the title wrong: the body's name does not render the title",
        ),
        pytest.param(
            "全国人大常委会委员长赵乐际出席", "Zhao Leji of the NPC Standing Committee attended.",
            [("warning", "全国人大常委会委员长 is rendered in other words; the glossary renders it 'Chairman of the Standing Committee of the "
                         "National People's Congress' / 'Chairman of the NPC Standing Committee' / 'top legislator'", None)],
            id="the title left out beside the body: no other country's body where the translation names the NPC",
        ),
        pytest.param(
            "全国人大常委会委员长张德江出席", "Zhang Dejiang, president of the Standing Committee of the National People's Congress, attended.",
            [("error", "全国人大常委会委员长 is rendered as 'president of the Standing Committee of the National People's Congress' (near miss); "
                       "expected 'Chairman of the Standing Committee of the National People's Congress'",
              "Chairman of the Standing Committee of the National People's Congress")],
            id="a near miss takes in the word that stands for the title, with the words joining it",
        ),
        pytest.param(
            "全国人大常委会委员长赵乐际出席", "Zhao Leji, Speaker of the Chinese parliament, attended.",
            [("error", "全国人大常委会委员长 has no accepted rendering in the translation, which calls 赵乐际 'Speaker of the Chinese parliament'; "
                       "expected 'Chairman of the Standing Committee of the National People's Congress' / 'Chairman of the NPC Standing Committee' / 'top legislator'",
              None)],
            id="another title beside the name: not a title left out",
        ),
        pytest.param(
            "全国人大常委会委员长赵乐际出席", "Zhao Leji attended.",
            [("info", "全国人大常委会委员长 is not rendered beside the name it goes with: the translation names 赵乐际 as 'Zhao Leji' without it "
                      "(the glossary renders 全国人大常委会委员长 'Chairman of the Standing Committee of the National People's Congress' / "
                      "'Chairman of the NPC Standing Committee' / 'top legislator')",
              None)],
            id="no title beside the name: left out, a note",
        ),
    ],
)
def test_a_title_of_a_body_needs_the_title(builtin: Matchers, source: str, target: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = findings_for(builtin, source, target)
    assert [(f.severity.value, f.message, f.replacement.text if f.replacement else None) for f in found] == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        pytest.param("国家主席习近平出席", "President Xi Jinping attended.", [], id="the one-word title before the name"),
        pytest.param("国家主席习近平出席", "Xi Jinping, President of the PRC, attended.", [], id="the title of China"),
        pytest.param("国务院总理李强出席", "Li Qiang, Premier of the State Council, attended.", [], id="the title of a body of China's"),
        pytest.param(
            "中共中央总书记、国家主席、中央军委主席习近平视察", "Xi Jinping, general secretary of the CPC Central Committee, "
            "President of the Military commission, chairman of the CMC, inspected the center.",
            [("error", "国家主席 has no accepted rendering in the translation; 'President of the Military commission' is the title of another body; "
                       "expected 'Chinese President' / 'President of the People's Republic of China' / 'President of China' / 'President'",
              "President of the Military commission")],
            id="the title of another body: missing, and said",
        ),
        pytest.param(
            "宪法规定", "The Constitution of the Communist Party of China stipulates it.",
            [("error", "宪法 has no accepted rendering in the translation; 'Constitution of the Communist Party of China' is the name of 党章, "
                       "which the source does not name; expected 'Constitution of the People's Republic of China' / 'Constitution' / "
                       "'Chinese Constitution' / 'China's Constitution'",
              "Constitution of the Communist Party of China")],
            id="a one-word name followed by another's: what the entry's renderings put after it decides",
        ),
    ],
)
def test_a_one_word_title_of_another_body_does_not_render_the_term(builtin: Matchers, source: str, target: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.severity.value, f.message, f.found) for f in findings_for(builtin, source, target) if f.rule == "missing"] == expected


@pytest.mark.parametrize(
    ("source", "target", "entry"),
    [
        ("民进第十二次全国代表大会开幕", "The 12th National Congress of the China Association for Promoting Democracy opened.", None),
        ("农工党十七大开幕", "The CPWDP opened its 17th national congress, the 17th National Congress of the Chinese Peasants and Workers Democratic Party.", None),
        ("人民进十大城市", "People moved into ten big cities.", None),
        ("贯彻农工党十六大部署", "implement the arrangements of the 16th Chinese Peasants and Workers Democratic Party", "cpwdp-national-congress-16"),
    ],
    ids=["a party's congress named", "its short form", "no party in 人民进", "the congress left out, the party named"],
)
def test_the_congress_of_a_non_cpc_party(builtin: Matchers, source: str, target: str, entry: str | None) -> None:
    found = [f.entry_id for f in findings_for(builtin, source, target) if f.rule == "missing"]
    assert found == ([entry] if entry else [])


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        pytest.param("民进十三大开幕", "The China Association for Promoting Democracy (CAPD) opened its 13th national congress on Sunday.", [],
                     id="the owner named, the rest as its own"),
        pytest.param("全国人大常委会召开会议", "The NPC and its Standing Committee met.", [], id="a body through its owner"),
        pytest.param("民进十三大开幕", "The China Association for Promoting Democracy (CAPD) opened its 12th national congress on Sunday.",
                     [("missing", "warning")], id="another number: no reference to this one"),
        pytest.param("民进十三大开幕", "The association opened its 13th national congress. The CAPD has 200,000 members.",
                     [("missing", "warning")], id="the owner in another sentence: no reference"),
    ],
)
def test_a_name_referred_to_through_its_owner(builtin: Matchers, source: str, target: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.rule, f.severity.value) for f in findings_for(builtin, source, target)] == expected


def test_a_phrase_in_another_part_of_speech_is_rendered_and_a_misspelling_is_not() -> None:
    from termcheck.model import Entry, Glossary

    matchers = compile_glossary(Glossary((Entry("cultural-confidence", ("文化自信",), ("confidence in our culture",), category="ideology"),)))
    assert findings(matchers, "坚定文化自信", "We remain confident in our culture.") == []
    assert findings(matchers, "坚定文化自信", "We remain confiedent in our culture.") == [
        ("missing", "warning", "文化自信", "confiedent in our culture")
    ]
