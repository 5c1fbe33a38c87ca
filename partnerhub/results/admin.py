"""Staff admin of indicators (with their reported values) and goals."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from partnerhub.core.admin import (
    RECORD_FIELDS,
    RECORD_FIELDSET,
    ServiceInline,
    ServiceInlineFormSet,
    ServiceModelAdmin,
)
from partnerhub.core.services import Actor
from partnerhub.results.models import Goal, Indicator, ReportedValue
from partnerhub.results.services import correct_value, remove_value, report_value


class IndicatorForm(forms.ModelForm):
    """An indicator; ``Indicator.clean()`` refuses a typed ``achieved`` once values are reported."""

    class Meta:
        model = Indicator
        fields = (
            "project",
            "programme",
            "partnership",
            "kind",
            "name",
            "unit",
            "baseline",
            "target",
            "achieved",
            "achieved_qualifier",
            "position",
            "note",
        )


class IndicatorInline(ServiceInline):
    """An owner's indicators; reported values are entered on the indicator's own page.

    Offer it on the owner's change page only (see ``get_inlines`` of the owners' admins):
    the one-owner rule is checked before a new owner is saved, so on an add page every
    indicator row would be rejected.
    """

    model = Indicator
    form = IndicatorForm
    fields = (
        "kind",
        "name",
        "unit",
        "baseline",
        "target",
        "achieved",
        "achieved_qualifier",
        "position",
    )
    show_change_link = True


class ProjectIndicatorInline(IndicatorInline):
    fk_name = "project"


class ProgrammeIndicatorInline(IndicatorInline):
    fk_name = "programme"


class PartnershipIndicatorInline(IndicatorInline):
    fk_name = "partnership"


class ReportedValueInlineFormSet(ServiceInlineFormSet):
    """New values go through ``report_value``, which keeps ``achieved`` equal to their sum."""

    def save_row(self, row: Model, *, by: Actor) -> None:
        assert isinstance(row, ReportedValue)
        if row.pk is None:
            report_value(row.indicator, row.reported_on, row.value, note=row.note, by=by)
        else:
            correct_value(row, reported_on=row.reported_on, value=row.value, note=row.note, by=by)

    def delete_row(self, row: Model, *, by: Actor) -> None:
        assert isinstance(row, ReportedValue)
        remove_value(row, by=by)


class ReportedValueInline(ServiceInline):
    model = ReportedValue
    formset = ReportedValueInlineFormSet
    fields = ("reported_on", "value", "note")


@admin.register(Indicator)
class IndicatorAdmin(ServiceModelAdmin):
    form = IndicatorForm
    list_display = ("name", "kind", "unit", "owner", "baseline", "target", "achieved", "progress")
    list_filter = ("kind", "unit", "achieved_qualifier")
    list_select_related = ("project", "programme", "partnership")
    search_fields = ("name", "project__title", "programme__title", "partnership__name")
    autocomplete_fields = ("project", "programme", "partnership")
    readonly_fields = RECORD_FIELDS
    inlines = (ReportedValueInline,)
    fieldsets = (
        (
            _("Owner"),
            {
                "fields": ("project", "programme", "partnership"),
                "description": _("Exactly one of these."),
            },
        ),
        (None, {"fields": ("kind", "name", "unit", "position", "note")}),
        (_("Figures"), {"fields": ("baseline", "target", "achieved", "achieved_qualifier")}),
        RECORD_FIELDSET,
    )

    @admin.display(description=_("owner"))
    def owner(self, obj: Indicator) -> object:
        return obj.owner

    @admin.display(description=_("progress"))
    def progress(self, obj: Indicator) -> str:
        return "—" if obj.progress is None else f"{obj.progress:.0%}"


@admin.register(Goal)
class GoalAdmin(ServiceModelAdmin):
    list_display = ("title", "kind", "status", "owner", "indicator")
    list_filter = ("kind", "status")
    list_select_related = ("project", "programme", "partnership", "organisation", "indicator")
    search_fields = (
        "title",
        "project__title",
        "programme__title",
        "partnership__name",
        "organisation__name",
    )
    autocomplete_fields = (
        "project",
        "programme",
        "partnership",
        "organisation",
        "territory",
        "indicator",
    )
    readonly_fields = RECORD_FIELDS
    fieldsets = (
        (
            _("Owner"),
            {
                "fields": ("project", "programme", "partnership", "organisation"),
                "description": _("Exactly one of these."),
            },
        ),
        (
            None,
            {
                "fields": (
                    "kind",
                    "title",
                    "description",
                    "territory",
                    "status",
                    "indicator",
                    "position",
                )
            },
        ),
        (
            _("Measured from the records"),
            {
                "fields": ("measure", "measure_target"),
                "description": _(
                    "Counted by Partnerhub itself, e.g. partnerships of the hub in implementation."
                ),
            },
        ),
        RECORD_FIELDSET,
    )

    @admin.display(description=_("owner"))
    def owner(self, obj: Goal) -> object:
        return obj.owner
