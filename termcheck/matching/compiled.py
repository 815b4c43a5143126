"""A glossary compiled into matchers, and the scan of one segment with them."""

from __future__ import annotations

import pickle
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from typing import cast

from termcheck.matching.en import ANOTHER_BODY_AFTER_TITLE, BODY_NOUNS, KeyKind, Memo, TargetText, TokenAutomaton, clean_word, is_acronym, words_before_complement
from termcheck.matching.inflection import LAST_WORD, NounNumbers, base_form
from termcheck.matching.loose import LooseText, content_words, derived_keys, is_counted_label
from termcheck.matching.packed import PackedMapping, packed_mapping
from termcheck.matching.zh import ZhMatcher, hit_context, leftmost_longest
from termcheck.model import Entry, Glossary, RenderingStatus, Segment, SegmentHits, TargetHit
from termcheck.scripts import JOINING_CHARACTERS

# No rendering spans more text than this (words, the gaps between them and an acronym in
# parentheses): an accepted hit that starts further back cannot contain a later one.
LONGEST_RENDERING_CHARS = 1000


_ENTRY_FIELDS = tuple(field.name for field in fields(Entry))
# Fields of records (evidence, superseded renderings) that are kept pickled once more, as bytes:
# an entry's row is decoded with the others of its chunk, its records only when the entry is
# asked for.
_RECORD_FIELDS = frozenset({"evidence", "superseded"})


class EntryTable(Mapping[str, Entry]):
    """The entries by id. On disk, as rows of plain values in packed chunks (matching/packed.py),
    made into entries when a rule first asks for one: a run looks up the few entries its text
    has, and unpickling every entry of a large glossary was a third of its load time; the
    evidence records, as many again, stay pickled until their entry is asked for."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self._entries = entries
        self._rows: PackedMapping[str, tuple[object, ...]] | None = None

    def __getitem__(self, entry_id: str) -> Entry:
        entry = self._entries.get(entry_id)
        if entry is None:
            if self._rows is None:
                raise KeyError(entry_id)
            row = (pickle.loads(value) if isinstance(value, bytes) else value for value in self._rows[entry_id])
            entry = self._entries[entry_id] = Entry(*row)  # type: ignore[arg-type]
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries if self._rows is None else self._rows)

    def __len__(self) -> int:
        return len(self._entries if self._rows is None else self._rows)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in (self._entries if self._rows is None else self._rows)

    def __getstate__(self) -> dict[str, object]:
        rows = self._rows if self._rows is not None else packed_mapping({entry_id: _row(entry) for entry_id, entry in self._entries.items()})
        return {"rows": rows}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._rows = state["rows"]  # type: ignore[assignment]
        self._entries = {}


def _row(entry: Entry) -> tuple[object, ...]:
    return tuple(
        pickle.dumps(value) if name in _RECORD_FIELDS and value else value for name, value in ((name, getattr(entry, name)) for name in _ENTRY_FIELDS)
    )


class Matchers:
    """Everything needed to scan segments, built once per glossary."""

    def __init__(self, glossary: Glossary, *, traditional: bool = True) -> None:
        self.entries = EntryTable(glossary.by_id())
        forms: dict[str, str] = {}
        for entry in glossary.entries:
            for form in entry.zh:
                forms[form] = entry.id
        self.zh = ZhMatcher(forms, traditional=traditional, context=hit_context(glossary.entries, traditional=traditional))
        self.automata = {kind: TokenAutomaton(kind) for kind in (KeyKind.LENIENT, KeyKind.FOLDED, KeyKind.EXACT)}
        spelled_out = acronym_expansions(glossary.entries)
        for entry in glossary.entries:
            for index, rendering in enumerate(entry.en):
                status = RenderingStatus.PREFERRED if index == 0 else RenderingStatus.ADMITTED
                for written in rendering_variants(rendering, spelled_out):
                    self.automata[KeyKind.LENIENT].add(written, (entry.id, status, index, rendering))
            for index, rendering in enumerate(entry.short):
                self.automata[KeyKind.EXACT].add(rendering, (entry.id, RenderingStatus.SHORT, index, rendering))
            surname = surname_reference(entry)
            if surname:
                self.automata[KeyKind.EXACT].add(surname, (entry.id, RenderingStatus.SHORT, len(entry.short), surname))
            # Renderings that stand for the term but are reported: matched without word-form folding.
            rejected = [(RenderingStatus.SUPERSEDED, tuple(old.en for old in entry.superseded)), (RenderingStatus.DEPRECATED, entry.deprecated)]
            for status, renderings in rejected:
                for index, rendering in enumerate(renderings):
                    kind = KeyKind.EXACT if is_acronym(rendering) else KeyKind.FOLDED
                    self.automata[kind].add(rendering, (entry.id, status, index, rendering), acronym_plurals=False)
        lenient = self.automata[KeyKind.LENIENT]
        # Per entry, the content-word keys of each full rendering: the loose test (matching/loose.py).
        loose_keys: dict[str, tuple[tuple[str, ...], ...]] = {}
        # Per entry matched loosely, the same with long words keyed by their first letters, for a
        # term that modifies a noun (see loose.DERIVATION_STEM).
        derivation_keys: dict[str, tuple[tuple[str, ...], ...]] = {}
        for entry in glossary.entries:
            words_of = [words for words in map(content_words, entry.en) if not is_counted_label(words)]
            keyed = [tuple(lenient.rendering_key(word) for word in words) for words in words_of]
            loose_keys[entry.id] = tuple(tuple(dict.fromkeys(keys)) for keys in keyed if keys)
            if not entry.strict:
                derived = (tuple(dict.fromkeys(derived_keys(keys, words))) for keys, words in zip(keyed, words_of))
                derivation_keys[entry.id] = tuple(keys for keys in derived if keys)
        # Read only for the entries of missing terms: packed when pickled (see __getstate__).
        self.loose_keys: Mapping[str, tuple[tuple[str, ...], ...]] = loose_keys
        self.derived_keys: Mapping[str, tuple[tuple[str, ...], ...]] = derivation_keys
        # One-word titles ("President") and what the entry's own renderings put after them ("of
        # the People's Republic of China", "of China"): the title followed by another body's name
        # is another office.
        self.title_complements: dict[tuple[str, str], tuple[str, ...]] = {}
        for entry in glossary.entries:
            for title in entry.accepted:
                if " " in title:
                    continue
                complements = tuple(
                    " ".join(rendering[len(title) :].split()).lower() for rendering in entry.accepted if rendering.startswith(title + " of ")
                )
                if complements:
                    self.title_complements[(entry.id, title)] = complements
        # The accepted renderings of bodies' names (a name whose head noun is a body's: bureau,
        # commission …): such a rendering with a name-building word put before it ("National
        # Statistics Bureau" for "statistics bureau") is another name, not this one.
        self.body_names = frozenset(
            (entry.id, rendering) for entry in glossary.entries if entry.strict for rendering in entry.accepted if _names_a_body(rendering)
        )
        # The number of the renderings' last words, for fitting a replacement to a plural.
        self.noun_numbers = NounNumbers(match.group(1) for entry in glossary.entries for rendering in entry.en if (match := LAST_WORD.search(rendering)))
        for automaton in self.automata.values():
            automaton.compile()
        self._nested: dict[str, tuple[tuple[str, ...], int]] = {}

    def scan(self, segment: Segment) -> SegmentHits:
        return SegmentHits(segment, tuple(self.zh.find(segment.source)), tuple(self.find_renderings(segment.target)))

    def scan_each(self, segments: Sequence[Segment]) -> list[SegmentHits]:
        """`scan` of each segment, the sources searched in one pass (per-segment calls into the
        automaton and the normalisation cost more there than the search itself). The targets are
        searched one by one: their cost is the work per hit, which one pass over all would not
        save."""
        sources = self.zh.find_each([segment.source for segment in segments])
        return [SegmentHits(segment, tuple(found), tuple(self.find_renderings(segment.target))) for segment, found in zip(segments, sources)]

    def find_renderings(self, text: str) -> list[TargetHit]:
        words = TargetText(text)
        raw: list[TargetHit] = []
        for automaton in self.automata.values():
            for start, end, value in automaton.find(words):
                entry_id, status, index, rendering = cast("tuple[str, RenderingStatus, int, str]", value)
                if status is RenderingStatus.SHORT and index >= len(self.entries[entry_id].short) and _GIVEN_NAME_FOLLOWS.match(text, end):
                    continue  # a surname followed by another given name is another person (or a misspelt name)
                if status.accepted and (entry_id, rendering) in self.title_complements and self._another_office(entry_id, rendering, text, end) is not None:
                    continue  # "President of the Military Commission": a one-word title of another body
                if status.accepted and text[start : start + 1].isupper() and (entry_id, rendering) in self.body_names and _NAME_BUILDER_BEFORE.search(text[:start]):
                    continue  # "National Statistics Bureau": a body's name made longer is another name
                raw.append(TargetHit(entry_id, status, rendering, index, start, end, text[start:end]))
        return sorted(_resolve_overlaps(raw), key=lambda hit: (hit.start, -hit.end, hit.entry_id))

    def _another_office(self, entry_id: str, title: str, text: str, end: int) -> int | None:
        """Where the name of another body ends, if the title ending at `end` is followed by one
        that none of the entry's renderings puts after it."""
        after = ANOTHER_BODY_AFTER_TITLE.match(text, end)
        if after is None:
            return None
        following = " ".join(text[end : end + 120].split()).lower()
        own = any(following.startswith(complement) for complement in self.title_complements[(entry_id, title)])
        return None if own else after.end()

    def another_office(self, entry_id: str, text: str) -> str | None:
        """A one-word title of the entry followed by another body's name in the text ("President
        of the Military Commission" for 国家主席), as the text has it: why find_renderings did not
        take it for a rendering."""
        for (owner, title) in self.title_complements:
            if owner != entry_id:
                continue
            for match in re.finditer(rf"\b{re.escape(title)}\b", text):
                end = self._another_office(entry_id, title, text, match.end())
                if end is not None:
                    return text[match.start() : end]
        return None

    def word_key(self, word: str) -> str:
        """A word's inflection key as the accepted renderings are matched (every word of every
        rendering is in the compiled table; another word keys as itself)."""
        return self.automata[KeyKind.LENIENT].text_key(word) or base_form(word)

    def loose_text(self, text: str) -> LooseText:
        """The target text as the loose test reads it (see matching/loose.py)."""
        # The word keys are a cache of the texts seen so far, made again in each process.
        keys = self.__dict__.get("_loose_word_keys")
        if keys is None:
            text_key = self.automata[KeyKind.LENIENT].text_key
            keys = self._loose_word_keys = Memo(lambda word: text_key(clean_word(word)))
        return LooseText(text, keys.__getitem__)

    def loosely_rendered(self, entry_id: str, text: LooseText) -> bool:
        """Whether every content word of one of the entry's renderings is in the text, close
        together in one sentence."""
        return any(text.has(keys) for keys in self.loose_keys.get(entry_id, ()))

    def derivation_rendered(self, entry_id: str, text: LooseText) -> bool:
        """The loose test with long words matched by their first letters (a term used as a
        modifier: 'socialist … with Chinese characteristics')."""
        return any(text.has(keys) for keys in self.derived_keys.get(entry_id, ()))

    def words_rendered(self, entry_id: str, text: LooseText) -> tuple[int, int]:
        """Of the rendering whose content words the text has most of (together, in one
        sentence): how many it has, and how many there are."""
        best = (0, 0)
        for keys in self.loose_keys.get(entry_id, ()):
            covered = text.coverage(keys)
            if (covered, -len(keys)) > (best[0], -best[1]):
                best = (covered, len(keys))
        return best

    def nested_entries(self, form: str) -> tuple[tuple[str, ...], int]:
        """The entries whose Chinese forms lie inside `form` (leftmost-longest, the whole form
        itself left out: 中国共产党 inside 中国共产党成立), and how many of its characters none of
        them covers, not counting the particles that join them (的, 和, 、 …)."""
        nested = self._nested.get(form)
        if nested is None:
            inner = self.zh.find(form, inside=True)
            covered = sum(hit.end - hit.start for hit in inner)
            joining = sum(1 for char in form if char in JOINING_CHARACTERS)
            uncovered_chars = max(0, len(form) - covered - joining)
            nested = (tuple(dict.fromkeys(hit.entry_id for hit in inner)), uncovered_chars)
            self._nested[form] = nested
        return nested

    def __getstate__(self) -> dict[str, object]:
        # The nested entries are a cache of forms seen so far, not part of the compiled glossary.
        state = {**self.__dict__, "_nested": {}, "loose_keys": packed_mapping(self.loose_keys), "derived_keys": packed_mapping(self.derived_keys)}
        state.pop("_loose_word_keys", None)
        return state


# Official English names the Party once and leaves it implicit in the names of its organs after
# that ("member of the Secretariat of the Central Committee", "the 19th National Congress").
_IMPLICIT_OWNER = "CPC"
_WORD_PATTERN = r"(?<![\w-]){}(?![\w-])"


def acronym_expansions(entries: Iterable[Entry]) -> dict[str, str]:
    """Each acronym that is the short form of exactly one entry, with that entry's full name."""
    owners: dict[str, set[str]] = defaultdict(set)
    full: dict[str, str] = {}
    for entry in entries:
        for short in entry.short:
            if entry.en:
                owners[short].add(entry.id)
                full[short] = entry.en[0]
    return {short: full[short] for short, ids in owners.items() if len(ids) == 1}


def rendering_variants(rendering: str, spelled_out: dict[str, str]) -> list[str]:
    """A rendering as written, with each acronym of another entry in it spelled out ("19th CPC
    Central Committee" as "19th Communist Party of China Central Committee"), and without the
    Party's name where official English leaves it implicit."""
    variants = [rendering]
    for word in set(re.findall(r"[A-Z][A-Z0-9&]+", rendering)) & set(spelled_out):
        pattern = _WORD_PATTERN.format(re.escape(word))
        variants += [re.sub(pattern, spelled_out[word], variant) for variant in variants]
    implicit = re.sub(r"\s+of the\s+" + re.escape(_IMPLICIT_OWNER) + r"$", "", rendering)
    implicit = re.sub(_WORD_PATTERN.format(re.escape(_IMPLICIT_OWNER)) + r"\s+", "", implicit)
    if implicit != rendering and len(implicit.split()) >= 3:
        variants.append(implicit)
    return list(dict.fromkeys(variants))


# A Chinese personal name in pinyin: surname, then given name (Xi Jinping, Sun Yat-sen).
_PINYIN_NAME = re.compile(r"^([A-Z][a-z]{1,5}) [A-Z][a-z]+(?:-[a-z]+)?$")
_GIVEN_NAME_FOLLOWS = re.compile(r"[ \u00a0\-]+[A-Z]")
# Words that make a body's name into another body's when put before it: the level or reach of a
# body ("National Statistics Bureau", "Central Organization Department"). Not a country's name
# ("Chinese State Council" names the same body).
_NAME_BUILDER_BEFORE = re.compile(r"(?<![\w'\u2019\-])(?:National|State|Central|General|Supreme) \Z")


def _names_a_body(rendering: str) -> bool:
    head = words_before_complement(rendering)
    return len(rendering.split()) >= 2 and bool(head) and head[-1].lower() in BODY_NOUNS


def surname_reference(entry: Entry) -> str | None:
    """A person is referred to by surname after the first mention ("President Xi", "Xi said"):
    the surname alone renders the name (matched case-sensitively, like a short form)."""
    if entry.category != "people" or not entry.en:
        return None
    match = _PINYIN_NAME.match(entry.en[0])
    return match.group(1) if match else None


def _resolve_overlaps(hits: Iterable[TargetHit]) -> list[TargetHit]:
    """Within one entry the longest accepted rendering wins ("Belt and Road Initiative" is not also
    "Belt and Road"); a deprecated or superseded rendering inside a longer accepted one is no
    finding."""
    accepted_by_entry: dict[str, list[TargetHit]] = defaultdict(list)
    rejected: list[TargetHit] = []
    for hit in hits:
        (accepted_by_entry[hit.entry_id] if hit.status.accepted else rejected).append(hit)
    resolved: list[TargetHit] = []
    for entry_hits in accepted_by_entry.values():
        spans = leftmost_longest((hit.start, hit.end, str(n)) for n, hit in enumerate(entry_hits))
        resolved.extend(entry_hits[int(n)] for _, _, n in spans)
    if not rejected:
        return resolved
    # Accepted spans by start, with the furthest end reached so far: whether a rejected hit
    # lies inside a longer accepted one is then a binary search, not a scan of every span.
    accepted_spans = sorted((hit.start, hit.end) for hit in resolved)
    starts = [start for start, _ in accepted_spans]
    for hit in rejected:
        inside_accepted = False
        # Spans starting at or before the hit; the ones that can contain it end at or after it.
        index = bisect_right(starts, hit.start) - 1
        while index >= 0:
            start, end = accepted_spans[index]
            if end >= hit.end and (end - start) > (hit.end - hit.start):
                inside_accepted = True
                break
            if hit.start - start > LONGEST_RENDERING_CHARS:
                break
            index -= 1
        if not inside_accepted:
            resolved.append(hit)
    return resolved


def compile_glossary(glossary: Glossary) -> Matchers:
    return Matchers(glossary)
