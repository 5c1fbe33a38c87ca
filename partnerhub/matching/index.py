"""The in-memory index recommendations are scored against, built once per process.

Every organisation's features are precomputed into arrays (``OrganisationIndex``): the
TF-IDF vectors of their texts as postings per term, their areas as bit sets, their seat's
municipality, county, region and country, and who took part in which partnership or
project. Scoring a search is then a handful of vectorised operations over all candidates.

The index is rebuilt when the data changes: a write in this process bumps a generation
(``signals.py``), and ``data_version()`` — one query of index lookups — notices the writes
of other processes and bulk loads. By default both are checked before every search, so
answers are always current; ``MATCHING_INDEX_REFRESH_SECONDS`` lets an index serve that
many seconds before it is checked again (a country-sized registry takes seconds to
rebuild, paid by the first search after a change; the bench reports how many).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from django.conf import settings

from partnerhub.matching.snapshot import IntArray, RegistrySnapshot, data_version, load_snapshot

DEFAULT_REFRESH_SECONDS = 0.0
EMPTY_TERMS = (
    np.zeros(1, dtype=np.int64),
    np.empty(0, dtype=np.int64),
    np.empty(0, dtype=np.int64),
)
BITS = 64

FloatArray = np.ndarray[Any, np.dtype[np.float64]]
BitArray = np.ndarray[Any, np.dtype[np.uint64]]


def area_bits(items: IntArray, areas: IntArray, size: int, words: int) -> BitArray:
    """Bit sets of areas: ``words`` rows of 64-bit words, one column per item; bit ``a`` of
    an item's column is area ``a``. (Rows, not columns, are contiguous: one word of every
    item is compared at once.)"""
    bits = np.zeros((words, size), dtype=np.uint64)
    if len(items):
        values = np.left_shift(np.uint64(1), (areas % BITS).astype(np.uint64))
        np.bitwise_or.at(bits, (areas // BITS, items), values)
    return bits


def _csr(rows: IntArray, columns: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """``columns`` grouped by ``rows`` (0 … size-1): (indptr, columns in row order)."""
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=size), out=indptr[1:])
    return indptr, columns[order]


@dataclass(frozen=True, eq=False)
class OrganisationIndex:
    """Precomputed features of every organisation, by position (see ``RegistrySnapshot``)."""

    snapshot: RegistrySnapshot
    version: tuple[Any, ...]
    generation: int
    area_words: int
    area_bits: BitArray  # (area_words, organisations)
    record_area_bits: BitArray  # (area_words, records)
    term_lookup: dict[str, int]
    idf: FloatArray
    postings: tuple[IntArray, np.ndarray[Any, np.dtype[np.int32]], FloatArray]
    records_of: tuple[IntArray, IntArray]  # CSR: organisation → its records
    members_of: tuple[IntArray, IntArray]  # CSR: record → its organisations

    @property
    def size(self) -> int:
        return self.snapshot.size

    @classmethod
    def build(
        cls, snapshot: RegistrySnapshot, version: tuple[Any, ...] = (), generation: int = 0
    ) -> OrganisationIndex:
        size = snapshot.size
        words = max(1, -(-len(snapshot.area_ids) // BITS))
        indptr, term_ids, counts = snapshot.document_terms
        documents = np.repeat(np.arange(size, dtype=np.int64), np.diff(indptr))
        vocabulary = len(snapshot.vocabulary)
        document_frequency = np.bincount(term_ids, minlength=vocabulary)
        idf = np.log((1.0 + size) / (1.0 + document_frequency)) + 1.0
        weights = (1.0 + np.log(counts.astype(np.float64))) * idf[term_ids]
        norms = np.sqrt(np.bincount(documents, weights=weights * weights, minlength=size))
        weights = weights / np.where(norms > 0, norms, 1.0)[documents]
        # Entries are in document order, so a stable sort keeps each posting list by document.
        order = np.argsort(term_ids, kind="stable")
        postings_indptr = np.zeros(vocabulary + 1, dtype=np.int64)
        np.cumsum(document_frequency, out=postings_indptr[1:])
        record_rows, record_areas = snapshot.record_areas
        participants, records = snapshot.participations
        return cls(
            # The terms are in the postings now; the index need not keep them twice.
            snapshot=replace(snapshot, document_terms=EMPTY_TERMS),
            version=version,
            generation=generation,
            area_words=words,
            area_bits=area_bits(*snapshot.organisation_areas, size, words),
            record_area_bits=area_bits(record_rows, record_areas, snapshot.record_count, words),
            term_lookup={term: i for i, term in enumerate(snapshot.vocabulary)},
            idf=idf,
            postings=(
                postings_indptr,
                documents[order].astype(np.int32),
                weights[order],
            ),
            records_of=_csr(participants, records, size),
            members_of=_csr(records, participants, snapshot.record_count),
        )

    def target_area_bits(self, area_ids: list[int]) -> BitArray:
        """The bit set of ``area_ids`` as a column (areas unknown to the index are left out)."""
        known = self.snapshot.area_ids
        wanted = np.array(sorted(area_ids), dtype=np.int64)
        positions = np.clip(np.searchsorted(known, wanted), 0, max(len(known) - 1, 0))
        positions = positions[known[positions] == wanted] if len(known) else positions[:0]
        return area_bits(np.zeros(len(positions), dtype=np.int64), positions, 1, self.area_words)

    def area_positions(self, bits: BitArray) -> list[int]:
        """The area positions set in one bit set (a column of words; for reasons)."""
        return [
            word * BITS + bit
            for word in range(self.area_words)
            for bit in range(BITS)
            if int(bits[word]) >> bit & 1
        ]

    def shared_areas(self, position: int, target: BitArray) -> list[int]:
        """Positions of the areas an organisation shares with a target's bit set."""
        return self.area_positions(self.area_bits[:, position] & target[:, 0])

    def records_of_organisation(self, position: int) -> IntArray:
        indptr, records = self.records_of
        return records[indptr[position] : indptr[position + 1]]

    def organisations_in(self, records: IntArray) -> IntArray:
        """Positions of every organisation that took part in any of ``records`` (repeats kept)."""
        indptr, organisations = self.members_of
        starts, ends = indptr[records], indptr[records + 1]
        lengths = ends - starts
        if not lengths.sum():
            return np.empty(0, dtype=np.int64)
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        return organisations[offsets + np.arange(lengths.sum())]


class _Cache:
    """The process's index, and what tells it is out of date."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: OrganisationIndex | None = None
        self.generation = 0  # bumped by every tracked write in this process
        self.checked_at = 0.0


_cache = _Cache()


def refresh_seconds() -> float:
    return float(getattr(settings, "MATCHING_INDEX_REFRESH_SECONDS", DEFAULT_REFRESH_SECONDS))


def mark_stale() -> None:
    """Data recommendations read has changed in this process: rebuild before the next search."""
    _cache.generation += 1


def clear_index() -> None:
    """Forget the index (tests; a new database)."""
    with _cache.lock:
        _cache.index = None
        _cache.checked_at = 0.0


def get_index() -> OrganisationIndex:
    """The current index: the one built before if the data has not changed, else a new one."""
    seen = _cache.index
    if seen is not None:
        now = time.monotonic()
        if now - _cache.checked_at < refresh_seconds():
            return seen
        if seen.generation == _cache.generation and data_version() == seen.version:
            _cache.checked_at = now
            return seen
    with _cache.lock:
        current = _cache.index
        if current is not seen and current is not None:
            return current  # another thread rebuilt it meanwhile
        generation = _cache.generation
        version = data_version()  # before reading, so a change made meanwhile is seen later
        index = OrganisationIndex.build(load_snapshot(), version, generation)
        _cache.index = index
        _cache.checked_at = time.monotonic()
        return index
