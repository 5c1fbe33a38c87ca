"""Writes of synthetic data: generating a country-sized dataset and removing it again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from partnerhub.search.services import rebuild_all
from partnerhub.synthetic.builders.events import generate_events, generate_registrations
from partnerhub.synthetic.builders.funding import generate_funding_programmes
from partnerhub.synthetic.builders.organisations import generate_organisations
from partnerhub.synthetic.builders.partnerships import generate_partnerships
from partnerhub.synthetic.builders.persons import generate_persons
from partnerhub.synthetic.builders.problems import generate_problems
from partnerhub.synthetic.builders.projects import generate_projects
from partnerhub.synthetic.context import GenerationContext, Vocabulary
from partnerhub.synthetic.conventions import MARKED_FIELDS
from partnerhub.synthetic.places import MissingTerritoriesError, Places
from partnerhub.synthetic.plan import GenerationPlan
from partnerhub.synthetic.selectors import synthetic, synthetic_tables
from partnerhub.synthetic.writer import BatchWriter, ProgressFactory, Timing, no_progress
from partnerhub.territory.services import load_territories


class SyntheticDataError(Exception):
    """Synthetic data that cannot be generated or removed as asked."""


@dataclass
class GenerationReport:
    """What a generation run wrote and how long each part took."""

    plan: GenerationPlan
    seed: int
    seconds: float = 0.0
    models: dict[str, Timing] = field(default_factory=dict)
    phases: dict[str, Timing] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.models.values())


@contextmanager
def per_record_history_paused() -> Iterator[None]:
    """No per-record audit rows while synthetic benchmark data is written or purged.

    Synthetic rows are generated and removed in bulk, millions at a time; a history row for
    each would double the work and bury the real audit trail. The command records the run
    itself instead. This process only (a management command), restored afterwards.
    """
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = previous


def prepare_context(seed: int) -> GenerationContext:
    """Load the territorial units (idempotent) and read what generation builds on."""
    load_territories()
    try:
        places = Places.load()
    except MissingTerritoriesError as error:
        raise SyntheticDataError(
            _("The regions of Poland and Slovenia are missing: run load-territories.")
        ) from error
    return GenerationContext(seed, places, Vocabulary.load())


def generate_synthetic_data(
    plan: GenerationPlan,
    *,
    seed: int,
    batch_size: int = 5_000,
    progress: ProgressFactory = no_progress,
) -> GenerationReport:
    """Generate a synthetic dataset of ``plan``'s size, the same for the same seed.

    Refuses (``SyntheticDataError``) an impossible plan or a database that already holds
    synthetic rows: remove them first with ``purge_synthetic_data()``. Rows are written in
    batches, each in its own transaction; an interrupted run leaves whole batches that a
    purge removes. Planner statistics are refreshed at the end.
    """
    problems = plan.problems_found()
    if problems:
        raise SyntheticDataError(" ".join(problems))
    if has_synthetic_data():
        raise SyntheticDataError(
            _("The database already holds synthetic data: purge it first (--purge).")
        )
    started = time.perf_counter()
    ctx = prepare_context(seed)
    writer = BatchWriter(batch_size=batch_size, progress=progress)
    generate_funding_programmes(ctx, writer)
    generate_organisations(ctx, writer, plan.organisations)
    generate_persons(ctx, writer, plan.persons)
    generate_problems(ctx, writer, plan.problems)
    generate_partnerships(ctx, writer, plan.partnerships)
    generate_projects(ctx, writer, plan.projects)
    generate_events(ctx, writer, plan.attendance)
    generate_registrations(ctx, writer, plan.registrations if ctx.events.ids else 0)
    # bulk_create bypasses the services, so the search index is rebuilt once at the end.
    rebuild_all()
    update_statistics()
    return GenerationReport(
        plan=plan,
        seed=seed,
        seconds=time.perf_counter() - started,
        models=writer.models,
        phases=writer.phases,
    )


def has_synthetic_data() -> bool:
    return any(synthetic(model).exists() for model in MARKED_FIELDS)


def update_statistics() -> None:
    """Refresh the query planner's statistics after a bulk load (ANALYZE).

    PostgreSQL's autovacuum would do it within a minute; SQLite never does it by itself,
    and without statistics it picks poor plans (the status index, 97 % of the rows,
    instead of the seat). A full ANALYZE of a national dataset takes seconds; SQLite's
    sampled one (``analysis_limit``) misjudged the seat index and gave the same poor plan.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def purge_synthetic_data() -> dict[str, int]:
    """Delete every synthetic row and nothing else, in one transaction.

    Children of synthetic records go first (most tables in one statement each), then the
    marked roots from the last generated to the first; anything attached to a synthetic
    record only (a goal of a synthetic organisation) goes with it. A synthetic record that
    real data depends on (a real project led by a synthetic organisation) stops the purge
    with Django's ``ProtectedError`` and nothing is deleted. Returns rows deleted per table.
    """
    deleted: dict[str, int] = {}
    tables = list(synthetic_tables())
    roots = set(MARKED_FIELDS)
    with transaction.atomic(), per_record_history_paused():
        for model, rows in reversed(tables):
            if model in roots:
                continue
            deleted[model._meta.label] = rows.delete()[0]
        for model in reversed(list(MARKED_FIELDS)):
            _, by_model = synthetic(model).only("pk").delete()
            deleted[model._meta.label] = by_model.get(model._meta.label, 0)
        rebuild_all()  # the deleted records leave the search index too
    return {label: n for label, n in deleted.items() if n}
