"""The events admin: attendance entered by sector, totals on the list."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerhub.core.tests.factories import AttendanceCountFactory, EventFactory
from partnerhub.core.tests.helpers import add_inline_rows, inline_management_data
from partnerhub.events.models import AttendanceCount, Event

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:events_event_changelist")
ADD = reverse("admin:events_event_add")


def _event_form(**fields: str) -> dict[str, str]:
    return {
        "title": "Forum partnerstw",
        "event_type": "meeting",
        "visibility": "published",
    } | fields


def test_the_list_shows_each_events_participants(staff_client: Client) -> None:
    event = EventFactory.create()
    AttendanceCountFactory.create(event=event, sector="civil", count=12)
    AttendanceCountFactory.create(event=event, sector="public", count=3)
    EventFactory.create(title="Nobody came yet")
    response = staff_client.get(CHANGELIST)
    model_admin = response.context["cl"].model_admin
    totals = {e.title: model_admin.participants(e) for e in response.context["cl"].result_list}
    assert totals == {event.title: 15, "Nobody came yet": 0}


def test_the_list_takes_the_same_queries_for_more_events(staff_client: Client) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(CHANGELIST).status_code == 200
        return len(captured)

    AttendanceCountFactory.create()
    few = queries()
    AttendanceCountFactory.create_batch(4)
    assert queries() == few


def test_events_are_browsed_by_date_and_filtered_by_type(staff_client: Client) -> None:
    EventFactory.create(title="March workshop", start=datetime.date(2024, 3, 1), end=None)
    EventFactory.create(
        title="May training", event_type="training", start=datetime.date(2024, 5, 1), end=None
    )
    response = staff_client.get(CHANGELIST, {"start__year": "2024", "start__month": "3"})
    assert [e.title for e in response.context["cl"].result_list] == ["March workshop"]
    response = staff_client.get(CHANGELIST, {"event_type__exact": "training"})
    assert [e.title for e in response.context["cl"].result_list] == ["May training"]


def test_an_event_is_added_with_attendance_by_sector(staff_client: Client) -> None:
    data = add_inline_rows(
        inline_management_data(staff_client, ADD)
        | _event_form(start="2024-03-01", end="2024-03-02"),
        "attendance",
        [{"sector": "civil", "count": "12"}, {"sector": "public", "count": "4"}],
    )
    assert staff_client.post(ADD, data).status_code == 302
    event = Event.objects.get()
    assert dict(event.attendance.values_list("sector", "count")) == {"civil": 12, "public": 4}


def test_an_event_ending_before_it_starts_is_refused(staff_client: Client) -> None:
    data = inline_management_data(staff_client, ADD) | _event_form(
        start="2024-03-02", end="2024-03-01"
    )
    response = staff_client.post(ADD, data)
    assert response.context["adminform"].form.errors == {
        "end": ["The end date cannot be before the start date."]
    }
    assert not Event.objects.exists()


def test_two_counts_for_one_sector_are_refused(staff_client: Client) -> None:
    data = add_inline_rows(
        inline_management_data(staff_client, ADD) | _event_form(),
        "attendance",
        [{"sector": "civil", "count": "12"}, {"sector": "civil", "count": "4"}],
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for sector" in response.content.decode()
    assert not AttendanceCount.objects.exists()
