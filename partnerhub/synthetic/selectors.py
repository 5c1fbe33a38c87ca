"""Reads of synthetic data: which rows are synthetic, how many, and a fingerprint of them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from django.db import models

from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.registry.models import Organisation, Person, ThematicArea
from partnerhub.results.models import Indicator
from partnerhub.synthetic.conventions import MARKED_FIELDS, MARKER
from partnerhub.territory.models import TerritorialUnit

SKIPPED_FIELDS = {"created_at", "updated_at"}


def synthetic(model: type[models.Model]) -> models.QuerySet[Any]:
    """The rows of a root model (see ``MARKED_FIELDS``) that carry the synthetic marker."""
    field = MARKED_FIELDS[model]
    return model._default_manager.filter(**{f"{field}__startswith": MARKER})


def synthetic_tables() -> Iterator[tuple[type[models.Model], models.QuerySet[Any]]]:
    """Every table holding synthetic rows, parents before children, with those rows."""
    orgs, persons = synthetic(Organisation), synthetic(Person)
    problems, partnerships = synthetic(LocalProblem), synthetic(Partnership)
    projects, events = synthetic(Project), synthetic(Event)
    yield FundingProgramme, synthetic(FundingProgramme)
    yield Organisation, orgs
    yield from _through(Organisation, "areas", orgs)
    yield Person, persons
    yield from _through(Person, "areas", persons)
    yield LocalProblem, problems
    yield from _through(LocalProblem, "areas", problems)
    yield Partnership, partnerships
    yield Membership, Membership.objects.filter(partnership__in=partnerships)
    for name in ("areas", "problems", "grew_out_of"):
        yield from _through(Partnership, name, partnerships)
    yield Project, projects
    yield ProjectPartner, ProjectPartner.objects.filter(project__in=projects)
    for name in ("activity_types", "target_groups", "areas"):
        yield from _through(Project, name, projects)
    yield Indicator, Indicator.objects.filter(project__in=projects)
    yield Event, events
    yield from _through(Event, "organisers", events)
    yield AttendanceCount, AttendanceCount.objects.filter(event__in=events)
    yield Registration, Registration.objects.filter(event__in=events)


def _through(
    model: type[models.Model], name: str, parents: models.QuerySet[Any]
) -> Iterator[tuple[type[models.Model], models.QuerySet[Any]]]:
    descriptor = getattr(model, name)
    source = descriptor.field.m2m_field_name()  # "organisation", "from_partnership"…
    yield descriptor.through, descriptor.through.objects.filter(**{f"{source}__in": parents})


def count_synthetic() -> dict[str, int]:
    """How many synthetic rows each table holds (labels of models and link tables)."""
    return {model._meta.label: rows.count() for model, rows in synthetic_tables()}


def dataset_fingerprint() -> str:
    """A SHA-256 of every synthetic row, independent of primary keys and timestamps.

    References between synthetic rows become positions (the n-th synthetic organisation),
    territorial units their path and vocabulary terms their code, so two runs of the same
    seed on fresh databases give the same fingerprint.
    """
    natural: dict[Any, dict[int, str]] = {
        TerritorialUnit: dict(TerritorialUnit.objects.values_list("pk", "path")),
    }
    for vocabulary in (ThematicArea, ActivityType, TargetGroup):
        natural[vocabulary] = dict(vocabulary.objects.values_list("pk", "code"))
    digest = hashlib.sha256()
    for model, rows in synthetic_tables():
        fields = [
            f
            for f in model._meta.concrete_fields
            if not f.primary_key and f.name not in SKIPPED_FIELDS
        ]
        ordered = rows.order_by("pk")
        natural[model] = {
            pk: str(position) for position, pk in enumerate(ordered.values_list("pk", flat=True))
        }
        digest.update(model._meta.label.encode())
        for values in ordered.values_list(*[f.attname for f in fields]):
            canonical = [
                natural.get(f.related_model, {}).get(v, v) if f.is_relation and v else v
                for f, v in zip(fields, values, strict=True)
            ]
            digest.update(repr(canonical).encode())
    return digest.hexdigest()
