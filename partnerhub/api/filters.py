"""API filter backends (the filtersets themselves live in each domain's ``filters.py``)."""

from __future__ import annotations

from typing import Any, cast

from django.utils.translation import gettext_lazy as _
from rest_framework.filters import OrderingFilter


class RecordOrderingFilter(OrderingFilter):
    """``?ordering=name`` or ``?ordering=-created_at``, among the view's ``ordering_fields``.

    The schema lists the accepted values; a value not among them is ignored and the view's
    default order applies.
    """

    ordering_description = cast(
        str,
        _("Sort by this field; a leading minus sorts in descending order. Ties are broken by id."),
    )

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        fields = getattr(view, "ordering_fields", None)
        if isinstance(fields, list | tuple):
            choices = [value for field in fields for value in (field, f"-{field}")]
            for parameter in parameters:
                parameter["schema"] = {"type": "string", "enum": choices}
        return parameters
