"""Staff admin of invitations, stage transitions and health surveys, through the services.

Invitations are created with ``invite_organisation`` (the token is shown once, in a
message) and then only answered or revoked; stage transitions are recorded with
``move_partnership_to_stage`` and never edited.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.core.admin import RECORD_FIELDS, ServiceInline, ServiceModelAdmin, acting_user
from partnerhub.formation import services
from partnerhub.formation.models import HealthResponse, HealthSurvey, Invitation, StageTransition

INVITATION_DECISION_FIELDS = (
    "status",
    "invited_by",
    "created_at",
    "decided_by",
    "decided_at",
    "decline_reason",
    "membership",
)


def adopt(instance: models.Model, saved: models.Model) -> None:
    """Make the admin's unsaved ``instance`` the record a service saved (its pk and values).

    The admin goes on with the instance it built (history entry, inlines, redirect).
    """
    for field in instance._meta.concrete_fields:
        setattr(instance, field.attname, getattr(saved, field.attname))
    instance._state.adding = False


class InvitationAdminForm(forms.ModelForm):
    """A new invitation, checked as ``invite_organisation`` checks it."""

    class Meta:
        model = Invitation
        fields = ["partnership", "organisation", "role", "message", "expires_at"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        partnership, organisation = cleaned.get("partnership"), cleaned.get("organisation")
        if self.instance.pk is None and partnership and organisation:
            try:
                services.check_can_invite(partnership, organisation)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


@admin.register(Invitation)
class InvitationAdmin(ServiceModelAdmin):
    form = InvitationAdminForm
    list_display = ("organisation", "partnership", "role", "status", "expires_at", "created_at")
    list_filter = ("status", "role")
    list_select_related = ("organisation", "partnership")
    search_fields = ("organisation__name", "partnership__name")
    autocomplete_fields = ("partnership", "organisation")
    date_hierarchy = "created_at"
    actions = ("revoke",)

    def get_fields(self, request: HttpRequest, obj: Invitation | None = None) -> list[str]:
        fields = ["partnership", "organisation", "role", "message", "expires_at"]
        return fields if obj is None else [*fields, *INVITATION_DECISION_FIELDS]

    def get_readonly_fields(self, request: HttpRequest, obj: Invitation | None = None) -> list[str]:
        # Once sent, an invitation is answered or revoked, never edited.
        return [] if obj is None else list(self.get_fields(request, obj))

    def save_model(
        self, request: HttpRequest, obj: Invitation, form: ModelForm, change: bool
    ) -> None:
        if change:
            return
        issued = services.invite_organisation(
            obj.partnership,
            obj.organisation,
            obj.role,
            message=obj.message,
            expires_at=obj.expires_at,
            by=acting_user(request),
        )
        adopt(obj, issued.invitation)
        self.message_user(
            request,
            _("Invitation code (shown once, pass it on to the organisation): %(token)s")
            % {"token": issued.token},
            messages.WARNING,
        )

    @admin.action(description=_("Revoke the selected pending invitations"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[Invitation]) -> None:
        revoked = 0
        for invitation in queryset:
            try:
                services.revoke_invitation(invitation, by=acting_user(request))
                revoked += 1
            except ValidationError as error:
                self.message_user(request, f"{invitation}: {' '.join(error.messages)}", "error")
            except PermissionDenied as error:
                self.message_user(request, f"{invitation}: {error}", messages.ERROR)
        self.message_user(request, _("Invitations revoked: %(count)d") % {"count": revoked})


class StageTransitionAdminForm(forms.ModelForm):
    """A stage change, checked as ``move_partnership_to_stage`` checks it."""

    class Meta:
        model = StageTransition
        fields = ["partnership", "to_stage", "date", "note"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        partnership, stage = cleaned.get("partnership"), cleaned.get("to_stage")
        if self.instance.pk is None and partnership and stage:
            try:
                services.check_stage_transition(partnership.stage, stage)
            except ValidationError as error:
                self.add_error("to_stage", error.message_dict["stage"])
        return cleaned


@admin.register(StageTransition)
class StageTransitionAdmin(ServiceModelAdmin):
    form = StageTransitionAdminForm
    list_display = ("partnership", "from_stage", "to_stage", "date", "by")
    list_filter = ("to_stage",)
    list_select_related = ("partnership", "by")
    search_fields = ("partnership__name", "note")
    autocomplete_fields = ("partnership",)
    date_hierarchy = "date"

    def get_fields(self, request: HttpRequest, obj: StageTransition | None = None) -> list[str]:
        if obj is None:
            return ["partnership", "to_stage", "date", "note"]
        return ["partnership", "from_stage", "to_stage", "date", "by", "note", "created_at"]

    def get_readonly_fields(
        self, request: HttpRequest, obj: StageTransition | None = None
    ) -> list[str]:
        # The stage history is recorded, never edited.
        return [] if obj is None else list(self.get_fields(request, obj))

    def save_model(
        self, request: HttpRequest, obj: StageTransition, form: ModelForm, change: bool
    ) -> None:
        if change:
            return
        transition = services.move_partnership_to_stage(
            obj.partnership, obj.to_stage, by=acting_user(request), note=obj.note, on=obj.date
        )
        adopt(obj, transition)


class HealthResponseInline(ServiceInline):
    model = HealthResponse
    fields = (
        "membership",
        "shared_goals",
        "trust",
        "communication",
        "fair_share",
        "resources",
        "leadership",
        "results",
        "comment",
    )
    raw_id_fields = ("membership",)


@admin.register(HealthSurvey)
class HealthSurveyAdmin(ServiceModelAdmin):
    list_display = ("partnership", "opened_on", "closes_on")
    list_select_related = ("partnership",)
    search_fields = ("partnership__name",)
    autocomplete_fields = ("partnership",)
    date_hierarchy = "opened_on"
    readonly_fields = RECORD_FIELDS
    fields = ("partnership", "opened_on", "closes_on", *RECORD_FIELDS)
    inlines = (HealthResponseInline,)
