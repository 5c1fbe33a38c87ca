"""Admin building blocks shared by every domain: saves through the service layer.

The staff admin is one more client of the services, like views, the API and imports: its
forms already run ``full_clean()`` (field checks, ``clean()``, constraints) and show the
translated messages on the right field; the saves below then go through
``save_validated`` so the same rules, the same transaction and the audit trail apply to
admin edits too. Each record's "History" page lists its audit trail read-only: past
versions can be looked at, never edited or restored from the admin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.forms import BaseInlineFormSet, BaseModelFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from partnerhub.core.services import Actor, delete_record, save_validated

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts


def site_administrators_only(request: HttpRequest) -> bool:
    """The admin is for site administrators (superusers) alone.

    Every other role works in the workspace, where lists are narrowed by ``visible_to``.
    The admin's lists are not, and ``rules`` grants the object-less ``view_*`` permissions
    to anyone (each record is decided by its own check), so a "staff" flag alone must never
    open it.
    """
    user = request.user
    return bool(user.is_active and user.is_superuser)


admin.site.has_permission = site_administrators_only  # type: ignore[method-assign]
admin.site.site_header = _("Partnerhub administration")
admin.site.site_title = _("Partnerhub")
admin.site.index_title = _("Records")

RECORD_FIELDSET: tuple[Any, _FieldOpts] = (
    _("Record"),
    {"fields": ("created_at", "updated_at"), "classes": ("collapse",)},
)
RECORD_FIELDS = ("created_at", "updated_at")


def acting_user(request: HttpRequest) -> Actor:
    """The user recorded as ``by`` for an admin write."""
    return request.user


class ServiceInlineFormSet(BaseInlineFormSet):
    """An inline formset whose rows a domain may save through its own service.

    ``save_row`` is called for every new or changed row after the parent is saved; the
    default validates and saves the row with ``save_validated``.
    """

    def save_row(self, row: models.Model, *, by: Actor) -> None:
        save_validated(row, by=by)

    def delete_row(self, row: models.Model, *, by: Actor) -> None:
        row.delete()


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """Shows a record's audit trail (simple-history) on its "History" page, read-only.

    simple-history's admin can restore ("revert") a past version by posting its form; here
    the past versions are shown only, and a post to them is refused, so the audit trail
    cannot be rewritten and no write bypasses the services.
    """

    def has_change_history_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        response: HttpResponse = super().history_form_view(
            request, object_id, version_id, extra_context
        )
        return response


class ServiceModelAdmin(ReadOnlyHistoryAdmin):
    """A model admin whose writes go through the service layer.

    The record itself is saved with ``save_validated`` (validated again inside the write
    transaction, so nothing bypasses the rules); inline rows are saved one by one through
    their formset's ``save_row``. Deleted inline rows are removed first, so a row may be
    replaced by a new one in the same submission. The "History" page shows the record's
    audit trail, read-only.
    """

    # Web addresses typed without a scheme are read as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        save_validated(obj, by=acting_user(request))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        delete_record(obj, by=acting_user(request))

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        by = acting_user(request)
        with transaction.atomic():
            for obj in queryset:
                delete_record(obj, by=by)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseModelFormSet, change: bool
    ) -> None:
        # commit=False fills new_objects, changed_objects and deleted_objects, which the
        # admin's change message (history) reads.
        formset.save(commit=False)
        by = acting_user(request)
        delete_row = getattr(formset, "delete_row", None)
        for row in formset.deleted_objects:
            if delete_row is not None:
                delete_row(row, by=by)
            else:
                row.delete()
        save_row = getattr(formset, "save_row", None)
        for row in [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]:
            if save_row is not None:
                save_row(row, by=by)
            else:
                save_validated(row, by=by)
        formset.save_m2m()


class ServiceInline(admin.TabularInline):
    """A tabular inline saved through the service layer (see ``ServiceModelAdmin``)."""

    formset = ServiceInlineFormSet
    extra = 0


class VocabularyAdmin(ServiceModelAdmin):
    """A controlled vocabulary: its code and its name in the three languages."""

    list_display = ("code", "name_en", "name_pl", "name_sl", "is_active", "position")
    list_editable = ("is_active", "position")
    list_filter = ("is_active",)
    search_fields = ("code", "name_en", "name_pl", "name_sl")
    ordering = ("position", "code")
