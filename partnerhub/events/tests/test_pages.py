"""The public list of events and an event's page with attendance by sector."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    AttendanceCountFactory,
    EventFactory,
    OrganisationFactory,
    PartnershipFactory,
    TerritorialUnitFactory,
    UserFactory,
)
from partnerhub.core.tests.pages import LANGUAGES, get, htmx_get, index, row_names, text
from partnerhub.events.choices import AttendanceSector, EventType
from partnerhub.events.models import Event
from partnerhub.territory.choices import Level

pytestmark = pytest.mark.django_db

LIST = "/events/"


def detail(event: Event, language: str = "en") -> str:
    with translation.override(language):
        return reverse("events:event-detail", args=[event.pk])


@pytest.fixture
def events() -> dict[str, Any]:
    slovenia = TerritorialUnitFactory.create(country="SI", level=Level.COUNTRY, code="SI")
    region = TerritorialUnitFactory.create(
        country="SI", level=Level.STATISTICAL_REGION, code="SI038", parent=slovenia
    )
    postojna = TerritorialUnitFactory.create(
        country="SI", code="094", name="Postojna", parent=region
    )
    workshop = EventFactory.create(
        title="Delavnica 3P4SSE", territory=postojna, start=datetime.date(2023, 10, 5), end=None
    )
    for sector, count in (
        (AttendanceSector.PUBLIC, 5),
        (AttendanceSector.PRIVATE, 3),
        (AttendanceSector.CIVIL, 8),
    ):
        AttendanceCountFactory.create(event=workshop, sector=sector, count=count)
    workshop.organisers.add(OrganisationFactory.create(name="ARLEG S.A."))
    seminar = EventFactory.create(
        title="Seminarium o partnerstwie lokalnym",
        event_type=EventType.SEMINAR,
        start=datetime.date(2015, 2, 1),
        end=datetime.date(2015, 2, 1),
    )
    internal = EventFactory.create(
        title="Spotkanie zespołu",
        partnership=PartnershipFactory.create(visibility=Visibility.INTERNAL),
        visibility=Visibility.INTERNAL,
    )
    index(Event)
    return {"workshop": workshop, "seminar": seminar, "internal": internal}


def test_the_list_filters_by_type_dates_and_territory(
    client: Client, events: dict[str, Any]
) -> None:
    assert row_names(get(client, LIST)) == [
        "Delavnica 3P4SSE",
        "Seminarium o partnerstwie lokalnym",
    ]
    assert row_names(get(client, LIST, event_type="seminar")) == [
        "Seminarium o partnerstwie lokalnym"
    ]
    assert row_names(get(client, LIST, active_from="2023-01-01", active_to="2023-12-31")) == [
        "Delavnica 3P4SSE"
    ]
    assert row_names(get(client, LIST, territory="SI:SI038")) == ["Delavnica 3P4SSE"]
    assert row_names(get(client, LIST, sort="start"))[0] == "Seminarium o partnerstwie lokalnym"
    assert "16" in text(get(client, LIST))  # participants of the workshop


def test_search_and_htmx(client: Client, events: dict[str, Any]) -> None:
    partial = htmx_get(client, LIST, q="seminarium")
    assert "<html" not in partial.content.decode()
    assert row_names(partial) == ["Seminarium o partnerstwie lokalnym"]


def test_the_page_shows_attendance_by_sector(client: Client, events: dict[str, Any]) -> None:
    page = text(get(client, detail(events["workshop"])))
    attendance = page.split("Attendance by sector", 1)[1]
    assert "Public sector 5 31 %" in attendance
    assert "Private sector 3 19 %" in attendance
    assert "Civil sector (NGO) 8 50 %" in attendance
    assert "Total 16 100 %" in attendance
    assert "ARLEG S.A." in page and "Postojna" in page


def test_internal_events_are_hidden_except_for_their_coordinator(
    client: Client, events: dict[str, Any]
) -> None:
    internal = events["internal"]
    assert client.get(detail(internal)).status_code == 404
    user = UserFactory.create()
    client.force_login(user)
    assert client.get(detail(internal)).status_code == 404
    assert internal.partnership is not None
    grant_role(user, Role.COORDINATOR, partnership=internal.partnership)
    assert "Spotkanie zespołu" in row_names(get(client, LIST))
    assert "Spotkanie zespołu" in text(get(client, detail(internal)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_render_in_every_language(
    client: Client, events: dict[str, Any], language: str
) -> None:
    prefix = "" if language == "en" else f"/{language}"
    for address in (prefix + LIST, detail(events["workshop"], language)):
        assert f'<html lang="{language}">' in get(client, address).content.decode()


@pytest.mark.parametrize("rows", [10, 60])
def test_the_list_costs_the_same_queries_for_any_number_of_rows(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, rows: int
) -> None:
    for event in EventFactory.create_batch(rows, territory=TerritorialUnitFactory.create()):
        AttendanceCountFactory.create(event=event)
    # count, page, its attendance, the territory regions; then the type facet
    with django_assert_num_queries(4):
        get(client, LIST)
    with django_assert_num_queries(1):
        get(client, LIST, facets="only")
    with django_assert_num_queries(5):
        get(client, LIST, facets="all")


@pytest.mark.parametrize("organisers", [1, 10])
def test_an_event_page_costs_the_same_queries(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries, organisers: int
) -> None:
    event = EventFactory.create()
    event.organisers.add(*OrganisationFactory.create_batch(organisers))
    for sector in (AttendanceSector.PUBLIC, AttendanceSector.CIVIL):
        AttendanceCountFactory.create(event=event, sector=sector)
    # the event, its organisers, its attendance
    with django_assert_num_queries(3):
        get(client, detail(event))
