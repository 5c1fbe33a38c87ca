"""Territorial units as the API shows them (read-only: loaded from official registers)."""

from __future__ import annotations

from partnerhub.api.fields import RecordSerializer
from partnerhub.territory.models import TerritorialUnit


class TerritorialUnitSerializer(RecordSerializer):
    """A unit with its official code and its place in the tree (``path``: codes from the top)."""

    class Meta:
        model = TerritorialUnit
        fields = [
            "id",
            "country",
            "level",
            "code",
            "name",
            "municipality_type",
            "nuts_code",
            "parent",
            "path",
        ]
