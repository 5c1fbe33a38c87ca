"""Invitations, lifecycle transitions, balance warnings and health checks through the API.

Views are thin: they check the input's shape, call the formation services (which check who
may act and refuse bad requests with a clear error) and answer with the record.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from partnerhub.api.viewsets import ClientLanguageMixin, RecordReadViewSet, RecordViewSet
from partnerhub.core.filters import MAX_ID
from partnerhub.core.services import Actor
from partnerhub.formation import services
from partnerhub.formation.api.permissions import SignedInForService
from partnerhub.formation.api.schema import ScopedRecordSchema
from partnerhub.formation.api.serializers import (
    BalanceWarningSerializer,
    HealthResponseSerializer,
    HealthSurveySerializer,
    HealthSurveyWriteSerializer,
    InvitationAcceptSerializer,
    InvitationDeclineSerializer,
    InvitationRedeemSerializer,
    InvitationSerializer,
    InvitationWriteSerializer,
    IssuedInvitationSerializer,
    StageMoveSerializer,
    StageTransitionSerializer,
)
from partnerhub.formation.filters import (
    HealthResponseFilterSet,
    HealthSurveyFilterSet,
    InvitationFilterSet,
)
from partnerhub.formation.models import HealthResponse, HealthSurvey, Invitation, StageTransition
from partnerhub.formation.selectors import check_balance
from partnerhub.partnerships.models import Partnership

# --- invitations ---------------------------------------------------------------------------


class InvitationViewSet(RecordViewSet):
    """Invitations to join partnerships.

    The facilitator of a partnership (its hub's staff, its coordinator) invites; the invited
    organisation's representatives list their invitations (``?status=pending``) and accept
    or decline them. Whoever holds an invitation's code answers it with ``redeem``.
    """

    queryset = Invitation.objects.select_related("partnership", "organisation")
    serializer_class = InvitationSerializer
    write_serializer_class = InvitationWriteSerializer
    filterset_class = InvitationFilterSet
    ordering_fields = ["id", "created_at", "expires_at"]
    ordering = ["-id"]
    http_method_names = ["get", "post", "head", "options"]
    schema = ScopedRecordSchema()

    @extend_schema(responses={201: IssuedInvitationSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_write_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.check_add(serializer.validated_data)
        data = dict(serializer.validated_data)
        issued = services.invite_organisation(
            data.pop("partnership"),
            data.pop("organisation"),
            data.pop("role", "partner"),
            by=request.user,
            **data,
        )
        body = {**self.represent(issued.invitation), "token": issued.token}
        return Response(body, status=status.HTTP_201_CREATED)

    def _answered(self, invitation: Invitation) -> Response:
        return Response(self.represent(invitation))

    @extend_schema(request=InvitationAcceptSerializer, responses=InvitationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[SignedInForService])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        """Accept the invitation: the organisation becomes a member, in the proposed role."""
        invitation = self.get_object()
        answer = InvitationAcceptSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        services.accept_invitation(
            invitation, token=answer.validated_data.get("token"), by=request.user
        )
        return self._answered(invitation)

    @extend_schema(request=InvitationDeclineSerializer, responses=InvitationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[SignedInForService])
    def decline(self, request: Request, pk: str | None = None) -> Response:
        """Decline the invitation, saying why."""
        invitation = self.get_object()
        answer = InvitationDeclineSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        services.decline_invitation(
            invitation,
            reason=answer.validated_data["decline_reason"],
            token=answer.validated_data.get("token"),
            by=request.user,
        )
        return self._answered(invitation)

    @extend_schema(request=None, responses=InvitationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[SignedInForService])
    def revoke(self, request: Request, pk: str | None = None) -> Response:
        """Withdraw a pending invitation (the partnership's facilitator)."""
        invitation = self.get_object()
        services.revoke_invitation(invitation, by=request.user)
        return self._answered(invitation)

    @extend_schema(
        request=InvitationRedeemSerializer,
        responses={
            200: InvitationSerializer,
            404: OpenApiResponse(description=_("No invitation has this code.")),
        },
    )
    @action(detail=False, methods=["post"], permission_classes=[SignedInForService])
    def redeem(self, request: Request) -> Response:
        """Answer an invitation with its code (for a signed-in client who holds the code but
        does not, or not yet, represent the organisation)."""
        answer = InvitationRedeemSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        token = answer.validated_data["token"]
        invitation = services.get_invitation_for_token(token)
        if invitation is None:
            raise Http404
        if answer.validated_data["decision"] == "accept":
            services.accept_invitation(invitation, token=token, by=request.user)
        else:
            services.decline_invitation(
                invitation,
                reason=answer.validated_data.get("decline_reason", ""),
                token=token,
                by=request.user,
            )
        invitation.refresh_from_db()
        return Response(
            InvitationSerializer(invitation, context=self.get_serializer_context()).data
        )


# --- a partnership's lifecycle and balance ---------------------------------------------------


class PartnershipScopedMixin:
    """A viewset under ``partnerships/<partnership_pk>/``: the partnership must be visible."""

    kwargs: Any
    request: Any

    def partnership(self) -> Partnership:
        cached: Partnership | None = getattr(self, "_partnership", None)
        if cached is not None:
            return cached
        raw = str(self.kwargs.get("partnership_pk", ""))
        if not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
            raise Http404
        found = Partnership.objects.visible_to(self.request.user).filter(pk=int(raw)).first()
        if found is None:
            raise Http404
        self._partnership = found
        return found


class PartnershipTransitionViewSet(
    PartnershipScopedMixin, mixins.CreateModelMixin, RecordReadViewSet
):
    """A partnership's stage history; a POST moves it to another stage.

    Allowed moves: one stage forward, from reviewing back to implementing, and to closed
    from any stage. An illegal move answers 400 and changes nothing.
    """

    queryset = StageTransition.objects.all()
    serializer_class = StageTransitionSerializer
    ordering_fields = ["id", "date"]
    ordering = ["date", "id"]
    schema = ScopedRecordSchema()

    def base_queryset(self) -> QuerySet[StageTransition]:
        return StageTransition.objects.filter(partnership=self.partnership())

    @extend_schema(request=StageMoveSerializer, responses={201: StageTransitionSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        move = StageMoveSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        transition = services.move_partnership_to_stage(
            self.partnership(),
            move.validated_data["stage"],
            by=request.user,
            note=move.validated_data["note"],
            on=move.validated_data["date"],
        )
        body = StageTransitionSerializer(transition, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class PartnershipBalanceViewSet(PartnershipScopedMixin, ClientLanguageMixin, viewsets.ViewSet):
    """What to fix in a partnership's mix of sectors: a missing sector, a dominant one."""

    queryset = Partnership.objects.all()  # for the schema and the permission class
    schema = ScopedRecordSchema()

    @extend_schema(responses=BalanceWarningSerializer(many=True))
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        warnings = check_balance(self.partnership())
        return Response(BalanceWarningSerializer(warnings, many=True).data)

    def get_queryset(self) -> QuerySet[Partnership]:
        return Partnership.objects.visible_to(self.request.user)


# --- health checks -------------------------------------------------------------------------


class HealthSurveyViewSet(RecordViewSet):
    """Rounds of a partnership's health check, with the mean score of each factor.

    Listed by ``?partnership=<id>`` in date order, the surveys are the partnership's health
    over time.
    """

    queryset = HealthSurvey.objects.with_results()
    serializer_class = HealthSurveySerializer
    write_serializer_class = HealthSurveyWriteSerializer
    filterset_class = HealthSurveyFilterSet
    ordering_fields = ["id", "opened_on"]
    ordering = ["opened_on", "id"]
    update_service = services.update_health_survey
    delete_service = services.delete_health_survey

    def create_record(self, data: dict[str, Any], *, by: Actor) -> HealthSurvey:
        return services.open_health_survey(data.pop("partnership"), by=by, **data)


class HealthResponseViewSet(RecordViewSet):
    """Members' answers to health surveys: each member reads and changes its own."""

    queryset = HealthResponse.objects.all()
    serializer_class = HealthResponseSerializer
    filterset_class = HealthResponseFilterSet
    ordering_fields = ["id", "created_at"]
    ordering = ["id"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    update_service = services.update_health_response

    def create_record(self, data: dict[str, Any], *, by: Actor) -> HealthResponse:
        survey, membership = data.pop("survey"), data.pop("membership")
        comment = data.pop("comment", "")
        return services.answer_health_survey(survey, membership, data, comment=comment, by=by)
