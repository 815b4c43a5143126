"""The built-in numbered series of the non-CPC parties' congresses (民革十四大) and of the CPC's
bodies by their term (十九届中央委员会, 十九届中央政治局, 十九届中央纪委): which Chinese text is the
numbered term, and what a translation of it is told. Negatives first."""

from __future__ import annotations

import pytest

from termcheck import Matchers
from tests.conftest import findings_for


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Not a numbered congress: 一大批 and 十大新闻 are ordinary words after a party's name.
        pytest.param("民盟一大批盟员参加", [("china-democratic-league", "民盟")], id="一大批 after a party"),
        pytest.param("民盟十大新闻", [("china-democratic-league", "民盟")], id="十大 as top ten"),
        pytest.param("民盟三大", [("china-democratic-league", "民盟")], id="no bare form below the 10th"),
        pytest.param("居民建十大广场", [("china-national-democratic-construction-association", "民建")], id="residents build: not the CNDCA's congress"),
        # Not the CPC's numbered body: a larger number, another party, the Youth League, a foreign party.
        pytest.param("二十九届中央委员会", [("central-committee", "中央委员会")], id="二十九届 is not 九届"),
        pytest.param("二十九届中央纪委", [("ccdi", "中央纪委")], id="二十九届 is not 九届 (CCDI)"),
        pytest.param("九三学社第十四届中央委员会", [("jiusan-society", "九三学社"), ("central-committee", "中央委员会")], id="another party's central committee"),
        pytest.param("共青团第十九届中央委员会", [("communist-youth-league-of-china", "共青团"), ("central-committee", "中央委员会")], id="the Youth League's"),
        pytest.param("越南共产党第十三届中央委员会", [("central-committee", "中央委员会")], id="a foreign party's"),
        # A member of a numbered body is an entry of its own.
        pytest.param("十九届中央政治局委员", [("political-bureau-member", "中央政治局委员")], id="a Political Bureau member"),
        pytest.param("十九届中央政治局常委", [("politburo-standing-committee-member", "中央政治局常委")], id="a Standing Committee member"),
        pytest.param("十九届中央委员会候补委员", [("central-committee-alternate-member", "中央委员会候补委员")], id="an alternate member"),
        # The non-CPC parties' congresses, short and full.
        pytest.param("民革十四大", [("rcck-national-congress-14", "民革十四大")], id="RCCK short"),
        pytest.param("中国国民党革命委员会第十四次全国代表大会", [("rcck-national-congress-14", "中国国民党革命委员会第十四次全国代表大会")], id="RCCK full"),
        pytest.param("民盟十三大", [("cdl-national-congress-13", "民盟十三大")], id="CDL"),
        pytest.param("民盟第三次全国代表大会", [("cdl-national-congress-3", "民盟第三次全国代表大会")], id="an early congress, in full"),
        pytest.param("民建第十二次全国代表大会", [("cndca-national-congress-12", "民建第十二次全国代表大会")], id="CNDCA"),
        pytest.param("致公党十六大", [("china-zhi-gong-party-national-congress-16", "致公党十六大")], id="China Zhi Gong Party"),
        pytest.param("九三学社十二大", [("jiusan-society-national-congress-12", "九三学社十二大")], id="Jiusan Society"),
        pytest.param("台盟十一大", [("tdsgl-national-congress-11", "台盟十一大")], id="TDSGL"),
        # The CPC's bodies by their term; 中共 before them is the Party.
        pytest.param("十九届中央委员会", [("cpc-central-committee-19", "十九届中央委员会")], id="Central Committee"),
        pytest.param("中共十九届中央委员会", [("communist-party-of-china", "中共"), ("cpc-central-committee-19", "十九届中央委员会")], id="the Party and its Central Committee"),
        pytest.param("十九届中央政治局", [("cpc-political-bureau-19", "十九届中央政治局")], id="Political Bureau"),
        pytest.param("十九届中央纪委", [("ccdi-19", "十九届中央纪委")], id="CCDI"),
        pytest.param("第十九届中央纪律检查委员会", [("ccdi-19", "第十九届中央纪律检查委员会")], id="CCDI in full"),
        # A session of the body is the longer form, and wins.
        pytest.param("第十九届中央委员会第四次全体会议", [("cpc-central-committee-19-plenary-session-4", "第十九届中央委员会第四次全体会议")], id="a session of the CC"),
        pytest.param("中国共产党第十九届中央委员会第四次全体会议", [("cpc-central-committee-19-plenary-session-4", "中国共产党第十九届中央委员会第四次全体会议")], id="a session of the CC in full"),
        pytest.param("党的十九届中央委员会第四次全体会议", [("cpc-central-committee-19-plenary-session-4", "十九届中央委员会第四次全体会议")], id="a session of the CC, no 第 before the term"),
        pytest.param("十九届中央纪律检查委员会第四次全体会议", [("ccdi-19-plenary-session-4", "十九届中央纪律检查委员会第四次全体会议")], id="a session of the CCDI in full, no 第 before the term"),
        pytest.param("中共十九届中央纪委四次全会", [("communist-party-of-china", "中共"), ("ccdi-19-plenary-session-4", "十九届中央纪委四次全会")], id="a session of the CCDI"),
        pytest.param("十八届中央纪委第二次全会", [("ccdi-18-plenary-session-2", "十八届中央纪委第二次全会")], id="a session of the CCDI, with 第"),
    ],
)
def test_the_numbered_term_in_the_source(builtin: Matchers, source: str, expected: list[tuple[str, str]]) -> None:
    assert [(hit.entry_id, source[hit.start : hit.end]) for hit in builtin.zh.find(source)] == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # The name with its number rendered: no finding.
        pytest.param("民革十四大开幕", "The 14th National Congress of the Revolutionary Committee of the Chinese Kuomintang opened.", [], id="RCCK"),
        pytest.param("民革十四大开幕", "The 14th RCCK national congress opened.", [], id="RCCK, Xinhua's short form"),
        pytest.param("民盟十三大开幕", "The 13th National Congress of the China Democratic League opened.", [], id="CDL"),
        pytest.param("民建十二大开幕", "The 12th national congress of the China National Democratic Construction Association opened.", [], id="CNDCA"),
        pytest.param("致公党十六大开幕", "The 16th National Congress of the China Zhi Gong Party opened.", [], id="China Zhi Gong Party"),
        pytest.param("九三学社十二大开幕", "The 12th national congress of Jiusan Society opened.", [], id="Jiusan Society"),
        pytest.param("台盟十一大开幕", "The eleventh national congress of the Taiwan Democratic Self-Government League opened.", [], id="TDSGL, the ordinal in words"),
        pytest.param("十九届中央委员会成员", "members of the 19th CPC Central Committee", [], id="CC"),
        pytest.param("中共十九届中央委员会成员", "members of the 19th Central Committee of the Communist Party of China", [], id="CC, the Party named in full"),
        pytest.param("习近平代表十九届中央委员会作报告", "Xi delivered the report on behalf of the 19th Central Committee.", [], id="CC, the Party left implicit"),
        pytest.param("十九届中央政治局召开会议", "The Political Bureau of the 19th CPC Central Committee held a meeting.", [], id="Political Bureau"),
        pytest.param("十九届中央纪委", "the 19th CPC Central Commission for Discipline Inspection", [], id="CCDI"),
        pytest.param("民盟一大批盟员参加", "A large number of members of the China Democratic League took part.", [], id="no congress in 一大批"),
        # The congress left out, the party named: missing, on the congress.
        pytest.param("民盟十三大开幕", "The 13th China Democratic League opened.", [("missing", "cdl-national-congress-13", "warning")], id="CDL, congress dropped"),
        pytest.param("九三学社十二大开幕", "The 12th Jiusan Society opened.", [("missing", "jiusan-society-national-congress-12", "warning")], id="Jiusan, congress dropped"),
        pytest.param("致公党十六大开幕", "The 16th China Zhi Gong Party opened.", [("missing", "china-zhi-gong-party-national-congress-16", "warning")], id="unverified: a warning"),
        # Xinhua's own wording names the party, then 'its' congress: the congress named through its owner.
        pytest.param(
            "民盟十三大开幕", "The China Democratic League (CDL) opened its 13th national congress in Beijing.",
            [], id="'opened its 13th national congress'",
        ),
        # A wrong number names another congress or body.
        pytest.param("民盟第十三次全国代表大会开幕", "The 12th National Congress of the China Democratic League opened.", [("missing", "cdl-national-congress-13", "error")], id="CDL, wrong number"),
        pytest.param("民革十四大开幕", "The 13th RCCK national congress opened.", [("missing", "rcck-national-congress-14", "warning")], id="RCCK (unverified), wrong number"),
        pytest.param("十九届中央委员会成员", "members of the 18th CPC Central Committee", [("missing", "cpc-central-committee-19", "error")], id="CC, wrong number"),
        pytest.param("十九届中央政治局召开会议", "The Political Bureau of the 18th CPC Central Committee held a meeting.", [("missing", "cpc-political-bureau-19", "error")], id="Political Bureau, wrong number"),
        pytest.param("十九届中央纪委", "the 18th CPC Central Commission for Discipline Inspection", [("missing", "ccdi-19", "error")], id="CCDI, wrong number"),
        pytest.param("党的十九届中央委员会第四次全体会议闭幕", "The fourth plenary session of the 19th CPC Central Committee closed.", [], id="CC session, no 第 before the term"),
        pytest.param("党的十九届中央委员会第四次全体会议闭幕", "The fifth plenary session of the 19th CPC Central Committee closed.", [("missing", "cpc-central-committee-19-plenary-session-4", "error")], id="CC session, no 第 before the term, wrong session"),
        # A near miss that numbers another meeting or year: an error, though the wording is a
        # phrase (a warning when it is only worded otherwise); a misspelt ordinal is the same number.
        pytest.param("十四届全国人大三次会议开幕", "The second session of the 14th National People's Congress opened.", [("missing", "npc-14-session-3", "error")], id="another session of the NPC"),
        pytest.param("庆祝中华人民共和国成立75周年", "celebrating the 70th anniversary of the founding of the People's Republic of China", [("missing", "prc-founding-anniversary-75", "error")], id="another anniversary"),
        pytest.param("十八届中央纪委三次全会召开", "The 3th plenary session of the 18th CPC Central Commission for Discipline Inspection was held.", [("missing", "ccdi-18-plenary-session-3", "warning")], id="a misspelt ordinal, the same number"),
        pytest.param("十四届全国人大三次会议开幕", "The third conference of the 14th National People's Congress opened.", [("missing", "npc-14-session-3", "warning")], id="the number right, the wording not"),
        pytest.param("十四届全国人大三次会议将开幕", "The upcoming session of the 14th National People's Congress will open.", [("missing", "npc-14-session-3", "info")], id="the session's number left to context: a note"),
        pytest.param("十四届全国人大三次会议开幕", "The third session of the 13th National People's Congress opened.", [("missing", "npc-14-session-3", "error")], id="the term's number wrong"),
        # The body without its number: a note, as for the NPC Standing Committee.
        pytest.param("十九届中央委员会成员", "members of the CPC Central Committee", [("missing", "cpc-central-committee-19", "info")], id="CC without its number"),
        pytest.param("十九届中央纪委", "the CPC Central Commission for Discipline Inspection", [("missing", "ccdi-19", "info")], id="CCDI without its number"),
        # The Party's name as official English rejects it.
        pytest.param("十九届中央委员会成员", "members of the 19th CCP Central Committee", [("deprecated", "cpc-central-committee-19", "error")], id="CCP"),
        pytest.param(
            "致公党十五大开幕", "The 15th National Congress of the China Party for Public Interest opened.",
            [("deprecated", "china-zhi-gong-party", "error")], id="a rejected name of the party inside its congress",
        ),
    ],
)
def test_a_translation_of_a_numbered_term(builtin: Matchers, source: str, target: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.rule, f.entry_id, f.severity.value) for f in findings_for(builtin, source, target)] == expected
