"""The filtersets through the API: every filter finds what a person searching would expect."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from partnerhub.api.tests.records import Records, build_records
from partnerhub.core.tests import factories as f
from partnerhub.projects.models import ActivityType, FundingProgramme, Project, TargetGroup
from partnerhub.registry.models import ThematicArea
from partnerhub.territory.choices import Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def records() -> Records:
    return build_records()


def ids(client: APIClient, collection: str, **params: Any) -> set[int]:
    query: dict[str, Any] = {"page_size": 200, **params}
    response = client.get(f"/api/{collection}/", query)
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def test_territory_matches_the_unit_and_everything_within_it(
    anonymous: APIClient, records: Records
) -> None:
    in_municipality = {records.ngo.pk}
    in_voivodeship = {records.ngo.pk, records.town_hall.pk}
    assert ids(anonymous, "organisations", territory=records.municipality.pk) == in_municipality
    assert ids(anonymous, "organisations", territory="PL:02") == in_voivodeship
    assert ids(anonymous, "organisations", territory="pl-02") == in_voivodeship
    assert ids(anonymous, "organisations", territory="PL") == in_voivodeship
    assert ids(anonymous, "organisations", territory="PL:9999") == set()
    assert ids(anonymous, "organisations", territory="nowhere at all") == set()
    assert ids(anonymous, "projects", territory="PL:02") == {records.project.pk}
    assert ids(anonymous, "partnerships", territory="PL:0265011") == {records.partnership.pk}
    assert ids(anonymous, "events", territory=records.voivodeship.pk) == {records.event.pk}
    assert ids(anonymous, "local-problems", territory="PL:02") == {records.problem.pk}
    assert ids(anonymous, "programmes", territory="PL:02") == {records.programme.pk}


def test_a_territory_given_by_its_nuts_code(anonymous: APIClient, records: Records) -> None:
    records.voivodeship.nuts_code = "PL51"
    records.voivodeship.save()

    assert ids(anonymous, "organisations", territory="PL51") == {
        records.ngo.pk,
        records.town_hall.pk,
    }


def test_territorial_units_by_country_level_parent_and_area(
    anonymous: APIClient, records: Records
) -> None:
    f.TerritorialUnitFactory.create(country="SI", level=Level.MUNICIPALITY, code="094")

    assert ids(anonymous, "territories", level="voivodeship") == {records.voivodeship.pk}
    assert ids(anonymous, "territories", parent=records.voivodeship.pk) == {records.municipality.pk}
    assert ids(anonymous, "territories", within="PL:02") == {
        records.voivodeship.pk,
        records.municipality.pk,
    }
    assert len(ids(anonymous, "territories", country="si")) == 1
    assert ids(anonymous, "territories", code="0265011") == {records.municipality.pk}


def test_organisations_by_sector_form_status_hub_area_and_search(
    anonymous: APIClient, records: Records
) -> None:
    tourism = ThematicArea.objects.get(code="tourism")
    records.firm.areas.set([tourism])
    hub = f.OrganisationFactory.create(is_hub=True, name="Stičišče NVO", nip="5252248481")

    assert ids(anonymous, "organisations", sector="private") == {records.firm.pk}
    assert ids(anonymous, "organisations", sector=["public", "private"]) == {
        records.firm.pk,
        records.town_hall.pk,
    }
    assert ids(anonymous, "organisations", area="tourism") == {records.firm.pk}
    assert ids(anonymous, "organisations", is_hub="true") == {hub.pk}
    assert ids(anonymous, "organisations", q="stičišče") == {hub.pk}
    assert ids(anonymous, "organisations", q="PL 525-224-84-81") == {hub.pk}
    assert ids(anonymous, "organisations", status="dissolved") == set()
    assert hub.pk in ids(anonymous, "organisations", legal_form="association", country="pl")


def test_partnerships_by_sectors_present_member_hub_and_kind(
    anonymous: APIClient, records: Records
) -> None:
    two_sector = f.PartnershipFactory.create(kind="network")
    f.MembershipFactory.create(partnership=two_sector, organisation=records.ngo)
    f.MembershipFactory.create(partnership=two_sector, organisation=records.firm)
    f.MembershipFactory.create(
        partnership=two_sector, organisation=records.town_hall, left="2021-01-01"
    )

    three_sectors = {"sector": ["public", "private", "civil"]}
    assert ids(anonymous, "partnerships", **three_sectors) == {records.partnership.pk}
    assert ids(anonymous, "partnerships", sector="private") == {
        records.partnership.pk,
        two_sector.pk,
    }
    assert ids(anonymous, "partnerships", member=records.firm.pk) == {
        records.partnership.pk,
        two_sector.pk,
    }
    assert ids(anonymous, "partnerships", hub=records.ngo.pk) == {records.partnership.pk}
    assert ids(anonymous, "partnerships", kind="network") == {two_sector.pk}


def test_projects_by_money_period_programme_and_instrument(
    anonymous: APIClient, records: Records
) -> None:
    records.project.reach = "regional"
    records.project.save()
    other = f.ProjectFactory.create(
        total_cost=5_000, grant=4_000, start="2019-01-01", end="2019-12-31", currency="EUR"
    )

    assert ids(anonymous, "projects", total_cost_min="50000") == {records.project.pk}
    assert ids(anonymous, "projects", grant_max="4000") == {other.pk}
    assert ids(anonymous, "projects", currency="EUR") == {other.pk}
    assert ids(anonymous, "projects", active_from="2024-06-01", active_to="2024-06-30") == {
        records.project.pk
    }
    assert ids(anonymous, "projects", active_to="2020-01-01") == {other.pk}
    assert ids(anonymous, "projects", instrument="esf") == {records.project.pk}
    assert ids(anonymous, "projects", funding_programme=records.funding.pk) == {records.project.pk}
    assert ids(anonymous, "projects", lead_organisation=records.ngo.pk) == {records.project.pk}
    assert ids(anonymous, "projects", partner=records.ngo.pk) == {records.project.pk}
    assert ids(anonymous, "projects", reach="regional", q="project") == {records.project.pk}


def test_events_indicators_and_problems(anonymous: APIClient, records: Records) -> None:
    later = f.EventFactory.create(event_type="training", start="2025-02-01", end="2025-02-02")

    assert ids(anonymous, "events", active_from="2025-01-01") == {later.pk}
    assert ids(anonymous, "events", event_type="training") == {later.pk}
    assert ids(anonymous, "events", partnership=records.partnership.pk) == {records.event.pk}
    indicator = records.project.indicators.get()
    assert ids(anonymous, "indicators", project=records.project.pk, unit="persons") == {
        indicator.pk
    }
    assert ids(anonymous, "indicators", kind="result") == set()
    assert ids(anonymous, "local-problems", status="published") == {records.problem.pk}


def test_ordering_and_cursor_pages_walk_every_row_once(anonymous: APIClient) -> None:
    f.OrganisationFactory.create_batch(7, name="Same name")  # ties are broken by id
    seen: list[int] = []
    url: str | None = "/api/organisations/?ordering=-name&page_size=3"
    while url:
        body = anonymous.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 7


def test_kuznia_ekspertow_is_found_by_reach_and_funding_programme(anonymous: APIClient) -> None:
    call_command("load_demo", stdout=None)
    funding = FundingProgramme.objects.get(short_name="Aktywni Obywatele")
    kuznia = Project.objects.get(title__startswith="Kuźnia Ekspertów")

    response = anonymous.get(
        "/api/projects/", {"reach": "regional", "funding_programme": str(funding.pk)}
    )

    assert response.status_code == 200
    results = response.json()["results"]
    assert [row["id"] for row in results] == [kuznia.pk]
    card = results[0]
    assert card["total_cost"] == "137476.00"
    assert card["currency"] == "EUR"
    assert card["funding_programme"]["instrument"] == "eea_norway_grants"
    assert len(card["indicators"]) == 6
    assert ids(anonymous, "projects", territory="PL:28", reach="regional") == {kuznia.pk}


def test_records_by_vocabulary_terms(anonymous: APIClient, records: Records) -> None:
    records.project.activity_types.set(ActivityType.objects.filter(code="training"))
    records.project.target_groups.set(TargetGroup.objects.filter(code="ngos"))
    records.project.support_area = ThematicArea.objects.get(code="social-economy")
    records.project.save()
    records.programme.target_groups.set(TargetGroup.objects.filter(code="youth"))
    records.problem.areas.set(ThematicArea.objects.filter(code="seniors"))

    assert ids(anonymous, "projects", activity_type="training") == {records.project.pk}
    assert ids(anonymous, "projects", target_group=["ngos", "youth"]) == {records.project.pk}
    assert ids(anonymous, "projects", support_area="social-economy") == {records.project.pk}
    assert ids(anonymous, "projects", activity_type="advisory") == set()
    assert ids(anonymous, "programmes", target_group="youth") == {records.programme.pk}
    assert ids(anonymous, "local-problems", area="seniors") == {records.problem.pk}
    unknown = anonymous.get("/api/projects/", {"activity_type": "no-such-term"})
    assert unknown.status_code == 400
    assert list(unknown.json()["errors"]) == ["activity_type"]


@pytest.mark.parametrize("value", ["²", "٣", "9" * 40, "PL:", ":02", "PL:02:01"])
def test_odd_territory_values_find_nothing_and_break_nothing(
    anonymous: APIClient, records: Records, value: str
) -> None:
    assert ids(anonymous, "organisations", territory=value) == set()


def test_a_record_named_by_its_address_is_that_record_whatever_the_list_filters_say(
    anonymous: APIClient, staff: APIClient
) -> None:
    """A list's filters narrow lists; reading, changing or deleting one record ignores them,
    and what a client may see still decides (an internal partnership stays 404)."""
    civil = f.OrganisationFactory.create(sector="civil", name="Civil")
    internal = f.PartnershipFactory.create(visibility="internal")
    detail = f"/api/organisations/{civil.pk}/"

    assert anonymous.get(detail, {"sector": "public"}).status_code == 200
    assert anonymous.get(detail, {"sector": "no-such-sector"}).json()["id"] == civil.pk
    assert anonymous.get("/api/organisations/", {"sector": "no-such-sector"}).status_code == 400
    assert ids(anonymous, "organisations", sector="public") == set()
    assert anonymous.get(f"/api/partnerships/{internal.pk}/", {"q": ""}).status_code == 404
    changed = staff.patch(f"{detail}?sector=public", {"name": "Renamed"}, format="json")
    assert changed.status_code == 200 and changed.json()["name"] == "Renamed"
    assert staff.delete(f"{detail}?sector=public").status_code == 204
