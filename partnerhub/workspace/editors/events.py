"""Editor of events and, on an event's page, its attendance by sector."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerhub.events.choices import AttendanceSector
from partnerhub.events.forms import ATTENDANCE_HELP, AttendanceForm, EventForm
from partnerhub.events.models import Event
from partnerhub.events.services import create_event, delete_event, update_event
from partnerhub.workspace.editors.base import RecordEditor, register


class AttendanceSection:
    """How many people of each sector came: one number per sector, saved at once."""

    id = "attendance-section"
    template = "workspace/sections/attendance.html"
    permission = "events.add_attendancecount"  # checked with the event

    def form(self, event: Event, data: Any = None) -> AttendanceForm:
        counts = {row.sector: row.count for row in event.attendance.all()}
        return AttendanceForm(data, counts=counts, prefix="attendance")

    def section_context(
        self,
        user: Any,
        event: Event,
        *,
        form: AttendanceForm | None = None,
        message: str = "",
        htmx: bool = False,
    ) -> dict[str, Any]:
        order = {sector: index for index, sector in enumerate(AttendanceSector.values)}
        rows = sorted(event.attendance.all(), key=lambda row: order.get(row.sector, len(order)))
        labels = dict(AttendanceSector.choices)
        may_edit = user.has_perm(self.permission, event)
        return {
            "template": self.template,
            "id": self.id,
            "title": _("Attendance by sector"),
            "parent": event,
            "rows": [(labels.get(row.sector, row.sector), row.count) for row in rows],
            "total": sum(row.count for row in rows),
            "may_edit": may_edit,
            "form": (form or self.form(event)) if may_edit else None,
            "form_action": reverse("workspace:event-attendance", args=[event.pk]),
            "help": ATTENDANCE_HELP,
            "message": message,
            "htmx": htmx,
        }


class EventEditor(RecordEditor[Event]):
    model = Event
    form_class = EventForm
    parent_fields = ("partnership", "project", "programme")

    def create(self, data: dict[str, Any], *, by: Any) -> Event:
        return create_event(by=by, **data)

    def update(self, record: Event, data: dict[str, Any], *, by: Any) -> Event:
        return update_event(record, by=by, **data)

    def delete(self, record: Event, *, by: Any) -> None:
        delete_event(record, by=by)


attendance = AttendanceSection()
events = register(EventEditor())
events.sections = (attendance,)
