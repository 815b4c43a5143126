"""What the `missing` rule reads of one segment's translation: which of the source's terms it
renders (as listed, loosely, as a modifier, with an ordinal put in), near misses, and the names of
other glossary terms made of a term's words. Each is looked up at most once, and only when a term
of the segment is missing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from termcheck.matching.en import normalize_target, strip_leading_article, words_before_complement
from termcheck.matching.inflection import NUMBER_WORD, ORDINALS
from termcheck.matching.loose import LooseText, content_words, doctrine_as_adjective, is_function_word
from termcheck.matching.zh import leftmost_longest
from termcheck.model import Entry, SegmentHits, SourceHit, TargetHit
from termcheck.rules import RuleContext

if TYPE_CHECKING:
    # The near-miss search is imported where a term is missing.
    from termcheck.matching.fuzzy import NearMiss, WordIndex


def rendered_entries(
    hits: SegmentHits, source_entries: set[str], entries: Mapping[str, Entry]
) -> tuple[set[str], dict[str, tuple[TargetHit, TargetHit]]]:
    """The entries the target renders, and for the entries whose renderings all lie inside a
    longer rendering of another entry that the source also has, and whose Chinese name holds
    theirs, one such rendering and the one around it. Such a rendering is part of that other
    name, not a rendering of its own ("NPC" in "NPC Standing Committee" where the source has
    全国人大常委会 beside 全国人大). Where the other name does not hold it, the translation has
    joined two neighbouring terms ("CPC members" for 中国共产党 + 党员), which renders both. A
    deprecated or superseded rendering counts: it stands for the term, and `deprecated` or
    `superseded` reports it."""
    accepted = [hit for hit in hits.target if hit.status.accepted]
    if len(accepted) < 2:
        return {hit.entry_id for hit in hits.target}, {}  # no rendering inside another
    rendered = {hit.entry_id for hit in hits.target if not hit.status.accepted}
    inside: dict[str, tuple[TargetHit, TargetHit]] = {}
    outermost = _outermost([hit for hit in accepted if hit.entry_id in source_entries])
    starts = [hit.start for hit in outermost]
    for hit in accepted:
        index = bisect_right(starts, hit.start) - 1
        if index >= 0:
            cover = outermost[index]
            inside_other = cover.entry_id != hit.entry_id and cover.end >= hit.end and cover.end - cover.start > hit.end - hit.start
            if inside_other and _chinese_name_holds(entries[cover.entry_id], entries[hit.entry_id]):
                inside.setdefault(hit.entry_id, (hit, cover))
                continue
        rendered.add(hit.entry_id)
    return rendered, {entry_id: pair for entry_id, pair in inside.items() if entry_id not in rendered}


def _chinese_name_holds(outer: Entry, inner: Entry) -> bool:
    return any(form in longer for longer in outer.zh for form in inner.zh)


def _outermost(hits: list[TargetHit]) -> list[TargetHit]:
    spans = leftmost_longest([(hit.start, hit.end, str(number)) for number, hit in enumerate(hits)])
    return [hits[int(number)] for _, _, number in spans]


class SegmentView:
    """What the rule looks up in one segment's target, each made at most once and only when a
    term is missing."""

    def __init__(self, hits: SegmentHits, context: RuleContext) -> None:
        self.hits = hits
        self.context = context
        self.source_entries = {hit.entry_id for hit in hits.source}
        self.rendered, self.inside_other = rendered_entries(hits, self.source_entries, context.entries)
        # Deprecated and superseded renderings: reported by their own rules.
        self.rejected = [hit for hit in hits.target if not hit.status.accepted]
        self._loose: LooseText | None = None
        self._index: WordIndex | None = None
        self._near: dict[str, NearMiss | None] = {}
        self._numbered: set[str] | None = None

    @property
    def loose(self) -> LooseText:
        if self._loose is None:
            assert self.context.matchers is not None
            self._loose = self.context.matchers.loose_text(self.hits.segment.target)
        return self._loose

    def loosely_rendered(self, entry: Entry) -> bool:
        matchers = self.context.matchers
        if entry.strict or matchers is None:
            return False
        return matchers.loosely_rendered(entry.id, self.loose)

    def derivation_rendered(self, entry: Entry) -> bool:
        """Whether the target has the term as a modifier: for a phrase, its long words by their
        first letters; for a fixed name, its doctrines as adjectives, the rest as it is."""
        if entry.strict:
            target = normalize_target(self.hits.segment.target)
            return any(pattern.search(target) for pattern in map(doctrine_as_adjective, entry.accepted) if pattern is not None)
        matchers = self.context.matchers
        return matchers is not None and matchers.derivation_rendered(entry.id, self.loose)

    def description_of(self, entry: Entry) -> str | None:
        """The target's text of one of the entry's descriptions ("China's top economic planner"),
        where it has one: a reference to the body, not its name. As written, case aside: a body is
        one ("customs authorities" are any customs offices, not the General Administration)."""
        if not entry.descriptions:
            return None
        target = normalize_target(self.hits.segment.target)
        for description in entry.descriptions:
            words = [re.escape(word) for word in re.split(r"[\s\-\u2010\u2011]+", description.strip()) if word]
            if not words:
                continue
            match = re.search(r"(?<![\w\-])" + r"[\s\-\u2010\u2011]+".join(words) + r"(?![\w\-])", target, re.IGNORECASE)
            if match is not None:
                return self.hits.segment.target[match.start() : match.end()]
        return None

    def in_another_part_of_speech(self, entry: Entry) -> bool:
        """Whether the target's near miss of the entry is its rendering with a word put in another
        part of speech (is_derived_form)."""
        close = self.near_miss(entry)
        matchers = self.context.matchers
        return close is not None and is_derived_form(close, matchers.word_key if matchers is not None else str.lower)

    def words_rendered(self, entry: Entry) -> tuple[int, int]:
        matchers = self.context.matchers
        return (0, 0) if matchers is None else matchers.words_rendered(entry.id, self.loose)

    def definite_reference(self, entry: Entry) -> str | None:
        """'the medal', 'this law': the head noun of the name's preferred rendering after a
        definite determiner, where the target has it."""
        # The preferred rendering only: alternatives put the owner's name first ("Communist
        # Party of China Central Committee"), where the word before "of" is no head noun.
        head = head_noun(entry.en[0]) if entry.en else None
        if head is None or head.lower() not in self.hits.segment.target.lower():
            return None
        target = self.hits.segment.target
        for match in re.finditer(rf"\b(?:the|this|that)\s+{re.escape(head)}s?\b", target, re.IGNORECASE):
            # "The Ministry of Agriculture" for 农业农村部 is another name, not a reference to
            # this one: the head noun goes on with a complement that names something.
            if _NAMING_COMPLEMENT.match(target, match.end()) is None:
                return match.group()
        return None

    def present(self, entry: Entry) -> bool:
        if entry.id in self.rendered or entry.id in self.rendered_with_a_number:
            return True
        if entry.strict and self.named_through_its_owner(entry):
            return True
        if not self.loosely_rendered(entry):
            return False
        # The loose test takes words inserted between a rendering's own; a misspelt one is a
        # typo in the term ("political stxuctural reform" holds "political reform"), which the
        # near miss names.
        close = self.near_miss(entry)
        matchers = self.context.matchers
        return close is None or not is_typo(close, matchers.word_key if matchers is not None else str.lower)

    def named_through_its_owner(self, entry: Entry) -> bool:
        """Whether a sentence of the target names the owner of a name "<X> of the <owner>" and
        refers to X as the owner's own: "The China Association for Promoting Democracy opened its
        13th national congress" for "13th National Congress of the China Association for Promoting
        Democracy", as official news English writes. A wrong X ("its 12th national congress") is
        no such reference."""
        sentences: list[str] | None = None
        for rendering in entry.accepted:
            match = _OWNED_NAME.match(rendering)
            if match is None:
                continue
            if sentences is None:
                sentences = [" ".join(sentence.split()).lower() for sentence in EN_SENTENCE_END.split(self.hits.segment.target)]
            head, owner = (" ".join(part.split()).lower() for part in match.groups())
            own = re.compile(rf"\b(?:its|their)\s+{re.escape(head)}s?\b")
            if any(owner in sentence and own.search(sentence) for sentence in sentences):
                return True
        return False

    @property
    def rendered_with_a_number(self) -> set[str]:
        """The entries whose names the target has with an ordinal put in ("Standing Committee of
        the 13th National People's Congress", "the 19th CPC Central Committee"): the term of a
        body, which the Chinese writes before the name (十三届全国人大常委会) or leaves to context."""
        if self._numbered is None:
            target = self.hits.segment.target
            self._numbered = set()
            if self.context.matchers is not None and ORDINAL.search(target):
                unnumbered = ORDINAL.sub("", target)
                self._numbered = {hit.entry_id for hit in self.context.matchers.find_renderings(unnumbered) if hit.status.accepted}
        return self._numbered

    def glued_word(self, entry: Entry, close: NearMiss) -> str | None:
        """The word of a near miss glued to the function word after it ("decisions and
        deploymentof") where the entry's rendering is there once the space is put back: a typo
        in the spacing, not in the term."""
        glued = [match for match in _GLUED.finditer(close.text) if not is_function_word(match.group(1))]
        if not glued or self.context.matchers is None:
            return None
        target = self.hits.segment.target
        spaced = target[: close.start] + _GLUED.sub(r"\1 \2", close.text) + target[close.end :]
        if any(hit.entry_id == entry.id and hit.status.accepted for hit in self.context.matchers.find_renderings(spaced)):
            return glued[0].group()
        return None

    def person_beside(self, source_hit: SourceHit) -> tuple[Entry, TargetHit] | None:
        """A person named right before or after a term in the source (习近平 of 习近平总书记, 赵乐际
        of 委员长赵乐际) whom the translation names too, with the translation's hit for the name."""
        from termcheck.matching.compiled import surname_reference

        for hit in self.hits.source:
            if hit.end != source_hit.start and hit.start != source_hit.end:
                continue
            person = self.context.entries[hit.entry_id]
            if surname_reference(person) is None:
                continue
            named = self.hit_of(person.id)
            if named is not None:
                return person, named
        return None

    def unknown_person_beside(self, entry: Entry, source_hit: SourceHit) -> str | None:
        """For a title, a personal name the glossary does not know right before or after it in
        the source (阮富仲 of 阮富仲总书记), as the segmenter tags names; None otherwise."""
        matchers = self.context.matchers
        if matchers is None or not is_title(entry):
            return None
        if any(hit.end == source_hit.start or hit.start == source_hit.end for hit in self.hits.source):
            return None  # a term of the glossary stands there, not a name it does not know
        return matchers.zh.personal_name_beside(self.hits.segment.source, source_hit.start, source_hit.end)

    def title_beside(self, name: TargetHit) -> str | None:
        """A title the translation gives a person it names (right before the name, or in the
        appositive after it: "Zhao Leji, Speaker of the Chinese parliament,"), where the words
        are no accepted rendering of any term: the title the source gives the person is then
        rendered wrongly, not left out. The title's words from its title noun to the end of the
        phrase, or None."""
        target = self.hits.segment.target
        sentence_start = sentence_bounds(target, name.start, name.end)[0]
        before_words = list(_WORD.finditer(target, sentence_start, name.start))[-_TITLE_REACH:]
        # Before the name, a title runs into it: nothing between but the words of a name
        # (capitalised) and of/the ("Vice President of the CPPCC National Committee Lin Wenyi");
        # "Prime Minister Anwar met Zhao Leji" gives Zhao no title.
        places = []
        for index, word in enumerate(before_words):
            if all(w.group()[0].isupper() or w.group().lower() in _NAME_JOINERS for w in before_words[index + 1 :]):
                places.append(word)
        after = _APPOSITIVE.match(target, name.end)
        if after is not None and after.group(1).split()[0].lower() not in _NOT_AN_APPOSITIVE:
            # After the name, an appositive that starts with the title ("Zhao Leji, Speaker of
            # …", "Xi Jinping, also Chinese president"), not a clause ("…, who met the President").
            places += list(_WORD.finditer(target, after.start(1), after.end(1)))[:_APPOSITIVE_TITLE_REACH]
        covered = [(hit.start, hit.end) for hit in self.hits.target if hit.status.accepted]
        for word in places:
            start, end = word.span()
            if word.group().lower() in _TITLE_NOUNS and not any(a <= start and end <= b for a, b in covered):
                phrase_end = _PHRASE_END.search(target, end)
                phrase = target[start : phrase_end.start() if phrase_end else len(target)]
                if start < name.start:
                    phrase = target[start : min(name.start, start + len(phrase))]
                return " ".join(phrase.split())
        return None

    def hit_of(self, entry_id: str) -> TargetHit | None:
        """The translation's first accepted rendering of an entry, where it has one."""
        return next((hit for hit in self.hits.target if hit.entry_id == entry_id and hit.status.accepted), None)

    def rendering_of(self, entry_id: str) -> str | None:
        """The translation's own text for an entry it renders, where it has one."""
        hit = self.hit_of(entry_id)
        return hit.text if hit is not None else None

    def another_name(self, entry: Entry) -> TargetHit | None:
        """The name of another glossary term, one the source does not have, made of the words of
        one of this entry's renderings (two or more, numbers aside) with a word of its own put in:
        "19th National People's Congress" for 十九大 (the Party's congress) names the legislature.
        A name that is part of this entry's ("National Congress of the CPC" in "19th National
        Congress of the CPC") is none."""
        renderings = [rendering.lower() for rendering in entry.en]
        names = [words for words in ({word.lower() for word in content_words(r) if not NUMBER_WORD.fullmatch(word)} for r in entry.en) if len(words) >= 2]
        for hit in self.hits.target:
            if hit.entry_id == entry.id or hit.entry_id in self.source_entries or not hit.status.accepted:
                continue
            if any(hit.rendering.lower() in rendering for rendering in renderings):
                continue
            words = {word.lower() for word in content_words(hit.text)}
            if any(name < words for name in names):
                return hit
        return None

    def near_miss(self, entry: Entry) -> NearMiss | None:
        if entry.id not in self._near:
            from termcheck.matching.fuzzy import WordIndex, near_miss

            if self._index is None:
                self._index = WordIndex(self.hits.segment.target)
            close = self._settled(near_miss(entry.en, self.hits.segment.target, self._index))
            # A near miss that overlaps the accepted rendering of another term of the source is
            # that term's rendering ("Standing Committee of the 12th NPC" in the name of one of its
            # sessions), not a misspelling of this one. The near miss is sought again beside it,
            # with the other renderings out of reach: "Council of Chairmen" of "Council of
            # Chairmen of the 12th NPC Standing Committee" is one of "Council of Chairpersons".
            others = [
                hit for hit in self.hits.target
                if hit.status.accepted and hit.entry_id != entry.id and hit.entry_id in self.source_entries
            ]
            if close is not None and any(hit.start < close.end and close.start < hit.end for hit in others):
                target = self.hits.segment.target
                for hit in others:
                    # A phrase break of the same length: no window runs across it, offsets stay.
                    target = target[: hit.start] + ";" * (hit.end - hit.start) + target[hit.end :]
                close = self._settled(near_miss(entry.en, target))
                if close is not None and any(hit.start < close.end and close.start < hit.end for hit in others):
                    close = None
            self._near[entry.id] = close
        return self._near[entry.id]

    def _settled(self, close: NearMiss | None) -> NearMiss | None:
        """A near miss as it is reported: none next to a deprecated rendering, which would be fixed
        into a clash of the two ("… of the CPC Chinese Communist Party": the deprecated finding
        says what to do); with the word before it taken in where that word stands for the
        rendering's first (see _with_leading_substitute). None where the text is the rendering
        itself, which the matcher did not take for one ("President" of "President of the Military
        Commission", another body's title): nothing to fix in its spelling."""
        if close is None or any(hit.start <= close.end + 1 and close.start <= hit.end + 1 for hit in self.rejected):
            return None
        if " ".join(close.text.lower().split()) == close.rendering.lower():
            return None
        return _with_leading_substitute(self.hits.segment.target, close)


# A name built on its owner's: "<X> of the <owner>" (X at least two words: a thing of its own).
_OWNED_NAME = re.compile(r"^(\S+(?:\s+\S+)+?)\s+of\s+(?:the\s+)?(.+)$")
# Where an English sentence ends.
EN_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds the span from start to end begins and ends."""
    before = [match.end() for match in EN_SENTENCE_END.finditer(text, 0, start)]
    after = EN_SENTENCE_END.search(text, end)
    return (before[-1] if before else 0, after.start() if after is not None else len(text))


# Nouns that are a person's title and nothing else in news English (a lower-case "leader",
# "head" or "chief" may describe: "China's top legislator", "head of the legislature" are
# descriptions reviewers let pass after the name; a wrong title is a title).
_TITLE_NOUNS = frozenset(
    """president vice-president chairman chairwoman chairperson vice-chairman vice-chairperson speaker premier
    vice-premier minister secretary secretary-general director governor mayor commander ambassador spokesperson
    spokesman spokeswoman councilor councillor counselor chancellor""".split()
)
# How many words before a person's name a title may stand ("Vice President of the CPPCC National
# Committee Lin Wenyi"), and how far into an appositive after it ("Xi Jinping, also Chinese
# president").
_TITLE_REACH = 8
_APPOSITIVE_TITLE_REACH = 4
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# ("and" is none: "Prime Minister Anwar Ibrahim and Zhao Leji" gives Zhao no title.)
_NAME_JOINERS = frozenset({"of", "the", "for", "on", "'s", "’s"})
# First words of what follows a name after a comma that make it a clause, not an appositive.
_NOT_AN_APPOSITIVE = frozenset(
    "who whom whose which that and but or while when where as after before said says told met has have had is was will would".split()
)
# An appositive after a name: ", <words>" up to the next comma, clause or sentence end.
_APPOSITIVE = re.compile(r",\s+((?:the\s+|a\s+)?[^,;.()]{1,120})")
_PHRASE_END = re.compile(r"[,;.()]|\s+(?:and|who|which|met|said|attended|presided|delivered)\b")


# An ordinal before a word of a name, in figures or in words, with the space after it. A name
# without it is found where only its number stood in the way; a numbered name (with its own
# ordinal) is not found that way, so a wrong number stays reported.
ORDINAL = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\s+(?=[A-Za-z])", re.IGNORECASE
)


def _with_leading_substitute(target: str, close: NearMiss) -> NearMiss:
    """The near miss with the word before it taken in, where that word stands for the rendering's
    first word ("vice secretary of …" for "deputy secretary of …"; "president of the Standing
    Committee …" for "Chairman of the Standing Committee …"): the near miss begins with the
    rendering's second content word, and right before it stands a content word, followed by the
    function words that follow the rendering's first word there. Without it the fix would stack
    the two ("vice deputy secretary", "president of the Chairman of …")."""
    from dataclasses import replace

    from rapidfuzz import fuzz

    wanted, found = _content_words(close.rendering), _content_words(close.text)
    # The near miss begins with the rendering's second word: its first has no counterpart in it.
    if len(wanted) < 2 or not found or fuzz.ratio(wanted[1], found[0]) < _MISSPELLING_SCORE or wanted[0] in found:
        return close
    # The function words between the rendering's first two content words ("of the" of "Chairman
    # of the Standing Committee"), which the text must have before the near miss too.
    between = _FUNCTION_WORDS_AFTER_FIRST.match(strip_leading_article(close.rendering))
    joining = between.group(1).split() if between is not None else []
    before = re.search(r"([^\W\d_][\w'’-]*)\s+" + "".join(rf"{re.escape(word)}\s+" for word in joining) + "$", target[: close.start], re.IGNORECASE)
    if before is None or is_function_word(before.group(1)):
        return close
    return replace(close, text=target[before.start() : close.end], start=before.start())


# A rendering's first word and the function words after it, up to its next content word.
_FUNCTION_WORDS_AFTER_FIRST = re.compile(r"[^\W\d_][\w'’-]*\s+((?:(?:of|for|on|to|in|the|a|an)\s+)*)", re.IGNORECASE)


# A near miss this close is a misspelling of the rendering, reported even where the loose test
# would take the words around it for a rendering.
TYPO_SCORE = 90.0


def is_title(entry: Entry) -> bool:
    """Whether an entry names a person's office: a title noun in its preferred rendering before
    any complement ("general secretary", "Chairman of the …", "Premier")."""
    if not entry.en:
        return False
    return any(word.lower() in _TITLE_NOUNS for word in words_before_complement(entry.en[0]))


def is_typo(close: NearMiss, word_key: Callable[[str], str]) -> bool:
    """A near miss that misspells the rendering: its content words, in order, are the
    rendering's, one or more of them misspelt ("political stxuctural reform"). Another
    preposition ("in the region" for "of the region") or other words are another wording, which
    the loose test may accept. A word form of the rendering's word (`word_key` alike: "reforms"
    for "reform") is that word, not a misspelling of it: word forms only lift a finding."""
    from rapidfuzz import fuzz

    if close.score < TYPO_SCORE:
        return False
    misspelt = _other_words(close, word_key)
    return bool(misspelt) and all(fuzz.ratio(a, b) >= _MISSPELLING_SCORE for a, b in misspelt)


def _other_words(close: NearMiss, word_key: Callable[[str], str]) -> list[tuple[str, str]]:
    """Where the near miss has the rendering's content words in order, the pairs (its word, the
    rendering's) that are not one word or word forms of one word; [] where the words do not pair."""
    found, wanted = (_content_words(text) for text in (close.text, close.rendering))
    if len(found) != len(wanted):
        return []
    return [(a, b) for a, b in zip(found, wanted) if a != b and word_key(a) != word_key(b)]


def is_derived_form(close: NearMiss, word_key: Callable[[str], str]) -> bool:
    """A near miss that is the rendering put in another part of speech: its content words, in
    order, are the rendering's, one or more of them a derivation of the rendering's word that
    shares its stem ("confident in the path, theory, system and culture" for "confidence in …").
    A misspelt word has a stem of its own ("deploymens"), and so has a word that shares only its
    first letters ("socialist" is not "socialism", "Academy" not "academician"), and a word
    of a hyphenated compound stays as the compound has it."""
    derived = _other_words(close, word_key)
    if not derived:
        return False
    in_compounds = {word.lower() for compound in _HYPHENATED.findall(close.text) for word in _HYPHENS.split(compound)}
    if any(a in in_compounds for a, _ in derived):
        return False
    stem = _english_stems()
    return all(stem(a) == stem(b) for a, b in derived)


# Words joined by hyphens: a compound's parts keep their part of speech ("innovative-driven" is no
# form of "innovation-driven").
_HYPHENS = re.compile(r"[\-\u2010\u2011]")
_HYPHENATED = re.compile(r"[^\W_]+(?:[\-\u2010\u2011][^\W_]+)+")


@lru_cache(maxsize=1)
def _english_stems() -> Callable[[str], str]:
    # Loaded where a near miss is weighed, never at start-up.
    import Stemmer

    return Stemmer.Stemmer("english").stemWord  # type: ignore[no-any-return]


# How alike a misspelt word is to the word it stands for (rapidfuzz ratio, 0-100).
_MISSPELLING_SCORE = 75.0


def _content_words(text: str) -> list[str]:
    return [word.lower() for word in re.findall(r"[^\W_]+", text) if not is_function_word(word)]


# A head noun going on as a name: "of", "for" or "on" and a capitalised word ("Ministry of
# Agriculture", "Committee on Ethics", "Commission for Discipline Inspection").
_NAMING_COMPLEMENT = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")


def head_noun(rendering: str) -> str | None:
    """The noun a name is built on: 'Medal' of 'Friendship Medal' and of 'Medal of Friendship',
    'Law' of 'Law on Yellow River Protection'. None for a one-word name (nothing to shorten)."""
    words = words_before_complement(rendering)
    if any(word.isupper() and len(word) > 1 for word in words[:-1]):
        return None  # "CPC Central Committee": an acronym names the owner, the head is ambiguous
    if len(rendering.split()) < 2 or not words or not words[-1][:1].isalpha():
        return None
    return words[-1]


# A word of four letters or more with a function word glued to its end.
_GLUED = re.compile(r"\b([A-Za-z]{4,})(of|the|and|to|in|for|with)\b")


def numbers_in(text: str) -> set[str]:
    """The numbers and ordinals of a text, ordinals in figures ("37th", "thirteenth" → "13th")."""
    return {ORDINALS.get(word.lower(), word.lower()) for word in NUMBER_WORD.findall(text)}


