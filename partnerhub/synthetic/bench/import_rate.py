"""Import rate of organisations: the generator against a plain executemany / COPY.

The generator writes ``rows`` new organisations (with their areas) the way
``generate-data`` does, into the dataset's table. Every batch it writes is written again,
right after, into a scratch copy of that table (same columns, constraints and indexes, and
the same rows to start with, so both inserts maintain indexes of the same size) with the
driver alone: SQLite's ``executemany`` or PostgreSQL's ``COPY`` (psycopg 3
``cursor.copy``). Everything happens in one transaction that is rolled back, so the
benchmark leaves the dataset as it was.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.db import connection, models, transaction

from partnerhub.registry.models import Organisation
from partnerhub.synthetic.builders.organisations import generate_organisations
from partnerhub.synthetic.services import prepare_context
from partnerhub.synthetic.writer import BatchWriter

SCRATCH = "synthetic_bench_scratch_organisation"
IMPORT_SEED_OFFSET = 1_000


@dataclass(frozen=True)
class ImportResult:
    rows: int
    generator_seconds: float  # drawing rows + bulk_create of organisations and their areas
    generator_cpu_seconds: float  # the same, CPU time of this process only
    orm_insert_seconds: float  # bulk_create of the organisation rows alone
    baseline_seconds: float  # executemany / COPY of the same rows
    baseline_method: str

    @property
    def generator_rate(self) -> float:
        return self.rows / self.generator_seconds if self.generator_seconds else 0.0

    @property
    def orm_insert_rate(self) -> float:
        return self.rows / self.orm_insert_seconds if self.orm_insert_seconds else 0.0

    @property
    def baseline_rate(self) -> float:
        return self.rows / self.baseline_seconds if self.baseline_seconds else 0.0


class ScratchTable:
    """A copy of a model's table; receives the same rows through the driver alone."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.write_seconds = 0.0
        self.mirror_seconds = 0.0
        self.mirror_cpu_seconds = 0.0
        self.method = "COPY" if connection.vendor == "postgresql" else "executemany"

    def create(self) -> None:
        """Create the copy, with the rows the model's table holds (so indexes match in size)."""
        self._create_empty()
        columns = ", ".join(f'"{f.column}"' for f in self.fields)
        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO "{SCRATCH}" ({columns}) SELECT {columns} FROM "{table}"'  # noqa: S608
            )

    def _create_empty(self) -> None:
        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f'CREATE TABLE "{SCRATCH}" (LIKE "{table}" INCLUDING ALL)')
                for field in self.fields:
                    related = field.related_model
                    if field.is_relation and related is not None and related != "self":
                        target = related._meta.db_table
                        cursor.execute(
                            f'ALTER TABLE "{SCRATCH}" ADD FOREIGN KEY ("{field.column}") '
                            f'REFERENCES "{target}" ("id") DEFERRABLE INITIALLY DEFERRED'
                        )
                return
            cursor.execute(
                "SELECT type, sql FROM sqlite_master WHERE tbl_name = %s AND sql IS NOT NULL "
                "ORDER BY type DESC",
                [table],
            )
            for kind, sql in cursor.fetchall():
                if kind == "table":
                    sql = sql.replace(f'"{table}"', f'"{SCRATCH}"', 1)
                else:
                    sql = re.sub(
                        rf'INDEX "([^"]+)" ON "{table}"',
                        lambda m: f'INDEX "{SCRATCH}_{m.group(1)}" ON "{SCRATCH}"',
                        sql,
                    )
                cursor.execute(sql)

    def mirror(self, objs: list[models.Model]) -> None:
        """Write ``objs`` again (values prepared as Django prepares them, untimed)."""
        started, cpu_started = time.perf_counter(), time.process_time()
        rows = [
            tuple(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in self.fields)
            for obj in objs
        ]
        columns = ", ".join(f'"{f.column}"' for f in self.fields)
        raw = connection.connection.cursor()
        writing = time.perf_counter()
        try:
            if connection.vendor == "postgresql":
                with raw.copy(f'COPY "{SCRATCH}" ({columns}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in self.fields)
                insert = f'INSERT INTO "{SCRATCH}" ({columns}) VALUES ({marks})'  # noqa: S608
                raw.executemany(insert, rows)
        finally:
            raw.close()
        finished = time.perf_counter()
        self.write_seconds += finished - writing
        self.mirror_seconds += finished - started
        self.mirror_cpu_seconds += time.process_time() - cpu_started


def measure_import(rows: int, *, seed: int, batch_size: int = 5_000) -> ImportResult:
    """Import ``rows`` organisations both ways in a transaction that is rolled back.

    They are new organisations (another seed than the dataset's), as an import brings.
    """
    ctx = prepare_context(seed + IMPORT_SEED_OFFSET)
    scratch = ScratchTable(Organisation)
    writer = BatchWriter(batch_size=batch_size, mirrors={Organisation: scratch.mirror})
    with transaction.atomic():
        scratch.create()
        generate_organisations(ctx, writer, rows)
        transaction.set_rollback(True)
    phase = writer.phases["organisations"]
    return ImportResult(
        rows=rows,
        generator_seconds=phase.seconds - scratch.mirror_seconds,
        generator_cpu_seconds=phase.cpu_seconds - scratch.mirror_cpu_seconds,
        orm_insert_seconds=writer.models[Organisation._meta.label].seconds,
        baseline_seconds=scratch.write_seconds,
        baseline_method=scratch.method,
    )
