"""Local problems as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from partnerhub.api.fields import RecordSerializer
from partnerhub.api.visibility import may_see_people
from partnerhub.consultation.models import LocalProblem

RECORD_FIELDS = ["created_at", "updated_at"]


class LocalProblemSerializer(RecordSerializer):
    """A local problem; the person who raised it is shown only to those who may see people."""

    class Meta:
        model = LocalProblem
        fields = [
            "id",
            "title",
            "description",
            "territory",
            "areas",
            "raised_by_organisation",
            "raised_by_person",
            "status",
            "rejection_reason",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS

    def to_representation(self, instance: LocalProblem) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        request = self.context.get("request")
        if not may_see_people(getattr(request, "user", None)):
            data["raised_by_person"] = None
        return data
