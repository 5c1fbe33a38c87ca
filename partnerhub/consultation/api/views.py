"""Local problems through the API."""

from __future__ import annotations

from partnerhub.api.viewsets import RecordViewSet
from partnerhub.consultation import services
from partnerhub.consultation.api.serializers import LocalProblemSerializer
from partnerhub.consultation.filters import LocalProblemFilterSet
from partnerhub.consultation.models import LocalProblem


class LocalProblemViewSet(RecordViewSet):
    """Problems of local communities that a partnership could take on."""

    queryset = LocalProblem.objects.all()
    serializer_class = LocalProblemSerializer
    filterset_class = LocalProblemFilterSet
    ordering_fields = ["id", "title", "created_at", "updated_at"]
    ordering = ["-id"]
    create_service = services.record_problem
    update_service = services.update_problem
    delete_service = services.delete_problem
