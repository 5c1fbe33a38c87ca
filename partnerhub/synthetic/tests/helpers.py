"""A plan small enough for tests, and the row counts of every Partnerhub table."""

from __future__ import annotations

from django.apps import apps

from partnerhub.synthetic.plan import GenerationPlan

TINY = GenerationPlan(
    organisations=150,
    persons=25,
    problems=60,
    partnerships=12,
    projects=40,
    attendance=200,
    registrations=30,
)


def row_counts() -> dict[str, int]:
    """Rows of every table of every Partnerhub app, many-to-many link tables included.

    Audit events are left out: every generation and purge run is recorded, on purpose.
    """
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if (model.__module__.startswith("partnerhub.") or model._meta.auto_created)
        and model._meta.label != "audit.AuditEvent"
    }
