"""Territorial units through the API: read-only, filterable at any level."""

from __future__ import annotations

from partnerhub.api.viewsets import RecordReadViewSet
from partnerhub.territory.api.serializers import TerritorialUnitSerializer
from partnerhub.territory.filters import TerritorialUnitFilterSet
from partnerhub.territory.models import TerritorialUnit


class TerritorialUnitViewSet(RecordReadViewSet):
    """Countries, regions, counties, municipalities and localities with their official codes."""

    queryset = TerritorialUnit.objects.all()
    serializer_class = TerritorialUnitSerializer
    filterset_class = TerritorialUnitFilterSet
    ordering_fields = ["id", "path", "name", "code"]
    ordering = ["path"]
