"""Partnerships and memberships as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.core.choices import Sector
from partnerhub.partnerships.models import Membership, Partnership

RECORD_FIELDS = ["created_at", "updated_at"]
PARTNERSHIP_FIELDS = [
    "id",
    "name",
    "short_name",
    "kind",
    "stage",
    "territory",
    "goal",
    "description",
    "areas",
    "problems",
    "hub",
    "start",
    "end",
    "period_precision",
    "grew_out_of",
    "declared_member_count",
    "visibility",
]


class SectorBalanceSerializer(serializers.Serializer):
    """Which sectors the current members come from, and in what share."""

    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("Member organisations per sector.")
    )
    individuals = serializers.IntegerField(
        help_text=_("Members who are people, not organisations.")
    )
    shares = serializers.DictField(
        child=serializers.FloatField(), help_text=_("Each sector's share of the organisations.")
    )
    present = serializers.ListField(child=serializers.ChoiceField(choices=Sector.choices))
    missing = serializers.ListField(child=serializers.ChoiceField(choices=Sector.choices))
    is_three_sector = serializers.BooleanField()


class MemberOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    sector = serializers.ChoiceField(choices=Sector.choices)


class MemberSerializer(RecordSerializer):
    """A member as listed in its partnership: the organisation's name and sector come along."""

    organisation = MemberOrganisationSerializer(allow_null=True)

    class Meta:
        model = Membership
        fields = ["id", "organisation", "person", "role", "joined", "left", "responsibilities"]


class PartnershipSerializer(RecordSerializer):
    """A partnership with its members and the balance of the three sectors.

    Members who are people are listed only to those who may read the partnership's internal
    page (the viewset annotates ``shows_people``); the balance counts them either way (as
    ``individuals``).
    """

    members = serializers.SerializerMethodField()
    member_count = serializers.SerializerMethodField(
        help_text=_("Listed members, or the declared number when a source states more.")
    )
    sector_balance = serializers.SerializerMethodField()

    class Meta:
        model = Partnership
        fields = [
            *PARTNERSHIP_FIELDS,
            "member_count",
            "members",
            "sector_balance",
            *RECORD_FIELDS,
        ]

    def _memberships(self, partnership: Partnership) -> list[Membership]:
        # Prefetched by the viewset (with each member's organisation).
        return list(partnership.memberships.all())

    @extend_schema_field(MemberSerializer(many=True))
    def get_members(self, partnership: Partnership) -> list[dict[str, Any]]:
        members = self._memberships(partnership)
        if not getattr(partnership, "shows_people", False):
            members = [m for m in members if m.organisation_id is not None]
        return MemberSerializer(members, many=True).data  # type: ignore[return-value]

    def get_member_count(self, partnership: Partnership) -> int:
        return max(len(self._memberships(partnership)), partnership.declared_member_count or 0)

    @extend_schema_field(SectorBalanceSerializer)
    def get_sector_balance(self, partnership: Partnership) -> dict[str, Any]:
        # The viewset prefetches the memberships, so this costs no query.
        return SectorBalanceSerializer(partnership.sector_balance()).data


ONE_MEMBER = _("Choose either an organisation or a person as the member.")


def check_one_member(data: dict[str, Any], instance: Membership | None = None) -> None:
    """Exactly one of organisation and person (the message of ``Membership.clean()``)."""
    organisation = data.get("organisation", getattr(instance, "organisation", None))
    person = data.get("person", getattr(instance, "person", None))
    if (organisation is None) == (person is None):
        raise serializers.ValidationError({"organisation": [ONE_MEMBER]})


class MemberWriteSerializer(RecordSerializer):
    """A member added together with a new partnership: an organisation or a person."""

    class Meta:
        model = Membership
        fields = ["organisation", "person", "role", "joined", "left", "responsibilities"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_one_member(attrs)
        return attrs


class PartnershipWriteSerializer(RecordSerializer):
    """What a client sends to create or change a partnership.

    ``members`` may be given when the partnership is created: the partnership and all its
    members are written together or not at all. Later, members join and leave through
    ``/api/memberships/``.
    """

    members = MemberWriteSerializer(many=True, required=False)

    class Meta:
        model = Partnership
        fields = [*PARTNERSHIP_FIELDS[1:], "members"]

    def validate_members(self, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self.instance is not None:
            raise serializers.ValidationError(
                _("Members of an existing partnership are changed through /api/memberships/.")
            )
        return members


class MembershipSerializer(RecordSerializer):
    """An organisation's or a person's membership of a partnership."""

    class Meta:
        model = Membership
        fields = [
            "id",
            "partnership",
            "organisation",
            "person",
            "role",
            "joined",
            "left",
            "responsibilities",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_one_member(attrs, self.instance)
        return attrs
