"""missing: a source term whose paired target has none of its accepted renderings."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from termcheck.matching.inflection import NUMBER_WORD
from termcheck.matching.zh_context import BODY_ENDINGS, mentions_china, sub_body_after
from termcheck.model import Entry, Finding, SegmentHits, Severity, SourceHit, Span
from termcheck.rules import RuleContext
from termcheck.rules.findings import finding_in_source, finding_in_target, quote_renderings, replacing, shown_chinese, shown_english
from termcheck.rules.fitting import fitted_capital, fitted_plural, modifier_of_next_word
from termcheck.rules.segment_view import ORDINAL, SegmentView, head_noun, numbers_in, sentence_bounds
from termcheck.scripts import JOINING_CHARACTERS, is_han

ID = "missing"
SEVERITY = Severity.ERROR
DESCRIPTION = "A glossary term in the source has no accepted rendering in its translation."
HELP = (
    "The Chinese source uses a term of the glossary, and its translation has none of the term's "
    "accepted renderings (word forms, spelling variants, case and hyphenation are allowed; for a "
    "descriptive phrase, its content words in any order within one sentence also count). Use the "
    "preferred rendering, or an accepted alternative; when the translation holds a near miss "
    "(State Counselor for State Councilor), the finding names it and the fix replaces it. An "
    "omitted name is an error, a descriptive phrase a warning."
)


# Characters after a term that end it as a phrase of its own rather than a modifier of the next
# noun: particles, conjunctions, localisers (上, 中 …), common verbs and auxiliaries, punctuation.
_NOT_A_NOUN_AFTER = frozenset("的地得之、，。；：！？“”‘’（）《》和与及或同是在将为了着过把被对向从以于由进入走推坚上下中里内外来去")


def modifies_a_noun(source: str, hit: SourceHit) -> bool:
    """Whether a term stands right before another noun of one compound (中国特色社会主义 in
    中国特色社会主义参政党), as far as the next character tells."""
    following = source[hit.end : hit.end + 1]
    return bool(following) and is_han(following) and following not in _NOT_A_NOUN_AFTER


def check(document: Sequence[SegmentHits], context: RuleContext) -> Iterator[Finding]:
    for hits in document:
        view: SegmentView | None = None
        unrendered: list[tuple[SourceHit, Entry]] = []
        for source_hit in hits.source:
            if view is None:
                view = SegmentView(hits, context)
            entry = context.entries[source_hit.entry_id]
            if not view.present(entry) and not _rendered_as_derivation(view, entry, source_hit):
                unrendered.append((source_hit, entry))
        if view is None or not unrendered:
            continue
        stopped = _stops_short(view, unrendered)
        if stopped is not None:
            tail, after = stopped
            yield _stopped_short_finding(view, tail, after)
            beyond = {hit.start for hit, _ in after}
            unrendered = [(hit, entry) for hit, entry in unrendered if hit.start not in beyond]
            if not unrendered:
                continue
        left_out = _untranslated_sentences(view, unrendered)
        reported_sentences: set[int] = set()
        # A term missing twice from one paragraph is one thing to fix: reported at its first place.
        reported_entries: set[tuple[str, int]] = set()
        # Where each paragraph (line) of the source starts: a whole document is one segment.
        line_breaks = [i for i, char in enumerate(hits.segment.source) if char == "\n"] if len(unrendered) > 1 else []
        for source_hit, entry in unrendered:
            sentence = left_out.get(source_hit.start)
            if sentence is not None:
                if sentence not in reported_sentences:
                    reported_sentences.add(sentence)
                    yield _untranslated_sentence_finding(view, [(h, e) for h, e in unrendered if left_out.get(h.start) == sentence])
                continue
            paragraph = (entry.id, bisect_right(line_breaks, source_hit.start))
            if paragraph in reported_entries:
                continue
            finding = _finding(view, entry, source_hit)
            if finding is not None:
                reported_entries.add(paragraph)
                yield finding


def _rendered_as_derivation(view: SegmentView, entry: Entry, source_hit: SourceHit) -> bool:
    """Whether the translation renders the term with a word of its rendering in a derived form:
    a term that modifies the next noun (中国特色社会主义参政党, "socialist … with Chinese
    characteristics"), or a phrase put in other parts of speech ("stay confident in the path,
    theory, system and culture" for "confidence in …"). A name's derived words are other words
    ("administrative" is not "administration"); a misspelt word ("deploymens") is no derivation."""
    if modifies_a_noun(view.hits.segment.source, source_hit):
        return view.derivation_rendered(entry)
    # The loose test by first letters first: cheap, and true of every such derivation whose
    # words are long; the near miss is sought only then.
    return not entry.strict and view.derivation_rendered(entry) and view.in_another_part_of_speech(entry)


# How a Chinese body's name says it is the nation's own (a foreign one is named after its country).
_OWN_NATIONAL_PREFIXES = ("国家", "中央", "全国", "國家", "全國")


def _names_own_body(form: str) -> bool:
    """A body's name that calls itself the nation's or the centre's (国家移民管理局, 中央纪委): China's,
    whichever country the text speaks of, as Chinese names another country's body after the
    country. Not a title: 国家主席 is also Laos's and Vietnam's head of state."""
    return form.startswith(_OWN_NATIONAL_PREFIXES) and form[-1:] in BODY_ENDINGS


def _values(text: str) -> set[int]:
    """The numbers a text names, by value: "3th" and "third" are one number, misspelt."""
    values = set()
    for word in numbers_in(text):
        digits = re.match(r"\d+", word)
        if digits is not None:
            values.add(int(digits.group()))
    return values


# Words that cannot end an English sentence: a translation whose last word is one of them, with no
# punctuation after it, stops in the middle of a phrase ("… expressed his congratulations on").
_DANGLING_WORDS = frozenset("a an the of on in to for with by from at into about and or but its their his her our".split())
_LAST_WORD = re.compile(r"([A-Za-z]+)\s*$")
# What ends a clause of the source.
_CLAUSE_BREAK = re.compile(r"[，。；！？,;!?]")
# How much of a translation's end a finding quotes.
_TAIL_WORDS = 6


def _stops_short(view: SegmentView, unrendered: list[tuple[SourceHit, Entry]]) -> tuple[str, list[tuple[SourceHit, Entry]]] | None:
    """Where the translation stops in the middle of a phrase, the end of its text and the missing
    terms of the source after the last term it renders: the translation does not reach them
    (a segment cut short), so none of them is missing on its own."""
    target = view.hits.segment.target
    last = _LAST_WORD.search(target)
    if last is None or last.group(1).lower() not in _DANGLING_WORDS:
        return None
    missing = {hit.start for hit, _ in unrendered}
    source = view.hits.segment.source
    rendered = [hit for hit in view.hits.source if hit.start not in missing]
    # How far the translation got in the source: the last term it renders; but a term rendered
    # only in its last few words, later in the same clause of the source, may come first in
    # English order ("launch a new journey in building an" for 开启全面建设…新征程).
    tail_words = list(re.finditer(r"\S+", target))[-_TAIL_WORDS:]
    tail_start = tail_words[0].start() if tail_words else 0
    only_in_tail = {hit.entry_id for hit in view.hits.target if hit.status.accepted} - {
        hit.entry_id for hit in view.hits.target if hit.status.accepted and hit.start < tail_start
    }

    def reached(term: SourceHit) -> int:
        return max(
            (
                hit.end for hit in rendered
                if not (hit.entry_id in only_in_tail and hit.start >= term.end and not _CLAUSE_BREAK.search(source, term.end, hit.start))
            ),
            default=0,
        )

    # A term with a trace in the translation (a near miss, two of its rendering's words) is
    # rendered otherwise, not beyond its end: reported on its own. Its words count after the
    # translation's last rendering only: "building … socialist" earlier on are other terms'.
    rendered_up_to = max((hit.end for hit in view.hits.target if hit.status.accepted), default=0)
    matchers = view.context.matchers
    tail_text = matchers.loose_text(target[rendered_up_to:]) if matchers is not None else None

    def words_in_tail(entry: Entry) -> int:
        return 0 if matchers is None or tail_text is None else matchers.words_rendered(entry.id, tail_text)[0]

    after = [
        (hit, entry) for hit, entry in unrendered
        if hit.start >= reached(hit) and view.near_miss(entry) is None and words_in_tail(entry) <= 1 and view.description_of(entry) is None
    ]
    if not after:
        return None
    words = target.split()
    return ("…" if len(words) > _TAIL_WORDS else "") + " ".join(words[-_TAIL_WORDS:]), after


def _stopped_short_finding(view: SegmentView, tail: str, terms: list[tuple[SourceHit, Entry]]) -> Finding:
    return _grouped_finding(view, terms, lambda first, names: f"the translation stops short ('{shown_english(tail)}'); the source goes on with {names}, not rendered")


def _grouped_finding(view: SegmentView, terms: list[tuple[SourceHit, Entry]], message: Callable[[SourceHit, str], str]) -> Finding:
    """One warning for several terms the translation does not reach, at the first of them;
    `message` is given that term and the list of the terms with their preferred renderings."""
    first, entry = terms[0]
    names = ", ".join(dict.fromkeys(f"{shown_chinese(hit.text)} ('{term.preferred}')" for hit, term in terms))
    return finding_in_source(
        ID, Severity.WARNING, entry, view.hits.segment, Span(first.start, first.end), message(first, names),
        source_text=first.text, expected=entry.accepted,
    )


# Where a Chinese sentence ends.
_SENTENCE_END = re.compile(r"[。！？；!?;]|\n")
# What carries over into a translation as it is: numbers and Latin-script words (FAST, APEC, 5G).
_ANCHOR = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[A-Za-z][A-Za-z0-9&-]+")


def _untranslated_sentences(view: SegmentView, unrendered: list[tuple[SourceHit, Entry]]) -> dict[int, int]:
    """The source sentences that seem left out of the translation: at least two terms, none of
    them rendered (nor a near miss, nor two of a rendering's words together), and none of the
    sentence's numbers or Latin words in the target. Maps the start of each of their terms to the
    sentence's start."""
    if len(unrendered) < 2:
        return {}
    source = view.hits.segment.source
    bounds = [0] + [match.end() for match in _SENTENCE_END.finditer(source)] + [len(source) + 1]

    def sentence_of(offset: int) -> int:
        return bounds[bisect_right(bounds, offset) - 1]

    all_terms: dict[int, set[str]] = {}
    for hit in view.hits.source:
        all_terms.setdefault(sentence_of(hit.start), set()).add(hit.entry_id)
    unrendered_terms: dict[int, dict[str, Entry]] = {}
    term_spans: dict[int, list[tuple[int, int]]] = {}
    for hit, entry in unrendered:
        unrendered_terms.setdefault(sentence_of(hit.start), {})[entry.id] = entry
        term_spans.setdefault(sentence_of(hit.start), []).append((hit.start, hit.end))
    missing_terms: dict[int, set[str]] = {}
    for sentence, entries in unrendered_terms.items():
        # The cheap tests first: two or more terms, all of the sentence's, none rendered, and not
        # one run of text (习近平总书记 is a name and title the translation may drop on its own).
        if len(entries) < 2 or set(entries) != all_terms[sentence] or _one_run(source, term_spans[sentence]):
            continue
        # Nothing of the terms in the target: no near miss, at most one of a rendering's words
        # (a common one such as "economic" can stand anywhere).
        if all(view.near_miss(entry) is None and view.words_rendered(entry)[0] <= 1 and view.description_of(entry) is None for entry in entries.values()):
            missing_terms[sentence] = set(entries)
    target_words = set(_ANCHOR.findall(unicodedata.normalize("NFKC", view.hits.segment.target)))
    left_out: dict[int, int] = {}
    for sentence in missing_terms:
        end = bounds[bisect_right(bounds, sentence)]  # the last bound lies past the text
        if set(_ANCHOR.findall(unicodedata.normalize("NFKC", source[sentence:end]))) & target_words:
            continue
        for hit, _ in unrendered:
            if sentence_of(hit.start) == sentence:
                left_out[hit.start] = sentence
    return left_out


def _one_run(source: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the terms stand side by side, with nothing but joining marks between them."""
    ordered = sorted(spans)
    joining = " " + "".join(JOINING_CHARACTERS)
    return all(not source[end:start].strip(joining) for (_, end), (start, _) in zip(ordered, ordered[1:]))


def _untranslated_sentence_finding(view: SegmentView, terms: list[tuple[SourceHit, Entry]]) -> Finding:
    return _grouped_finding(
        view, terms,
        lambda first, names: f"none of the terms of the sentence with {shown_chinese(first.text)} is rendered ({names}): the translation may leave the sentence out",
    )


def _bodies_of_numbered(view: SegmentView, nested: tuple[str, ...]) -> tuple[str, ...]:
    """The terms inside a compound, a numbered one the translation does not render taken as the
    body it numbers where the translation names that body, its name being the numbered name
    without the number (十三届全国人大常委会 of 十三届全国人大常委会第三十七次会议 as 'NPC Standing
    Committee'): the translation names the body without its number, or numbers it wrongly."""
    bodies: list[str] = []
    for entry_id in nested:
        entry = view.context.entries[entry_id]
        if entry.en and all(numbers_in(rendering) for rendering in entry.en) and not view.present(entry):
            unnumbered = {" ".join(NUMBER_WORD.sub(" ", rendering).split()).lower() for rendering in entry.en}
            named = [hit.entry_id for hit in view.hits.target if hit.status.accepted and hit.rendering.lower() in unnumbered]
            if named:
                bodies += named
                continue
        bodies.append(entry_id)
    return tuple(dict.fromkeys(bodies))


def _inside_at_any_depth(context: RuleContext, nested: Sequence[str]) -> set[str]:
    """The entries whose Chinese forms lie inside those of `nested`, and inside theirs, and so on
    (政协 in 全国政协 in 全国政协委员)."""
    found: set[str] = set()
    upcoming = list(nested)
    while upcoming and context.matchers is not None:
        entry = context.entries[upcoming.pop()]
        for form in entry.zh:
            for inner in context.matchers.nested_entries(form)[0]:
                if inner not in found and inner != entry.id:
                    found.add(inner)
                    upcoming.append(inner)
    return found


def _finding(view: SegmentView, entry: Entry, source_hit: SourceHit) -> Finding | None:
    from termcheck.matching.en_context import counterpart_named, foreign_country_named, other_body_named

    hits, context = view.hits, view.context
    nested, uncovered = context.matchers.nested_entries(source_hit.text) if context.matchers is not None else ((), 0)
    nested = _bodies_of_numbered(view, nested)
    rejected_entries = {hit.entry_id for hit in view.rejected}
    if rejected_entries and (
        any(entry_id in rejected_entries for entry_id in nested) or not rejected_entries.isdisjoint(_inside_at_any_depth(context, nested))
    ):
        # "The Chinese Communist Party was founded": `deprecated` reports the Party's name; the
        # compound around it is not missing twice (nor around a superseded rendering).
        return None
    span = Span(source_hit.start, source_hit.end)
    term = shown_chinese(source_hit.text)

    def reported(severity: Severity, message: str, **fields: object) -> Finding:
        return finding_in_source(
            ID, severity, entry, hits.segment, span, message, source_text=source_hit.text, expected=entry.accepted, **fields
        )

    render = f"render {term} as '{entry.preferred}'"
    if entry.id in view.inside_other:
        # The rendering is there, but only as part of another term's name: the translation has
        # merged two mentions, or dropped one. Not a near miss of itself.
        own, cover = view.inside_other[entry.id]
        other = context.entries[cover.entry_id]
        return reported(
            Severity.WARNING,
            f"{term} is rendered only inside '{shown_english(cover.text)}', the rendering of {other.headword}: "
            f"the translation may merge the two or leave {term} out",
            found=own.text,
        )
    about_elsewhere = entry.strict and entry.china_scoped and not mentions_china(hits.segment.source) and not _names_own_body(source_hit.text)
    other_body = (
        other_body_named(hits.segment.target, entry.accepted, {head.lower() for head in map(head_noun, entry.en) if head})
        if about_elsewhere
        else None
    )
    if other_body is not None:
        # 国防部 in a news item about another country, rendered "Department of Defense": neither
        # side speaks of China, and the translation names that country's own body. A note.
        return reported(
            Severity.INFO,
            f"{term} is rendered as '{shown_english(other_body)}', another country's body; "
            f"if it is China's, its name is {quote_renderings(entry)}",
            found=other_body,
        )
    counterpart = (
        counterpart_named(hits.segment.target, entry.counterparts, china_in_source=mentions_china(hits.segment.source))
        if entry.counterparts and entry.china_scoped
        else None
    )
    if counterpart is not None:
        if counterpart.foreign:
            # 阮春福总理 rendered "Prime Minister Nguyen Xuan Phuc", 国防部 "DoD" in a text on the US:
            # the translation names another country's office or body, as it should. A note.
            return reported(
                Severity.INFO,
                f"{term} is rendered as '{shown_english(counterpart.text)}', as another country's is called; "
                f"if this is China's {term}, its name is {quote_renderings(entry)}",
                found=counterpart.text,
            )
        # "Prime Minister Li Qiang": China's office under another country's title.
        near = Span(counterpart.start, counterpart.end)
        return finding_in_target(
            ID, entry.missing_severity, entry, hits.segment, near,
            f"{term} is rendered as '{shown_english(counterpart.text)}', as other countries' counterparts are called; "
            f"China's is '{entry.preferred}'",
            source_text=source_hit.text, expected=entry.accepted, source_span=span, found=counterpart.text,
            **replacing(hits.segment, near, fitted_capital(hits.segment.target, counterpart.start, counterpart.text, entry.preferred)),
        )
    numbered = any(numbers_in(rendering) for rendering in entry.en)
    confused = view.another_name(entry) if entry.strict or numbered else None
    # "'National People's Congress' is the name of 全国人民代表大会": said where the translation names
    # another body with this one's words.
    other_name = (
        f"; '{shown_english(confused.text)}' is the name of {context.entries[confused.entry_id].headword}, which the source does not name"
        if confused is not None
        else ""
    )
    office = context.matchers.another_office(entry.id, hits.segment.target) if context.matchers is not None and not other_name else None
    if office is not None:
        # "President of the Military Commission" for 国家主席: the title is there, of another body.
        other_name = f"; '{shown_english(office)}' is the title of another body"
    close = view.near_miss(entry)
    if close is not None:
        # The problem is the translation's text: the finding points at it (the file a translator
        # edits, where an editor or a code-scanning annotation lands); the source term stays in
        # source_span.
        glued = view.glued_word(entry, close)
        if glued is not None:
            # "decisions and deploymentof": the term is right, a space is not. A note.
            return reported(
                Severity.INFO, f"{term} is rendered, with a space missing in '{shown_english(glued)}'", found=close.text
            )
        shown, wanted = _values(close.text), _values(close.rendering)
        # Numbers left out and none put in wrongly (every number of the near miss read as one:
        # "Nineteen" is a number word, but not one of the rendering's ordinals).
        if wanted and (not numbers_in(close.text) or (len(shown) == len(numbers_in(close.text)) and shown < wanted)):
            target = hits.segment.target
            first, last = sentence_bounds(target, close.start, close.end)
            if ORDINAL.search(target[first : close.start] + " " + target[close.end : last]) is None:
                # "an upcoming session of the NPC Standing Committee" for its 37th session of the
                # 13th NPC, "the upcoming session of the 14th NPC" for its third: the body named
                # right, a number left to context, as news versions do. A note.
                return reported(
                    Severity.INFO,
                    f"{term} is referred to without its number, as '{shown_english(close.text)}'; its name is '{close.rendering}'",
                    found=close.text, fix=render,
                )
            # An ordinal elsewhere numbers something else ("the 12th session of the NPC Standing
            # Committee" for 十二届全国人大常委会, a term taken for a session): the near miss is no
            # fix, the term is missing.
            close = None
    if close is not None:
        target = hits.segment.target
        near = Span(close.start, close.end)
        message = f"{term} is rendered as '{shown_english(close.text)}' (near miss); expected '{close.rendering}'{other_name}"
        severity = entry.missing_severity
        if numbered and _values(close.text) - _values(close.rendering) and not entry.unverified:
            # "the second session of the 14th National People's Congress" for its third session,
            # "the 70th anniversary" for the 75th: the wording is right and the number names
            # another meeting or year, which no reader can tell from the text. An error, even
            # where the entry's wording is a phrase that may be put otherwise (a warning).
            severity = Severity.ERROR
        if modifier_of_next_word(target, close.end, close.text, close.rendering):
            # "Constitutional law" for 宪法: the rendering's noun would not read there.
            return finding_in_target(
                ID, severity, entry, hits.segment, near, message,
                source_text=source_hit.text, expected=entry.accepted, source_span=span, found=close.text, fix=render,
            )
        # The expected rendering in the near miss's number and at its capital ("State
        # Counselors" → "State Councilors").
        new_text = fitted_capital(target, close.start, close.text, fitted_plural(close.text, close.rendering, context.matchers.noun_numbers if context.matchers is not None else None))
        return finding_in_target(
            ID, severity, entry, hits.segment, near, message,
            source_text=source_hit.text, expected=entry.accepted, source_span=span, found=close.text,
            **replacing(hits.segment, near, new_text),
        )
    described = view.description_of(entry)
    if described is not None:
        # "China's top economic planner" for 国家发展改革委: news English refers to the body by
        # what it does, as Xinhua does after (or instead of) its name. A note: the name is not
        # there, which a formal text needs.
        return reported(
            Severity.INFO,
            f"{term} is referred to by description as '{shown_english(described)}'; its name is {quote_renderings(entry)}",
            found=described, fix=render,
        )
    country = foreign_country_named(hits.segment.target) if about_elsewhere else None
    if country is not None:
        # (A near miss is a misspelling whichever country's body it names: reported above.)
        # 外交部 in a news item on Bulgaria, rendered "the Foreign Affairs Ministry": the text
        # speaks of another country on both sides and of China on neither, so the body is most
        # likely that country's own. A note: a wrong name of China's body stays visible.
        return reported(
            Severity.INFO,
            f"{term} has no accepted rendering, in a text about {country} that does not name China; "
            f"if this is China's {term}, its name is {quote_renderings(entry)}",
            fix=render,
        )
    if confused is not None or office is not None:
        # The words are there, but as another body's name, or the title as another body's: the
        # wrong body, not another wording.
        return reported(
            entry.missing_severity, f"{term} has no accepted rendering in the translation{other_name}; expected {quote_renderings(entry)}",
            found=confused.text if confused is not None else office, fix=render,
        )
    words_found, words = view.words_rendered(entry)
    if entry.strict and words >= 2 and words_found == words:
        return reported(
            Severity.WARNING, f"{term} is worded differently in the translation; its official name is {quote_renderings(entry)}", fix=render
        )
    if entry.strict and words >= 3 and words_found == words - 1:
        # All but one of a name's words, together: the translation words the name differently
        # ("a law on the conservation of the Yellow River"), which is worth a warning, not an
        # error. (For a phrase, two common words of three say too little to lift anything.)
        return reported(Severity.WARNING, f"{term} is rendered in other words; the glossary renders it {quote_renderings(entry)}", fix=render)
    head = view.definite_reference(entry)
    if entry.strict and head is not None:
        # "The medal" for 友谊勋章 named earlier: the translation refers to the name by its head
        # noun, as good English does once a name is introduced (reviewers accept it). A note.
        return reported(
            Severity.INFO,
            f"{term} is referred to only as '{shown_english(head)}' in the translation; its name is {quote_renderings(entry)}",
            fix=render,
        )
    if nested and all(view.present(context.entries[entry_id]) for entry_id in nested):
        # A compound whose parts are all rendered: the translation says it in its own words, a
        # note. A warning where its wording matters (a name) or where part of it is in no
        # rendered term (全面建成 of 全面建成小康社会 is more than 小康社会), never an error.
        # Each part as the translation words it ('well-off society'), or by its name alone where
        # only its words are there (the loose test).
        parts = ", ".join(
            f"{context.entries[entry_id].headword} ('{shown_english(rendering)}')" if (rendering := view.rendering_of(entry_id)) else context.entries[entry_id].headword
            for entry_id in nested
        )
        if all(numbers_in(rendering) for rendering in entry.en) and not ORDINAL.search(hits.segment.target):
            # A numbered name (十三届全国人大常委会第三十七次会议) whose body the translation names
            # without its number ("China's NPC Standing Committee"): news English does. A note.
            # (An ordinal in the translation may be a wrong number: not said to be none.)
            return reported(
                Severity.INFO,
                f"{term} is referred to without its number: the translation names {parts}; its name is {quote_renderings(entry)}",
                fix=render,
            )
        return reported(
            Severity.WARNING if entry.strict or uncovered > 1 else Severity.INFO,
            f"{term} has no rendering of its own in the translation, though its parts are rendered: {parts}; "
            f"the glossary renders it {quote_renderings(entry)}",
            fix=render,
        )
    person = view.person_beside(source_hit)
    if person is not None:
        named, name = person
        other_title = view.title_beside(name)
        if other_title is None:
            # 习近平总书记 rendered "Xi Jinping said": the person is named, the title beside the
            # name left out, as news English often does after the first mention. A note.
            return reported(
                Severity.INFO,
                f"{term} is not rendered beside the name it goes with: the translation names {named.headword} as '{shown_english(name.text)}' "
                f"without it (the glossary renders {term} {quote_renderings(entry)})",
                fix=render,
            )
        # "Zhao Leji, Speaker of the Chinese parliament": a title is there, and it is not this one.
        return reported(
            entry.missing_severity,
            f"{term} has no accepted rendering in the translation, which calls {named.headword} '{shown_english(other_title)}'; "
            f"expected {quote_renderings(entry)}",
            fix=render,
        )
    unknown_person = view.unknown_person_beside(entry, source_hit) if person is None else None
    if unknown_person is not None:
        # 阮富仲总书记 rendered "… toward Trong": a title beside a name the glossary does not know
        # (often a foreign leader's, whose title is not China's office), left out as news English
        # does after the first mention. A note.
        return reported(
            Severity.INFO,
            f"{term} is not rendered beside the name {unknown_person}: the translation may name the person without the title "
            f"(the glossary renders {term} {quote_renderings(entry)})",
            fix=render,
        )
    sub_body = sub_body_after(hits.segment.source[source_hit.end :]) if entry.strict else None
    if sub_body is not None:
        # 中国科学院国家天文台: the Chinese names a unit by its owner's name and its own; the
        # unit's English name may leave the owner out, and the glossary does not know it. The
        # finding says which it is: the unit named without its owner, or not named at all.
        from termcheck.matching.en_context import unit_named

        target = hits.segment.target
        if "\n" in target.strip():
            # A whole document: a unit's name anywhere in it need not be this one.
            said = f"; the source names {term}{sub_body}, whose English name may leave {term} out"
        elif (unit := unit_named(target, sub_body)) is not None:
            said = f"; the translation names its unit {term}{sub_body} as '{shown_english(unit)}', without {term}"
        else:
            said = f", nor is its unit {term}{sub_body} named in the translation"
        return reported(Severity.WARNING, f"{term} is not rendered{said} (the glossary renders {term} {quote_renderings(entry)})", fix=render)
    return reported(
        entry.missing_severity, f"{term} has no accepted rendering in the translation; expected {quote_renderings(entry)}", fix=render
    )
