"""Inviting organisations, and answering invitations (in the workspace or by link)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerhub.access.predicates import permission_name, require
from partnerhub.core.views import wants_partial
from partnerhub.formation import services
from partnerhub.formation.forms import (
    DeclineForm,
    InviteForm,
)
from partnerhub.formation.internal_page import get_formation_page
from partnerhub.formation.models import (
    Invitation,
)
from partnerhub.formation.rules import RESPOND
from partnerhub.formation.selectors import (
    get_pending_invitations,
)
from partnerhub.formation.views.common import (
    _partnership,
    respond_url,
    safe_next,
)
from partnerhub.workspace.views.base import add_service_errors, visible_or_404


def _check_invitable(form: InviteForm) -> bool:
    """Check every chosen organisation before inviting any: all are invited, or none."""
    partnership = form.cleaned_data["partnership"]
    refused = []
    for organisation in form.cleaned_data["organisations"]:
        try:
            services.check_can_invite(partnership, organisation)
        except ValidationError as error:
            for message in error.messages:
                refused.append(
                    _("%(organisation)s: %(message)s")
                    % {"organisation": organisation.name, "message": message}
                )
    for message in refused:
        form.add_error("organisations", message)
    return not refused


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """``invite/``: invite organisations to a partnership the user facilitates, in one role.

    All the organisations chosen are invited, or — when one of them may not be (dissolved,
    already a member or invited) — none, with the reason for each refused one. The links of
    the new invitations are shown once, to pass on.
    """
    user = request.user
    if request.method != "POST":
        raw = request.GET.get("partnership", "")
        if not raw.isdigit():
            raise Http404
        partnership = _partnership(user, int(raw))
        require(user, permission_name(Invitation, "add"), partnership)
        form = InviteForm(user=user, initial={"partnership": partnership.pk})
        return render(request, "formation/invite.html", {"form": form, "next": ""})
    form = InviteForm(request.POST, user=user)
    if form.is_valid():
        partnership = form.cleaned_data["partnership"]
        require(user, permission_name(Invitation, "add"), partnership)
        if _check_invitable(form):
            try:
                with transaction.atomic():
                    issued = [
                        services.invite_organisation(
                            partnership,
                            organisation,
                            form.cleaned_data["role"],
                            message=form.cleaned_data["message"],
                            respond_url=respond_url(request),
                            by=user,
                        )
                        for organisation in form.cleaned_data["organisations"]
                    ]
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(
                    request,
                    "formation/invitations_sent.html",
                    {
                        "partnership": partnership,
                        "issued": [
                            (item.invitation, respond_url(request)(item.token)) for item in issued
                        ],
                        "next": safe_next(request, ""),
                    },
                )
    return render(
        request,
        "formation/invite.html",
        {"form": form, "next": safe_next(request, "")},
        status=400,
    )


def _invitation(user: Any, pk: int) -> Invitation:
    invitation: Invitation = visible_or_404(Invitation, user, pk)
    return invitation


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """``invitation/<pk>/revoke/``: the facilitator withdraws a pending invitation."""
    user = request.user
    invitation = _invitation(user, pk)
    partnership = invitation.partnership
    message = ""
    try:
        services.revoke_invitation(invitation, by=user)
    except ValidationError as error:
        message = " ".join(error.messages)
        if not wants_partial(request):
            messages.error(request, message)
    else:
        if not wants_partial(request):
            messages.success(request, _("The invitation is withdrawn."))
    if wants_partial(request):
        page = get_formation_page(user, partnership)
        return render(
            request,
            "formation/_invitations.html",
            {"page": page, "partnership": partnership, "message": message},
        )
    default = reverse("formation:partnership", args=[partnership.pk]) + "#invitations"
    return HttpResponseRedirect(safe_next(request, default))


def _pending_section(request: HttpRequest, message: str = "") -> HttpResponse:
    return render(
        request,
        "formation/_pending_invitations.html",
        {"pending_invitations": list(get_pending_invitations(request.user)), "message": message},
    )


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """``invitation/<pk>/accept/``: a representative accepts, in the role proposed."""
    user = request.user
    invitation = _invitation(user, pk)
    try:
        membership = services.accept_invitation(invitation, by=user)
    except ValidationError as error:
        message = " ".join(error.messages)
        level = messages.ERROR
    else:
        message = _("%(organisation)s is now a member of “%(partnership)s”.") % {
            "organisation": invitation.organisation.name,
            "partnership": membership.partnership.name,
        }
        level = messages.SUCCESS
    if wants_partial(request):
        return _pending_section(request, message)
    messages.add_message(request, level, message)
    return HttpResponseRedirect(safe_next(request, reverse("workspace:index")))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    """``invitation/<pk>/decline/``: a representative declines, saying why."""
    user = request.user
    invitation = _invitation(user, pk)
    require(user, RESPOND, invitation)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decline_invitation(invitation, reason=form.cleaned_data["reason"], by=user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The invitation is declined; the partnership is told why."))
            return HttpResponseRedirect(safe_next(request, reverse("workspace:index")))
    return render(
        request,
        "formation/decline.html",
        {"invitation": invitation, "form": form, "next": safe_next(request, "")},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def respond_by_token(request: HttpRequest, token: str) -> HttpResponse:
    """``/invitations/<token>/``: the link an invitation e-mail carries. A signed-in user
    holding it accepts or declines the invitation (a stranger sees that it exists only after
    signing in)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    invitation = services.get_invitation_for_token(token)
    if invitation is None:
        raise Http404
    form = DeclineForm()
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decline":
            form = DeclineForm(request.POST)
        try:
            if action == "accept":
                services.accept_invitation(invitation, token=token, by=request.user)
                done = _("%(organisation)s is now a member of “%(partnership)s”.")
            elif action == "decline" and form.is_valid():
                services.decline_invitation(
                    invitation, reason=form.cleaned_data["reason"], token=token, by=request.user
                )
                done = _("%(organisation)s declined the invitation to “%(partnership)s”.")
            elif action != "decline":
                errors.append(_("Choose to accept or to decline the invitation."))
        except ValidationError as error:
            errors.extend(error.messages)
        if not errors and not form.errors:
            names = {
                "organisation": invitation.organisation.name,
                "partnership": invitation.partnership.name,
            }
            messages.success(request, done % names)
            return HttpResponseRedirect(reverse("workspace:index"))
        invitation.refresh_from_db()
    return render(
        request,
        "formation/respond.html",
        {
            "invitation": invitation,
            "closed": services.CLOSED_INVITATION.get(invitation.effective_status, ""),
            "form": form,
            "errors": errors,
        },
        status=400 if request.method == "POST" else 200,
    )
