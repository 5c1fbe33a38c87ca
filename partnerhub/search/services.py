"""Writes to the search index: keep one entry per searchable record up to date.

Call these from the domain services inside their transaction, after the record is saved
(``index_instance``) or before it is deleted (``remove_instance``), so the index changes
and rolls back together with the record. Entries are read back from the database, not from
the instance in memory, so what is indexed is exactly what was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from itertools import islice
from typing import Any, cast

from django.db import connection, models, transaction

from partnerhub.search.choices import entry_id
from partnerhub.search.models import SearchEntry
from partnerhub.search.registry import SPECS, SearchSpec, get_spec, get_spec_for_model
from partnerhub.territory.models import TerritorialUnit

DEFAULT_BATCH_SIZE = 2000
SQLITE_REBUILD_CACHE_KIB = -256 * 1024  # negative: a size in KiB rather than in pages
_UPDATED_FIELDS = ["title", "body", "territory_path", "is_public", "updated_at"]

Progress = Callable[[int], object]


def index_instance(instance: models.Model) -> None:
    """Index one record as it is saved now (or drop its entry if it no longer exists).

    Two queries: the record with what indexing reads, then one upsert.
    """
    spec = get_spec_for_model(type(instance))
    if instance.pk is None:
        raise ValueError("index_instance() needs a saved record")
    records = list(spec.queryset().filter(pk=instance.pk))
    if records:
        _upsert(spec, records)
    else:
        remove(spec.kind, instance.pk)


def remove_instance(instance: models.Model) -> None:
    """Drop a record's entry, e.g. just before deleting it (deleting clears ``instance.pk``;
    afterwards, use ``remove(kind, id)``)."""
    if instance.pk is None:
        raise ValueError("remove_instance() needs the record's id: call it before delete()")
    remove(get_spec_for_model(type(instance)).kind, instance.pk)


def remove(kind: str, object_id: int) -> None:
    """Drop the entry of the record of ``kind`` with this id (nothing if there is none)."""
    SearchEntry.objects.filter(pk=entry_id(kind, object_id)).delete()


def remove_many(kind: str, object_ids: Iterable[int]) -> int:
    """Drop the entries of several records of one kind (after a bulk delete); how many."""
    deleted, _ = SearchEntry.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()
    return deleted


def index_records_in(unit: TerritorialUnit) -> int:
    """Re-index the records placed in ``unit`` or within it (after renaming it); how many.

    Entries name the units above a record's own, so a renamed county reaches the records
    of its municipalities too.
    """
    units = TerritorialUnit.objects.within(unit)
    return sum(
        index_queryset(spec.model._default_manager.filter(**{f"{spec.territory_field}__in": units}))
        for spec in SPECS
        if spec.territory_field
    )


def index_queryset(
    records: models.QuerySet[Any],
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> int:
    """Index every record of ``records`` in batches of upserts; returns how many.

    For bulk writers (data generation, imports, ``reindex``): a few queries per batch
    whatever the number of records. ``records`` may be filtered; it is re-read with what
    indexing needs (territory, public flag). ``progress`` is called with each batch's size.
    """
    spec = get_spec_for_model(records.model)
    rows = spec.queryset().filter(pk__in=records.values("pk"))
    return _write_entries(spec, rows, batch_size, progress)


def rebuild(
    kind: str, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None
) -> int:
    """Replace every entry of ``kind`` with fresh ones, all or nothing; returns how many.

    Entries of records deleted behind the services' back disappear. If anything fails, the
    previous entries stay as they were.
    """
    spec = get_spec(kind)
    with transaction.atomic(), _large_page_cache():
        SearchEntry.objects.filter(kind=kind).delete()
        return _write_entries(spec, spec.queryset(), batch_size, progress)


def rebuild_all(batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, int]:
    """``rebuild`` every kind, then ``optimise_index``; the number of entries per kind."""
    counts = {spec.kind: rebuild(spec.kind, batch_size) for spec in SPECS}
    optimise_index()
    return counts


@contextmanager
def _large_page_cache() -> Iterator[None]:
    """On SQLite, let one big transaction keep its pages in memory (twice as fast)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {SQLITE_REBUILD_CACHE_KIB}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def optimise_index() -> None:
    """Compact the engine's full-text structures after many writes (faster queries)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            # Fresh statistics per kind partition guide the planner; VACUUM (not allowed in
            # a transaction) also makes the space of replaced entries reusable.
            vacuum = "" if connection.in_atomic_block else "VACUUM "
            cursor.execute(f"{vacuum}ANALYZE search_searchentry")


def _write_entries(
    spec: SearchSpec,
    records: models.QuerySet[Any],
    batch_size: int,
    progress: Progress | None,
) -> int:
    written = 0
    # Read in chunks (a server-side cursor on PostgreSQL) so memory stays flat, and close
    # the cursor here: if a write fails, it must not outlive the rolled-back transaction.
    # (QuerySet.iterator() is a generator, typed as a mere Iterator.)
    chunks = cast(Generator[Any, None, None], records.iterator(chunk_size=batch_size))
    with closing(chunks) as rows:
        while batch := list(islice(rows, batch_size)):
            _upsert(spec, batch)
            written += len(batch)
            if progress is not None:
                progress(len(batch))
    return written


def _upsert(spec: SearchSpec, records: list[Any]) -> None:
    SearchEntry.objects.bulk_create(
        [_entry(spec, record) for record in records],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=_UPDATED_FIELDS,
    )


def _entry(spec: SearchSpec, record: Any) -> SearchEntry:
    return SearchEntry(
        id=entry_id(spec.kind, record.pk),
        kind=spec.kind,
        object_id=record.pk,
        title=spec.title(record),
        body=spec.body(record),
        territory_path=spec.territory_path(record),
        is_public=bool(record.search_is_public),
    )
