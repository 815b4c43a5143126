"""The compiled glossary as the cache holds it: tables packed in chunks and decoded as they are
read give the same answers, and the same findings, as the glossary just compiled."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from termcheck import Matchers, Segment, check, compile_glossary, load_glossary
from termcheck.matching.packed import CHUNK_ITEMS, PackedList, PackedMapping
from termcheck.readers import read_inputs

from conftest import SAMPLES, TEST_GLOSSARY, segment


def test_a_packed_list_reads_like_the_list() -> None:
    items = [(n, f"entry-{n}") for n in range(3 * CHUNK_ITEMS + 5)]
    packed = PackedList(items)
    assert packed[CHUNK_ITEMS + 1] == items[CHUNK_ITEMS + 1]
    assert len(packed) == len(items)
    # Pickled with one chunk decoded, it still holds every item.
    again = pickle.loads(pickle.dumps(packed))
    assert [again[n] for n in range(len(items))] == items
    assert list(again) == items
    with pytest.raises(IndexError):
        again[len(items)]
    with pytest.raises(IndexError):
        again[-1]


def test_a_packed_mapping_reads_like_the_dict() -> None:
    # Keys given out of order, the order iteration keeps.
    items = {f"k{n * 7919 % 1000:03d}": (n, "value") for n in range(1000)}
    packed: PackedMapping[str, tuple[int, str]] = PackedMapping(items)
    assert packed["k500"] == items["k500"]
    assert "k999" in packed and "k1000" not in packed and "a" not in packed and "zzz" not in packed
    assert packed.get("nothing", (0, "")) == (0, "")
    with pytest.raises(KeyError):
        packed["k0005"]
    again: PackedMapping[str, tuple[int, str]] = pickle.loads(pickle.dumps(packed))
    assert list(again) == list(items)
    assert len(again) == len(items)
    assert dict(again.items()) == items


def test_an_empty_table_packs() -> None:
    assert len(pickle.loads(pickle.dumps(PackedList([])))) == 0
    empty: PackedMapping[str, int] = pickle.loads(pickle.dumps(PackedMapping({})))
    assert "a" not in empty and list(empty) == []


def _segments() -> list[Segment]:
    pair = [str(SAMPLES / "xinhua-2023-10-23-acftu.zh.txt"), str(SAMPLES / "xinhua-2023-10-23-acftu.en.txt")]
    return [segment for file in read_inputs(pair) for segment in file.segments]


@pytest.mark.parametrize("glossary", ["builtin", "test"])
def test_the_cached_glossary_finds_what_the_compiled_one_finds(glossary: str, builtin: Matchers, matchers: Matchers) -> None:
    compiled = builtin if glossary == "builtin" else matchers
    loaded = pickle.loads(pickle.dumps(compiled))
    segments = _segments() + [
        segment("中国共产党领导中华全国总工会。", "The CCP leads the All-China Federation of Trade Unions."),
        segment("深化改革，一带一路倡议。", "Reform was deepened under the Belt and Road."),
    ]
    expected = check(segments, compiled).findings
    assert expected
    assert check(segments, loaded).findings == expected
    # A glossary loaded, partly decoded, and pickled again (a worker that is not forked).
    assert check(segments, pickle.loads(pickle.dumps(loaded))).findings == expected
    assert dict(loaded.entries.items()) == dict(compiled.entries.items())
    assert len(loaded.entries) == len(compiled.entries)
    assert dict(loaded.loose_keys.items()) == dict(compiled.loose_keys.items())


def test_a_loaded_automaton_takes_no_more_renderings(matchers: Matchers) -> None:
    from termcheck.matching.en import KeyKind

    loaded = pickle.loads(pickle.dumps(matchers))
    with pytest.raises(TypeError):
        loaded.automata[KeyKind.LENIENT].add("a new rendering", ("x",))


def test_the_cache_file_of_a_large_glossary_is_mostly_automata(tmp_path: Path) -> None:
    """What the packing is for: the tables a check reads a few items of are a small part of the
    pickle, and unpickling leaves them packed."""
    loaded = pickle.loads(pickle.dumps(compile_glossary(load_glossary([TEST_GLOSSARY], builtin=False))))
    assert isinstance(loaded.entries._rows, PackedMapping)
    assert loaded.entries._entries == {}
    loaded.entries[next(iter(loaded.entries))]
    assert len(loaded.entries._entries) == 1
