"""Events, attendance counts and registrations: rules refused by validation and by the database."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.tests.factories import (
    AttendanceCountFactory,
    EventFactory,
    OrganisationFactory,
    RegistrationFactory,
)
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.events.services import create_event, set_attendance

pytestmark = pytest.mark.django_db

D = datetime.date


def test_an_event_cannot_end_before_it_starts() -> None:
    errors = error_messages(
        lambda: create_event(
            title="Warsztaty", event_type="workshop", start=D(2024, 3, 2), end=D(2024, 3, 1)
        )
    )
    assert errors == {"end": ["The end date cannot be before the start date."]}
    assert not Event.objects.exists()


def test_the_database_refuses_an_event_ending_before_it_starts() -> None:
    with violates("events_event_end_after_start"):
        EventFactory.create(start=D(2024, 3, 2), end=D(2024, 3, 1))


def test_an_event_cannot_last_a_negative_number_of_hours() -> None:
    errors = error_messages(
        lambda: create_event(title="Szkolenie", event_type="training", duration_hours=Decimal("-2"))
    )
    assert errors == {"duration_hours": ["This amount cannot be negative."]}


def test_the_database_refuses_a_negative_duration() -> None:
    with violates("events_event_duration_not_negative"):
        EventFactory.create(duration_hours=Decimal("-2"))


def test_an_attendance_count_cannot_be_negative() -> None:
    count = AttendanceCount(event=EventFactory.create(), sector="civil", count=-1)
    assert error_messages(count.full_clean) == {"count": ["This amount cannot be negative."]}


def test_the_database_refuses_a_negative_attendance_count() -> None:
    # A positive integer column carries its own check too (SQLite and PostgreSQL report
    # that one first); either refusal enforces the rule.
    column_check = ("CHECK constraint failed: count", "events_attendancecount_count_check")
    with violates("events_attendance_count_not_negative", *column_check):
        AttendanceCountFactory.create(count=-1)


def test_an_event_has_one_count_per_sector() -> None:
    existing = AttendanceCountFactory.create(sector="public")
    duplicate = AttendanceCount(event=existing.event, sector="public", count=3)
    assert error_messages(duplicate.full_clean) == {
        "__all__": ["This event already has a count for this sector."]
    }


def test_the_database_refuses_two_counts_for_one_sector() -> None:
    existing = AttendanceCountFactory.create(sector="public")
    with violates("events_attendance_one_count_per_sector"):
        AttendanceCountFactory.create(event=existing.event, sector="public")


def test_a_person_registers_for_an_event_once() -> None:
    existing = RegistrationFactory.create()
    duplicate = Registration(event=existing.event, person=existing.person)
    assert error_messages(duplicate.full_clean) == {
        "__all__": ["This person is already registered for this event."]
    }


def test_the_database_refuses_a_second_registration() -> None:
    existing = RegistrationFactory.create()
    with violates("events_registration_once_per_person"):
        RegistrationFactory.create(event=existing.event, person=existing.person)


def test_create_event_records_organisers_and_attendance() -> None:
    organiser = OrganisationFactory.create()
    event = create_event(
        title="Forum partnerstw",
        event_type="meeting",
        organisers=[organiser],
        attendance={"public": 4, "civil": 9},
    )
    assert list(event.organisers.all()) == [organiser]
    assert event.attendance_total() == 13


def test_set_attendance_replaces_the_counts() -> None:
    event = EventFactory.create()
    set_attendance(event, {"public": 4, "civil": 9})
    set_attendance(event, {"civil": 10, "private": 2})
    counts = dict(event.attendance.values_list("sector", "count"))
    assert counts == {"civil": 10, "private": 2}


def test_a_refused_count_leaves_the_previous_counts_in_place() -> None:
    event = EventFactory.create()
    set_attendance(event, {"public": 4, "civil": 9})
    with pytest.raises(ValidationError):
        set_attendance(event, {"private": 3, "civil": -1})
    assert dict(event.attendance.values_list("sector", "count")) == {"public": 4, "civil": 9}


def test_an_event_with_a_refused_count_is_not_written() -> None:
    with pytest.raises(ValidationError):
        create_event(title="Seminarium", event_type="seminar", attendance={"civil": -1})
    assert not Event.objects.exists()
