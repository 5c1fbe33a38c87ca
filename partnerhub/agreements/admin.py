"""Staff admin of agreements: versions are read here; their content changes through the services.

A draft's activities, responsibilities and commitments are edited on the version's page
(each row validated as the services validate it: only a draft changes); opening for
signature, signing and revising are admin actions that call the services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.agreements import services
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.core.admin import RECORD_FIELDS, ServiceInline, ServiceModelAdmin, acting_user


def adopt(instance: models.Model, saved: models.Model) -> None:
    """Make the admin's unsaved ``instance`` the record a service saved (its pk and values).

    The admin goes on with the instance it built (history entry, inlines, redirect).
    """
    for field in instance._meta.concrete_fields:
        setattr(instance, field.attname, getattr(saved, field.attname))
    instance._state.adding = False


class VersionInline(admin.TabularInline):
    model = AgreementVersion
    fields = ("number", "status", "note", "created_at", "opened_at", "signed_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Agreement)
class AgreementAdmin(ServiceModelAdmin):
    list_display = ("title", "partnership", "created_at")
    list_select_related = ("partnership",)
    search_fields = ("title", "partnership__name")
    autocomplete_fields = ("partnership",)
    readonly_fields = RECORD_FIELDS
    fields = ("partnership", "title", *RECORD_FIELDS)
    inlines = (VersionInline,)
    actions = ("revise",)

    def save_model(
        self, request: HttpRequest, obj: Agreement, form: ModelForm, change: bool
    ) -> None:
        if change:
            services.update_agreement(obj, title=obj.title, by=acting_user(request))
        else:
            agreement = services.create_agreement(
                obj.partnership, title=obj.title, by=acting_user(request)
            )
            adopt(obj, agreement)

    @admin.action(description=_("Start a new version of the selected agreements"))
    def revise(self, request: HttpRequest, queryset: QuerySet[Agreement]) -> None:
        by = acting_user(request)
        _run(self, request, queryset, lambda agreement: services.revise_agreement(agreement, by=by))


class ActivityInline(ServiceInline):
    model = AgreementActivity
    fields = ("position", "title", "description")
    show_change_link = True


class CommitmentInline(ServiceInline):
    model = Commitment
    fields = ("membership", "money", "currency", "in_kind", "hours")
    raw_id_fields = ("membership",)


class SignatureInline(admin.TabularInline):
    model = Signature
    fields = ("membership", "signer_name", "signed_by", "signed_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(AgreementVersion)
class AgreementVersionAdmin(ServiceModelAdmin):
    list_display = ("agreement", "number", "status", "created_at", "opened_at", "signed_at")
    list_filter = ("status",)
    list_select_related = ("agreement",)
    search_fields = ("agreement__title", "agreement__partnership__name")
    fields = ("agreement", "number", "status", "note", "created_at", "opened_at", "signed_at")
    readonly_fields = ("agreement", "number", "status", "created_at", "opened_at", "signed_at")
    inlines = (ActivityInline, CommitmentInline, SignatureInline)
    actions = ("open_for_signature",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Versions are made by starting an agreement or revising it.
        return False

    def save_model(
        self, request: HttpRequest, obj: AgreementVersion, form: ModelForm, change: bool
    ) -> None:
        if "note" in form.changed_data:
            services.update_version_note(obj, note=obj.note, by=acting_user(request))

    @admin.action(description=_("Open the selected drafts for signature"))
    def open_for_signature(
        self, request: HttpRequest, queryset: QuerySet[AgreementVersion]
    ) -> None:
        by = acting_user(request)
        _run(self, request, queryset, lambda version: services.open_for_signature(version, by=by))


class ResponsibilityInline(ServiceInline):
    model = Responsibility
    fields = ("membership", "level")
    raw_id_fields = ("membership",)


@admin.register(AgreementActivity)
class AgreementActivityAdmin(ServiceModelAdmin):
    list_display = ("title", "version", "position")
    list_select_related = ("version__agreement",)
    search_fields = ("title", "version__agreement__title")
    raw_id_fields = ("version",)
    fields = ("version", "position", "title", "description")
    inlines = (ResponsibilityInline,)

    def save_model(
        self, request: HttpRequest, obj: AgreementActivity, form: ModelForm, change: bool
    ) -> None:
        by = acting_user(request)
        fields = {name: getattr(obj, name) for name in ("title", "description", "position")}
        if change:
            services.update_activity(obj, by=by, **fields)
        else:
            adopt(obj, services.add_activity(obj.version, by=by, **fields))


def _run(
    model_admin: admin.ModelAdmin[Any],
    request: HttpRequest,
    queryset: QuerySet[Any],
    action: Callable[[Any], object],
) -> None:
    """Run ``action`` on each selected record; a refusal is shown, the others go on."""
    for record in queryset:
        try:
            action(record)
        except ValidationError as error:
            model_admin.message_user(
                request, f"{record}: {' '.join(error.messages)}", messages.ERROR
            )
        except PermissionDenied as error:
            model_admin.message_user(request, f"{record}: {error}", messages.ERROR)
