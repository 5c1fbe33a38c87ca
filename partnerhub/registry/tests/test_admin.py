"""The organisations and people admin: finding records, and the pages staff work with."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from partnerhub.core.tests.factories import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    ThematicAreaFactory,
)
from partnerhub.registry.admin import registry_id_digits
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:registry_organisation_changelist"


def _listed(client: Client, **params: str) -> set[str]:
    response = client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return {org.name for org in response.context["cl"].result_list}


@pytest.fixture
def organisations() -> None:
    education = ThematicAreaFactory.create(name_en="Education")
    OrganisationFactory.create(
        name="Fundacja Alfa",
        short_name="FA",
        nip="5252248481",
        regon="192598184",
        areas=[education],
    )
    OrganisationFactory.create(
        name="Gmina Beta", sector="public", legal_form="municipality", is_hub=True
    )
    OrganisationFactory.create(
        name="Društvo Gama",
        country="SI",
        si_tax_number="50223054",
        si_registration_number="5300231",
    )


@pytest.mark.usefixtures("organisations")
@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("alfa", {"Fundacja Alfa"}),
        ("FA", {"Fundacja Alfa"}),
        ("5252248481", {"Fundacja Alfa"}),  # NIP
        ("525-224-84-81", {"Fundacja Alfa"}),  # NIP as usually written
        ("PL 525 224 84 81", {"Fundacja Alfa"}),
        ("192598184", {"Fundacja Alfa"}),  # REGON
        ("50223054", {"Društvo Gama"}),  # davčna številka
        ("SI50223054", {"Društvo Gama"}),
        ("5300231", {"Društvo Gama"}),  # matična številka
        ("nobody", set()),
    ],
)
def test_organisations_are_found_by_name_and_registry_id(
    staff_client: Client, term: str, found: set[str]
) -> None:
    assert _listed(staff_client, q=term) == found


@pytest.mark.usefixtures("organisations")
def test_organisations_are_filtered(staff_client: Client) -> None:
    education = Organisation.objects.get(name="Fundacja Alfa").areas.get()
    assert _listed(staff_client, sector__exact="public") == {"Gmina Beta"}
    assert _listed(staff_client, country="SI") == {"Društvo Gama"}
    assert _listed(staff_client, is_hub__exact="1") == {"Gmina Beta"}
    assert _listed(staff_client, legal_form__exact="municipality") == {"Gmina Beta"}
    assert _listed(staff_client, areas__id__exact=str(education.pk)) == {"Fundacja Alfa"}
    by_id_and_area = {"q": "525-224-84-81", "areas__id__exact": str(education.pk)}
    assert _listed(staff_client, **by_id_and_area) == {"Fundacja Alfa"}
    assert _listed(staff_client, q="525-224-84-81", sector__exact="public") == set()
    assert _listed(staff_client, q="a", sector__exact="civil", country="PL") == {"Fundacja Alfa"}


def test_short_numbers_are_not_read_as_registry_ids() -> None:
    assert registry_id_digits("2024") is None
    assert registry_id_digits("Fundacja 1234567") is None
    assert registry_id_digits("PL 525-224-84-81") == "5252248481"


def test_the_organisation_page_shows_its_people(staff_client: Client) -> None:
    affiliation = AffiliationFactory.create(role="prezes zarządu")
    response = staff_client.get(
        reverse("admin:registry_organisation_change", args=[affiliation.organisation.pk])
    )
    assert response.status_code == 200
    assert "prezes zarządu" in response.content.decode()


def test_a_persons_contact_details_are_grouped_as_personal_data(staff_client: Client) -> None:
    person = PersonFactory.create()
    response = staff_client.get(reverse("admin:registry_person_change", args=[person.pk]))
    fields_by_fieldset = {
        str(fieldset.name): [_field_name(field) for line in fieldset for field in line]
        for fieldset in response.context["adminform"]
    }
    assert fields_by_fieldset["Personal data"] == ["email", "phone", "address"]
    elsewhere = {
        name
        for fieldset, names in fields_by_fieldset.items()
        if fieldset != "Personal data"
        for name in names
    }
    assert not elsewhere & {"email", "phone", "address"}


def _field_name(field: object) -> str:
    inner = field.field  # type: ignore[attr-defined]
    return str(inner["name"] if isinstance(inner, dict) else inner.name)
