"""The API's own pages: the browsable root, and the profile page of personal tokens."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.views import LoginView, LogoutView
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import APIRootView

from partnerhub.api.forms import TokenForm
from partnerhub.api.models import ApiToken
from partnerhub.api.services import create_token, revoke_token
from partnerhub.api.viewsets import ClientLanguageMixin, activate_client_language

LOGIN_URL = "api:login"


class ApiRootView(ClientLanguageMixin, APIRootView):
    """Partnerhub's API: every collection, the OpenAPI schema and its documentation.

    Reading is open (published records only); writing needs a personal token of a staff
    user (Authorization: Token <key>) or a signed-in session. Create tokens at /api/tokens/.
    """

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        for name in ("schema", "docs", "redoc", "tokens"):
            response.data[name] = request.build_absolute_uri(reverse(f"api:{name}"))
        return response


@csrf_exempt  # it changes nothing, and must answer JSON to a PUT as well
def not_found(request: HttpRequest, unmatched: str = "") -> JsonResponse:
    """Any address under /api/ that names nothing: 404 in the API's error shape, not HTML."""
    activate_client_language(request)
    body = {"detail": str(exceptions.NotFound.default_detail), "code": "not_found", "errors": {}}
    return JsonResponse(body, status=404)


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's tokens, and a form to create one; a new key is shown once, right here."""
    form = TokenForm(request.POST or None)
    user = cast(User, request.user)  # signed in: login_required
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = create_token(
            user,
            form.cleaned_data["name"],
            expires_at=form.expires_at(),
            by=user,
        )
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "issued": issued, "tokens": tokens},
    )


@login_required(login_url=LOGIN_URL)
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's own tokens (another user's token is not found)."""
    user = cast(User, request.user)
    token = get_object_or_404(ApiToken, pk=token_id, user=user)
    revoke_token(token, by=user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api:tokens")


class SignInView(LoginView):
    """Sign in to use the browsable API and to manage personal tokens (any active user)."""

    template_name = "api/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return str(reverse("api:tokens"))


class SignOutView(LogoutView):
    next_page = "api:login"
