"""Reads of the public directory's project and programme pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from partnerhub.core.directory import visible_related
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.results.models import Goal, Indicator
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

#: How many projects and events a page lists.
RELATED_LIMIT = 100
#: The units a seat's region is read from: a Polish voivodeship, a Slovenian region.
REGION_LEVELS = (Level.VOIVODESHIP, Level.STATISTICAL_REGION)


def visible_projects(user: Any) -> QuerySet[Project]:
    """The projects ``user`` may see: published ones, and internal ones of their roles."""
    return Project.objects.visible_to(user)


def visible_programmes(user: Any) -> QuerySet[Programme]:
    return Programme.objects.visible_to(user)


def with_project_list_details(projects: QuerySet[Project]) -> QuerySet[Project]:
    """What a list row shows: seat and funding programme, in the page's own query."""
    return projects.select_related("seat", "funding_programme")


def with_programme_list_details(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    return programmes.select_related("territory", "partnership")


def region_of(unit: TerritorialUnit | None) -> TerritorialUnit | None:
    """The voivodeship or Slovenian region a unit lies in (one query; none for a region)."""
    if unit is None:
        return None
    if unit.level in REGION_LEVELS:
        return unit
    return next((u for u in unit.ancestors() if u.level in REGION_LEVELS), None)


@dataclass(frozen=True)
class ProjectPage:
    """A project card with the records around it, as ``user`` may see them."""

    project: Project
    seat_region: TerritorialUnit | None
    partners: list[ProjectPartner]
    indicators: list[Indicator]
    events: list[Event]
    goals: list[Goal]

    @property
    def output_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.kind == "output"]

    @property
    def result_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.kind == "result"]


def get_project_page(user: Any, pk: int) -> ProjectPage:
    """The card of project ``pk`` (404 when ``user`` may not see it). Constant queries."""
    project = get_object_or_404(
        visible_projects(user)
        .select_related(
            "support_area",
            "seat",
            "funding_programme",
            "programme",
            "partnership",
            "lead_organisation",
        )
        .prefetch_related("activity_types", "target_groups", "areas")
        .annotate(
            shows_partnership=visible_related(Partnership, user, "partnership"),
            shows_programme=visible_related(Programme, user, "programme"),
        ),
        pk=pk,
    )
    # A published project may belong to internal work: its page does not name it.
    if not project.shows_partnership:  # type: ignore[attr-defined]
        project.partnership = None
    if not project.shows_programme:  # type: ignore[attr-defined]
        project.programme = None
    return ProjectPage(
        project=project,
        seat_region=region_of(project.seat),
        partners=list(
            ProjectPartner.objects.visible_to(user)
            .filter(project=project)
            .select_related("organisation")
            .order_by("role", "organisation__name")
        ),
        indicators=list(Indicator.objects.visible_to(user).filter(project=project)),
        events=list(
            Event.objects.visible_to(user)
            .filter(project=project)
            .select_related("territory")
            .order_by(F("start").desc(nulls_last=True), "title")[:RELATED_LIMIT]
        ),
        goals=list(
            Goal.objects.visible_to(user)
            .filter(project=project)
            .select_related("territory", "indicator")
        ),
    )


@dataclass(frozen=True)
class ProgrammePage:
    """A programme's fiche with the projects that carry it out, as ``user`` may see them."""

    programme: Programme
    projects: list[Project]
    events: list[Event]
    indicators: list[Indicator]
    goals: list[Goal]


def get_programme_page(user: Any, pk: int) -> ProgrammePage:
    """The fiche of programme ``pk`` (404 when ``user`` may not see it). Constant queries."""
    programme = get_object_or_404(
        visible_programmes(user)
        .select_related("partnership", "territory")
        .prefetch_related("target_groups", "areas")
        .annotate(shows_partnership=visible_related(Partnership, user, "partnership")),
        pk=pk,
    )
    if not programme.shows_partnership:  # type: ignore[attr-defined]
        programme.partnership = None  # an internal partnership is not named
    return ProgrammePage(
        programme=programme,
        projects=list(
            visible_projects(user)
            .filter(programme=programme)
            .select_related("funding_programme")
            .order_by(F("start").desc(nulls_last=True), "title")[:RELATED_LIMIT]
        ),
        events=list(
            Event.objects.visible_to(user)
            .filter(programme=programme)
            .prefetch_related(Prefetch("attendance"))
            .order_by(F("start").desc(nulls_last=True), "title")[:RELATED_LIMIT]
        ),
        indicators=list(Indicator.objects.visible_to(user).filter(programme=programme)),
        goals=list(
            Goal.objects.visible_to(user)
            .filter(programme=programme)
            .select_related("territory", "indicator")
        ),
    )


def latest_projects(user: Any, limit: int = 5) -> list[Project]:
    """The projects most recently put on record that ``user`` may see."""
    return list(
        visible_projects(user).select_related("seat").order_by("-created_at", "-pk")[:limit]
    )
