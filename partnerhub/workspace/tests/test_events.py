"""Events and their attendance by sector in the workspace."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import AttendanceCountFactory, EventFactory
from partnerhub.events.models import Event
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import HTMX, signed_in

pytestmark = pytest.mark.django_db


def event_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Srečanje partnerjev",
        "event_type": "meeting",
        "start": "2025-04-10",
        "end": "2025-04-10",
        "visibility": "published",
    }
    data.update(changes)
    return data


def test_a_coordinator_records_an_event_of_their_partnership(world: World) -> None:
    client = signed_in(world.coordinator)
    url = reverse("workspace:event-add") + f"?partnership={world.partnership_a.pk}"
    response = client.post(url, event_data(partnership=world.partnership_a.pk))
    event = Event.objects.get(title="Srečanje partnerjev")
    assert response.status_code == 302
    assert event.partnership == world.partnership_a
    assert event.history.first().history_user == world.coordinator

    changed = client.post(
        reverse("workspace:event-change", args=[event.pk]),
        event_data(partnership=world.partnership_a.pk, place="Postojna"),
    )
    assert changed.status_code == 302
    event.refresh_from_db()
    assert event.place == "Postojna"

    assert client.post(reverse("workspace:event-delete", args=[event.pk])).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_events_of_other_partnerships_are_404_or_403(world: World) -> None:
    internal = EventFactory.create(partnership=world.partnership_b, visibility=Visibility.INTERNAL)
    published = EventFactory.create(partnership=world.published)
    client = signed_in(world.coordinator)
    assert client.get(reverse("workspace:event-change", args=[internal.pk])).status_code == 404
    assert client.get(reverse("workspace:event-change", args=[published.pk])).status_code == 403
    attendance = reverse("workspace:event-attendance", args=[published.pk])
    assert client.post(attendance, {"attendance-civil": "3"}).status_code == 403
    assert not published.attendance.exists()


def test_attendance_by_sector_is_set_with_htmx(world: World) -> None:
    event = EventFactory.create(partnership=world.partnership_a)
    AttendanceCountFactory.create(event=event, sector="unspecified", count=4)
    client = signed_in(world.coordinator)
    page = client.get(reverse("workspace:event-change", args=[event.pk]))
    assert 'id="attendance-section"' in page.content.decode()

    response = client.post(
        reverse("workspace:event-attendance", args=[event.pk]),
        {
            "attendance-public": "2",
            "attendance-private": "1",
            "attendance-civil": "7",
            "attendance-individual": "",
            "attendance-unspecified": "",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert '<td class="ws-number" data-total>10</td>' in response.content.decode()
    counts = {row.sector: row.count for row in event.attendance.all()}
    assert counts == {"public": 2, "private": 1, "civil": 7}
    assert event.attendance.get(sector="civil").history.first().history_user == world.coordinator


def test_a_negative_attendance_is_refused_without_javascript(world: World) -> None:
    event = EventFactory.create(partnership=world.partnership_a)
    response = signed_in(world.coordinator).post(
        reverse("workspace:event-attendance", args=[event.pk]), {"attendance-civil": "-3"}
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert 'value="-3"' in response.content.decode()
    assert not event.attendance.exists()
