"""Workspace forms of programmes, projects and project partners."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.workspace.forms import RecordForm


class ProgrammeForm(RecordForm):
    """A programme written from the sections of a standard fiche."""

    record_sources = {"partnership": "managed-partnership"}

    fieldsets = (
        (_("Programme"), ("title", "partnership", "status", "visibility")),
        (
            _("Fiche"),
            ("problem", "objectives", "actions", "target_groups", "target_groups_text", "areas"),
        ),
        (_("Where and when"), ("territory", "start", "end", "period_precision")),
    )

    class Meta(RecordForm.Meta):
        model = Programme
        fields = [
            "title",
            "partnership",
            "status",
            "problem",
            "objectives",
            "actions",
            "target_groups",
            "target_groups_text",
            "areas",
            "territory",
            "start",
            "end",
            "period_precision",
            "visibility",
        ]


class ProjectForm(RecordForm):
    """A project card: who leads it, its period, money, funding and what it does."""

    record_sources = {"programme": "managed-programme", "partnership": "managed-partnership"}

    fieldsets = (
        (
            _("Project"),
            ("title", "acronym", "programme", "partnership", "lead_organisation", "status"),
        ),
        (_("Period"), ("start", "end", "period_precision")),
        (
            _("Money"),
            ("currency", "total_cost", "grant", "cofinancing", "funding_programme"),
        ),
        (
            _("Scope"),
            ("reach", "seat", "support_area", "activity_types", "target_groups", "areas"),
        ),
        (
            _("Description"),
            ("problem", "activities", "beneficiaries", "description", "declared_partner_count"),
        ),
        (_("Publication"), ("source_url", "visibility")),
    )

    class Meta(RecordForm.Meta):
        model = Project
        fields = [
            "title",
            "acronym",
            "programme",
            "partnership",
            "lead_organisation",
            "status",
            "start",
            "end",
            "period_precision",
            "currency",
            "total_cost",
            "grant",
            "cofinancing",
            "funding_programme",
            "reach",
            "seat",
            "support_area",
            "activity_types",
            "target_groups",
            "areas",
            "problem",
            "activities",
            "beneficiaries",
            "description",
            "declared_partner_count",
            "source_url",
            "visibility",
        ]


class ProjectPartnerForm(RecordForm):
    """An organisation taking part in a project, its role and its share of the budget."""

    class Meta(RecordForm.Meta):
        model = ProjectPartner
        fields = ["organisation", "role", "budget_share"]
        widgets = {"budget_share": forms.NumberInput(attrs={"step": "0.01", "min": "0"})}
