"""Agreements through the API: drafting, opening for signature, signing, revising, exporting.

Views are thin: they check the input's shape and call the agreement services, which check
who may act, keep every version but the draft frozen and refuse bad requests clearly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from partnerhub.access.scope import get_scope
from partnerhub.agreements import services
from partnerhub.agreements.api.serializers import (
    ActivitySerializer,
    ActivityWriteSerializer,
    AgreementDocumentSerializer,
    AgreementSerializer,
    AgreementVersionSerializer,
    AgreementWriteSerializer,
    CommitmentSerializer,
    ResponsibilitySerializer,
    RevisionSerializer,
    SignatureSerializer,
    SignSerializer,
)
from partnerhub.agreements.exports import agreement_as_dict, render_agreement_pdf
from partnerhub.agreements.filters import (
    AgreementActivityFilterSet,
    AgreementFilterSet,
    AgreementVersionFilterSet,
    CommitmentFilterSet,
    ResponsibilityFilterSet,
    SignatureFilterSet,
)
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.api.viewsets import RecordReadViewSet, RecordViewSet
from partnerhub.core.services import Actor
from partnerhub.formation.api.permissions import SignedInForService
from partnerhub.formation.api.schema import ScopedRecordSchema
from partnerhub.partnerships.models import Membership


class PdfRenderer(BaseRenderer):
    """Lets a client ask for ``application/pdf``; the PDF itself is sent as it is.

    Error answers reaching this renderer are written as JSON, in the API's error shape.
    """

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if isinstance(data, bytes):
            return data
        return json.dumps(data).encode("utf-8")


class AgreementViewSet(RecordViewSet):
    """Partnership agreements, internal to their partnership.

    Creating one starts its first version as an empty draft; ``revise`` starts a new draft
    from the current version once it has been opened for signature.
    """

    queryset = Agreement.objects.prefetch_related("versions")
    serializer_class = AgreementSerializer
    write_serializer_class = AgreementWriteSerializer
    filterset_class = AgreementFilterSet
    ordering_fields = ["id", "created_at"]
    ordering = ["id"]
    update_service = services.update_agreement
    delete_service = services.delete_agreement
    schema = ScopedRecordSchema()

    def create_record(self, data: dict[str, Any], *, by: Actor) -> Agreement:
        return services.create_agreement(data.pop("partnership"), by=by, **data)

    def update_record(self, instance: Any, data: dict[str, Any], *, by: Actor) -> Agreement:
        data.pop("note", None)
        return services.update_agreement(instance, by=by, **data)

    @extend_schema(request=RevisionSerializer, responses={201: AgreementVersionSerializer})
    @action(detail=True, methods=["post"], permission_classes=[SignedInForService])
    def revise(self, request: Request, pk: str | None = None) -> Response:
        """Start a new draft from the current version (which is superseded, unchanged)."""
        agreement = self.get_object()
        revision = RevisionSerializer(data=request.data)
        revision.is_valid(raise_exception=True)
        draft = services.revise_agreement(
            agreement, note=revision.validated_data.get("note", ""), by=request.user
        )
        version = version_queryset().get(pk=draft.pk)
        body = AgreementVersionSerializer(version, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


#: Responsibilities in the matrix's order: leads first.
MATRIX: Prefetch[Any, Any, Any] = Prefetch(
    "responsibilities", queryset=Responsibility.objects.in_matrix_order()
)


def version_queryset() -> QuerySet[AgreementVersion]:
    """Versions with their activities, matrix, commitments and signatures (fixed queries)."""
    activities: Prefetch[Any, Any, Any] = Prefetch(
        "activities", queryset=AgreementActivity.objects.prefetch_related(MATRIX)
    )
    return AgreementVersion.objects.prefetch_related(activities, "commitments", "signatures")


class AgreementVersionViewSet(RecordReadViewSet):
    """Versions of agreements, each with its content. Only a draft changes (through
    /api/agreement-activities/, /api/responsibilities/ and /api/commitments/)."""

    queryset = version_queryset()
    serializer_class = AgreementVersionSerializer
    filterset_class = AgreementVersionFilterSet
    ordering_fields = ["id", "number"]
    ordering = ["id"]
    schema = ScopedRecordSchema()

    def _represented(self, version: AgreementVersion) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=version.pk)).data)

    @extend_schema(request=None, responses=AgreementVersionSerializer)
    @action(detail=True, methods=["post"], url_path="open", permission_classes=[SignedInForService])
    def open_for_signature(self, request: Request, pk: str | None = None) -> Response:
        """Freeze the draft and open it for the member organisations to sign."""
        version = self.get_object()
        services.open_for_signature(version, by=request.user)
        return self._represented(version)

    @extend_schema(request=SignSerializer, responses={201: SignatureSerializer})
    @action(detail=True, methods=["post"], permission_classes=[SignedInForService])
    def sign(self, request: Request, pk: str | None = None) -> Response:
        """Sign the version for a member organisation the client represents."""
        version = self.get_object()
        given = SignSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        membership = self._signing_member(version, given.validated_data.get("membership"))
        signature = services.sign_agreement(version, membership, by=request.user)
        return Response(SignatureSerializer(signature).data, status=status.HTTP_201_CREATED)

    def _signing_member(self, version: AgreementVersion, membership_id: int | None) -> Membership:
        members = Membership.objects.filter(partnership__agreements__versions=version)
        if membership_id is not None:
            membership = members.filter(pk=membership_id).first()
            if membership is None:
                raise serializers.ValidationError(
                    {"membership": [_("This is not a member of the agreement's partnership.")]}
                )
            return membership
        represented = list(
            services.signatories(version).filter(
                organisation_id__in=get_scope(self.request.user).organisation_ids
            )
        )
        if len(represented) != 1:
            raise serializers.ValidationError(
                {"membership": [_("Name the member organisation you sign for.")]}
            )
        return represented[0]

    @extend_schema(responses=AgreementDocumentSerializer)
    @action(detail=True, methods=["get"])
    def export(self, request: Request, pk: str | None = None) -> Response:
        """The version as a self-contained JSON document (names, not only ids)."""
        return Response(agreement_as_dict(self.get_object()))

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description=_("The version as a PDF document.")
            )
        }
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, PdfRenderer])
    def pdf(self, request: Request, pk: str | None = None) -> HttpResponse:
        """The version as a PDF document, to print and sign or to file."""
        version = self.get_object()
        response = HttpResponse(render_agreement_pdf(version), content_type="application/pdf")
        stamp = timezone.localdate().isoformat()
        filename = f"agreement-{version.agreement_id}-v{version.number}-{stamp}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class AgreementActivityViewSet(RecordViewSet):
    """Activities of agreement versions; only a draft's activities change."""

    queryset = AgreementActivity.objects.prefetch_related(MATRIX)
    serializer_class = ActivitySerializer
    write_serializer_class = ActivityWriteSerializer
    filterset_class = AgreementActivityFilterSet
    ordering_fields = ["id", "position"]
    ordering = ["id"]
    update_service = services.update_activity
    delete_service = services.remove_activity

    def create_record(self, data: dict[str, Any], *, by: Actor) -> AgreementActivity:
        return services.add_activity(data.pop("version"), by=by, **data)


class ResponsibilityViewSet(RecordViewSet):
    """The responsibility matrix: each member's part in each activity of a draft."""

    queryset = Responsibility.objects.all()
    serializer_class = ResponsibilitySerializer
    filterset_class = ResponsibilityFilterSet
    ordering_fields = ["id"]
    ordering = ["id"]
    update_service = services.update_responsibility
    delete_service = services.remove_responsibility

    def create_record(self, data: dict[str, Any], *, by: Actor) -> Responsibility:
        return services.assign_responsibility(
            data["activity"], data["membership"], data["level"], by=by
        )


class CommitmentViewSet(RecordViewSet):
    """What each member commits in a draft: money, something in kind, hours of work."""

    queryset = Commitment.objects.all()
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilterSet
    ordering_fields = ["id"]
    ordering = ["id"]
    update_service = services.update_commitment
    delete_service = services.remove_commitment

    def create_record(self, data: dict[str, Any], *, by: Actor) -> Commitment:
        return services.set_commitment(data.pop("version"), data.pop("membership"), by=by, **data)


class SignatureViewSet(RecordReadViewSet):
    """Signatures given to agreement versions (given through ``agreement-versions/<id>/sign/``)."""

    queryset = Signature.objects.all()
    serializer_class = SignatureSerializer
    filterset_class = SignatureFilterSet
    ordering_fields = ["id", "signed_at"]
    ordering = ["id"]
