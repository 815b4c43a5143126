"""What surrounds a span of English target text: whether it is code or an address, a quotation
or a mention, and which acronyms the text defines.

The matcher finds a rendering wherever its words are; these tests tell a rule whether the words
are the translation's own prose (a use) or something else: part of a URL, e-mail address, file
path or identifier, words held up in quotation marks ("so-called 'X'"), or an acronym that the
text itself spells out as another name ("central counterparty (CCP)").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

from termcheck.matching.en import BODY_NOUNS, LEADING_ARTICLE

# Text that is not prose, whatever words it holds.
_URL = r"\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"'`]+|\bwww\.[^\s<>\"'`]+"
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_BACKTICKS = r"(?P<ticks>`+)[^`\n][^\n]*?(?P=ticks)"
_CODE_ELEMENT = r"<(?P<tag>code|kbd|samp|tt|pre|var)\b[^>]*>.*?</(?P=tag)\s*>"
# A path: rooted (/, ./, ../, ~/, C:\), or with two separators, or ending in a file extension, so
# that "CCP/CPC" or "and/or" in prose is not one.
_PATH = (
    r"(?<![\w/\\])(?:(?:[A-Za-z]:\\|~/|\.{1,2}/|/)[\w.\-]+(?:[/\\][\w.\-]+)*"
    r"|[\w.\-]+(?:[/\\][\w.\-]+){2,}"
    r"|[\w.\-]+(?:[/\\][\w.\-]+)*[/\\][\w\-]+\.[A-Za-z0-9]{1,5}\b)"
)
# An identifier: words joined by underscores (CCP_CLEARING), or a dotted name with a lower-case
# part (ccp.clearing, CCP.members): a sentence run on without a space ("CCP.The") is not one.
# Case matters here, while the other patterns ignore it.
_IDENTIFIER = r"(?-i:\b\w*[A-Za-z0-9]_\w+|\b[A-Za-z_]\w*(?:\.\w+)*\.[a-z_]\w*(?:\.\w+)*)"
_NOT_PROSE = re.compile("|".join((_URL, _EMAIL, _BACKTICKS, _CODE_ELEMENT, _PATH, _IDENTIFIER)), re.DOTALL | re.IGNORECASE)
# A dotted abbreviation (U.S., e.g.) is prose.
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")

# Quotation marks, folded to three kinds: straight or curly double, straight or curly single, and
# guillemets (which open and close with different characters).
_QUOTE_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u2039": "\u00ab", "\u203a": "\u00bb",
})
_QUOTES = "\"'\u00ab\u00bb"
_OPENING_CONTEXT = "([{/\u2014\u2013-" + _QUOTES
_CLOSING_CONTEXT = ".,;:!?)]}/\u2014\u2013-" + _QUOTES
_SO_CALLED = re.compile(r"\bso[\s\-\u2010\u2011]*called\s*[\"'\u00ab]?\s*$", re.IGNORECASE)

# Acronym definitions: "expansion (ACR)" and "ACR (expansion)". A plural acronym in the text
# ("CCPs (central counterparties)") defines the singular.
_ACRONYM = r"[A-Z][A-Z0-9&]*[A-Z0-9]"
_ACRONYM_AFTER_WORDS = re.compile(r"\(\s*(" + _ACRONYM + r")s?\s*\)")
_ACRONYM_BEFORE_EXPANSION = re.compile(r"(?<![\w&])(" + _ACRONYM + r")s?\s*\(\s*([^()]+?)\s*\)")
# Where the words that spell an acronym can start: not across a sentence or another bracket.
_EXPANSION_STOP = re.compile(r"[.;:!?()\[\]\n]")


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    """An acronym the text spells out, and the words it stands for."""

    acronym: str
    expansion: str


def not_prose_spans(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses, code (backticks, <code>), file paths and identifiers."""
    spans = []
    for match in _NOT_PROSE.finditer(text):
        if _DOTTED_ABBREVIATION.fullmatch(match.group()):
            continue
        spans.append((match.start(), match.end()))
    return spans


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def _quote_role(text: str, index: int) -> str | None:
    """Whether the quotation mark at `index` opens or closes a quotation; None for an apostrophe
    inside a word (don't, CCP's) or a mark that could be either."""
    mark = text[index]
    if mark == "\u00ab":
        return "open"
    if mark == "\u00bb":
        return "close"
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None
    opens = not after.isspace() and (before.isspace() or before in _OPENING_CONTEXT)
    closes = not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT)
    if opens != closes:
        return "open" if opens else "close"
    return None


def _nearest_role(text: str, positions: range, kind: str) -> str | None:
    """The role of the first quotation mark of this kind met walking `positions`."""
    for index in positions:
        if _kind(text[index]) == kind:
            role = _quote_role(text, index)
            if role is not None:
                return role
    return None


def _kind(char: str) -> str | None:
    if char == '"':
        return "double"
    if char == "'":
        return "single"
    if char in "\u00ab\u00bb":
        return "guillemet"
    return None


def is_quoted(text: str, start: int, end: int) -> bool:
    """The span lies between an opening and a closing quotation mark of one kind, on its line:
    the words are quoted (a title, a name held up, reported wording), not the translation's own."""
    folded = text.translate(_QUOTE_FOLD)
    line_start = folded.rfind("\n", 0, start) + 1
    line_end = folded.find("\n", end)
    line_end = len(folded) if line_end < 0 else line_end
    for kind in ("double", "single", "guillemet"):
        if (
            _nearest_role(folded, range(start - 1, line_start - 1, -1), kind) == "open"
            and _nearest_role(folded, range(end, line_end), kind) == "close"
        ):
            return True
    return False


def follows_so_called(text: str, start: int) -> bool:
    """The span comes right after "so-called" (or "so called"), perhaps after an opening quote."""
    return _SO_CALLED.search(text.translate(_QUOTE_FOLD), max(0, start - 40), start) is not None


def _spelled_by(acronym: str, words: str, *, from_first_word: bool) -> int | None:
    """Where, in `words`, the shortest run of words ending at its end starts whose letters spell
    the acronym in order, the acronym's first letter starting a word (Schwartz & Hearst, 2003).
    With `from_first_word`, that run must be all of `words`. None when no run spells it."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    position = len(words) - 1
    for number, letter in reversed(list(enumerate(letters))):
        while position >= 0 and (
            words[position].lower() != letter
            # The first letter of the acronym begins a word.
            or (number == 0 and position > 0 and words[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    first = position + 1
    if from_first_word and words[:first].strip():
        return None
    # The expansion must be more than the acronym itself written out of its parentheses.
    if words[first:].strip() == acronym:
        return None
    return first


def acronym_definitions(text: str) -> list[AcronymDefinition]:
    """Acronyms the text defines: words whose initials (and inner letters, as in "central
    counterparty (CCP)") spell a parenthesised acronym after them, or an acronym followed by such
    words in parentheses ("CCP (central counterparty)")."""
    text = unicodedata.normalize("NFKC", text)
    definitions = []
    for match in _ACRONYM_AFTER_WORDS.finditer(text):
        acronym = match.group(1)
        # At most min(|A| + 5, 2|A|) words before the parenthesis, within its sentence.
        before = text[: match.start()].rstrip()
        stop = max((m.end() for m in _EXPANSION_STOP.finditer(before)), default=0)
        words = before[stop:].split()
        limit = min(len(acronym) + 5, 2 * len(acronym))
        candidate = " ".join(words[-limit:])
        first = _spelled_by(acronym, candidate, from_first_word=False)
        if first is not None:
            definitions.append(AcronymDefinition(acronym, candidate[first:]))
    for match in _ACRONYM_BEFORE_EXPANSION.finditer(text):
        acronym, inside = match.group(1), LEADING_ARTICLE.sub("", match.group(2))
        if re.fullmatch(_ACRONYM + "s?", inside) or len(inside.split()) > min(len(acronym) + 5, 2 * len(acronym)):
            continue
        if _spelled_by(acronym, inside, from_first_word=True) is not None:
            definitions.append(AcronymDefinition(acronym, inside))
    return definitions


def occurs_verbatim(form: str, text: str, *, case_sensitive: bool) -> bool:
    """`form` stands in `text` as whole words (white space between them may differ): a Chinese
    source that quotes the English form, or holds Latin text."""
    words = form.translate(_QUOTE_FOLD).split()
    if not words:
        return False
    # Boundaries against Latin letters and digits only: in Chinese text a Han character is a word
    # character, yet in "使用CCP一词" the form stands alone.
    pattern = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, words)) + r"(?![A-Za-z0-9])"
    flags = 0 if case_sensitive else re.IGNORECASE
    # NFKC reads full-width Latin letters in Chinese text (ＣＣＰ) as the letters they are.
    normalized = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD)
    return re.search(pattern, normalized, flags) is not None


__all__ = [
    "AcronymDefinition", "acronym_definitions", "follows_so_called", "is_quoted",
    "not_prose_spans", "occurs_verbatim", "within",
]


# Words too common in bodies' names to tell one body from another.
_GENERIC_NAME_WORDS = BODY_NOUNS | frozenset("of for and on the national state people's peoples central general".split())
# A run of capitalised words, which may be joined by of/for/and/on/the: an English proper name.
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'’-]*)+")
# China named, or one of its institutions by a name no other country's has ("the CPPCC National
# Committee", "the NPC Standing Committee"): the acronyms in capitals only ("Plan" is no PLA).
_CHINA_IN_ENGLISH = re.compile(
    r"\b(?:(?i:China|Chinese|Beijing|CPC|PRC|Sino-|National People's Congress|People's Liberation Army)|(?:NPC|NPCSC|CPPCC|CCDI|PLA)s?\b)"
)


def other_body_named(target: str, renderings: tuple[str, ...], head_nouns: set[str]) -> str | None:
    """The name of a body in `target` that shares a distinctive word with `renderings` but is built
    on another noun than theirs (`head_nouns`): "Department of Defense" for "Ministry of National
    Defense", "Election Commission" for "Election Committee" — the translation names the
    counterpart of another country. A name on the same noun ("Central Party Committee" for "CPC
    Central Committee") is the same body worded otherwise, not another. None when the target names
    no other body, or speaks of China at all."""
    if _CHINA_IN_ENGLISH.search(target):
        return None
    distinctive = {word.lower() for rendering in renderings for word in re.findall(r"[\w'’-]+", rendering)} - _GENERIC_NAME_WORDS
    if not distinctive:
        return None
    for match in _NAME_RUN.finditer(target):
        words = [word.lower() for word in re.findall(r"[\w'’-]+", match.group())]
        if head_nouns & set(words):
            continue
        if any(word in BODY_NOUNS for word in words) and any(word in distinctive for word in words):
            return match.group()
    return None


# What English calls the people and things of the countries most in the news: pycountry has the
# countries' names, not these adjectives ("the Bulgarian Foreign Ministry", "German Chancellor").
_COUNTRY_ADJECTIVES = frozenset(
    "American Afghan Albanian Algerian Argentine Argentinian Armenian Australian Austrian Azerbaijani Bangladeshi "
    "Belarusian Belgian Brazilian British Bulgarian Cambodian Canadian Chilean Colombian Croatian Cuban Czech Danish "
    "Dutch Egyptian Emirati Estonian Ethiopian Filipino Finnish French Georgian German Greek Hungarian Icelandic Indian "
    "Indonesian Iranian Iraqi Irish Israeli Italian Japanese Jordanian Kazakh Kenyan Korean Kuwaiti Kyrgyz Lao Laotian "
    "Latvian Lebanese Libyan Lithuanian Malaysian Mexican Mongolian Moroccan Myanmar Nepalese Nigerian Norwegian "
    "Pakistani Palestinian Peruvian Polish Portuguese Qatari Romanian Russian Saudi Scottish Serbian Singaporean Slovak "
    "Slovenian Spanish Sri Swedish Swiss Syrian Tajik Thai Tunisian Turkish Turkmen Ugandan Ukrainian Uzbek Venezuelan "
    "Vietnamese Welsh Yemeni Zambian Zimbabwean".split()
)
# Short names of countries and unions that news English writes besides pycountry's.
_COUNTRY_SHORT_NAMES = frozenset({"U.S.", "US", "USA", "U.K.", "UK", "Britain", "America", "EU", "Russia", "Korea", "Vietnam", "Laos", "Iran", "Syria"})
# Countries that are China or parts of it: not foreign here.
_CHINESE_CODES = frozenset({"CN", "TW", "HK", "MO"})


@lru_cache(maxsize=1)
def _foreign_country_pattern() -> re.Pattern[str]:
    import pycountry

    names = {
        name
        for country in pycountry.countries
        if country.alpha_2 not in _CHINESE_CODES
        for name in (getattr(country, "name", None), getattr(country, "common_name", None))
        if name
    }
    alternatives = sorted(names | _COUNTRY_SHORT_NAMES | _COUNTRY_ADJECTIVES, key=len, reverse=True)
    # Case-sensitive: "US" the country, not "us"; "Turkey" written as a name.
    # An adjective also stands for the people: "two Bulgarians".
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, alternatives)) + r")s?(?![\w])")


def foreign_country_named(target: str) -> str | None:
    """The first foreign country (or its adjective: "Bulgarian") the English text names, where it
    names no Chinese one: a text that speaks of another country's ministry, premier or medal, and
    of China not at all, most likely means that country's."""
    if _CHINA_IN_ENGLISH.search(target):
        return None
    match = _foreign_country_pattern().search(target)
    return match.group() if match is not None else None


# One syllable of Hanyu Pinyin as names are spelt (tone marks and ü left out): an initial and a
# final, or a final of its own. Looser than the table of real syllables ("tin" passes), which only
# makes a foreign name read as Chinese now and then: the check then stays as strict as without it.
_PINYIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u)"
    r"|ang|eng|ai|an|ao|ei|en|er|ou|a|e|o)"
)
_PINYIN_WORD = re.compile(rf"{_PINYIN_SYLLABLE}+(?:['’-]?{_PINYIN_SYLLABLE})*", re.IGNORECASE)
# The personal name right after a title: up to four capitalised words ("Nguyen Xuan Phuc").
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3})")
# Words that go on a body's or office's name in capitals without being a person's name
# ("Pentagon Press Secretary", "Defense Department Spokesperson Wu Qian").
_NOT_A_NAME = frozenset(
    "spokesperson spokesman spokeswoman secretary minister deputy vice press office official officials "
    "inspector chief director head general chairman chairwoman president council committee department".split()
)

# A number right before a match: "3 PM" is a time.
_AFTER_NUMBER = re.compile(r"\d[\s.:]*$")


def is_pinyin_name(name: str) -> bool:
    """Whether every word of a personal name can be read as Pinyin (Li Qiang, Xi Jinping; not
    Nguyen Xuan Phuc, Medvedev)."""
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name)
    return bool(words) and all(_PINYIN_WORD.fullmatch(word) for word in words)


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Where the translation names another country's body or office, and whether the text
    around it says the body is another country's."""

    text: str
    start: int
    end: int
    foreign: bool


@lru_cache(maxsize=1024)
def _counterpart_pattern(counterpart: str) -> re.Pattern[str]:
    """A counterpart at word boundaries, its words apart by spaces or hyphens; an all-capital one
    in capitals only ("PM", not "pm")."""
    pattern = r"(?<![\w-])" + r"[\s-]+".join(map(re.escape, counterpart.split())) + r"(?![\w-])"
    return re.compile(pattern, 0 if counterpart.isupper() else re.IGNORECASE)


def counterpart_named(target: str, counterparts: tuple[str, ...], *, china_in_source: bool) -> Counterpart | None:
    """The first of an entry's `counterparts` (another country's name for the body or office:
    "Prime Minister", "PM", "Pentagon") that the English text names, at word boundaries (an
    all-capital one in capitals). It is `foreign` — the text speaks of that country's body, not
    of China's under a wrong name — when neither side names China, when a foreign country or
    its adjective stands right before it ("Russian Prime Minister"), or when the person named
    right after it is not named in Pinyin ("Prime Minister Nguyen Xuan Phuc"). "Prime Minister
    Li Qiang" is China's Premier under a wrong title: not foreign."""
    for counterpart in counterparts:
        match = next((m for m in _counterpart_pattern(counterpart).finditer(target) if not _AFTER_NUMBER.search(target, 0, m.start())), None)
        if match is None:
            continue
        start, end = match.span()
        name = _NAME_AFTER.match(target, end)
        if name is not None and name.group(1).split()[0].lower() not in _NOT_A_NAME:
            foreign = not is_pinyin_name(name.group(1))
        else:
            before = target[max(0, start - 40) : start].rstrip()
            country_right_before = any(country.end() == len(before) for country in _foreign_country_pattern().finditer(before))
            foreign = country_right_before or not (china_in_source or _CHINA_IN_ENGLISH.search(target))
        return Counterpart(match.group(), start, end, foreign)
    return None


# The English head nouns of a unit, by how its Chinese name ends (the longest ending first): what
# a translation that names the unit has, with or without its owner.
_UNIT_HEADS = (
    ("研究院", "Academy|Institute"), ("研究所", "Institute"), ("实验室", "Laborator(?:y|ies)|Labs?"),
    ("委员会", "Commission|Committee"), ("办公室", "Office"), ("中心", "Cent(?:er|re)s?"), ("大学", "University"),
    ("学院", "College|School|Academy|Institute"), ("医院", "Hospital"), ("学校", "School"), ("基地", "Base"),
    ("院", "Academy|Institute|Court|Hospital"), ("所", "Institute|Office"), ("台", "Observator(?:y|ies)"),
    ("局", "Bureau|Administration|Office"), ("馆", "Museum|Library|Hall|Cent(?:er|re)"), ("站", "Station"),
    ("司", "Department"), ("厅", "Department|Office|Hall"), ("处", "Office|Division|Department"), ("室", "Office|Laborator(?:y|ies)"),
)


_DETERMINER = re.compile(r"^(?:the|a|an|its|their|this|that|these|those|our|his|her|your|my)\s+", re.IGNORECASE)
# A name's complement after its head noun: "on Ethics", "of the Ministry of Finance".
_NAME_GOES_ON = r"(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w'’-]*){0,5})?"


def unit_named(target: str, unit: str) -> str | None:
    """The name the English text gives a unit whose Chinese name is `unit` (国家天文台: "the
    National Astronomical Observatories"): a capitalised name ending in one of the head nouns its
    Chinese ending calls for, or None where the text names no such unit."""
    heads = next((heads for ending, heads in _UNIT_HEADS if unit.endswith(ending)), None)
    if heads is None:
        return None
    # The head may be the end of a longer word ("Subcommittee" for 委员会), and the name may go on
    # after it ("Committee on Ethics", "Institute of Physics").
    match = re.search(rf"(?:\b[A-Z][\w'’-]*\s+(?:(?:of|for|and|the)\s+)?){{0,6}}\b[A-Z]?[a-z]*?(?i:{heads})\b{_NAME_GOES_ON}", target)
    # A determiner is capitalised where it begins the sentence ("Its Ethics Committee"), and "The
    # committee" is no name.
    name = _DETERMINER.sub("", match.group()) if match is not None else ""
    return name if name[:1].isupper() else None
