"""Tables of the compiled glossary kept pickled in small chunks, each unpickled when one of its
items is first asked for.

A check reads the values of the patterns its text hits, the records of the entries it finds and
the keys of the words it has: a few hundred items of tables that hold hundreds of thousands for a
large glossary. Unpickling such tables whole made most of the cached glossary's load time and
memory; kept as chunks of pickled bytes, a table costs one bytes object per chunk to load, and a
run pays only for the chunks it reads. The chunks are kept as they are once decoded (they are
what is pickled again, for a worker process that is not forked).
"""

from __future__ import annotations

import pickle
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=str)
V = TypeVar("V")
T = TypeVar("T")

# Items per chunk: enough that a chunk's pickle is mostly data (a record's class is named once
# per chunk), few enough that decoding one takes a fraction of a millisecond.
CHUNK_ITEMS = 64


def _pickled(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class PackedList(dict[int, T]):
    """A list that is only read by index. It is a dict of the items decoded so far, so that an item
    already decoded costs a dictionary look-up in C (this is on the path of every automaton hit);
    an index not yet decoded decodes its chunk."""

    def __init__(self, items: Sequence[T] = ()) -> None:
        super().__init__()
        self._length = len(items)
        self._chunks = [_pickled(list(items[start : start + CHUNK_ITEMS])) for start in range(0, len(items), CHUNK_ITEMS)]

    def __missing__(self, index: int) -> T:
        if not isinstance(index, int) or not 0 <= index < self._length:
            raise IndexError(index)
        number = index // CHUNK_ITEMS
        self.update(enumerate(pickle.loads(self._chunks[number]), number * CHUNK_ITEMS))
        return dict.__getitem__(self, index)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[int]:
        return iter(range(self._length))

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
        self._chunks = [_pickled({key: items[key] for key in ordered[start : start + CHUNK_ITEMS]}) for start in range(0, len(ordered), CHUNK_ITEMS)]
        self._packed_keys = _pickled(list(items))
        self._decoded: dict[K, V] = {}
        self._decoded_chunks: set[int] = set()

    def __getitem__(self, key: K) -> V:
        try:
            return self._decoded[key]
        except KeyError:
            pass
        number = bisect_right(self._firsts, key) - 1
        if number < 0 or number in self._decoded_chunks:
            raise KeyError(key)
        self._decoded.update(pickle.loads(self._chunks[number]))
        self._decoded_chunks.add(number)
        return self._decoded[key]

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[K]:
        keys: list[K] = pickle.loads(self._packed_keys)
        return iter(keys)

    def __getstate__(self) -> dict[str, object]:
        return {"length": self._length, "firsts": self._firsts, "chunks": self._chunks, "keys": self._packed_keys}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._length = state["length"]  # type: ignore[assignment]
        self._firsts = state["firsts"]  # type: ignore[assignment]
        self._chunks = state["chunks"]  # type: ignore[assignment]
        self._packed_keys = state["keys"]  # type: ignore[assignment]
        self._decoded = {}
        self._decoded_chunks = set()
