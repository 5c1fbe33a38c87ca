"""Events and who came to them, counted by sector."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.choices import Visibility
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import (
    END_BEFORE_START,
    NEGATIVE_AMOUNT,
    check_not_negative,
    check_period,
    raise_if,
)
from partnerhub.events.choices import AttendanceSector, EventType


class EventQuerySet(AccessQuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(visibility=Visibility.PUBLISHED)

    def of_type(self, event_type: str) -> EventQuerySet:
        return self.filter(event_type=event_type)


class Event(TimeStampedModel):
    """A meeting, training, workshop, seminar or advisory session.

    Dates may be unknown for events recorded from a report that does not give them. The
    event may belong to a partnership, a project and/or a programme.
    """

    title = models.CharField(_("title"), max_length=300)
    event_type = models.CharField(
        _("type"), max_length=24, choices=EventType.choices, db_index=True
    )
    start = models.DateField(_("start"), null=True, blank=True, db_index=True)
    end = models.DateField(_("end"), null=True, blank=True)
    duration_hours = models.DecimalField(
        _("duration (hours)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    territory = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    organisers = models.ManyToManyField(
        "registry.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    programme = models.ForeignKey(
        "projects.Programme",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    description = models.TextField(_("description"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLISHED
    )

    history = HistoricalRecords(m2m_fields=["organisers"])
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start").desc(nulls_last=True), "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="events_event_end_after_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(duration_hours__isnull=True) | Q(duration_hours__gte=0),
                name="events_event_duration_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_period(errors, self.start, self.end)
        check_not_negative(errors, {"duration_hours": self.duration_hours})
        raise_if(errors)

    def attendance_total(self) -> int:
        return self.attendance.aggregate(total=Sum("count"))["total"] or 0


class AttendanceCount(models.Model):
    """How many people of one sector attended an event.

    Counts are kept apart from registrations so that anonymising a participant never
    changes the totals.
    """

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attendance"
    )
    sector = models.CharField(_("sector"), max_length=16, choices=AttendanceSector.choices)
    count = models.IntegerField(_("participants"))

    history = HistoricalRecords()
    objects = AccessQuerySet["AttendanceCount"].as_manager()

    class Meta:
        verbose_name = _("attendance count")
        verbose_name_plural = _("attendance counts")
        ordering = ["event", "sector"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "sector"],
                name="events_attendance_one_count_per_sector",
                violation_error_message=_("This event already has a count for this sector."),
            ),
            models.CheckConstraint(
                condition=Q(count__gte=0),
                name="events_attendance_count_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_sector_display()} {self.count}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_not_negative(errors, {"count": self.count})
        raise_if(errors)


class Registration(TimeStampedModel):
    """A known participant of an event: a person, possibly for an organisation."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    sector = models.CharField(
        _("sector"),
        max_length=16,
        choices=AttendanceSector.choices,
        default=AttendanceSector.UNSPECIFIED,
    )
    attended = models.BooleanField(_("attended"), default=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["Registration"].as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                name="events_registration_once_per_person",
                violation_error_message=_("This person is already registered for this event."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"
