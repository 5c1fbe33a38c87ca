"""Admin building blocks shared by every domain: saves through the service layer.

The staff admin is one more client of the services, like views, the API and imports: its
forms already run ``full_clean()`` (field checks, ``clean()``, constraints) and show the
translated messages on the right field; the saves below then go through
``save_validated`` so the same rules, the same transaction and the later audit hooks apply
to admin edits too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db import models, transaction
from django.forms import BaseInlineFormSet, BaseModelFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.core.services import Actor, delete_record, save_validated

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts

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


class ServiceModelAdmin(admin.ModelAdmin):
    """A model admin whose writes go through the service layer.

    The record itself is saved with ``save_validated`` (validated again inside the write
    transaction, so nothing bypasses the rules); inline rows are saved one by one through
    their formset's ``save_row``. Deleted inline rows are removed first, so a row may be
    replaced by a new one in the same submission.
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
