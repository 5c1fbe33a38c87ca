"""Events and attendance counts as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.events.models import AttendanceCount, Event

RECORD_FIELDS = ["created_at", "updated_at"]


class AttendanceItemSerializer(RecordSerializer):
    """How many people of one sector came, as listed with the event."""

    class Meta:
        model = AttendanceCount
        fields = ["sector", "count"]


class EventSerializer(RecordSerializer):
    """An event with its attendance by sector.

    ``attendance``, when sent, replaces the event's counts (one entry per sector).
    """

    attendance = AttendanceItemSerializer(many=True, required=False)
    attendance_total = serializers.SerializerMethodField(
        help_text=_("Everyone counted, all sectors together.")
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "event_type",
            "start",
            "end",
            "duration_hours",
            "place",
            "territory",
            "organisers",
            "partnership",
            "project",
            "programme",
            "description",
            "visibility",
            "attendance",
            "attendance_total",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS

    def get_attendance_total(self, event: Event) -> int:
        # ``attendance`` is prefetched: add up in memory rather than with a query per row.
        return sum(row.count for row in event.attendance.all())

    def validate_attendance(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        sectors = [row["sector"] for row in rows]
        if len(sectors) != len(set(sectors)):
            raise serializers.ValidationError(_("Give each sector once."))
        return rows


class AttendanceCountSerializer(RecordSerializer):
    """How many people of one sector attended an event."""

    class Meta:
        model = AttendanceCount
        fields = ["id", "event", "sector", "count"]

    def validate_event(self, event: Event) -> Event:
        if self.instance is not None and event.pk != self.instance.event_id:
            raise serializers.ValidationError(_("A count stays with its event."))
        return event
