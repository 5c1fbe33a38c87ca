"""What the formation views share: safe redirects, permission checks, the internal page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from partnerhub.access.predicates import permission_name, require
from partnerhub.formation.forms import (
    InviteForm,
    OpenSurveyForm,
    StageMoveForm,
)
from partnerhub.formation.internal_page import get_formation_page
from partnerhub.partnerships.models import Partnership
from partnerhub.workspace.views.base import visible_or_404


def safe_next(request: HttpRequest, default: str) -> str:
    """The ``next`` address posted with a form, when it stays on this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


def with_param(url: str, name: str, value: Any) -> str:
    """``url`` with one query parameter set (replacing an earlier value)."""
    parts = urlsplit(url)
    kept = [p for p in parts.query.split("&") if p and not p.startswith(f"{name}=")]
    query = "&".join([*kept, urlencode({name: value})])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _partnership(user: Any, pk: int) -> Partnership:
    partnership: Partnership = visible_or_404(Partnership, user, pk)
    return partnership


def respond_url(request: HttpRequest) -> Any:
    """Makes the absolute link an invitation e-mail carries, from its token."""
    return lambda token: request.build_absolute_uri(reverse("invitations:respond", args=[token]))


def _internal_partnership(user: Any, pk: int) -> Partnership:
    partnership = _partnership(user, pk)
    require(user, permission_name(Partnership, "view_internal"), partnership)
    return partnership


def render_formation_page(
    request: HttpRequest,
    partnership: Partnership,
    *,
    move_form: StageMoveForm | None = None,
    invite_form: InviteForm | None = None,
    survey_form: OpenSurveyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page = get_formation_page(request.user, partnership)
    context = {
        "page": page,
        "partnership": partnership,
        "move_form": move_form or StageMoveForm(partnership=partnership),
        "invite_form": invite_form
        or InviteForm(user=request.user, initial={"partnership": partnership.pk}),
        "survey_form": survey_form or OpenSurveyForm(),
    }
    return render(request, "formation/partnership.html", context, status=status)
