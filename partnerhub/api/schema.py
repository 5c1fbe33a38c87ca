"""How the OpenAPI schema describes every operation: bodies in, bodies out, and errors."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework.permissions import SAFE_METHODS

from partnerhub.api.exceptions import ErrorSerializer

WRITE_METHODS = ("POST", "PUT", "PATCH")

ERRORS = {
    "400": _("Bad input: the errors are listed by field."),
    "401": _("The token is wrong, revoked or expired, or a write was tried without one."),
    "403": _("Signed in, but not allowed to do this."),
    "404": _("No such record, or not one this client may see."),
    "409": _("The change conflicts with records that exist (e.g. still in use)."),
    "415": _("The request body is not JSON."),
    "429": _("Too many requests: try again later."),
}


class RecordAutoSchema(AutoSchema):
    """The default schema generator, knowing the conventions of Partnerhub's viewsets.

    A viewset whose input differs from its output (nested writes) names its input in
    ``write_serializer_class``; every operation documents the error answers it can give,
    all in the one shape of ``ErrorSerializer``; reads are open to anonymous clients.
    """

    def get_request_serializer(self) -> Any:
        write_serializer = getattr(self.view, "write_serializer_class", None)
        if write_serializer is not None and self.method in WRITE_METHODS:
            return write_serializer
        return super().get_request_serializer()

    def get_auth(self) -> list[dict[str, Any]]:
        auths = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403", "429"]
        if self.method in WRITE_METHODS:
            codes.append("415")
        if self.method != "POST" and not self._is_list_view():
            codes.append("404")
        if self.method in ("PUT", "PATCH", "DELETE", "POST"):
            codes.append("409")
        return sorted(codes)

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if not self._is_partnerhub_view():
            return responses
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=str(ERRORS[code])), code
                )
        return responses

    def _is_partnerhub_view(self) -> bool:
        return type(self.view).__module__.startswith("partnerhub.")
