"""Reads of the formation of partnerships: balance warnings, invitations to answer, health."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext

from partnerhub.access.scope import get_scope
from partnerhub.core.choices import Sector
from partnerhub.formation.choices import HealthFactor
from partnerhub.formation.models import FACTORS, HealthSurvey, Invitation, InvitationQuerySet
from partnerhub.partnerships.models import Partnership

# --- three-sector balance ------------------------------------------------------------------

#: The share of member organisations above which one sector dominates, unless the setting
#: ``PARTNERSHIP_DOMINANCE_THRESHOLD`` says otherwise.
DEFAULT_DOMINANCE_THRESHOLD = 0.6


@dataclass(frozen=True)
class BalanceWarning:
    """Something to fix in a partnership's mix of sectors, with a message for people.

    ``code`` is ``no_organisations``, ``sector_missing`` or ``sector_dominant``; ``sector``
    names the sector concerned and ``share`` its share of the member organisations.
    """

    code: str
    message: str
    sector: str | None = None
    share: float | None = None


def _missing_message(sector: str) -> str:
    messages = {
        Sector.PUBLIC: gettext(
            "No member comes from the public sector: invite the municipality or a public "
            "institution."
        ),
        Sector.PRIVATE: gettext(
            "No member comes from the private sector: invite a local business."
        ),
        Sector.CIVIL: gettext(
            "No member comes from the civil sector: invite an NGO active in the community."
        ),
    }
    return messages[Sector(sector)]


def _dominant_message(sector: str, share: float, threshold: float) -> str:
    messages = {
        Sector.PUBLIC: gettext(
            "The public sector holds %(share)d%% of the member organisations (more than "
            "%(threshold)d%%): the partnership depends on it."
        ),
        Sector.PRIVATE: gettext(
            "The private sector holds %(share)d%% of the member organisations (more than "
            "%(threshold)d%%): the partnership depends on it."
        ),
        Sector.CIVIL: gettext(
            "The civil sector holds %(share)d%% of the member organisations (more than "
            "%(threshold)d%%): the partnership depends on it."
        ),
    }
    return messages[Sector(sector)] % {
        "share": round(share * 100),
        "threshold": round(threshold * 100),
    }


def configured_dominance_threshold() -> float:
    """The configured share above which one sector dominates a partnership."""
    return float(getattr(settings, "PARTNERSHIP_DOMINANCE_THRESHOLD", DEFAULT_DOMINANCE_THRESHOLD))


def check_balance(
    partnership: Partnership,
    *,
    dominance_threshold: float | None = None,
    on: datetime.date | None = None,
) -> list[BalanceWarning]:
    """Warnings about the partnership's three-sector balance, in the active language.

    A warning for each sector with no current member organisation, and for a sector holding
    more than ``dominance_threshold`` (a share between 0 and 1; by default the setting
    ``PARTNERSHIP_DOMINANCE_THRESHOLD``, 0.6) of them. Built on ``sector_balance()``: one
    query, none when the memberships were prefetched. No warning: a balanced partnership.
    """
    threshold = (
        configured_dominance_threshold() if dominance_threshold is None else dominance_threshold
    )
    if not 0 < threshold <= 1:
        raise ValueError("dominance_threshold is a share between 0 (excluded) and 1")
    balance = partnership.sector_balance(on)
    if balance.organisations == 0:
        return [
            BalanceWarning(
                code="no_organisations",
                message=gettext(
                    "The partnership has no member organisations yet: invite members from the "
                    "public, private and civil sectors."
                ),
            )
        ]
    warnings = [
        BalanceWarning(
            code="sector_missing", sector=sector, share=0.0, message=_missing_message(sector)
        )
        for sector in balance.missing
    ]
    warnings += [
        BalanceWarning(
            code="sector_dominant",
            sector=sector,
            share=share,
            message=_dominant_message(sector, share, threshold),
        )
        for sector, share in balance.shares.items()
        if share > threshold
    ]
    return warnings


# --- invitations ---------------------------------------------------------------------------


def get_pending_invitations(user: Any) -> InvitationQuerySet:
    """Invitations the user may answer now: pending, addressed to organisations they represent."""
    scope = get_scope(user)
    return (
        Invitation.objects.pending()
        .filter(organisation_id__in=scope.organisation_ids)
        .select_related("partnership", "organisation")
        .order_by("expires_at", "pk")
    )


# --- health checks -------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyResults:
    """The mean score of each factor in one survey, and overall (None without answers)."""

    survey_id: int
    opened_on: datetime.date
    closes_on: datetime.date
    responses: int
    means: dict[str, float | None]

    @property
    def overall(self) -> float | None:
        """The mean of the factors' means."""
        values = [value for value in self.means.values() if value is not None]
        return sum(values) / len(values) if values else None

    @classmethod
    def of(cls, survey: HealthSurvey) -> SurveyResults:
        """From a survey annotated by ``HealthSurvey.objects.with_results()``."""
        return cls(
            survey_id=survey.pk,
            opened_on=survey.opened_on,
            closes_on=survey.closes_on,
            responses=getattr(survey, "response_count", 0),
            means={factor: _rounded(getattr(survey, f"mean_{factor}", None)) for factor in FACTORS},
        )


def _rounded(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def get_survey_results(survey: HealthSurvey) -> SurveyResults:
    """The results of one survey (one query)."""
    annotated = HealthSurvey.objects.with_results().get(pk=survey.pk)
    return SurveyResults.of(annotated)


def get_health_series(partnership: Partnership) -> list[SurveyResults]:
    """The results of every survey of a partnership, oldest first, for a chart (one query)."""
    surveys = HealthSurvey.objects.filter(partnership=partnership).with_results()
    return [SurveyResults.of(survey) for survey in surveys.order_by("opened_on", "pk")]


def health_factor_labels() -> dict[str, str]:
    """Each factor's name in the active language, in the order of the survey."""
    return {factor.value: str(factor.label) for factor in HealthFactor}
