"""Reads of the workspace: what a user may edit, a partnership's balance, a hub's dashboard.

Each figure is one aggregate query, so a page costs the same number of queries whether a
hub runs two partnerships or two hundred.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.access.models import RoleAssignment
from partnerhub.access.scope import get_scope
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.events.models import Event
from partnerhub.formation.models import Invitation
from partnerhub.formation.selectors import BalanceWarning, check_balance, get_pending_invitations
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import (
    Membership,
    Partnership,
    balance_date,
    current_membership_q,
)
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation, Person
from partnerhub.results.choices import GoalStatus
from partnerhub.results.models import Goal, Indicator

#: How many records of each kind "My workspace" lists (the count says how many in all).
WORKSPACE_LIST_LENGTH = 20
UPCOMING_EVENTS = 10


# --- a partnership's three-sector balance --------------------------------------------------


@dataclass(frozen=True)
class SectorBadge:
    """A partnership's current members by sector, as its badge shows them."""

    sectors: list[tuple[str, str, int]]  # (sector, label, organisations)
    individuals: int
    missing: list[str]
    is_three_sector: bool


def get_sector_badge(partnership: Partnership) -> SectorBadge:
    """The balance badge of ``partnership`` (one query, see ``Partnership.sector_balance``)."""
    balance = partnership.sector_balance()
    labels = dict(Sector.choices)
    return SectorBadge(
        sectors=[(s, str(labels[s]), balance.counts[s]) for s in Sector.values],
        individuals=balance.individuals,
        missing=[str(labels[s]) for s in balance.missing],
        is_three_sector=balance.is_three_sector,
    )


# --- "My workspace" --------------------------------------------------------------------------


@dataclass(frozen=True)
class EditableList:
    """The first records of one kind a user may change, and how many there are in all."""

    model: type[models.Model]
    title: Any
    records: list[Any]
    total: int


@dataclass(frozen=True)
class ManagedPartnership:
    """A partnership the user facilitates or coordinates, with its balance warnings."""

    partnership: Partnership
    warnings: list[BalanceWarning]


@dataclass(frozen=True)
class WorkspaceOverview:
    roles: list[RoleAssignment]
    lists: list[EditableList]
    problems_to_moderate: list[LocalProblem]
    problems_to_moderate_total: int
    hubs: list[Organisation]
    pending_invitations: list[Invitation] = field(default_factory=list)
    managed_partnerships: list[ManagedPartnership] = field(default_factory=list)


def _editable_list(model: type[Any], title: Any, user: Any) -> EditableList:
    records = model.objects.editable_by(user)
    return EditableList(
        model=model,
        title=title,
        records=list(records.order_by("-updated_at", "-pk")[:WORKSPACE_LIST_LENGTH]),
        total=records.count(),
    )


def problems_awaiting_moderation(user: Any) -> QuerySet[LocalProblem]:
    """Submitted problems the staff of the user's hubs (or an administrator) must review."""
    scope = get_scope(user)
    waiting = LocalProblem.objects.filter(status=ProblemStatus.SUBMITTED)
    if scope.is_site_admin:
        return waiting
    return waiting.filter(hub_id__in=scope.hub_ids)


def get_workspace_overview(user: Any) -> WorkspaceOverview:
    """What ``user`` may change, their roles, and the problems waiting for their hub."""
    scope = get_scope(user)
    roles = list(
        RoleAssignment.objects.current()
        .filter(user_id=user.pk)
        .select_related("organisation", "partnership")
        .order_by("role", "pk")
    )
    lists = [
        _editable_list(Partnership, _("Partnerships"), user),
        _editable_list(Programme, _("Programmes"), user),
        _editable_list(Project, _("Projects"), user),
        _editable_list(Event, _("Events"), user),
        _editable_list(Organisation, _("Organisations"), user),
        _editable_list(Person, _("People"), user),
    ]
    waiting = problems_awaiting_moderation(user)
    hubs = Organisation.objects.filter(is_hub=True).order_by("name")
    if not scope.is_site_admin:
        hubs = hubs.filter(pk__in=scope.hub_ids)
    return WorkspaceOverview(
        roles=roles,
        lists=lists,
        problems_to_moderate=list(
            waiting.select_related("hub").order_by("created_at")[:WORKSPACE_LIST_LENGTH]
        ),
        problems_to_moderate_total=waiting.count(),
        hubs=list(hubs[:WORKSPACE_LIST_LENGTH]),
        pending_invitations=list(get_pending_invitations(user)),
        managed_partnerships=managed_partnerships(user),
    )


def managed_partnerships(user: Any) -> list[ManagedPartnership]:
    """The partnerships the user manages, still open, with their balance warnings (a fixed
    number of queries: the members are prefetched for ``check_balance``)."""
    partnerships = (
        Partnership.objects.editable_by(user)
        .exclude(stage=Stage.CLOSED)
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
        )
        .order_by("-updated_at", "-pk")[:WORKSPACE_LIST_LENGTH]
    )
    return [ManagedPartnership(p, check_balance(p)) for p in partnerships]


def may_open_hub_dashboard(user: Any, hub: Organisation) -> bool:
    """Staff of ``hub`` and site administrators see its dashboard."""
    scope = get_scope(user)
    return scope.is_site_admin or hub.pk in scope.hub_ids


# --- the hub dashboard -----------------------------------------------------------------------


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    partnerships: int


@dataclass(frozen=True)
class SectorCount:
    sector: str | None  # None: people taking part in their own name
    label: str
    members: int


@dataclass(frozen=True)
class FundingRow:
    funding_programme: str
    currency: str
    projects: int
    total_cost: Decimal | None
    grant: Decimal | None


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    project: Project
    progress: Decimal | None  # achieved / target, 1 = met

    @property
    def percent(self) -> int | None:
        return None if self.progress is None else round(self.progress * 100)


@dataclass(frozen=True)
class GoalRow:
    """A goal of the hub; ``measured`` is what the records count towards it, if they do."""

    goal: Goal
    is_met: bool
    measured: int | None = None


@dataclass
class HubDashboard:
    """Everything the dashboard of one hub shows."""

    hub: Organisation
    partnerships: list[Partnership]
    stages: list[StageCount]
    sectors: list[SectorCount]
    funding: list[FundingRow]
    indicators: list[IndicatorRow]
    upcoming_events: list[Event]
    goals: list[GoalRow]
    charts: dict[str, Any] = field(default_factory=dict)

    @property
    def three_sector_partnerships(self) -> int:
        return sum(1 for p in self.partnerships if _is_three_sector(p))

    @property
    def project_count(self) -> int:
        return sum(row.projects for row in self.funding)

    @property
    def goals_met(self) -> int:
        return sum(1 for row in self.goals if row.is_met)


def _is_three_sector(partnership: Partnership) -> bool:
    return all(getattr(partnership, f"members_{sector}", 0) > 0 for sector in Sector.values)


def hub_projects(hub: Organisation, user: Any) -> QuerySet[Project]:
    """Projects of the hub's partnerships (directly or through a programme) and those it leads.

    Limited to what ``user`` may see: the dashboard never counts a record its reader may not
    know exists.
    """
    return Project.objects.visible_to(user).filter(
        Q(partnership__hub=hub) | Q(programme__partnership__hub=hub) | Q(lead_organisation=hub)
    )


def _stages(hub: Organisation) -> list[StageCount]:
    counts = dict(
        Partnership.objects.filter(hub=hub)
        .values("stage")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("stage", "n")
    )
    return [StageCount(stage, str(label), counts.get(stage, 0)) for stage, label in Stage.choices]


def _sectors(hub: Organisation) -> list[SectorCount]:
    """Distinct current members of all the hub's partnerships, by sector."""
    current = current_membership_q(balance_date(F("partnership__end")))
    rows = (
        Membership.objects.filter(partnership__hub=hub)
        .filter(current)
        .values("organisation__sector")
        .annotate(
            organisations=Count("organisation", distinct=True),
            people=Count("person", distinct=True),
        )
        .order_by()
    )
    by_sector = {row["organisation__sector"]: row for row in rows}
    sectors = [
        SectorCount(sector, str(label), by_sector.get(sector, {}).get("organisations", 0))
        for sector, label in Sector.choices
    ]
    people = by_sector.get(None, {}).get("people", 0)
    return [*sectors, SectorCount(None, str(_("Individuals")), people)]


def _funding(projects: QuerySet[Project]) -> list[FundingRow]:
    rows = (
        projects.values("funding_programme__name", "funding_programme__short_name", "currency")
        .annotate(projects=Count("pk"), total_cost=Sum("total_cost"), grant=Sum("grant"))
        .order_by("funding_programme__name", "currency")
    )
    no_programme = str(_("No funding programme"))
    return [
        FundingRow(
            funding_programme=(
                row["funding_programme__short_name"]
                or row["funding_programme__name"]
                or no_programme
            ),
            currency=row["currency"],
            projects=row["projects"],
            total_cost=row["total_cost"],
            grant=row["grant"],
        )
        for row in rows
    ]


def _indicators(projects: QuerySet[Project]) -> list[IndicatorRow]:
    indicators = (
        Indicator.objects.filter(project__in=projects.values("pk"))
        .select_related("project")
        .order_by("project__title", "kind", "position", "pk")
    )
    return [
        IndicatorRow(indicator=i, project=i.project, progress=i.progress)  # type: ignore[arg-type]
        for i in indicators
    ]


def _upcoming_events(
    hub: Organisation, projects: QuerySet[Project], user: Any, today: datetime.date
) -> list[Event]:
    organised = Event.organisers.through.objects.filter(organisation_id=hub.pk)
    return list(
        Event.objects.visible_to(user)
        .filter(
            Q(partnership__hub=hub)
            | Q(programme__partnership__hub=hub)
            | Q(project__in=projects.values("pk"))
            | Q(pk__in=organised.values("event_id"))
        )
        .filter(start__gte=today)
        .order_by("start", "title")[:UPCOMING_EVENTS]
    )


def is_goal_met(goal: Goal, measured: int | None = None) -> bool:
    """Met when marked so; for a goal counted from the records (``Goal.measure``), when the
    count (``measured``) reached its target; otherwise when the indicator that measures it
    reached its target."""
    if goal.status == GoalStatus.MET:
        return True
    if goal.measure:
        return (
            measured is not None
            and goal.measure_target is not None
            and (measured >= goal.measure_target)
        )
    indicator = goal.indicator
    return bool(
        indicator is not None
        and indicator.target
        and indicator.achieved is not None
        and indicator.achieved >= indicator.target
    )


def _goals(hub: Organisation) -> list[GoalRow]:
    """The hub's goals, each with what the records count towards it (one query)."""
    goals = (
        Goal.objects.filter(organisation=hub)
        .with_measured_value()
        .select_related("indicator")
        .order_by("position", "pk")
    )
    rows = []
    for goal in goals:
        measured = getattr(goal, "measured_value", None)
        rows.append(GoalRow(goal, is_goal_met(goal, measured), measured))
    return rows


def _number(value: Decimal | int | None) -> float:
    return float(value or 0)


def _charts(dashboard: HubDashboard) -> dict[str, Any]:
    """The data each chart draws (the tables next to them show the same figures)."""
    currencies = sorted({row.currency for row in dashboard.funding})
    programmes = list(dict.fromkeys(row.funding_programme for row in dashboard.funding))
    grants = {(row.funding_programme, row.currency): row.grant for row in dashboard.funding}
    return {
        "stages": {
            "kind": "bar",
            "labels": [row.label for row in dashboard.stages],
            "series": [
                {
                    "name": str(_("Partnerships")),
                    "values": [row.partnerships for row in dashboard.stages],
                }
            ],
        },
        "sectors": {
            "kind": "pie",
            "labels": [row.label for row in dashboard.sectors],
            "series": [
                {"name": str(_("Members")), "values": [row.members for row in dashboard.sectors]}
            ],
        },
        "funding": {
            "kind": "bar",
            "labels": programmes,
            "series": [
                {
                    "name": str(_("Projects")),
                    "values": [
                        sum(r.projects for r in dashboard.funding if r.funding_programme == p)
                        for p in programmes
                    ],
                }
            ],
        },
        # Amounts in different currencies are never added up: one series per currency.
        "grants": {
            "kind": "bar",
            "labels": programmes,
            "series": [
                {
                    "name": str(_("Grant (%(currency)s)") % {"currency": currency}),
                    "values": [_number(grants.get((p, currency))) for p in programmes],
                }
                for currency in currencies
                if any(grants.get((p, currency)) for p in programmes)
            ],
        },
        "indicators": {
            "kind": "hbar",
            "labels": [row.indicator.name for row in dashboard.indicators],
            "series": [
                {
                    "name": str(_("Progress (per cent)")),
                    "values": [row.percent or 0 for row in dashboard.indicators],
                }
            ],
        },
    }


def get_hub_dashboard(hub: Organisation, user: Any) -> HubDashboard:
    """The figures of ``hub``'s dashboard as ``user`` may see them; a fixed number of queries."""
    projects = hub_projects(hub, user)
    dashboard = HubDashboard(
        hub=hub,
        partnerships=list(
            Partnership.objects.filter(hub=hub)
            .with_member_counts()
            .select_related("territory")
            .order_by("name")
        ),
        stages=_stages(hub),
        sectors=_sectors(hub),
        funding=_funding(projects),
        indicators=_indicators(projects),
        upcoming_events=_upcoming_events(hub, projects, user, timezone.localdate()),
        goals=_goals(hub),
    )
    dashboard.charts = _charts(dashboard)
    return dashboard
