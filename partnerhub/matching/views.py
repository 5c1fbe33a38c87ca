"""Recommended partners in the workspace: for a local problem, or a partnership being formed.

Who may look: whoever may change the record (the staff of its hub, the partnership's
coordinator, site administrators), as in the API. A record the user may not see is 404;
one they see but may not change is 403. The page is a GET form (weights, filters, list or
balanced shortlist) that works without JavaScript; with htmx only the results are swapped.
The organisations chosen are invited through ``formation:invite``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from partnerhub.access.predicates import permission_name, require
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.core.views import wants_partial
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.forms import InviteForm, StartPartnershipForm
from partnerhub.formation.models import Invitation
from partnerhub.matching.forms import RecommendationSearchForm
from partnerhub.matching.selectors import (
    Recommendations,
    Shortlist,
    balanced_shortlist,
    recommend_partners,
)
from partnerhub.matching.targets import MatchTarget, partnership_target, problem_target
from partnerhub.partnerships.models import Partnership
from partnerhub.workspace.views.base import add_service_errors

#: Invitations that count as "already invited" (revoked and expired ones do not).
STANDING_INVITATIONS = (
    InvitationStatus.PENDING,
    InvitationStatus.ACCEPTED,
    InvitationStatus.DECLINED,
)


def _require_change(user: Any, record: Any) -> None:
    require(user, permission_name(type(record), "change"), record)


def _invited_ids(partnership: Partnership | None) -> list[int]:
    if partnership is None:
        return []
    return list(
        Invitation.objects.filter(partnership=partnership, status__in=STANDING_INVITATIONS)
        .values_list("organisation_id", flat=True)
        .distinct()
    )


def _search(
    form: RecommendationSearchForm, target: MatchTarget, invited: list[int]
) -> Recommendations | Shortlist | None:
    """The results the form asks for, or None when it has errors (shown on its fields)."""
    if form.is_bound and not form.is_valid():
        return None
    options = form.search_options(invited)
    try:
        if form.wants_shortlist:
            return balanced_shortlist(target, options, form.value("size"))
        return recommend_partners(target, options)
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def _render(
    request: HttpRequest, template_context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    template = "matching/recommendations.html"
    if wants_partial(request):
        template = "matching/_results.html"
    response = render(request, template, template_context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _page(
    request: HttpRequest,
    *,
    record: LocalProblem | Partnership,
    target: MatchTarget,
    partnerships: list[Partnership],
    partnership: Partnership | None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    form = RecommendationSearchForm(request.GET)
    result = _search(form, target, _invited_ids(partnership))
    invite_form = InviteForm(
        user=request.user,
        initial={"partnership": partnership.pk if partnership else None},
    )
    context = {
        "record": record,
        "target": target,
        "form": form,
        "result": result,
        "is_shortlist": isinstance(result, Shortlist),
        "partnerships": partnerships,
        "partnership": partnership,
        "invite_form": invite_form,
        "covered_sectors": (
            [(sector, Sector(sector).label) for sector in result.sectors]
            if isinstance(result, Shortlist)
            else []
        ),
        "preselected": (
            {r.organisation.pk for r in result.results} if isinstance(result, Shortlist) else set()
        ),
        **(extra or {}),
    }
    return _render(request, context, status=200 if result is not None else 400)


def _chosen(partnerships: list[Partnership], wanted: str) -> Partnership | None:
    by_pk = {str(p.pk): p for p in partnerships}
    return by_pk.get(wanted) or (partnerships[0] if partnerships else None)


def _managed_partnerships(user: Any, problem: LocalProblem) -> QuerySet[Partnership]:
    return Partnership.objects.editable_by(user).filter(problems=problem).order_by("-created_at")


@login_required
@require_safe
def problem_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    """``problem/<pk>/``: organisations worth inviting to take on a local problem, with the
    partnership that takes it on (or the form to start one, for the staff of its hub)."""
    user = request.user
    problem = get_object_or_404(
        LocalProblem.objects.visible_to(user)
        .select_related("territory", "raised_by_organisation", "hub")
        .prefetch_related("areas"),
        pk=pk,
    )
    _require_change(user, problem)
    partnerships = list(_managed_partnerships(user, problem))
    partnership = _chosen(partnerships, request.GET.get("partnership", ""))
    may_start = problem.hub is not None and user.has_perm(
        permission_name(Partnership, "add"), problem.hub
    )
    start_form = StartPartnershipForm(initial={"name": problem.title, "goal": problem.title})
    return _page(
        request,
        record=problem,
        target=problem_target(problem),
        partnerships=partnerships,
        partnership=partnership,
        extra={"may_start": may_start, "start_form": start_form, "problem": problem},
    )


@login_required
@require_safe
def partnership_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/``: organisations worth inviting to a partnership being formed."""
    user = request.user
    partnership = get_object_or_404(
        Partnership.objects.visible_to(user).select_related("territory", "hub"), pk=pk
    )
    _require_change(user, partnership)
    return _page(
        request,
        record=partnership,
        target=partnership_target(partnership),
        partnerships=[partnership],
        partnership=partnership,
    )
