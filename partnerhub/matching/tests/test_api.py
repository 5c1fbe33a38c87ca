"""The recommendation API: who may ask, what it answers, bad input, and its query count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    UserFactory,
)
from partnerhub.matching.snapshot import data_version
from partnerhub.matching.tests.conftest import Areas, Places
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db


@dataclass
class Pilot:
    hub: Organisation
    internal_problem: LocalProblem
    published_problem: LocalProblem
    partnership: Partnership
    other_partnership: Partnership
    firm: Organisation


@pytest.fixture
def pilot(places: Places, areas: Areas) -> Pilot:
    """The Postojna hub's problems (one waiting for review, one published), its internal
    pilot partnership, another partnership, and organisations of the three sectors."""
    hub = OrganisationFactory.create(name="Stičišče", is_hub=True, seat=places.postojna)
    ngo = OrganisationFactory.create(name="Društvo", seat=places.postojna, areas=[areas.seniors])
    OrganisationFactory.create(
        name="Občina Postojna", sector=Sector.PUBLIC, seat=places.postojna, areas=[areas.seniors]
    )
    firm = OrganisationFactory.create(
        name="Prevozi Kombi", sector=Sector.PRIVATE, seat=places.pivka, areas=[areas.seniors]
    )
    OrganisationFactory.create(name="Klub seniorjev", seat=places.pivka, areas=[areas.seniors])

    def problem(status: str) -> LocalProblem:
        found = LocalProblemFactory.create(
            title="Starejši težko pridejo do zdravnika",
            territory=places.postojna,
            hub=hub,
            raised_by_organisation=ngo,
            status=status,
        )
        found.areas.set([areas.seniors, areas.local_development])
        return found

    partnership = PartnershipFactory.create(
        name="Pilotno partnerstvo",
        hub=hub,
        territory=places.postojna,
        visibility=Visibility.INTERNAL,
        areas=[areas.seniors],
    )
    MembershipFactory.create(partnership=partnership, organisation=hub)
    MembershipFactory.create(partnership=partnership, organisation=ngo)
    return Pilot(
        hub=hub,
        internal_problem=problem(ProblemStatus.SUBMITTED),
        published_problem=problem(ProblemStatus.PUBLISHED),
        partnership=partnership,
        other_partnership=PartnershipFactory.create(name="Drugo partnerstvo"),
        firm=firm,
    )


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def hub_staff(pilot: Pilot) -> User:
    user = UserFactory.create()
    grant_role(user, Role.HUB_STAFF, organisation=pilot.hub)
    return user


@pytest.fixture
def coordinator(pilot: Pilot) -> User:
    user = UserFactory.create()
    grant_role(user, Role.COORDINATOR, partnership=pilot.partnership)
    return user


@pytest.fixture
def other_coordinator(pilot: Pilot) -> User:
    user = UserFactory.create()
    grant_role(user, Role.COORDINATOR, partnership=pilot.other_partnership)
    return user


def problem_url(problem: LocalProblem, shortlist: bool = False) -> str:
    suffix = "shortlist/" if shortlist else ""
    return f"/api/local-problems/{problem.pk}/recommendations/{suffix}"


def partnership_url(partnership: Partnership, shortlist: bool = False) -> str:
    suffix = "shortlist/" if shortlist else ""
    return f"/api/partnerships/{partnership.pk}/recommendations/{suffix}"


def test_hub_staff_get_recommendations_with_reasons(pilot: Pilot, hub_staff: User) -> None:
    response = client_for(hub_staff).get(problem_url(pilot.internal_problem))

    assert response.status_code == 200
    body = response.json()
    assert body["target"] == {
        "kind": "local_problem",
        "id": pilot.internal_problem.pk,
        "title": "Starejši težko pridejo do zdravnika",
        "territory": pilot.internal_problem.territory_id,
        "members": [pilot.internal_problem.raised_by_organisation_id],
    }
    names = [r["organisation"]["name"] for r in body["results"]]
    assert "Stičišče" not in names  # the hub asks; it is not recommended to itself
    assert "Društvo" not in names  # it raised the problem
    assert names[0] == "Občina Postojna"
    first = body["results"][0]
    components = {c["component"]: c for c in first["components"]}
    assert components["territory"]["reasons"] == ["Seated in the same municipality (Postojna)"]
    assert components["sector"]["reasons"] == [
        "Brings the public sector, which those involved so far lack"
    ]
    assert first["score"] == pytest.approx(sum(c["points"] for c in first["components"]), abs=1e-3)
    assert sum(body["search"]["weights"].values()) == pytest.approx(1.0)


def test_a_partnerships_coordinator_and_its_hub_get_recommendations(
    pilot: Pilot, coordinator: User, hub_staff: User
) -> None:
    for user in (coordinator, hub_staff):
        response = client_for(user).get(partnership_url(pilot.partnership), {"sector": "private"})

        assert response.status_code == 200
        assert [r["organisation"]["name"] for r in response.json()["results"]] == ["Prevozi Kombi"]


@pytest.mark.parametrize("shortlist", [False, True])
def test_a_coordinator_of_another_partnership_finds_nothing(
    pilot: Pilot, other_coordinator: User, shortlist: bool
) -> None:
    client = client_for(other_coordinator)

    assert client.get(problem_url(pilot.internal_problem, shortlist)).status_code == 404
    assert client.get(partnership_url(pilot.partnership, shortlist)).status_code == 404


def test_those_who_see_a_record_but_may_not_change_it_are_refused(
    pilot: Pilot, other_coordinator: User
) -> None:
    response = client_for(other_coordinator).get(problem_url(pilot.published_problem))

    assert response.status_code == 403
    assert response.json()["detail"] == "You may not look for partners for this record."


def test_anonymous_clients(pilot: Pilot) -> None:
    client = client_for(None)

    assert client.get(problem_url(pilot.internal_problem)).status_code == 404
    assert client.get(partnership_url(pilot.partnership)).status_code == 404
    assert client.get(problem_url(pilot.published_problem)).status_code == 401
    assert client.get(problem_url(pilot.published_problem, shortlist=True)).status_code == 401


def test_a_site_administrator_may_ask(pilot: Pilot) -> None:
    admin = UserFactory.create(is_superuser=True, is_staff=True)

    response = client_for(admin).get(problem_url(pilot.internal_problem))

    assert response.status_code == 200


def test_a_balanced_shortlist(pilot: Pilot, hub_staff: User) -> None:
    response = client_for(hub_staff).get(problem_url(pilot.internal_problem, True), {"size": 3})

    assert response.status_code == 200
    body = response.json()
    assert sorted(r["organisation"]["sector"] for r in body["results"]) == [
        "civil",
        "private",
        "public",
    ]
    assert body["sectors"] == ["public", "private", "civil"]
    assert all(r["why_chosen"] for r in body["results"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"weights": "thematic:0,territory:0,sector:0,track_record:0,network:0"}, "weights"),
        ({"weights": "network:-1"}, "weights"),
        ({"territory": "XX:0000"}, "territory"),
        ({"territory": "PL\x0002"}, "territory"),
        ({"exclude_ids": "99999999999999999999"}, "exclude_ids"),
        ({"radius": "far"}, "radius"),
        ({"limit": "1000"}, "limit"),
        ({"size": "0"}, "size"),
    ],
)
def test_bad_input_answers_400_and_changes_nothing(
    pilot: Pilot, hub_staff: User, params: dict[str, str], field: str
) -> None:
    before = data_version()
    url = problem_url(pilot.internal_problem, shortlist="size" in params)

    response = client_for(hub_staff).get(url, params)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["errors"]) == [field]
    assert data_version() == before


def test_an_id_no_record_can_have_answers_404(hub_staff: User) -> None:
    response = client_for(hub_staff).get(
        "/api/local-problems/99999999999999999999/recommendations/"
    )

    assert response.status_code == 404


def test_a_radius_without_territory_is_refused(pilot: Pilot, hub_staff: User) -> None:
    Partnership.objects.filter(pk=pilot.partnership.pk).update(territory=None)

    response = client_for(hub_staff).get(partnership_url(pilot.partnership), {"radius": "region"})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "radius": [
            "This partnership has no territory: give one (territory) or search without a radius."
        ]
    }


def _queries(client: APIClient, url: str, django_assert_max_num_queries: Any) -> int:
    """Session and user (2), the user's roles (2), the problem and the permission (2), those
    involved and the areas (2), the data version (1), the organisations recommended (1),
    the names of the territory's units (1)."""
    client.get(url)  # builds the index
    with django_assert_max_num_queries(11) as counted:
        response = client.get(url)
    assert response.status_code == 200
    return len(counted.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_registry(
    pilot: Pilot, hub_staff: User, areas: Areas, django_assert_max_num_queries: Any
) -> None:
    client = client_for(hub_staff)
    url = problem_url(pilot.internal_problem)
    few = _queries(client, url, django_assert_max_num_queries)

    for i in range(30):
        OrganisationFactory.create(name=f"Še ena {i}", areas=[areas.seniors])
    many = _queries(client, url, django_assert_max_num_queries)

    assert many == few
