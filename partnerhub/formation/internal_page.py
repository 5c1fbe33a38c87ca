"""What a partnership's internal page shows a user: balance, stage history, invitations,
agreements and health check, read in a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from partnerhub.access.predicates import permission_name
from partnerhub.agreements.models import Agreement
from partnerhub.formation.charts import health_chart, health_table
from partnerhub.formation.models import (
    HealthResponse,
    HealthSurvey,
    Invitation,
    StageTransition,
)
from partnerhub.formation.selectors import (
    BalanceWarning,
    SurveyResults,
    check_balance,
    get_health_series,
)
from partnerhub.partnerships.models import Partnership


@dataclass(frozen=True)
class AgreementSummary:
    """An agreement of the partnership and where its current version stands."""

    agreement: Agreement
    number: int | None
    status: str
    signatures: int


@dataclass(frozen=True)
class FormationPage:
    """What the internal page of a partnership shows to ``user``."""

    partnership: Partnership
    warnings: list[BalanceWarning]
    may_manage: bool
    may_move: bool
    transitions: list[StageTransition]
    invitations: list[Invitation]
    agreements: list[AgreementSummary]
    may_start_agreement: bool
    may_open_survey: bool
    health: list[SurveyResults]
    health_rows: list[tuple[str, list[float | None]]]
    open_surveys: list[HealthSurvey]
    answerable: set[int]
    chart: dict[str, Any]


def _agreements(user: Any, partnership: Partnership) -> list[AgreementSummary]:
    summaries = []
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(partnership=partnership)
        .prefetch_related("versions__signatures")
    )
    for agreement in agreements:
        current = agreement.current_version()
        summaries.append(
            AgreementSummary(
                agreement=agreement,
                number=current.number if current else None,
                status=current.get_status_display() if current else "",
                signatures=len(current.signatures.all()) if current else 0,
            )
        )
    return summaries


def answerable_surveys(user: Any, surveys: list[HealthSurvey]) -> set[int]:
    """The surveys among ``surveys`` (of one partnership) the user may answer for a member.

    Whether one answers is decided by the partnership the surveys share, so it is asked
    once, whatever the number of surveys open.
    """
    if not surveys:
        return set()
    if user.has_perm(permission_name(HealthResponse, "add"), surveys[0]):
        return {survey.pk for survey in surveys}
    return set()


def get_formation_page(user: Any, partnership: Partnership) -> FormationPage:
    """The internal page of ``partnership`` as ``user`` may see it."""
    may_manage = bool(user.has_perm(permission_name(Partnership, "change"), partnership))
    series = get_health_series(partnership)
    surveys = list(
        HealthSurvey.objects.visible_to(user)
        .filter(partnership=partnership)
        .order_by("-opened_on", "-pk")
    )
    today = timezone.localdate()
    open_surveys = [survey for survey in surveys if survey.is_open_on(today)]
    return FormationPage(
        partnership=partnership,
        warnings=check_balance(partnership),
        may_manage=may_manage,
        may_move=bool(user.has_perm(permission_name(StageTransition, "add"), partnership)),
        transitions=list(
            StageTransition.objects.visible_to(user)
            .filter(partnership=partnership)
            .select_related("by")
            .order_by("date", "pk")
        ),
        invitations=(
            list(
                Invitation.objects.filter(partnership=partnership)
                .select_related("organisation", "invited_by", "decided_by")
                .order_by("-created_at", "-pk")
            )
            if may_manage
            else []
        ),
        agreements=_agreements(user, partnership),
        may_start_agreement=bool(user.has_perm(permission_name(Agreement, "add"), partnership)),
        may_open_survey=bool(user.has_perm(permission_name(HealthSurvey, "add"), partnership)),
        health=series,
        health_rows=health_table(series),
        open_surveys=open_surveys,
        answerable=answerable_surveys(user, open_surveys),
        chart=health_chart(series),
    )
