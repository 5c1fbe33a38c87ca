"""Agreements, their versions and content as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.api.fields import RecordSerializer


class VersionSummarySerializer(RecordSerializer):
    class Meta:
        model = AgreementVersion
        fields = ["id", "number", "status"]
        read_only_fields = fields


class AgreementSerializer(RecordSerializer):
    """An agreement and its versions; ``current_version`` is the one not superseded."""

    versions = VersionSummarySerializer(many=True, read_only=True)
    current_version = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = ["id", "partnership", "title", "current_version", "versions", "created_at"]
        read_only_fields = ["created_at"]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_current_version(self, agreement: Agreement) -> int | None:
        current = agreement.current_version()  # from the prefetched versions
        return current.pk if current else None


class AgreementWriteSerializer(RecordSerializer):
    """A new agreement (its first version starts as an empty draft), or a new title."""

    note = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_("A note on the first version."),
    )

    class Meta:
        model = Agreement
        fields = ["partnership", "title", "note"]


class RevisionSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_("What the new version changes."),
    )


class ResponsibilitySerializer(RecordSerializer):
    """A member's part in an activity: lead, responsible, contributes or informed."""

    class Meta:
        model = Responsibility
        fields = ["id", "activity", "membership", "level"]


class ActivitySerializer(RecordSerializer):
    """An activity of an agreement version, with the members' parts in it."""

    responsibilities = ResponsibilitySerializer(many=True, read_only=True)

    class Meta:
        model = AgreementActivity
        fields = ["id", "version", "title", "description", "position", "responsibilities"]


class ActivityWriteSerializer(RecordSerializer):
    class Meta:
        model = AgreementActivity
        fields = ["version", "title", "description", "position"]
        extra_kwargs = {"position": {"required": False}}


class CommitmentSerializer(RecordSerializer):
    """What a member commits: money (with its currency), something in kind, hours of work."""

    class Meta:
        model = Commitment
        fields = ["id", "version", "membership", "money", "currency", "in_kind", "hours"]


class SignatureSerializer(RecordSerializer):
    class Meta:
        model = Signature
        fields = ["id", "version", "membership", "signer_name", "signed_at"]
        read_only_fields = fields


class SignSerializer(serializers.Serializer):
    membership = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text=_(
            "The member organisation signing (a membership id); may be left out by a client "
            "who represents exactly one member."
        ),
    )


class AgreementVersionSerializer(RecordSerializer):
    """A version with everything in it: activities and the responsibility matrix,
    commitments and signatures."""

    activities = ActivitySerializer(many=True, read_only=True)
    commitments = CommitmentSerializer(many=True, read_only=True)
    signatures = SignatureSerializer(many=True, read_only=True)

    class Meta:
        model = AgreementVersion
        fields = [
            "id",
            "agreement",
            "number",
            "status",
            "note",
            "created_at",
            "opened_at",
            "signed_at",
            "activities",
            "commitments",
            "signatures",
        ]
        read_only_fields = fields


class AgreementDocumentSerializer(serializers.Serializer):
    """The exported document (see ``partnerhub.agreements.exports.agreement_as_dict``)."""

    agreement = serializers.DictField()
    partnership = serializers.DictField()
    version = serializers.DictField()
    activities = serializers.ListField(child=serializers.DictField())
    commitments = serializers.ListField(child=serializers.DictField())
    signatories = serializers.ListField(child=serializers.DictField())
    exported_at = serializers.DateTimeField()

    def to_representation(self, instance: Any) -> Any:
        return instance
