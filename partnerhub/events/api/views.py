"""Events and attendance counts through the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from partnerhub.api.exceptions import prefixed
from partnerhub.api.viewsets import RecordViewSet
from partnerhub.core.services import Actor
from partnerhub.events import services
from partnerhub.events.api.serializers import AttendanceCountSerializer, EventSerializer
from partnerhub.events.filters import AttendanceCountFilterSet, EventFilterSet
from partnerhub.events.models import AttendanceCount, Event


def attendance_mapping(data: dict[str, Any]) -> dict[str, int] | None:
    """The ``attendance`` rows of a request as sector → count (None when not sent)."""
    rows = data.pop("attendance", None)
    return None if rows is None else {row["sector"]: row["count"] for row in rows}


class EventViewSet(RecordViewSet):
    """Meetings, trainings, workshops, seminars and advisory sessions, with attendance."""

    queryset = Event.objects.prefetch_related("attendance")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    ordering_fields = ["id", "title", "created_at", "updated_at"]
    ordering = ["-id"]
    delete_service = services.delete_event

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        attendance = attendance_mapping(data)
        try:
            return services.create_event(attendance=attendance, by=by, **data)
        except ValidationError as error:
            raise _attendance_errors(error) from error

    def update_record(
        self, instance: models.Model, data: dict[str, Any], *, by: Actor
    ) -> models.Model:
        assert isinstance(instance, Event)
        attendance = attendance_mapping(data)
        try:
            return services.update_event(instance, attendance=attendance, by=by, **data)
        except ValidationError as error:
            raise _attendance_errors(error) from error


def _attendance_errors(error: ValidationError) -> ValidationError:
    """Errors about a count row (``count``, ``sector``) belong under ``attendance``."""
    if hasattr(error, "error_dict") and set(error.error_dict) & {"count", "sector"}:
        return prefixed(error, "attendance")
    return error


class AttendanceCountViewSet(RecordViewSet):
    """How many people of each sector attended each event."""

    queryset = AttendanceCount.objects.all()
    serializer_class = AttendanceCountSerializer
    filterset_class = AttendanceCountFilterSet
    ordering_fields = ["id"]
    ordering = ["id"]
    update_service = services.update_attendance_count
    delete_service = services.remove_attendance_count

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        return services.add_attendance_count(data["event"], data["sector"], data["count"], by=by)
