"""Reads of the public directory's organisation pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from partnerhub.events.models import Event
from partnerhub.partnerships.choices import MemberRole
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import Project, ProjectPartner
from partnerhub.registry.models import Organisation
from partnerhub.results.models import Goal
from partnerhub.territory.models import TerritorialUnit

#: How many records of each part of a portfolio an organisation's page lists.
PORTFOLIO_LIMIT = 100


def visible_organisations(user: Any) -> QuerySet[Organisation]:
    """The organisations ``user`` may see (the registry is public)."""
    return Organisation.objects.visible_to(user)


def with_list_details(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """What a list row shows: the seat and the areas of activity (two queries per page)."""
    return organisations.select_related("seat").prefetch_related("areas")


@dataclass(frozen=True)
class OrganisationPage:
    """An organisation and its whole portfolio, as ``user`` may see it.

    ``leads`` are partnerships it leads or coordinates, ``facilitates`` those it runs as a
    hub, ``member_of`` the others it belongs to; ``projects_led`` and ``projects_partnered``
    the projects it leads or takes part in.
    """

    organisation: Organisation
    seat_path: list[TerritorialUnit]
    leads: list[Membership]
    member_of: list[Membership]
    facilitates: list[Partnership]
    projects_led: list[Project]
    projects_partnered: list[ProjectPartner]
    events: list[Event]
    goals: list[Goal]

    @property
    def portfolio_size(self) -> int:
        partnerships = {m.partnership_id for m in self.leads + self.member_of}
        partnerships |= {p.pk for p in self.facilitates}
        return len(partnerships) + len(self.projects_led) + len(self.projects_partnered)


def get_organisation_page(user: Any, pk: int) -> OrganisationPage:
    """The page of organisation ``pk`` (404 when ``user`` may not see it). Constant queries."""
    organisation = get_object_or_404(
        visible_organisations(user).select_related("seat").prefetch_related("areas"), pk=pk
    )
    partnerships = Partnership.objects.visible_to(user).select_related("territory")
    memberships = list(
        Membership.objects.visible_to(user)
        .filter(organisation=organisation, partnership__in=partnerships)
        .select_related("partnership__territory")
        .order_by(F("partnership__start").desc(nulls_last=True), "partnership__name")[
            :PORTFOLIO_LIMIT
        ]
    )
    leading_roles = {MemberRole.LEADER, MemberRole.FACILITATOR}
    projects = Project.objects.visible_to(user).select_related("seat", "funding_programme")
    return OrganisationPage(
        organisation=organisation,
        seat_path=(
            [*organisation.seat.ancestors(), organisation.seat] if organisation.seat else []
        ),
        leads=[m for m in memberships if m.role in leading_roles],
        member_of=[m for m in memberships if m.role not in leading_roles],
        facilitates=list(
            partnerships.filter(hub=organisation).order_by(
                F("start").desc(nulls_last=True), "name"
            )[:PORTFOLIO_LIMIT]
        ),
        projects_led=list(
            projects.filter(lead_organisation=organisation).order_by(
                F("start").desc(nulls_last=True), "title"
            )[:PORTFOLIO_LIMIT]
        ),
        projects_partnered=list(
            ProjectPartner.objects.visible_to(user)
            .filter(organisation=organisation, project__in=projects)
            .exclude(project__lead_organisation=organisation)
            .select_related("project__seat", "project__funding_programme")
            .order_by(F("project__start").desc(nulls_last=True), "project__title")[:PORTFOLIO_LIMIT]
        ),
        events=list(
            Event.objects.visible_to(user)
            .filter(organisers=organisation)
            .select_related("territory")
            .prefetch_related(Prefetch("attendance"))
            .order_by(F("start").desc(nulls_last=True), "title")[:PORTFOLIO_LIMIT]
        ),
        goals=list(
            Goal.objects.visible_to(user)
            .filter(organisation=organisation)
            .select_related("indicator", "territory")
        ),
    )
