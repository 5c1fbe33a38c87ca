"""Staff admin of local problems raised in consultation."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem, ProblemLink, ProblemSupport
from partnerhub.core.admin import RECORD_FIELDS, RECORD_FIELDSET, ServiceInline, ServiceModelAdmin


class ProblemLinkInline(ServiceInline):
    """Evidence: links to what documents the problem."""

    model = ProblemLink
    fields = ("url", "title")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ProblemSupportInline(ServiceInline):
    """Who backs the problem ("we see this too", "we can help")."""

    model = ProblemSupport
    fields = ("organisation", "person", "kind", "note")
    autocomplete_fields = ("organisation", "person")


@admin.register(LocalProblem)
class LocalProblemAdmin(ServiceModelAdmin):
    list_display = ("title", "status", "territory", "raised_by", "created_at")
    list_filter = ("status", "areas")
    list_select_related = ("territory", "raised_by_organisation", "raised_by_person")
    search_fields = ("title", "description")
    autocomplete_fields = ("territory", "raised_by_organisation", "raised_by_person")
    filter_horizontal = ("areas",)
    date_hierarchy = "created_at"
    inlines = (ProblemLinkInline, ProblemSupportInline)
    readonly_fields = RECORD_FIELDS
    fieldsets = (
        (None, {"fields": ("title", "description", "territory", "areas")}),
        (_("Raised by"), {"fields": ("raised_by_organisation", "raised_by_person")}),
        (_("Review"), {"fields": ("status", "rejection_reason")}),
        RECORD_FIELDSET,
    )

    @admin.display(description=_("raised by"))
    def raised_by(self, obj: LocalProblem) -> object:
        return obj.raised_by_organisation or obj.raised_by_person or "—"
