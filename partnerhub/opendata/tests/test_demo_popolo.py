"""Popolo JSON of the demo cases: valid against the Popolo schemas, people only for staff."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from partnerhub.opendata.tests.standards import popolo_errors
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Person


def fetch(client: Client, name: str) -> dict[str, Any]:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document: dict[str, Any] = response.json()
    assert popolo_errors(document) == []
    return document


def test_public_popolo_is_valid_and_has_no_people(demo: None, client: Client) -> None:
    document = fetch(client, "opendata:popolo")

    assert "persons" not in document
    assert all("person_id" not in m for m in document["memberships"])
    partnerships = [o for o in document["organizations"] if o["classification"] == "partnership"]
    assert len(partnerships) == Partnership.objects.published().count()


def test_muflon_partnership_with_its_members_and_posts(demo: None, client: Client) -> None:
    document = fetch(client, "opendata:popolo")
    muflon = Partnership.objects.get(name__contains="Muflon")
    organization_id = f"partnership/{muflon.pk}"

    [record] = [o for o in document["organizations"] if o["id"] == organization_id]
    assert record["founding_date"] == "2006"  # known to the year
    assert record["dissolution_date"] == "2010"
    members = [m for m in document["memberships"] if m["organization_id"] == organization_id]
    assert len(members) == muflon.memberships.count()
    assert all(m["member"]["@type"] == "Organization" for m in members)
    posts = {p["id"] for p in document["posts"] if p["organization_id"] == organization_id}
    assert {m["post_id"] for m in members} == posts


def test_organisations_carry_sector_legal_form_and_seat(demo: None, client: Client) -> None:
    document = fetch(client, "opendata:popolo")
    by_name = {o["name"]: o for o in document["organizations"]}

    fal = by_name["Stowarzyszenie Forum Aktywności Lokalnej"]
    assert fal["classification"] == "association"
    assert fal["sector"] == "civil"
    assert fal["other_names"] == [{"name": "FAL", "note": "short name"}]
    areas = {a["id"]: a for a in document["areas"]}
    assert areas[fal["area_id"]]["identifier"] == "02"  # TERYT of Lower Silesia
    assert areas[areas[fal["area_id"]]["parent_id"]]["identifier"] == "PL"


def test_staff_popolo_has_people_by_name_only(demo: None, client: Client, superuser: User) -> None:
    client.force_login(superuser)
    document = fetch(client, "opendata:popolo-staff")

    assert len(document["persons"]) == Person.objects.count()
    for person in document["persons"]:
        assert set(person) <= {"id", "name", "given_name", "family_name", "sort_name", "summary"}
    person_memberships = [m for m in document["memberships"] if "person_id" in m]
    assert person_memberships


def test_staff_popolo_needs_a_staff_login(demo: None, client: Client) -> None:
    response = client.get(reverse("opendata:popolo-staff"))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
