"""Health checks: rounds of a survey that members answer, one answer per member."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.access.predicates import permission_name, require
from partnerhub.access.scope import get_scope
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.formation.models import FACTORS, HealthResponse, HealthSurvey
from partnerhub.formation.services.common import acting_account
from partnerhub.partnerships.models import Membership, Partnership


def open_health_survey(
    partnership: Partnership,
    *,
    opened_on: datetime.date,
    closes_on: datetime.date,
    by: Actor,
) -> HealthSurvey:
    """Open a round of the health check, which members answer between the two dates."""
    require(
        by,
        permission_name(HealthSurvey, "add"),
        partnership,
        _("Only the partnership's facilitator or coordinator opens a health survey."),
    )
    survey = HealthSurvey(
        partnership=partnership,
        opened_on=opened_on,
        closes_on=closes_on,
        created_by=acting_account(by),
    )
    return save_validated(survey, by=by)


def update_health_survey(survey: HealthSurvey, *, by: Actor, **changes: Any) -> HealthSurvey:
    """Change a survey's dates (not its partnership)."""
    require(
        by,
        permission_name(HealthSurvey, "change"),
        survey,
        _("You may not change this survey."),
    )
    if "partnership" in changes and changes["partnership"] != survey.partnership:
        raise ValidationError(
            {"partnership": _("A survey stays with the partnership it was opened for.")}
        )
    return update_fields(survey, changes, by=by)


def delete_health_survey(survey: HealthSurvey, *, by: Actor) -> None:
    """Remove a survey opened by mistake, with its answers."""
    require(
        by,
        permission_name(HealthSurvey, "delete"),
        survey,
        _("You may not delete this survey."),
    )
    delete_record(survey, by=by)


def _check_survey_open(survey: HealthSurvey) -> None:
    today = timezone.localdate()
    if not survey.is_open_on(today):
        raise ValidationError(
            _("This survey is open from %(opened_on)s to %(closes_on)s."),
            code="survey_closed",
            params={
                "opened_on": survey.opened_on.isoformat(),
                "closes_on": survey.closes_on.isoformat(),
            },
        )


def _check_answers_for(by: Actor, membership: Membership) -> None:
    """A current member answers, through a representative (or in person), for itself only."""
    if not membership.is_current_on(timezone.localdate()):
        raise ValidationError(
            {
                "membership": ValidationError(
                    _("Only current members answer the health survey."), code="not_current"
                )
            }
        )
    if by is None:
        return
    scope = get_scope(by)
    if scope.is_site_admin:
        return
    represents = membership.organisation_id in scope.organisation_ids
    in_person = membership.person_id is not None and membership.person_id == scope.person_id
    if not (represents or in_person):
        raise PermissionDenied(_("A member answers the health survey for itself only."))


def answer_health_survey(
    survey: HealthSurvey,
    membership: Membership,
    scores: Mapping[str, int],
    *,
    comment: str = "",
    by: Actor,
) -> HealthResponse:
    """Record a member's answers to an open survey: a score from 1 to 5 for every factor.

    Answered by a representative of the member organisation (or the member in person). A
    member answers once; answering again while the survey is open changes the answer.
    """
    _check_answers_for(by, membership)
    _check_survey_open(survey)
    unknown = sorted(set(scores) - set(FACTORS))
    if unknown:
        raise ValidationError(
            {name: _("This is not a factor of the health check.") for name in unknown}
        )
    with transaction.atomic():
        HealthSurvey.objects.select_for_update().filter(pk=survey.pk).first()
        response = HealthResponse.objects.filter(survey=survey, membership=membership).first()
        if response is None:
            response = HealthResponse(survey=survey, membership=membership)
        for factor in FACTORS:
            setattr(response, factor, scores.get(factor))
        response.comment = comment.strip()
        response.answered_by = acting_account(by)
        return save_validated(response, by=by)


def update_health_response(
    response: HealthResponse, *, by: Actor, **changes: Any
) -> HealthResponse:
    """Change a member's answers while the survey is open (scores and comment only)."""
    _check_answers_for(by, response.membership)
    _check_survey_open(response.survey)
    fixed = {"survey", "membership"} & {
        name for name, value in changes.items() if value != getattr(response, name)
    }
    if fixed:
        raise ValidationError(
            {name: _("An answer stays with its survey and member.") for name in sorted(fixed)}
        )
    allowed = {name: value for name, value in changes.items() if name in (*FACTORS, "comment")}
    return update_fields(response, {**allowed, "answered_by": acting_account(by)}, by=by)
