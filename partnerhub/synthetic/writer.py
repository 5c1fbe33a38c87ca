"""Writing generated rows: bulk inserts in batches, one transaction per batch, timed.

``bulk_create`` skips ``full_clean()``, so the builders only ever produce valid rows (a test
validates a sample of each model). Rows are written in batches of ``batch_size`` parents
with their children (many-to-many links, memberships, indicators…), each batch in its own
transaction: a run that fails keeps every batch written before it, and none half-written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.db import models, transaction

ModelT = TypeVar("ModelT", bound=models.Model)


class ProgressBar(Protocol):
    def update(self, n: int) -> object: ...

    def close(self) -> object: ...


ProgressFactory = Callable[[str, int], ProgressBar]
Mirror = Callable[[list[models.Model]], None]


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def no_progress(name: str, total: int) -> ProgressBar:
    return _NoProgress()


@dataclass
class Timing:
    """Rows written and seconds spent, for one model or one phase."""

    rows: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of this process (phases only): wall minus waiting

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class BatchWriter:
    """Bulk inserts in batches with timings per model and per phase.

    ``mirrors`` maps a model to a function called with every batch of it just written
    (the benchmark writes the same rows again with plain SQL, side by side).
    """

    batch_size: int = 5_000
    progress: ProgressFactory = no_progress
    mirrors: dict[type[models.Model], Mirror] = field(default_factory=dict)
    models: dict[str, Timing] = field(default_factory=dict)
    phases: dict[str, Timing] = field(default_factory=dict)

    def chunks(self, total: int) -> Iterator[range]:
        """Index ranges of at most ``batch_size`` covering ``0..total``."""
        for start in range(0, total, self.batch_size):
            yield range(start, min(start + self.batch_size, total))

    @contextmanager
    def phase(self, name: str, total: int) -> Iterator[Callable[[int], None]]:
        """Time a phase and show its progress; yields the function that advances it."""
        bar = self.progress(name, total)
        timing = self.phases.setdefault(name, Timing())
        started, cpu_started = time.perf_counter(), time.process_time()

        def advance(rows: int) -> None:
            timing.rows += rows
            bar.update(rows)

        try:
            yield advance
        finally:
            timing.seconds += time.perf_counter() - started
            timing.cpu_seconds += time.process_time() - cpu_started
            bar.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        with transaction.atomic():
            yield

    def insert(self, objs: list[ModelT]) -> list[ModelT]:
        """Insert ``objs`` (all of one model) and set their primary keys."""
        if not objs:
            return objs
        model = type(objs[0])
        started = time.perf_counter()
        model._default_manager.bulk_create(objs)
        timing = self.models.setdefault(model._meta.label, Timing())
        timing.rows += len(objs)
        timing.seconds += time.perf_counter() - started
        mirror = self.mirrors.get(model)
        if mirror is not None:
            mirror(list(objs))
        return objs

    @property
    def rows_written(self) -> int:
        return sum(t.rows for t in self.models.values())
