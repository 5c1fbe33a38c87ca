"""Health checks: opening a survey and answering it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerhub.access.predicates import permission_name, require
from partnerhub.access.scope import get_scope
from partnerhub.formation import services
from partnerhub.formation.forms import (
    HealthAnswerForm,
    OpenSurveyForm,
)
from partnerhub.formation.models import (
    HealthResponse,
    HealthSurvey,
)
from partnerhub.formation.views.common import (
    _partnership,
    render_formation_page,
)
from partnerhub.partnerships.models import Membership, current_membership_q
from partnerhub.workspace.views.base import add_service_errors, visible_or_404


@login_required
@require_POST
def open_survey(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/health/open/``: the facilitator opens a round of the health check."""
    user = request.user
    partnership = _partnership(user, pk)
    require(user, permission_name(HealthSurvey, "add"), partnership)
    form = OpenSurveyForm(request.POST)
    if form.is_valid():
        try:
            services.open_health_survey(
                partnership,
                opened_on=form.cleaned_data["opened_on"],
                closes_on=form.cleaned_data["closes_on"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The health survey is open: members can answer it."))
            return HttpResponseRedirect(
                reverse("formation:partnership", args=[partnership.pk]) + "#health"
            )
    return render_formation_page(request, partnership, survey_form=form, status=400)


def _answering_for(user: Any, survey: HealthSurvey) -> list[Membership]:
    """The current memberships of the survey's partnership the user answers for."""
    scope = get_scope(user)
    own = Q(organisation_id__in=scope.organisation_ids)
    if scope.person_id is not None:
        own |= Q(person_id=scope.person_id)
    return list(
        Membership.objects.filter(partnership_id=survey.partnership_id)
        .filter(current_membership_q(timezone.localdate()))
        .filter(own)
        .select_related("organisation", "person")
        .order_by("pk")
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_survey(request: HttpRequest, pk: int) -> HttpResponse:
    """``survey/<pk>/answer/``: a member scores each statement of the health check."""
    user = request.user
    survey: HealthSurvey = visible_or_404(HealthSurvey, user, pk)
    require(user, permission_name(HealthResponse, "add"), survey)
    memberships = _answering_for(user, survey)
    if not memberships:
        raise PermissionDenied
    initial: dict[str, Any] = {}
    existing = (
        HealthResponse.objects.filter(survey=survey, membership__in=memberships)
        .order_by("pk")
        .first()
    )
    if existing is not None:
        initial = {
            **existing.scores,
            "comment": existing.comment,
            "membership": existing.membership_id,
        }
    form = HealthAnswerForm(
        request.POST if request.method == "POST" else None,
        memberships=memberships,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_health_survey(
                survey,
                form.cleaned_data["membership"],
                form.scores(),
                comment=form.cleaned_data["comment"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your answers are recorded."))
            return HttpResponseRedirect(
                reverse("formation:partnership", args=[survey.partnership_id]) + "#health"
            )
    return render(
        request,
        "formation/answer_survey.html",
        {"survey": survey, "partnership": survey.partnership, "form": form},
        status=400 if form.is_bound else 200,
    )
