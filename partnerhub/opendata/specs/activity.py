"""Export specs of events (with attendance totals) and local problems."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.events.choices import AttendanceSector
from partnerhub.events.models import Event
from partnerhub.opendata.specs.base import (
    Column,
    ExportSpec,
    ForeignKey,
    attribute,
    combine,
    ids,
    published_link,
    published_links,
    territory_columns,
)
from partnerhub.opendata.specs.registry import AREAS, areas_column
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation

ATTENDANCE = _("Participants counted; empty when no count was recorded.")


def attendance_sums() -> dict[str, Any]:
    """The total attendance of each event and its split by sector (None when not counted)."""
    sums: dict[str, Any] = {"attendance_total": Sum("attendance__count")}
    for sector in AttendanceSector.values:
        sums[f"attendance_{sector}"] = Sum("attendance__count", filter=Q(attendance__sector=sector))
    return sums


EVENTS = ExportSpec(
    name="events",
    title=_("Events"),
    description=_("Meetings, trainings, workshops and seminars, with attendance by sector."),
    model=Event,
    select_related=("territory",),
    prefetch_related=(Prefetch("organisers", queryset=Organisation.objects.only("id")),),
    annotations=combine(
        attendance_sums,
        published_links(partnership=Partnership, project=Project, programme=Programme),
    ),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("title", _("title")),
        Column("event_type", _("type")),
        Column("start", _("start"), "date"),
        Column("end", _("end"), "date"),
        Column("duration_hours", _("duration (hours)"), "number"),
        Column("place", _("place")),
        *territory_columns("territory", _("territory")),
        Column(
            "organisers",
            _("organisers"),
            "integer",
            value=ids("organisers"),
            many=True,
            description=_("IDs of organising organisations."),
        ),
        published_link("partnership", _("partnership")),
        published_link("project", _("project")),
        published_link("programme", _("programme")),
        Column("description", _("description")),
        Column("attendance_total", _("participants"), "integer", description=ATTENDANCE),
        *(
            Column(f"attendance_{sector}", label, "integer", description=ATTENDANCE)
            for sector, label in AttendanceSector.choices
        ),
        Column("visibility", _("visibility"), staff_only=True),
    ),
    foreign_keys=(
        ForeignKey("territory_id", "territorial_units"),
        ForeignKey("partnership_id", "partnerships"),
        ForeignKey("project_id", "projects"),
        ForeignKey("programme_id", "programmes"),
    ),
)

PROBLEMS = ExportSpec(
    name="problems",
    title=_("Local problems"),
    description=_("Problems of local communities that a partnership could take on."),
    model=LocalProblem,
    select_related=("territory", "raised_by_organisation", "raised_by_person"),
    prefetch_related=(AREAS,),
    columns=(
        Column("id", _("ID"), "integer"),
        Column("title", _("title")),
        Column("description", _("description")),
        *territory_columns("territory", _("territory")),
        areas_column(),
        Column(
            "raised_by_organisation_id",
            _("raised by (organisation)"),
            "integer",
            value=attribute("raised_by_organisation_id"),
        ),
        Column(
            "raised_by_organisation_name",
            _("raised by (organisation name)"),
            value=attribute("raised_by_organisation.name"),
        ),
        Column(
            "raised_by_person_name",
            _("raised by (person)"),
            value=attribute("raised_by_person.full_name"),
            staff_only=True,
        ),
        Column("status", _("status")),
        Column("rejection_reason", _("reason for rejection"), staff_only=True),
        Column(
            "raised_on",
            _("raised on"),
            "date",
            value=lambda problem: timezone.localtime(problem.created_at).date(),
        ),
    ),
    foreign_keys=(
        ForeignKey("territory_id", "territorial_units"),
        ForeignKey("raised_by_organisation_id", "organisations"),
    ),
)
