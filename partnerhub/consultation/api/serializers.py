"""Local problems as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from partnerhub.access.predicates import permission_name
from partnerhub.api.fields import RecordSerializer
from partnerhub.consultation.models import LocalProblem

RECORD_FIELDS = ["created_at", "updated_at"]


class LocalProblemSerializer(RecordSerializer):
    """A local problem; who raised it (a person) is shown to those who read its internal page."""

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
            "hub",
            "status",
            "rejection_reason",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS

    def to_representation(self, instance: LocalProblem) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if instance.raised_by_person_id is not None and not (
            user is not None
            and user.has_perm(permission_name(type(instance), "view_internal"), instance)
        ):
            data["raised_by_person"] = None
        return data
