"""Organisations, people and affiliations: every rule refused by validation and by the database."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.tests.factories import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    ThematicAreaFactory,
    valid_krs,
    valid_maticna,
    valid_nip,
    valid_regon,
    valid_si_tax_number,
)
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.registry.choices import OrganisationStatus
from partnerhub.registry.models import Affiliation, Organisation
from partnerhub.registry.services import (
    create_affiliation,
    create_organisation,
    update_organisation,
)

pytestmark = pytest.mark.django_db

END_BEFORE_START = "The end date cannot be before the start date."

# (field, country, a valid id, the duplicate message, the database constraint)
REGISTRY_IDS = [
    ("krs", "PL", valid_krs(900), "An organisation with this KRS number already exists."),
    ("nip", "PL", valid_nip(900), "An organisation with this NIP already exists."),
    ("regon", "PL", valid_regon(900), "An organisation with this REGON already exists."),
    (
        "si_registration_number",
        "SI",
        valid_maticna(900),
        "An organisation with this registration number already exists.",
    ),
    (
        "si_tax_number",
        "SI",
        valid_si_tax_number(900),
        "An organisation with this tax number already exists.",
    ),
]


def registry_id(field: str, value: str) -> dict[str, Any]:
    """Keyword arguments setting one registry id field."""
    return {field: value}


def test_an_organisation_with_valid_polish_ids_is_registered() -> None:
    ids: dict[str, Any] = {"krs": valid_krs(1), "nip": valid_nip(1), "regon": valid_regon(1)}
    org = create_organisation(name="Fundacja Rozwoju", sector="civil", country="PL", **ids)
    saved = Organisation.objects.get(pk=org.pk)
    assert (saved.krs, saved.nip, saved.regon) == (ids["krs"], ids["nip"], ids["regon"])


def test_an_organisation_with_valid_slovenian_ids_is_registered() -> None:
    ids: dict[str, Any] = {
        "si_registration_number": valid_maticna(1),
        "si_tax_number": valid_si_tax_number(1),
    }
    org = create_organisation(name="Društvo za razvoj", sector="civil", country="SI", **ids)
    saved = Organisation.objects.get(pk=org.pk)
    assert (saved.si_registration_number, saved.si_tax_number) == tuple(ids.values())


def test_factory_traits_build_organisations_that_pass_validation() -> None:
    OrganisationFactory.build(polish_ids=True).full_clean()
    OrganisationFactory.build(slovenian=True).full_clean()


def test_a_wrong_nip_check_digit_is_refused_on_the_nip_field() -> None:
    errors = error_messages(
        lambda: create_organisation(name="Firma", sector="private", nip="5252248482")
    )
    assert errors == {"nip": ["Enter a valid NIP: 10 digits with a correct check digit."]}
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("field", ["krs", "nip", "regon"])
def test_a_polish_id_on_a_slovenian_organisation_is_refused(field: str) -> None:
    value = {"krs": valid_krs(1), "nip": "5252248481", "regon": "192598184"}[field]
    errors = error_messages(
        lambda: create_organisation(
            name="Zavod", sector="civil", country="SI", **registry_id(field, value)
        )
    )
    assert errors == {field: ["This identifier applies only to organisations registered in PL."]}


@pytest.mark.parametrize("field", ["si_registration_number", "si_tax_number"])
def test_a_slovenian_id_on_a_polish_organisation_is_refused(field: str) -> None:
    value = {"si_registration_number": "5300231", "si_tax_number": "50223054"}[field]
    errors = error_messages(
        lambda: create_organisation(
            name="Spółka", sector="private", country="PL", **registry_id(field, value)
        )
    )
    assert errors == {field: ["This identifier applies only to organisations registered in SI."]}


def test_a_foreign_organisation_may_have_no_registry_ids() -> None:
    org = create_organisation(name="Verein", sector="civil", country="de")
    assert org.country == "DE"  # stored upper-case, whatever was typed


def test_a_lower_case_country_code_still_matches_its_registry_ids() -> None:
    org = create_organisation(name="Fundacja", sector="civil", country="pl", nip="5252248481")
    assert Organisation.objects.get(pk=org.pk).country == "PL"


@pytest.mark.parametrize(("field", "country", "value", "message"), REGISTRY_IDS)
def test_a_registry_id_is_unique_within_its_country(
    field: str, country: str, value: str, message: str
) -> None:
    create_organisation(name="First", sector="civil", country=country, **registry_id(field, value))
    errors = error_messages(
        lambda: create_organisation(
            name="Second", sector="civil", country=country, **registry_id(field, value)
        )
    )
    assert errors == {field: [message]}  # said on the field that is taken
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(("field", "country", "value", "message"), REGISTRY_IDS)
def test_the_database_refuses_a_duplicate_registry_id(
    field: str, country: str, value: str, message: str
) -> None:
    OrganisationFactory.create(country=country, **registry_id(field, value))
    with violates(f"registry_org_unique_{field}"):
        OrganisationFactory.create(country=country, **registry_id(field, value))


@pytest.mark.parametrize(
    "field", ["krs", "nip", "regon", "si_registration_number", "si_tax_number"]
)
def test_organisations_without_an_id_do_not_collide(field: str) -> None:
    OrganisationFactory.create(**registry_id(field, ""))
    OrganisationFactory.create(
        **registry_id(field, "")
    )  # the database allows any number of blank ids
    create_organisation(name="Grupa nieformalna", sector="civil")  # and so does validation
    assert Organisation.objects.filter(**registry_id(field, "")).count() == 3


def test_an_organisation_cannot_be_dissolved_before_it_was_founded() -> None:
    errors = error_messages(
        lambda: create_organisation(
            name="Fundacja",
            sector="civil",
            status=OrganisationStatus.DISSOLVED,
            founded_on=datetime.date(2010, 5, 1),
            dissolved_on=datetime.date(2009, 1, 1),
        )
    )
    assert errors == {"dissolved_on": [END_BEFORE_START]}


def test_the_database_refuses_a_dissolution_before_the_foundation() -> None:
    with violates("registry_org_dissolved_after_founded"):
        OrganisationFactory.create(
            status=OrganisationStatus.DISSOLVED,
            founded_on=datetime.date(2010, 5, 1),
            dissolved_on=datetime.date(2009, 1, 1),
        )


def test_only_a_dissolved_organisation_has_a_dissolution_date() -> None:
    org = OrganisationFactory.create()
    errors = error_messages(
        lambda: update_organisation(org, dissolved_on=datetime.date(2023, 1, 1))
    )
    assert errors == {"status": ["Only a dissolved organisation has a dissolution date."]}
    org.refresh_from_db()
    assert org.dissolved_on is None


def test_the_database_refuses_a_dissolution_date_on_an_active_organisation() -> None:
    with violates("registry_org_dissolved_date_needs_status"):
        OrganisationFactory.create(
            status=OrganisationStatus.ACTIVE, dissolved_on=datetime.date(2023, 1, 1)
        )


def test_organisation_areas_are_written_with_it() -> None:
    areas = ThematicAreaFactory.create_batch(2)
    org = create_organisation(name="Klaster", sector="private", areas=areas)
    assert set(org.areas.all()) == set(areas)


def test_an_invalid_organisation_writes_neither_itself_nor_its_areas() -> None:
    area = ThematicAreaFactory.create()
    with pytest.raises(ValidationError):
        create_organisation(name="Firma", sector="private", nip="5252248482", areas=[area])
    assert not Organisation.objects.exists()
    assert not Organisation.areas.through.objects.exists()


def test_an_affiliation_cannot_end_before_it_starts() -> None:
    errors = error_messages(
        lambda: create_affiliation(
            PersonFactory.create(),
            OrganisationFactory.create(),
            start=datetime.date(2022, 1, 1),
            end=datetime.date(2021, 12, 31),
        )
    )
    assert errors == {"end": [END_BEFORE_START]}
    assert not Affiliation.objects.exists()


def test_an_affiliation_may_end_on_the_day_it_starts() -> None:
    day = datetime.date(2022, 1, 1)
    create_affiliation(PersonFactory.create(), OrganisationFactory.create(), start=day, end=day)


def test_the_database_refuses_an_affiliation_ending_before_it_starts() -> None:
    with violates("registry_affiliation_end_after_start"):
        AffiliationFactory.create(start=datetime.date(2022, 1, 1), end=datetime.date(2021, 12, 31))


def test_violates_detects_a_write_the_database_accepts() -> None:
    """The helper itself fails when nothing is refused (so the tests above can fail)."""
    with pytest.raises(pytest.fail.Exception), violates("registry_affiliation_end_after_start"):
        AffiliationFactory.create(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 1, 2))


def test_violates_detects_a_refusal_by_another_rule() -> None:
    with pytest.raises(AssertionError), violates("registry_affiliation_end_after_start"):
        AffiliationFactory.create(person=None)  # refused as NOT NULL, not by the period rule


@pytest.mark.parametrize("country", ["XX", "POL", "1A"])
def test_an_unknown_country_code_is_refused(country: str) -> None:
    errors = error_messages(
        lambda: create_organisation(name="Nowhere", sector="civil", country=country)
    )
    assert list(errors) == ["country"]
    assert "Enter a two-letter ISO country code in capitals, such as PL or SI." in errors["country"]
    assert Organisation.objects.count() == 0
