"""Every API error in one JSON shape, and the database refusals turned into client errors.

Every error answer has the body ``{"detail": str, "code": str, "errors": {path: [str]}}``:
``detail`` is a sentence for people, ``code`` a stable machine-readable code, and
``errors`` lists messages by field for bad input (empty otherwise). A field inside a nested
list is named by its path, e.g. ``partners.1.organisation``; messages about the record as
a whole are under ``non_field_errors``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY


class Conflict(exceptions.APIException):
    """The request is well formed but clashes with records that exist (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with records that exist.")
    default_code = "conflict"


def django_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """A Django ``ValidationError`` as messages by field (``__all__`` → non_field_errors)."""
    if hasattr(error, "error_dict"):
        return {
            (NON_FIELD if field == NON_FIELD_ERRORS else field): [str(m) for m in messages]
            for field, messages in error.message_dict.items()
        }
    return {NON_FIELD: [str(m) for m in error.messages]}


def prefixed(error: DjangoValidationError, prefix: str) -> DjangoValidationError:
    """``error`` with every field renamed ``<prefix>.<field>`` (for items of a nested write)."""
    return DjangoValidationError(
        {f"{prefix}.{field}": messages for field, messages in django_errors(error).items()}
    )


def flatten(detail: Any, path: str = "") -> dict[str, list[str]]:
    """DRF's nested error details as ``{"a.0.b": [messages]}``."""
    if isinstance(detail, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = NON_FIELD if key in (NON_FIELD, NON_FIELD_ERRORS) and not path else str(key)
            for field, messages in flatten(value, f"{path}.{name}" if path else name).items():
                flat.setdefault(field, []).extend(messages)
        return flat
    if isinstance(detail, list) and any(isinstance(item, Mapping | list) for item in detail):
        flat = {}
        for index, item in enumerate(detail):
            for field, messages in flatten(item, f"{path}.{index}" if path else str(index)).items():
                flat.setdefault(field, []).extend(messages)
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {path or NON_FIELD: [str(message) for message in messages]} if messages else {}


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(django_errors(exc))
    if isinstance(exc, ProtectedError | RestrictedError):
        blockers = sorted({obj._meta.verbose_name_plural for obj in exc.args[1]}, key=str)
        return Conflict(
            _("This record is still used by other records (%(records)s) and cannot be deleted.")
            % {"records": ", ".join(str(name) for name in blockers)},
            code="protected",
        )
    if isinstance(exc, DataError):
        # What the field checks let through but the database cannot store (a last resort).
        return exceptions.ValidationError(
            {NON_FIELD: [_("A value cannot be stored: it is too long, too large or malformed.")]}
        )
    if isinstance(exc, IntegrityError):
        return Conflict(
            _("The database refused the change: it conflicts with records that exist."),
            code="integrity",
        )
    return exc


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler with Django's validation and database errors mapped, in one shape."""
    exc = _as_api_exception(exc)
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        errors = flatten(exc.detail)
        body = {"detail": str(_("Invalid input.")), "code": "invalid", "errors": errors}
    else:
        codes = exc.get_codes()
        body = {
            "detail": str(exc.detail),
            "code": codes if isinstance(codes, str) else exc.default_code,
            "errors": {},
        }
    response.data = body
    return response


class ErrorSerializer(serializers.Serializer):
    """The body of every error answer (documented once, used by every operation)."""

    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    code = serializers.CharField(help_text=_("A stable code: invalid, not_found, …"))
    # Declared fields are taken off the class, so this does not shadow ``Serializer.errors``.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_(
            "Messages by field for bad input; a field of a nested item is named by its path "
            "(partners.1.organisation), the record as a whole by non_field_errors."
        ),
    )
