"""Which records a client may see: the declared access of each model (partnerhub.access).

Kept as the API's one hook so viewsets and exports call the same function.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet


def visible_to(queryset: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """``queryset`` narrowed to the records ``user`` may know exist."""
    return queryset.visible_to(user)  # type: ignore[attr-defined]
