"""The API's own pages: the browsable root, and the profile page of personal tokens."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import APIRootView

from partnerhub.api.viewsets import ClientLanguageMixin, activate_client_language


class ApiRootView(ClientLanguageMixin, APIRootView):
    """Partnerhub's API: every collection, the OpenAPI schema and its documentation.

    Reading is open (published records; more by the user's roles); writing follows the
    user's roles, with a personal token (Authorization: Token <key>) or a signed-in session.
    Create tokens on your profile (/accounts/profile/, also reached at /api/tokens/).
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
