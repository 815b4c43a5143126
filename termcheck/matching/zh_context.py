"""Whether a glossary form found in Chinese text is the term there, judged by the few characters
around it.

The automaton finds forms wherever their characters occur, and Chinese writes no spaces, so many
raw hits are not the term: 中共 in 其中共有, 国企 in 中国企业, 二十五 in 第二十五次, 国防部 in
美国国防部. Three checks reject them, cheapest first:

1. the entry's own context rules (`not_after` / `not_before`): text that, right before or after
   the form, shows it is something else (第 before a number, 岁 after it);
2. a foreign qualifier right before a form of an entry that names a Chinese institution
   (`Entry.china_scoped`): 美国国防部, 越南共产党中央委员会, 美防长; or a foreign person's name,
   transliterated, right before or after it: 默克尔总理, 副总理穆特科;
3. a word segmentation (jieba) of the clause around the hit that cuts across its start or end.

Segmentation runs only on a window of a few characters around a hit, and only when a Chinese
character touches the hit; rjieba (its dictionary takes 0.1 s to load) is imported the first time
that happens.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from termcheck.scripts import is_han

if TYPE_CHECKING:
    from termcheck.model import Entry

# Characters of the segmentation window on each side of a hit: enough for the words that can
# cross its edges, never the whole sentence.
SEGMENTATION_WINDOW = 8
# Only forms this short are checked against a segmentation: a form of four characters or more
# that runs across a word boundary has not been seen on real text (the longer forms that do, such
# as 中国共产党 in 中国共产党人, are ruled out by their entries' context rules), and a run that
# segments nothing never loads the segmenter, whose dictionary takes 0.1 s to read.
SEGMENTED_FORM_LENGTH = 3
# Characters before a hit read for a foreign qualifier: the longest country name (11 characters:
# 朝鲜民主主义人民共和国) plus a party name after it.
QUALIFIER_WINDOW = 20

@dataclass(frozen=True, slots=True)
class EntryContext:
    """What an entry's glossary record says about the text around its forms."""

    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    china_scoped: bool = False


# Why a hit was rejected, as `HitContext.rejection` names it.
NOT_AFTER = "not_after"
NOT_BEFORE = "not_before"
FOREIGN = "foreign"
INSIDE_FOREIGN_NAME = "inside-foreign-name"
FOREIGN_PERSON = "foreign-person"
SEGMENTATION = "segmentation"
HEAD_OF_BODY = "head-of-body"

# The last characters of bodies' names (外交部, 统计局, 法院, 海关总署 …): followed by 长, such a name
# is its head's title (部长, 局长, 院长, 署长).
BODY_ENDINGS = frozenset("部局院委厅署办会司处所")


def _begins_a_word(text: str, segmenter: Callable[[], Segmenter]) -> bool:
    """Whether the text starts with a word of two to four characters (长期, 长江, 长三角)."""
    return any(segmenter().is_word(text[:length]) for length in (2, 3, 4) if len(text) >= length)


class HitContext:
    """The context checks compiled for one glossary. Pickled with the matcher (the disk cache);
    the segmenter is built again on first use after unpickling."""

    def __init__(self, entries: dict[str, EntryContext], foreign_names: Iterable[str]) -> None:
        # Equal contexts are one object (a glossary has a few kinds): the cache pickles each once
        # and a run loads them in a tenth of the time a copy per entry took.
        shared: dict[EntryContext, EntryContext] = {}
        self._entries = {entry_id: shared.setdefault(context, context) for entry_id, context in entries.items() if context != EntryContext()}
        self._foreign = ForeignQualifiers(foreign_names)
        self._segmenter: Segmenter | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"entries": self._entries, "foreign": self._foreign}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._entries = state["entries"]
        self._foreign = state["foreign"]
        self._segmenter = None

    def personal_name_beside(self, before: str, after: str, lexicon: Callable[[], Iterable[str]]) -> str | None:
        """A personal name, as the segmenter tags one, right before or right after a hit
        (阮富仲 of 阮富仲总书记, 李显龙 of 李显龙总理), or None."""
        if self._segmenter is None:
            self._segmenter = segmenter_for(tuple(sorted(lexicon())))
        preceding = self._segmenter.tagged(_han_run_before(before), unknown_words=True)
        following = self._segmenter.tagged(_han_run_after(after), unknown_words=True)
        for word, tag in (preceding[-1:] + following[:1]):
            if tag in _PERSONAL_NAME_TAGS and len(word) >= 2:
                return word
        return None

    def may_reject(self, entry_id: str, hit: str) -> bool:
        """Whether any check could reject this hit: most hits (longer forms of entries without
        context rules) are accepted without looking at the text around them."""
        return entry_id in self._entries or len(hit) <= SEGMENTED_FORM_LENGTH or self._foreign.may_span(hit) or hit[-1:] in BODY_ENDINGS

    def rejection(self, entry_id: str, before: str, hit: str, after: str, lexicon: Callable[[], Iterable[str]]) -> str | None:
        """Why `hit` (normalised text, with the text `before` and `after` it in its paragraph) is
        not a form of `entry_id` here, or None when it is. `lexicon` gives the glossary's forms,
        asked for only when the segmenter is first needed."""
        context = self._entries.get(entry_id)

        def segmenter() -> Segmenter:
            if self._segmenter is None:
                self._segmenter = segmenter_for(tuple(sorted(lexicon())))
            return self._segmenter

        if context is not None:
            if context.not_after and before.endswith(context.not_after):
                return NOT_AFTER
            if context.not_before and after.startswith(context.not_before):
                return NOT_BEFORE
            if context.china_scoped and self._foreign.qualifies(before, segmenter):
                return FOREIGN
            # 老挝人革党中央: the 党 of a foreign party's name begins the hit (党中央).
            if context.china_scoped and hit.startswith("党") and self._foreign.qualifies(before + "党", segmenter):
                return FOREIGN
            # 默克尔总理, 副总理穆特科: the title of a foreign person, named beside it.
            if context.china_scoped and beside_foreign_person(before, after, segmenter):
                return FOREIGN_PERSON
        if self._foreign.spans(before, hit, after):
            # 人民民主 inside 老挝人民民主共和国: part of a foreign country's name, not a term.
            return INSIDE_FOREIGN_NAME
        if after.startswith("长") and hit[-1:] in BODY_ENDINGS and not _begins_a_word(_han_run_after(after), segmenter):
            # 美国商务部长雷蒙多: the head of the body (部长), not the body; the segmenter may have
            # joined 长 to the name after it. 商务部长期以来 is the body (长期 is a word).
            return HEAD_OF_BODY
        if len(hit) > SEGMENTED_FORM_LENGTH:
            return None
        left, right = _han_run_before(before), _han_run_after(after)
        if (left or right) and segmenter().cuts_across(left, hit, right):
            return SEGMENTATION
        return None


# Characters that Chinese spells foreign personal names with (the Xinhua transliteration table's
# most frequent ones): 默克尔, 穆特科, 拉夫罗夫. Most are also Chinese words' characters, so a run of
# them counts as a name only at three characters or more, and only in words the segmenter does
# not tag as verbs, places, numbers or function words.
_TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁杜多厄恩尔法范菲费芬丰佛夫弗福富盖冈戈哥格根"
    "贡古瓜圭哈汉豪赫亨洪霍基吉加贾杰金卡凯坎康柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉列林琳隆龙卢鲁路伦罗洛"
    "马玛迈麦曼芒梅门蒙米莫默姆穆纳娜奈南瑙内妮尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切丘萨塞赛桑瑟森沙莎尚舍申"
    "什施舒斯松索塔泰坦汤唐特滕提图托瓦万旺威韦维温翁沃乌伍西希锡席夏谢辛休修雅亚扬耶伊因尤约泽扎詹兹佐娃茨"
)
# Part-of-speech tags (jieba's) that no personal name carries.
_NOT_A_NAME_TAGS = frozenset({"v", "vd", "vn", "vg", "ns", "nt", "t", "tg", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "dg", "m", "mq", "q", "a", "ad", "an", "ag", "r", "f", "s", "y", "e", "o"})
_NAME_LENGTH = 3
# jieba's tags of personal names: a Chinese name, a transliterated one, a Chinese leader's name.
_PERSONAL_NAME_TAGS = frozenset({"nr", "nrt", "nrfg"})


def beside_foreign_person(before: str, after: str, segmenter: Callable[[], Segmenter]) -> bool:
    """Whether a foreign personal name, as Chinese transliterates it, stands right before or right
    after a hit (默克尔总理, 副总理穆特科 …): a title there is that person's office, not China's."""
    following = _han_run_after(after)
    preceding = _han_run_before(before)
    if not (following[:1] in _TRANSLITERATION or preceding[-1:] in _TRANSLITERATION):
        return False  # the cheap test: no name can start next to the hit
    tagger = segmenter()
    return _transliterated_name(tagger.tagged(following)) or _transliterated_name(tagger.tagged(preceding)[::-1])


def _transliterated_name(words: list[tuple[str, str]]) -> bool:
    """Whether the words, from the hit outwards, begin with a transliterated name."""
    length = 0
    for word, tag in words:
        if tag == "nrt" and len(word) >= 2:
            return True  # a foreign name the dictionary knows
        if tag in _NOT_A_NAME_TAGS or not all(char in _TRANSLITERATION for char in word):
            break
        length += len(word)
    return length >= _NAME_LENGTH


def _han_run_before(before: str) -> str:
    """The Chinese characters right before a hit, up to the window: a word can only cross the
    hit's start from there."""
    length = 0
    for char in reversed(before[-SEGMENTATION_WINDOW:]):
        if not is_han(char):
            break
        length += 1
    return before[len(before) - length :]


def _han_run_after(after: str) -> str:
    length = 0
    for char in after[:SEGMENTATION_WINDOW]:
        if not is_han(char):
            break
        length += 1
    return after[:length]


# The frequency given to a glossary form that jieba's dictionary lacks or holds as rare. Measured
# on the real-text set: without the forms, jieba cuts true terms apart (广大党员|干部群众,
# 打赢|脱贫|攻坚战, 第十二届|全国人大…); at this frequency they stand as words where the text allows
# it, while a form across two common words still loses (其中|共有 beats 其|中共|有).
LEXICON_FREQUENCY = 100
_segmenters: dict[tuple[str, ...], Segmenter] = {}


def segmenter_for(lexicon: tuple[str, ...]) -> Segmenter:
    """One segmenter per lexicon in a process. The first takes the instance rjieba builds when it
    is imported (loading jieba's dictionary is most of rjieba's 0.1 s start); another lexicon (a
    second glossary in the same process) gets an instance of its own, so that no glossary's forms
    change another's segmentation."""
    segmenter = _segmenters.get(lexicon)
    if segmenter is None:
        import rjieba

        jieba = rjieba._DEFAULT_JIEBA if not _segmenters else rjieba.Jieba()
        segmenter = _segmenters[lexicon] = Segmenter(jieba, lexicon)
    return segmenter


class Segmenter:
    """Word boundaries from jieba's dictionary (rjieba, the jieba-rs binding), with the glossary's
    forms added, and without its HMM for unknown words: the HMM would join characters into
    made-up words across a hit's edge."""

    def __init__(self, jieba: Any, lexicon: Iterable[str]) -> None:
        self._jieba = jieba
        for form in lexicon:
            jieba.add_word(form, max(LEXICON_FREQUENCY, jieba.suggest_freq(form)), None)

    def is_word(self, text: str) -> bool:
        """A word of two characters or more, which can stand beside the hit by itself."""
        return len(text) >= 2 and bool(self._jieba.has_word(text))

    def tokens(self, text: str) -> list[str]:
        return list(self._jieba.cut(text, False))

    def tagged(self, text: str, *, unknown_words: bool = False) -> list[tuple[str, str]]:
        """The words of the text with their part-of-speech tags (nrt: a transliterated name).
        With `unknown_words`, jieba's HMM also joins characters its dictionary lacks into words:
        how it finds a name it does not know (阮富仲), and why the hit tests leave it off."""
        return [(word, tag) for word, tag in self._jieba.tag(text, unknown_words)] if text else []

    def cuts_across(self, left: str, hit: str, right: str) -> bool:
        """Whether the segmentation of `left + hit + right` makes the hit part of other words.

        A word crossing both edges (其中|共有 around 中共, 中国|企业 around 国企) rejects the hit. A
        word crossing one edge rejects it unless the part of that word outside the hit is a word
        of its own (重庆市|委书记: 重庆 and 市委书记 stand side by side; 湖北|约: 湖 does not). A
        word containing the whole hit rejects it only when what it adds is a single character
        (最高法院, 十四五岁, 第二十五次), not a word (国企改革, 美国国防部, 共产党员)."""
        start, end = len(left), len(left) + len(hit)
        text = left + hit + right
        crossing_start: tuple[int, int] | None = None
        crossing_end: tuple[int, int] | None = None
        position = 0
        for token in self.tokens(text):
            token_start, token_end = position, position + len(token)
            position = token_end
            if token_start < start < token_end:
                crossing_start = (token_start, token_end)
            if token_start < end < token_end:
                crossing_end = (token_start, token_end)
            if token_start <= start and token_end >= end and (token_start, token_end) != (start, end):
                # One word holds the whole hit and more.
                added = [piece for piece in (text[token_start:start], text[end:token_end]) if piece]
                return any(not self.is_word(piece) for piece in added)
        if crossing_start and crossing_end:
            return True
        if crossing_start:
            return not self.is_word(text[crossing_start[0] : start])
        if crossing_end:
            return not self.is_word(text[end : crossing_end[1]])
        return False


# How the name of a body that belongs to another ends (国家天文台 of 中国科学院国家天文台, 新闻司 of
# 外交部新闻司, 发展研究中心 of 国务院发展研究中心): a research unit, a school, an office or department.
_SUBBODY_ENDINGS = (
    "研究院", "研究所", "实验室", "委员会", "办公室", "中心", "大学", "学院", "医院", "学校", "基地",
    "院", "所", "台", "局", "馆", "站", "司", "厅", "处", "室",
)
_LONGEST_SUB_BODY = 8
# What ends the run of characters that can still be part of a name: punctuation, particles,
# conjunctions and prepositions (not localisers: 中 begins 中心).
_NAME_BREAKS = frozenset("的地得之、，。；：！？“”‘’（）《》和与及或同是在将为被把对向从以于由")


def sub_body_after(after: str) -> str | None:
    """The name of a body that belongs to the one just named, when the text right after a name goes
    on with one (中国科学院|国家天文台利用 → 国家天文台), else None. A translation names such a body by
    its own English name, which may leave the owner out ("National Astronomical Observatories")."""
    run = ""
    for char in after[:_LONGEST_SUB_BODY]:
        if not is_han(char) or char in _NAME_BREAKS:
            break
        run += char
    for length in range(len(run), 1, -1):
        if run[:length].endswith(_SUBBODY_ENDINGS):
            return run[:length]
    return None


# What in a Chinese text says it speaks of China (中国, 中方, 我国, 访华 …).
_CHINA_IN_CHINESE = re.compile(r"中国|中方|我国|中华|中共|我党|我军|[访来在驻赴离抵]华")


def mentions_china(text: str) -> bool:
    return _CHINA_IN_CHINESE.search(text) is not None


# Party and organisation names that may stand between a country and the body it has
# (越南共产党中央委员会, 老挝人民革命党中央, 美国政府国务院): the run of characters after the country
# ends with one of these.
_ORGANISATION_ENDINGS = ("党", "中央", "政府", "联邦", "王国")
_LONGEST_ORGANISATION = 8
# Verbs of conferring between a country and an order or medal it confers (俄罗斯政府授予的友谊勋章).
_CONFERRING = ("授予", "颁发", "颁授", "授勋")
# "Both countries' …" after a coordination of countries: 美俄两国外交部.
_COLLECTIVES = ("两国", "三国", "双方", "各国")
# How China names itself: a body after these is Chinese (中美两国外交部, 中国和美国外交部).
CHINA_NAMES = frozenset({"中国", "我国", "中方", "中共", "中华人民共和国", "新中国", "我", "中", "本国", "我方"})
_COORDINATORS = "和与同及、跟"


class ForeignQualifiers:
    """Names of foreign countries, parties and organisations that, right before a form naming a
    Chinese institution, make it another country's body."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(name for name in names if name not in CHINA_NAMES)
        # One-character abbreviations (美, 俄) count only as a word of their own or a run of
        # them (美国防部长, 美俄): inside a word (精英, 依法) they are no country.
        self._abbreviations = frozenset(name for name in self.names if len(name) == 1)
        self._longest = max((len(name) for name in self.names), default=0)
        # Every part of two or more characters of a foreign name of four or more: a hit that is
        # none of them cannot lie inside one (the quick test before spans() looks around it).
        self._name_parts = frozenset(
            name[start:end] for name in self.names if len(name) >= 4
            for start in range(len(name)) for end in range(start + 2, len(name) + 1)
        )

    def may_span(self, hit: str) -> bool:
        return hit in self._name_parts

    def spans(self, before: str, hit: str, after: str) -> bool:
        """Whether a foreign name longer than `hit` contains it, as the text around it shows."""
        if hit not in self._name_parts:
            return False
        room = self._longest - len(hit)
        for left in range(min(room, len(before)) + 1):
            for right in range(min(room - left, len(after)) + 1):
                if (left or right) and before[len(before) - left :] + hit + after[:right] in self.names:
                    return True
        return False

    def qualifies(self, before: str, segmenter: Callable[[], Segmenter]) -> bool:
        """Whether `before` ends with a foreign qualifier, possibly followed by a party name,
        两国, or 的."""
        text = before[-QUALIFIER_WINDOW:]
        text = text.removesuffix("的")
        # Who confers an order or a medal owns it: 俄罗斯政府授予的友谊勋章 is Russia's.
        for verb in _CONFERRING:
            if text.endswith(verb):
                text = text[: -len(verb)]
                break
        for ending in _COLLECTIVES:
            if text.endswith(ending):
                text = text[: -len(ending)]
                break
        candidates = [len(text)]
        # A party or organisation name after the country: each place where one could start.
        for ending in _ORGANISATION_ENDINGS:
            if text.endswith(ending):
                candidates.extend(range(max(0, len(text) - _LONGEST_ORGANISATION), len(text) - len(ending) + 1))
        return any(self._ends_with_foreign_name(text[:cut], segmenter) for cut in candidates)

    def _ends_with_foreign_name(self, text: str, segmenter: Callable[[], Segmenter]) -> bool:
        for length in range(min(self._longest, len(text)), 1, -1):
            if text[-length:] in self.names:
                return not _coordinated_with_china(text[: -length])
        return self._ends_with_abbreviation(text, segmenter)

    def _ends_with_abbreviation(self, text: str, segmenter: Callable[[], Segmenter]) -> bool:
        """美 in 美国防部长, 美俄 in 美俄两国外交部; not 今日 or 精英 (a word of which the character is a
        part, as the segmentation says), nor 中美 (China is one of them)."""
        if not text or text[-1] not in self._abbreviations:
            return False
        tokens = segmenter().tokens(_han_run_before(text))
        letters = ""
        for token in reversed(tokens):
            if not all(char in self._abbreviations or char in "中我" for char in token):
                break
            letters = token + letters
        if not letters or any(char in "中我" for char in letters):
            return False
        return not _coordinated_with_china(text[: -len(letters)])


def _coordinated_with_china(text: str) -> bool:
    """Whether the text before a country name ends with China and a coordinator (中国和|中方与):
    then the body that follows belongs to both, China's included."""
    if not text or text[-1] not in _COORDINATORS:
        return False
    return any(text[:-1].endswith(name) for name in CHINA_NAMES)


def contexts_from_entries(entries: Sequence[Entry], variants: dict[str, set[str]] | None = None) -> dict[str, EntryContext]:
    """Each entry's context rules, normalised like the text they are matched against, with their
    traditional-script spellings (`variants`, as `traditional_variants` makes them)."""
    from termcheck.matching.zh import normalize_form

    def spellings(strings: tuple[str, ...]) -> tuple[str, ...]:
        result: dict[str, None] = {}
        for string in strings:
            for spelling in (string, *sorted((variants or {}).get(string, ()))):
                normalized = normalize_form(spelling)
                if normalized:
                    result[normalized] = None
        return tuple(result)

    return {
        entry.id: EntryContext(spellings(entry.not_after), spellings(entry.not_before), entry.china_scoped)
        for entry in entries
    }


# Names official Chinese uses that pycountry's zh_CN list lacks or spells otherwise (柬埔寨, not
# 柬埔塞; 孟加拉国; 俄罗斯联邦), historical states, regions and organisations whose bodies share
# names with China's (苏格兰工会, 欧盟委员会), and parties named without their country (not
# 民主党 or 工党: 中国农工民主党 is one of China's own parties).
_EXTRA_FOREIGN_NAMES = (
    "美国", "英国", "俄罗斯", "俄罗斯联邦", "俄国", "日本", "韩国", "朝鲜", "越南", "老挝", "柬埔寨",
    "缅甸", "泰国", "印度", "印尼", "菲律宾", "马来西亚", "新加坡", "蒙古国", "孟加拉国", "玻利维亚",
    "危地马拉", "吉尔吉斯斯坦", "马耳他", "捷克", "斯威士兰", "伊朗", "叙利亚", "委内瑞拉", "坦桑尼亚",
    "苏联", "前苏联", "南斯拉夫", "东德", "西德", "奥匈帝国",
    "苏格兰", "英格兰", "威尔士", "北爱尔兰", "魁北克", "加州", "巴伐利亚",
    "欧盟", "欧洲", "北约", "东盟", "非盟", "阿盟", "联合国", "欧佩克",
    "苏共", "越共", "老挝人民革命党", "朝鲜劳动党", "古巴共产党",
)
# One-character abbreviations that official Chinese puts before a body (美防长, 俄外长, 英首相).
# Not 日 (dates: 5日国务院常务会议), 中 (China), 巴 (巴西 / 巴基斯坦 / 巴勒斯坦).
_FOREIGN_ABBREVIATIONS = "美俄英法德韩朝越印澳加菲泰意欧"
# pycountry lists these among countries; they are parts of China, with bodies of their own names.
_CHINESE_REGIONS = frozenset({"中国", "中华人民共和国", "香港", "澳门", "台湾", "中国台湾省", "中国香港特别行政区", "中国澳门特别行政区"})


def foreign_names() -> list[str]:
    """Foreign qualifiers: pycountry's Chinese (zh_CN) country names and the names above. Built
    when a glossary is compiled; the compiled glossary, this list in it, is cached on disk, so the
    gettext catalogue is not read on an ordinary run."""
    import gettext

    import pycountry

    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    names = set(_EXTRA_FOREIGN_NAMES) | set(_FOREIGN_ABBREVIATIONS)
    for country in pycountry.countries:
        for english in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if english:
                chinese = catalogue.gettext(english)
                # Untranslated names come back in English; 科科斯 (基林) 群岛 and the like are no
                # name anyone writes before a ministry.
                if chinese != english and all(is_han(char) for char in chinese):
                    names.add(chinese)
    return sorted(names - _CHINESE_REGIONS)
