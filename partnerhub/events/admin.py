"""Staff admin of events, their attendance counts and registrations."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partnerhub.core.admin import RECORD_FIELDS, RECORD_FIELDSET, ServiceInline, ServiceModelAdmin
from partnerhub.events.models import AttendanceCount, Event, Registration


class AttendanceCountInline(ServiceInline):
    model = AttendanceCount
    fields = ("sector", "count")


class RegistrationInline(ServiceInline):
    model = Registration
    fields = ("person", "organisation", "sector", "attended")
    autocomplete_fields = ("person", "organisation")


@admin.register(Event)
class EventAdmin(ServiceModelAdmin):
    list_display = (
        "title",
        "event_type",
        "start",
        "end",
        "place",
        "territory",
        "participants",
        "visibility",
    )
    list_filter = ("event_type", "visibility")
    list_select_related = ("territory",)
    date_hierarchy = "start"
    search_fields = ("title", "place", "organisers__name")
    autocomplete_fields = ("territory", "organisers", "partnership", "project", "programme")
    readonly_fields = RECORD_FIELDS
    inlines = (AttendanceCountInline, RegistrationInline)
    fieldsets = (
        (None, {"fields": ("title", "event_type", "visibility", "description")}),
        (_("When and where"), {"fields": ("start", "end", "duration_hours", "place", "territory")}),
        (
            _("Organised by and for"),
            {"fields": ("organisers", "partnership", "project", "programme")},
        ),
        RECORD_FIELDSET,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        """The attendance total in the same query as the list (no query per row)."""
        return super().get_queryset(request).annotate(participant_total=Sum("attendance__count"))

    @admin.display(description=_("participants"), ordering="participant_total")
    def participants(self, obj: Event) -> int:
        total: int | None = getattr(obj, "participant_total", None)
        return total or 0


@admin.register(Registration)
class RegistrationAdmin(ServiceModelAdmin):
    list_display = ("person", "event", "organisation", "sector", "attended")
    list_filter = ("sector", "attended", "event__event_type")
    list_select_related = ("person", "event", "organisation")
    search_fields = (
        "person__first_name",
        "person__last_name",
        "event__title",
        "organisation__name",
    )
    autocomplete_fields = ("event", "person", "organisation")
    readonly_fields = RECORD_FIELDS
    fields = ("event", "person", "organisation", "sector", "attended", *RECORD_FIELDS)
