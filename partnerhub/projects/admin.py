"""Staff admin of funding programmes, programmes, projects and their partners."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.core.admin import (
    RECORD_FIELDS,
    RECORD_FIELDSET,
    ServiceInline,
    ServiceModelAdmin,
    VocabularyAdmin,
)
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.results.admin import ProgrammeIndicatorInline, ProjectIndicatorInline


@admin.register(ActivityType)
class ActivityTypeAdmin(VocabularyAdmin):
    pass


@admin.register(TargetGroup)
class TargetGroupAdmin(VocabularyAdmin):
    pass


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(ServiceModelAdmin):
    list_display = ("name", "short_name", "instrument", "period")
    list_filter = ("instrument", "period")
    search_fields = ("name", "short_name")


@admin.register(Programme)
class ProgrammeAdmin(ServiceModelAdmin):
    list_display = ("title", "status", "partnership", "territory", "start", "end", "visibility")
    list_filter = ("status", "visibility", "target_groups", "areas")
    list_select_related = ("partnership", "territory")
    search_fields = ("title", "partnership__name", "problem", "objectives")
    autocomplete_fields = ("partnership", "territory")
    filter_horizontal = ("target_groups", "areas")
    readonly_fields = RECORD_FIELDS
    fieldsets = (
        (None, {"fields": ("title", "partnership", "status", "visibility")}),
        (
            _("Fiche"),
            {
                "fields": (
                    "problem",
                    "objectives",
                    "actions",
                    "target_groups",
                    "target_groups_text",
                    "areas",
                )
            },
        ),
        (_("Territory and period"), {"fields": ("territory", "start", "end", "period_precision")}),
        RECORD_FIELDSET,
    )

    def get_inlines(self, request: HttpRequest, obj: Programme | None) -> list[Any]:
        # Indicators need a saved owner: they are added once the programme exists.
        return [] if obj is None else [ProgrammeIndicatorInline]


class ProjectPartnerInline(ServiceInline):
    model = ProjectPartner
    fields = ("organisation", "role", "budget_share")
    autocomplete_fields = ("organisation",)


@admin.register(Project)
class ProjectAdmin(ServiceModelAdmin):
    list_display = (
        "title",
        "acronym",
        "lead_organisation",
        "status",
        "start",
        "end",
        "total_cost",
        "grant",
        "currency",
        "funding_programme",
    )
    list_filter = (
        "status",
        "reach",
        "currency",
        "visibility",
        "funding_programme",
        "support_area",
        "activity_types",
    )
    list_select_related = ("lead_organisation", "funding_programme")
    search_fields = ("title", "acronym", "lead_organisation__name", "partners__organisation__name")
    autocomplete_fields = (
        "programme",
        "partnership",
        "lead_organisation",
        "support_area",
        "seat",
        "funding_programme",
    )
    filter_horizontal = ("activity_types", "target_groups", "areas")
    readonly_fields = RECORD_FIELDS
    inlines = (ProjectPartnerInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "acronym",
                    "status",
                    "visibility",
                    "programme",
                    "partnership",
                    "lead_organisation",
                    "declared_partner_count",
                )
            },
        ),
        (_("Period"), {"fields": ("start", "end", "period_precision")}),
        (
            _("Funding"),
            {"fields": ("funding_programme", "currency", "total_cost", "grant", "cofinancing")},
        ),
        (
            _("Scope"),
            {
                "fields": (
                    "reach",
                    "seat",
                    "support_area",
                    "areas",
                    "activity_types",
                    "target_groups",
                )
            },
        ),
        (
            _("Description"),
            {"fields": ("problem", "activities", "beneficiaries", "description", "source_url")},
        ),
        RECORD_FIELDSET,
    )

    def get_inlines(self, request: HttpRequest, obj: Project | None) -> list[Any]:
        # Indicators need a saved owner: they are added once the project exists.
        if obj is None:
            return list(self.inlines)
        return [*self.inlines, ProjectIndicatorInline]


@admin.register(ProjectPartner)
class ProjectPartnerAdmin(ServiceModelAdmin):
    list_display = ("organisation", "project", "role", "budget_share")
    list_filter = ("role", "organisation__sector")
    list_select_related = ("organisation", "project")
    search_fields = ("organisation__name", "project__title", "project__acronym")
    autocomplete_fields = ("project", "organisation")
    readonly_fields = RECORD_FIELDS
    fields = ("project", "organisation", "role", "budget_share", *RECORD_FIELDS)
