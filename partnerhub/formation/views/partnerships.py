"""Starting a partnership for a problem, its internal page and its lifecycle moves."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnerhub.access.predicates import permission_name, require
from partnerhub.consultation.models import LocalProblem
from partnerhub.formation import services
from partnerhub.formation.forms import (
    StageMoveForm,
    StartPartnershipForm,
)
from partnerhub.formation.models import (
    StageTransition,
)
from partnerhub.formation.views.common import (
    _internal_partnership,
    _partnership,
    render_formation_page,
    safe_next,
    with_param,
)
from partnerhub.partnerships.models import Partnership
from partnerhub.partnerships.services import create_partnership
from partnerhub.workspace.views.base import add_service_errors, visible_or_404

# --- a problem's partnership ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start_partnership(request: HttpRequest, pk: int) -> HttpResponse:
    """``problem/<pk>/start/``: the staff of a problem's hub start the partnership that takes
    it on (its territory, areas and hub are the problem's)."""
    user = request.user
    problem: LocalProblem = visible_or_404(LocalProblem, user, pk)
    if problem.hub is None:
        raise Http404(_("This problem has no hub to facilitate a partnership."))
    require(user, permission_name(Partnership, "add"), problem.hub)
    form = StartPartnershipForm(
        request.POST if request.method == "POST" else None,
        initial={"name": problem.title, "goal": problem.title},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                partnership = create_partnership(
                    name=data["name"],
                    kind=data["kind"],
                    goal=data["goal"],
                    visibility=data["visibility"],
                    territory=problem.territory,
                    hub=problem.hub,
                    areas=list(problem.areas.all()),
                    problems=[problem],
                    by=user,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The partnership “%(name)s” is started: invite its members.")
                % {"name": partnership.name},
            )
            default = reverse("matching:problem-recommendations", args=[problem.pk])
            return HttpResponseRedirect(
                with_param(safe_next(request, default), "partnership", partnership.pk)
            )
    status = 400 if form.is_bound else 200
    return render(
        request,
        "formation/start_partnership.html",
        {"problem": problem, "form": form, "next": safe_next(request, "")},
        status=status,
    )


# --- a partnership's internal page ----------------------------------------------------------


@login_required
@require_safe
def partnership_page(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/``: a partnership's internal page — its balance, stage and history,
    invitations, agreement and health check."""
    return render_formation_page(request, _internal_partnership(request.user, pk))


# --- lifecycle -------------------------------------------------------------------------------


@login_required
@require_POST
def move_stage(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/stage/``: move the partnership to one of its allowed next stages."""
    user = request.user
    partnership = _partnership(user, pk)
    require(user, permission_name(StageTransition, "add"), partnership)
    form = StageMoveForm(request.POST, partnership=partnership)
    if form.is_valid():
        try:
            services.move_partnership_to_stage(
                partnership,
                form.cleaned_data["stage"],
                note=form.cleaned_data["note"],
                on=form.cleaned_data["date"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The partnership is now in the stage “%(stage)s”.")
                % {"stage": partnership.get_stage_display()},
            )
            default = reverse("formation:partnership", args=[partnership.pk]) + "#lifecycle"
            return HttpResponseRedirect(safe_next(request, default))
    partnership.refresh_from_db()
    return render_formation_page(request, partnership, move_form=form, status=400)
