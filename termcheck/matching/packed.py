"""Tables of the compiled glossary kept pickled in small chunks, each unpickled when one of its
items is first asked for.

A check reads the values of the patterns its text hits, the records of the entries it finds and
the keys of the words it has: a few hundred items of tables that hold hundreds of thousands for a
large glossary. Unpickling such tables whole made most of the cached glossary's load time and
memory; kept as chunks of pickled bytes, a table costs one bytes object per chunk to load, and a
run pays only for the chunks it reads. The chunks are compressed (the records' text, evidence
quotes and addresses above all, take a seventh of the room): they stay in memory, and are what is
pickled again, for a worker process that is not forked.
"""

from __future__ import annotations

import pickle
import zlib
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

K = TypeVar("K", bound=str)
V = TypeVar("V")
T = TypeVar("T")

# What a look-up of a key that is not there returns (None may be a value).
_ABSENT = object()
# Items per chunk: enough that a chunk's pickle is mostly data (a record's class is named once
# per chunk), few enough that decoding one takes a fraction of a millisecond.
CHUNK_ITEMS = 64


def _packed(value: object) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _unpacked(chunk: bytes) -> Any:
    return pickle.loads(zlib.decompress(chunk))


class PackedList(dict[int, T]):
    """A list that is read, not changed: by index, len() and iteration. It is a dict of the items
    decoded so far, so that an item already decoded costs a dictionary look-up in C (this is on
    the path of every automaton hit); an index not yet decoded decodes its chunk."""

    def __init__(self, items: Sequence[T] = ()) -> None:
        super().__init__()
        self._length = len(items)
        self._chunks = [_packed(list(items[start : start + CHUNK_ITEMS])) for start in range(0, len(items), CHUNK_ITEMS)]

    def __missing__(self, index: int) -> T:
        if not isinstance(index, int) or not 0 <= index < self._length:
            raise IndexError(index)
        number = index // CHUNK_ITEMS
        self.update(enumerate(_unpacked(self._chunks[number]), number * CHUNK_ITEMS))
        return dict.__getitem__(self, index)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[T]:  # type: ignore[override]
        """The items, as a list's iteration gives them (not the indices, as a dict's would)."""
        return (self[index] for index in range(self._length))

    def __reduce__(self) -> tuple[object, ...]:
        return (_unpacked_list, (self._length, self._chunks))


def _unpacked_list(length: int, chunks: list[bytes]) -> PackedList[object]:
    table: PackedList[object] = PackedList()
    table._length = length
    table._chunks = chunks
    return table


class PackedMapping(Mapping[K, V], Generic[K, V]):
    """A mapping from strings, mostly read by key. The chunks hold the items sorted by key, so the
    chunk of a key is found by bisection over the first key of each; iteration is in the order
    the items were given (the keys are kept pickled apart, for the rare caller that iterates)."""

    def __init__(self, items: Mapping[K, V]) -> None:
        ordered = sorted(items)
        self._length = len(ordered)
        self._firsts = ordered[::CHUNK_ITEMS]
        self._chunks = [_packed({key: items[key] for key in ordered[start : start + CHUNK_ITEMS]}) for start in range(0, len(ordered), CHUNK_ITEMS)]
        self._packed_keys = _packed(list(items))
        self._decoded: dict[K, V] = {}
        self._decoded_chunks: set[int] = set()

    def __getitem__(self, key: K) -> V:
        value = self._lookup(key)
        if value is _ABSENT:
            raise KeyError(key)
        return value  # type: ignore[return-value]

    # get and `in` without an exception for a key that is not there: most words of a text are in
    # no table, and each is looked up once per process.
    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, /, default: V | T) -> V | T: ...
    def get(self, key: K, /, default: object = None) -> object:
        value = self._lookup(key)
        return default if value is _ABSENT else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not _ABSENT  # type: ignore[arg-type]

    def _lookup(self, key: K) -> V | object:
        value = self._decoded.get(key, _ABSENT)
        if value is _ABSENT:
            number = bisect_right(self._firsts, key) - 1
            if number >= 0 and number not in self._decoded_chunks:
                self._decoded.update(_unpacked(self._chunks[number]))
                self._decoded_chunks.add(number)
                value = self._decoded.get(key, _ABSENT)
        return value

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[K]:
        keys: list[K] = _unpacked(self._packed_keys)
        return iter(keys)

    def __getstate__(self) -> dict[str, object]:
        return {"length": self._length, "firsts": self._firsts, "chunks": self._chunks, "keys": self._packed_keys}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._length = state["length"]
        self._firsts = state["firsts"]
        self._chunks = state["chunks"]
        self._packed_keys = state["keys"]
        self._decoded = {}
        self._decoded_chunks = set()


def packed_list(items: Sequence[T] | PackedList[T]) -> PackedList[T]:
    """`items` packed, for a pickle (a table loaded from one is packed already)."""
    return items if isinstance(items, PackedList) else PackedList(items)


def packed_mapping(items: Mapping[K, V]) -> PackedMapping[K, V]:
    """`items` packed, for a pickle (a table loaded from one is packed already)."""
    return items if isinstance(items, PackedMapping) else PackedMapping(items)
