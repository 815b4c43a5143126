"""Sentences in the style of official Chinese-English political translation, written for these
tests (none is taken from a real text pair): a correct translation gets no error or warning, and
a wrong one gets exactly the findings a reviewer would give it. The built-in glossary, end to end.
Negatives first."""

from __future__ import annotations

import pytest

from termcheck import Matchers
from tests.conftest import findings_for

# Official wordings, other grammar (passives, appositives, possessives, lists, titles beside
# names, acronyms after a name), the numbered names of meetings and anniversaries.
CORRECT = [
    ("习近平在中共中央政治局第十次集体学习时强调，要加快建设科技强国。", "Xi Jinping stressed accelerating efforts to build China into a leading country in science and technology when presiding over the 10th group study session of the Political Bureau of the CPC Central Committee."),
    ("国务院总理李强主持召开国务院常务会议，研究部署稳就业工作。", "Chinese Premier Li Qiang presided over an executive meeting of the State Council to study and arrange work on stabilizing employment."),
    ("全国人大常委会委员长赵乐际出席会议并讲话。", "Zhao Leji, chairman of the National People's Congress Standing Committee, attended the meeting and delivered a speech."),
    ("王沪宁主持全国政协常委会会议。", "Wang Huning presided over a session of the Standing Committee of the National Committee of the Chinese People's Political Consultative Conference."),
    ("中央纪委国家监委公布了一批违纪违法案件。", "The Central Commission for Discipline Inspection of the Communist Party of China and the National Commission of Supervision published a batch of cases of violations of Party discipline and the law."),
    ("外交部发言人毛宁在例行记者会上表示，中方坚决反对。", "Chinese Foreign Ministry spokesperson Mao Ning said at a regular press briefing that China firmly opposes it."),
    ("我们要坚持以人民为中心的发展思想，推动高质量发展。", "We must adhere to the people-centered development philosophy and promote high-quality development."),
    ("全面建设社会主义现代化国家，最艰巨最繁重的任务仍然在农村。", "The most arduous and challenging tasks in building a modern socialist country in all respects still lie in rural areas."),
    ("以中国式现代化全面推进中华民族伟大复兴。", "We will advance the great rejuvenation of the Chinese nation on all fronts through a Chinese path to modernization."),
    ("要完整、准确、全面贯彻新发展理念，加快构建新发展格局。", "We must apply the new development philosophy fully and faithfully in all fields and move faster to create a new pattern of development."),
    ("坚持“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针。", "We will continue to implement the policies of One Country, Two Systems, under which the people of Hong Kong administer Hong Kong and the people of Macao administer Macao, with a high degree of autonomy."),
    ("推动共建“一带一路”高质量发展。", "We will promote high-quality development of the Belt and Road Initiative."),
    ("中国人民解放军建军95周年。", "The 95th anniversary of the founding of the Chinese People's Liberation Army."),
    ("深入推进全面从严治党。", "We will continue to advance full and rigorous self-governance of the Party."),
    ("中央军委主席习近平签署命令。", "Xi Jinping, chairman of the Central Military Commission, signed an order."),
    ("十四届全国人大二次会议在北京人民大会堂开幕。", "The second session of the 14th National People's Congress opened at the Great Hall of the People in Beijing."),
    ("全国政协十四届二次会议闭幕。", "The second session of the 14th National Committee of the Chinese People's Political Consultative Conference concluded."),
    ("党的二十大报告提出，要推进国家安全体系和能力现代化。", "The report to the 20th CPC National Congress called for modernizing China's national security system and capacity."),
    ("坚持和发展新时代“枫桥经验”。", "We will uphold and develop the Fengqiao model for promoting community-level governance in the new era."),
    ("推动构建人类命运共同体。", "We will work to build a community with a shared future for mankind."),
    ("全过程人民民主是社会主义民主政治的本质属性。", "Whole-process people's democracy is a defining feature of socialist democracy."),
    ("实施乡村振兴战略。", "We will implement the rural revitalization strategy."),
    ("国家统计局发布数据显示，居民消费价格指数同比上涨0.2%。", "Data released by the National Bureau of Statistics showed that the consumer price index rose 0.2 percent year on year."),
    ("中国人民银行决定下调存款准备金率0.5个百分点。", "The People's Bank of China decided to cut the reserve requirement ratio by 0.5 percentage points."),
    ("最高人民法院和最高人民检察院联合发布司法解释。", "The Supreme People's Court and the Supreme People's Procuratorate jointly issued a judicial interpretation."),
    ("粤港澳大湾区建设取得新进展。", "New progress has been made in the development of the Guangdong-Hong Kong-Macao Greater Bay Area."),
    ("坚定不移走中国特色社会主义政治发展道路。", "We will stay firmly on the path of socialist political development with Chinese characteristics."),
    ("习近平新时代中国特色社会主义思想是当代中国马克思主义、二十一世纪马克思主义。", "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era is Marxism of contemporary China and of the 21st century."),
    ("持续深化“放管服”改革。", "We continued to deepen reforms to streamline administration and delegate power, improve regulation, and upgrade services."),
    ("中共中央总书记、国家主席、中央军委主席习近平在人民大会堂会见越南共产党中央委员会总书记。", "Xi Jinping, general secretary of the Communist Party of China Central Committee, Chinese president and chairman of the Central Military Commission, met with the general secretary of the Communist Party of Vietnam Central Committee at the Great Hall of the People."),
    ("中共中央政治局常委、国务院副总理丁薛祥出席开幕式。", "Ding Xuexiang, a member of the Standing Committee of the Political Bureau of the CPC Central Committee and vice premier, attended the opening ceremony."),
    ("国务委员兼外交部长王毅同美国国务卿举行会谈。", "Chinese State Councilor and Foreign Minister Wang Yi held talks with the U.S. Secretary of State."),
    ("中央政治局委员、外交部长王毅会见俄罗斯外长拉夫罗夫。", "Wang Yi, a member of the Political Bureau of the CPC Central Committee and Chinese foreign minister, met with Russian Foreign Minister Sergei Lavrov."),
    ("台湾是中国领土不可分割的一部分。", "Taiwan is an inalienable part of China's territory."),
    ("我们坚持一个中国原则和“九二共识”。", "We adhere to the one-China principle and the 1992 Consensus."),
    ("香港特别行政区行政长官李家超出席活动。", "Chief Executive of the Hong Kong Special Administrative Region John Lee attended the event."),
    ("国家外汇管理局公布最新外汇储备数据。", "The State Administration of Foreign Exchange released the latest foreign exchange reserve data."),
    ("中国证监会发布新规。", "The China Securities Regulatory Commission issued new rules."),
    ("国家发展改革委表示，将进一步扩大有效投资。", "The National Development and Reform Commission said it will further expand effective investment."),
    ("生态环境部通报了一批典型案例。", "The Ministry of Ecology and Environment released a batch of typical cases."),
    ("国有企业改革深化提升行动。", "The initiative to deepen and upgrade the reform of state-owned enterprises."),
    ("中国共产党成立100周年庆祝大会在北京隆重举行。", "A grand gathering was held in Beijing to celebrate the centenary of the Communist Party of China."),
    ("中国人民抗日战争暨世界反法西斯战争胜利80周年。", "The 80th anniversary of the victory of the Chinese People's War of Resistance Against Japanese Aggression and the World Anti-Fascist War."),
    ("坚持党对军队的绝对领导。", "We must uphold the Party's absolute leadership over the armed forces."),
    ("深化国防和军队改革。", "We will deepen reform of national defense and the armed forces."),
    ("中国人民解放军东部战区组织联合演习。", "The Eastern Theater Command of the Chinese People's Liberation Army organized joint exercises."),
    ("民法典是新中国第一部以法典命名的法律。", "The Civil Code is the first law in the People's Republic of China to be termed a code."),
    ("全国人大常委会表决通过了外国国家豁免法。", "The NPC Standing Committee voted to adopt the law on foreign state immunity."),
    ("坚持以经济建设为中心。", "We must continue to take economic development as the central task."),
    ("共同富裕是中国特色社会主义的本质要求。", "Common prosperity is an essential requirement of socialism with Chinese characteristics."),
    ("我们要牢牢把握高质量发展这个首要任务。", "We must firmly grasp high-quality development as the top priority."),
    ("推进碳达峰碳中和。", "We will work actively and prudently toward peaking carbon dioxide emissions and achieving carbon neutrality."),
    ("绿水青山就是金山银山。", "Lucid waters and lush mountains are invaluable assets."),
    ("全面依法治国是国家治理的一场深刻革命。", "Law-based governance on all fronts is a profound revolution in China's governance."),
    ("各级党组织要发挥战斗堡垒作用。", "Party organizations at all levels should play their role as strongholds."),
    ("广大党员干部要牢记初心使命。", "Party members and officials must stay true to their founding mission."),
    ("坚决打赢脱贫攻坚战。", "We will resolutely win the battle against poverty."),
    ("中国愿同各国一道，践行全球发展倡议、全球安全倡议、全球文明倡议。", "China is ready to work with all countries to implement the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative."),
    ("上海合作组织成员国元首理事会第二十四次会议在阿斯塔纳举行。", "The 24th meeting of the Council of Heads of State of the Shanghai Cooperation Organization was held in Astana."),
    ("深化党和国家机构改革。", "We will deepen reform of Party and state institutions."),
    ("党中央和国务院对此高度重视。", "The CPC Central Committee and the State Council attach great importance to this."),
    ("习近平主持召开中央全面深化改革委员会第五次会议。", "Xi Jinping presided over the fifth meeting of the Central Commission for Deepening Overall Reform."),
    ("全国人大代表、全国政协委员参加讨论。", "Deputies to the National People's Congress and members of the National Committee of the Chinese People's Political Consultative Conference joined the discussion."),
    ("全国人民代表大会是最高国家权力机关。", "The National People's Congress is the highest organ of state power."),
    ("各民主党派中央、全国工商联负责人和无党派人士代表出席。", "Leaders of the central committees of the other political parties and the All-China Federation of Industry and Commerce and representatives of prominent individuals without party affiliation attended."),
    ("中华全国总工会第十八次全国代表大会开幕。", "The 18th National Congress of the All-China Federation of Trade Unions opened."),
    ("共青团中央发布通知。", "The Central Committee of the Communist Youth League of China issued a notice."),
    ("中华全国妇女联合会主席出席。", "The president of the All-China Women's Federation attended."),
    ("国务院港澳事务办公室发言人表示。", "A spokesperson for the Hong Kong and Macao Affairs Office of the State Council said."),
    ("国务院台湾事务办公室新闻发言人朱凤莲。", "Zhu Fenglian, spokesperson for the Taiwan Affairs Office of the State Council."),
    ("中国坚定奉行独立自主的和平外交政策。", "China firmly pursues an independent foreign policy of peace."),
    ("中方愿同东盟国家一道落实《南海各方行为宣言》。", "China is willing to work with ASEAN countries to implement the Declaration on the Conduct of Parties in the South China Sea."),
    ("推动构建新型国际关系。", "We will work to build a new type of international relations."),
    ("中国特色大国外交。", "Major-country diplomacy with Chinese characteristics."),
    ("坚持总体国家安全观。", "We will follow a holistic approach to national security."),
    ("统筹发展和安全。", "We will ensure both development and security."),
    ("习近平强军思想。", "Xi Jinping's thinking on strengthening the military."),
    ("三大攻坚战取得决定性成就。", "Decisive achievements were made in the three critical battles."),
    ("五位一体总体布局和四个全面战略布局。", "The five-sphere integrated plan and the four-pronged comprehensive strategy."),
    ("中国共产党领导是中国特色社会主义最本质的特征。", "The leadership of the Communist Party of China is the defining feature of socialism with Chinese characteristics."),
    ("要坚持稳中求进工作总基调。", "We must adhere to the general principle of pursuing progress while ensuring stability."),
    ("实施积极的财政政策和稳健的货币政策。", "We will implement a proactive fiscal policy and a prudent monetary policy."),
    ("外商投资准入负面清单进一步缩减。", "The negative list for foreign investment was further shortened."),
    ("京津冀协同发展。", "The coordinated development of the Beijing-Tianjin-Hebei region."),
    ("长江经济带发展。", "The development of the Yangtze River Economic Belt."),
    ("全国统一大市场。", "A unified national market."),
    ("新质生产力。", "New quality productive forces."),
    ("国内生产总值增长5.2%。", "Gross domestic product grew by 5.2 percent."),
    ("城镇新增就业1244万人。", "A total of 12.44 million new urban jobs were added."),
    ("居民消费价格上涨0.2%。", "Consumer prices rose by 0.2 percent."),
    ("粮食产量1.39万亿斤。", "Grain output reached 695 million metric tons."),
    ("深入实施创新驱动发展战略。", "We will fully implement the innovation-driven development strategy."),
    ("加快建设现代化产业体系。", "We will move faster to build a modern industrial system."),
    ("大力发展新质生产力。", "We will vigorously develop new quality productive forces."),
    ("优化民营企业发展环境。", "We will improve the business environment for private enterprises."),
    ("稳步推进“一国两制”实践。", "We will steadily advance the practice of One Country, Two Systems."),
    ("推进以人为核心的新型城镇化。", "We will pursue a new, people-centered approach to urbanization."),
    ("深入推进生态文明建设。", "We will make further progress in building an ecological civilization."),
    ("健全社会保障体系。", "We will improve the social security system."),
    ("实施健康中国行动。", "We will carry out the Healthy China initiative."),
    ("推进文化自信自强。", "We will build greater cultural confidence and strength."),
    ("巩固拓展脱贫攻坚成果。", "We will consolidate and expand the achievements in poverty alleviation."),
    ("全面推进乡村振兴。", "We will promote all-around rural revitalization."),
    ("扎实推进共同富裕。", "We will make solid progress toward common prosperity."),
    ("防范化解地方债务风险。", "We will prevent and defuse local government debt risks."),
    ("推动房地产业向新发展模式平稳过渡。", "We will facilitate the smooth transition of the real estate sector to a new development model."),
    ("深化国资国企改革。", "We will deepen reform of state capital and state-owned enterprises."),
    ("加快建设全国统一大市场。", "We will move faster to build a unified national market."),
    ("推动高水平对外开放。", "We will promote high-standard opening up."),
    ("高质量共建“一带一路”。", "We will pursue high-quality Belt and Road cooperation."),
    ("落实“两个确立”。", "We must fully understand the decisive significance of the Two Affirmations."),
    ("践行全过程人民民主。", "We will practice whole-process people's democracy."),
    ("推进国家安全体系和能力现代化。", "We will modernize China's national security system and capacity."),
    ("实现建军一百年奋斗目标。", "We will achieve the goals for the centenary of the People's Liberation Army."),
    ("南海仲裁案。", "The South China Sea arbitration case."),
    ("新疆维吾尔自治区。", "The Xinjiang Uyghur Autonomous Region."),
    ("国家监察委员会。", "The National Supervisory Commission."),
    ("中央军委联合参谋部。", "The Joint Staff Department of the Central Military Commission."),
    # British spelling, a title in lower case after the name.
    ("国务院副总理何立峰出席。", "Vice Premier He Lifeng attended."),
    ("国务委员出席会议。", "The State Councillor attended the meeting."),
    ("国防部发言人表示。", "A spokesperson for the Ministry of National Defence said."),
    ("大陆和台湾同属一个中国。", "The mainland and Taiwan belong to one and the same China."),
    ("两岸同胞是一家人。", "Compatriots on both sides of the Taiwan Strait are one family."),
    ("中央军委副主席张又侠。", "Zhang Youxia, vice chairman of the Central Military Commission."),
    ("中共中央政治局常委。", "A member of the Politburo Standing Committee."),
]


@pytest.mark.parametrize(("source", "target"), CORRECT)
def test_a_correct_translation_gets_no_error_or_warning(builtin: Matchers, source: str, target: str) -> None:
    assert [(f.rule, f.entry_id, f.severity.value) for f in findings_for(builtin, source, target) if f.severity.value != "info"] == []


# Wrong names, rejected and superseded renderings, wrong numbers, wrong titles beside a name.
WRONG = [
    ("中共中央政治局召开会议。", "The Politburo of the Chinese Communist Party held a meeting.", [("deprecated", "communist-party-of-china", "error")]),
    ("推进“一带一路”建设。", "We will advance the One Belt, One Road initiative.", [("deprecated", "belt-and-road-initiative", "error")]),
    ("全国人大常委会委员长赵乐际出席会议。", "Zhao Leji, Speaker of the Chinese parliament, attended the meeting.", [("missing", "npc-standing-committee-chairman", "error")]),
    ("国务院总理李强会见外宾。", "Chinese Prime Minister Li Qiang met foreign guests.", [("missing", "premier", "error")]),
    ("推动构建人类命运共同体。", "We will build a community of common destiny for mankind.", [("superseded", "community-with-a-shared-future-for-mankind", "warning")]),
    ("坚持新发展理念。", "We will uphold the new development concept.", [("superseded", "new-development-philosophy", "warning")]),
    ("习近平新时代中国特色社会主义思想。", "Xi Jinping Thought on Socialism with Chinese Characteristics for the New Age.", [("missing", "xi-thought", "error")]),
    ("中央纪委国家监委发布通报。", "The Central Discipline Inspection Commission and the National Supervision Committee issued a circular.", [("deprecated", "ccdi", "error"), ("missing", "national-commission-of-supervision", "error")]),
    ("全国政协主席王沪宁。", "Wang Huning, President of the CPPCC.", [("missing", "cppcc-national-committee-chairman", "error")]),
    ("中国人民解放军南部战区。", "The Southern War Zone of the Chinese army.", [("missing", "peoples-liberation-army", "error"), ("deprecated", "southern-theater-command", "error")]),
    ("全过程人民民主。", "Full-process democracy.", [("missing", "whole-process-peoples-democracy", "warning")]),
    ("台湾地区领导人赖清德。", "Taiwan's President Lai Ching-te.", [("deprecated", "leader-of-the-taiwan-region", "error")]),
    ("西藏自治区。", "Tibet Autonomous Region.", [("superseded", "xizang-autonomous-region", "warning")]),
    ("钓鱼岛是中国固有领土。", "The Senkaku Islands are China's inherent territory.", [("deprecated", "diaoyu-dao", "error")]),
    ("中国共产党第二十次全国代表大会在北京开幕。", "The 19th National Congress of the Communist Party of China opened in Beijing.", [("missing", "cpc-national-congress-20", "error")]),
    ("十四届全国人大三次会议开幕。", "The second session of the 14th National People's Congress opened.", [("missing", "npc-14-session-3", "error")]),
    ("二十届三中全会审议通过了决定。", "The fourth plenary session of the 20th CPC Central Committee adopted the decision.", [("missing", "cpc-central-committee-20-plenary-session-3", "error")]),
    ("“十四五”规划纲要。", "The outline of the 13th Five-Year Plan.", [("missing", "five-year-plan-14", "error")]),
    ("中国人民政治协商会议第十四届全国委员会第二次会议。", "The second session of the 13th National Committee of the Chinese People's Political Consultative Conference.", [("missing", "cppcc-national-committee-14-session-2", "error")]),
    ("庆祝中华人民共和国成立75周年。", "Celebrating the 70th anniversary of the founding of the People's Republic of China.", [("missing", "prc-founding-anniversary-75", "error")]),
    ("香港特别行政区政府。", "The government of the Hong Kong Special Administration Region.", [("deprecated", "hksar-government", "error")]),
    ("中华民族伟大复兴。", "The great revival of the Chinese race.", [("missing", "great-rejuvenation-of-the-chinese-nation", "warning")]),
    ("中央全面依法治国委员会。", "The Central Committee for Law-based Governance.", [("missing", "central-commission-for-law-based-governance", "warning")]),
    ("最高人民检察院。", "The Supreme Procuratorate.", [("missing", "supreme-peoples-procuratorate", "warning")]),
    ("国务院副总理何立峰出席。", "Deputy Prime Minister He Lifeng attended.", [("missing", "vice-premier", "error")]),
    ("澳门特别行政区。", "The Macau Special Administrative Region.", [("deprecated", "macao-sar", "error")]),
    ("香港特别行政区。", "The Hongkong Special Administrative Region.", [("missing", "hong-kong-sar", "error")]),
    ("台湾同胞。", "Taiwanese compatriots.", [("missing", "taiwan-compatriots", "warning")]),
    ("国家主席习近平。", "Chairman Xi Jinping.", [("missing", "president-of-china", "error")]),
]


@pytest.mark.parametrize(("source", "target", "expected"), WRONG)
def test_a_wrong_translation_gets_the_findings_a_reviewer_gives(builtin: Matchers, source: str, target: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.rule, f.entry_id, f.severity.value) for f in findings_for(builtin, source, target)] == expected


@pytest.mark.parametrize(
    "pairs",
    [
        [("双方将扩大务实合作。", "The two sides will expand practical cooperation."), ("中方愿同各方深化务实合作。", "China will deepen pragmatic cooperation with all parties.")],
        [
            ("坚持和发展新时代中国特色社会主义。", "We will uphold and develop socialism with Chinese characteristics for a new era."),
            ("开创新时代中国特色社会主义新局面。", "We will open new horizons for socialism with Chinese characteristics in the new era."),
        ],
    ],
    ids=["practical / pragmatic cooperation", "socialism ... for a new era / in the new era"],
)
def test_official_texts_mix_these_wordings_freely(builtin: Matchers, pairs: list[tuple[str, str]]) -> None:
    """Two official wordings that official texts use side by side are no inconsistency."""
    from termcheck import Segment, TextOrigin, check

    segments = [Segment(zh, en, TextOrigin("src.txt"), TextOrigin("tgt.txt"), line, "src.txt") for line, (zh, en) in enumerate(pairs, 1)]
    assert [f.rule for f in check(segments, builtin).findings] == []
