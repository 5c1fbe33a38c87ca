"""Partnerships and memberships through the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet

from partnerhub.api.exceptions import prefixed
from partnerhub.api.viewsets import RecordViewSet
from partnerhub.core.services import Actor
from partnerhub.partnerships import services
from partnerhub.partnerships.api.serializers import (
    MembershipSerializer,
    PartnershipSerializer,
    PartnershipWriteSerializer,
)
from partnerhub.partnerships.filters import MembershipFilterSet, PartnershipFilterSet
from partnerhub.partnerships.models import Membership, Partnership

# Members come with their organisations: names, sectors and the sector balance in one query.
MEMBERS_WITH_ORGANISATIONS: Prefetch[Any, Any, Any] = Prefetch(
    "memberships", queryset=Membership.objects.select_related("organisation")
)


def add_members(
    partnership: Partnership, members: list[dict[str, Any]], *, by: Actor
) -> list[Membership]:
    """Add each member in turn; an error names the member's place (``members.2.joined``)."""
    added = []
    for index, member in enumerate(members):
        organisation, person = member.pop("organisation", None), member.pop("person", None)
        try:
            added.append(services.add_member(partnership, organisation or person, by=by, **member))
        except ValidationError as error:
            raise prefixed(error, f"members.{index}") from error
    return added


class PartnershipViewSet(RecordViewSet):
    """Partnerships of every kind, with their members and the balance of the three sectors."""

    queryset = Partnership.objects.prefetch_related(MEMBERS_WITH_ORGANISATIONS)
    serializer_class = PartnershipSerializer
    write_serializer_class = PartnershipWriteSerializer
    filterset_class = PartnershipFilterSet
    ordering_fields = ["id", "name", "created_at", "updated_at"]
    ordering = ["name"]
    update_service = services.update_partnership
    delete_service = services.delete_partnership

    def base_queryset(self) -> QuerySet[Partnership]:
        internal = Partnership.objects.internal_to(self.request.user).values("pk")
        return (
            super()
            .base_queryset()
            .annotate(
                shows_people=ExpressionWrapper(Q(pk__in=internal), output_field=BooleanField())
            )
        )

    def create_record(self, data: dict[str, Any], *, by: Actor) -> Partnership:
        members = data.pop("members", [])
        partnership = services.create_partnership(by=by, **data)
        add_members(partnership, members, by=by)
        return partnership


class MembershipViewSet(RecordViewSet):
    """Organisations and people in partnerships, with their roles and periods."""

    queryset = Membership.objects.all()
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet
    ordering_fields = ["id", "created_at"]
    ordering = ["id"]
    update_service = services.update_membership
    delete_service = services.remove_membership

    def create_record(self, data: dict[str, Any], *, by: Actor) -> Membership:
        partnership = data.pop("partnership")
        member = data.pop("organisation", None) or data.pop("person", None)
        data.pop("person", None)
        return services.add_member(partnership, member, by=by, **data)
