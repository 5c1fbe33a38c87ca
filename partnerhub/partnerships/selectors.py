"""Reads of the public directory's partnership pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from partnerhub.access.predicates import permission_name
from partnerhub.agreements.models import Agreement
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.events.models import Event
from partnerhub.formation.charts import health_chart, health_table
from partnerhub.formation.models import StageTransition
from partnerhub.formation.selectors import (
    BalanceWarning,
    SurveyResults,
    check_balance,
    get_health_series,
)
from partnerhub.partnerships.choices import MemberRole
from partnerhub.partnerships.models import Membership, Partnership, SectorBalance, balance_date
from partnerhub.projects.models import Programme, Project
from partnerhub.results.models import Goal, Indicator

#: How many events and projects a partnership's page lists.
RELATED_LIMIT = 100


def visible_partnerships(user: Any) -> QuerySet[Partnership]:
    """The partnerships ``user`` may see: published ones, and internal ones of their roles."""
    return Partnership.objects.visible_to(user)


def _memberships_with_members() -> Prefetch:
    return Prefetch(
        "memberships", queryset=Membership.objects.select_related("organisation", "person")
    )


def with_list_details(partnerships: QuerySet[Partnership]) -> QuerySet[Partnership]:
    """What a list row shows: territory and members with their sectors (three queries a page).

    ``sector_balance()`` reads the prefetched memberships instead of asking per row.
    """
    return partnerships.select_related("territory", "hub").prefetch_related(
        _memberships_with_members()
    )


@dataclass(frozen=True)
class MemberGroup:
    """Members of one sector (``sector`` empty for individuals), current ones first."""

    sector: str
    label: str
    memberships: list[Membership]


@dataclass(frozen=True)
class PartnershipPage:
    """A partnership with everything its public page shows, as ``user`` may see it."""

    partnership: Partnership
    balance: SectorBalance
    member_groups: list[MemberGroup]
    shows_people: bool
    grew_out_of: list[Partnership]
    gave_rise_to: list[Partnership]
    problems: list[LocalProblem]
    programmes: list[Programme]
    projects: list[Project]
    events: list[Event]
    indicators: list[Indicator]
    goals: list[Goal]
    warnings: list[BalanceWarning] = field(default_factory=list)
    transitions: list[StageTransition] = field(default_factory=list)
    may_move: bool = False
    # For those involved only: the agreement and the health check.
    agreements: list[Agreement] = field(default_factory=list)
    health: list[SurveyResults] = field(default_factory=list)
    health_rows: list[tuple[str, list[float | None]]] = field(default_factory=list)
    health_chart: dict[str, Any] = field(default_factory=dict)


def group_members(
    memberships: list[Membership], *, with_people: bool, on: Any
) -> list[MemberGroup]:
    """Members by sector (public, private, civil), then individuals when they may be shown.

    Within a group: current members before former ones, leaders first, then by name.
    """

    def order(m: Membership) -> tuple[bool, bool, str]:
        return (not m.is_current_on(on), m.role != MemberRole.LEADER, str(m.member))

    groups = [
        MemberGroup(
            sector,
            str(label),
            sorted(
                (m for m in memberships if m.organisation and m.organisation.sector == sector),
                key=order,
            ),
        )
        for sector, label in Sector.choices
    ]
    if with_people:
        people = sorted((m for m in memberships if m.person_id), key=order)
        groups.append(MemberGroup("", _("Individuals"), people))
    return [group for group in groups if group.memberships]


def get_partnership_page(user: Any, pk: int) -> PartnershipPage:
    """The page of partnership ``pk`` (404 when ``user`` may not see it). Constant queries."""
    partnership = get_object_or_404(
        visible_partnerships(user)
        .select_related("territory", "hub")
        .prefetch_related("areas", _memberships_with_members()),
        pk=pk,
    )
    shows_people = user.has_perm("partnerships.view_internal_partnership", partnership)
    visible = visible_partnerships(user).select_related("territory")
    on = balance_date(partnership.end)
    return PartnershipPage(
        partnership=partnership,
        balance=partnership.sector_balance(),
        member_groups=group_members(
            list(partnership.memberships.all()), with_people=shows_people, on=on
        ),
        shows_people=shows_people,
        grew_out_of=list(visible.filter(gave_rise_to=partnership)),
        gave_rise_to=list(visible.filter(grew_out_of=partnership)),
        problems=list(
            LocalProblem.objects.visible_to(user)
            .filter(partnerships=partnership)
            .select_related("territory")
        ),
        programmes=list(
            Programme.objects.visible_to(user)
            .filter(partnership=partnership)
            .order_by(F("start").desc(nulls_last=True), "title")
        ),
        projects=list(
            Project.objects.visible_to(user)
            .filter(partnership=partnership)
            .select_related("funding_programme")
            .order_by(F("start").desc(nulls_last=True), "title")[:RELATED_LIMIT]
        ),
        events=list(
            Event.objects.visible_to(user)
            .filter(partnership=partnership)
            .select_related("territory")
            .order_by(F("start").desc(nulls_last=True), "title")[:RELATED_LIMIT]
        ),
        indicators=list(Indicator.objects.visible_to(user).filter(partnership=partnership)),
        goals=list(
            Goal.objects.visible_to(user)
            .filter(partnership=partnership)
            .select_related("territory", "indicator")
        ),
        # Read from the prefetched memberships: no query.
        warnings=check_balance(partnership),
        transitions=list(
            StageTransition.objects.visible_to(user)
            .filter(partnership=partnership)
            .order_by("date", "pk")
        ),
        may_move=bool(user.has_perm(permission_name(StageTransition, "add"), partnership)),
        **(_internal_details(user, partnership) if shows_people else {}),
    )


def _internal_details(user: Any, partnership: Partnership) -> dict[str, Any]:
    """What only those involved read on the page: the agreement and the health check."""
    series = get_health_series(partnership)
    return {
        "agreements": list(
            Agreement.objects.visible_to(user)
            .filter(partnership=partnership)
            .prefetch_related("versions__signatures")
            .order_by("pk")
        ),
        "health": series,
        "health_rows": health_table(series) if series else [],
        "health_chart": health_chart(series) if series else {},
    }


def latest_partnerships(user: Any, limit: int = 5) -> list[Partnership]:
    """The partnerships most recently put on record that ``user`` may see."""
    return list(
        visible_partnerships(user)
        .select_related("territory")
        .order_by("-created_at", "-pk")[:limit]
    )
