"""Popolo mapping of registry ids, dates and memberships; the schema check itself."""

from __future__ import annotations

import datetime

import pytest

from partnerhub.core.choices import DatePrecision, Visibility
from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)
from partnerhub.opendata.popolo import build_popolo, popolo_date
from partnerhub.opendata.tests.standards import popolo_errors
from partnerhub.partnerships.choices import MemberRole

pytestmark = pytest.mark.django_db


def test_registry_ids_are_identifiers_under_org_id_schemes() -> None:
    polish = OrganisationFactory.create(polish_ids=True)
    slovenian = OrganisationFactory.create(slovenian=True)
    document = build_popolo()
    by_id = {o["id"]: o for o in document["organizations"]}

    assert by_id[f"organisation/{polish.pk}"]["identifiers"] == [
        {"scheme": "PL-KRS", "identifier": polish.krs},
        {"scheme": "PL-NIP", "identifier": polish.nip},
        {"scheme": "PL-REGON", "identifier": polish.regon},
    ]
    assert by_id[f"organisation/{slovenian.pk}"]["identifiers"] == [
        {"scheme": "SI-PRS", "identifier": slovenian.si_registration_number},
        {"scheme": "SI-TIN", "identifier": slovenian.si_tax_number},
    ]
    assert popolo_errors(document) == []


def test_dates_are_as_precise_as_known() -> None:
    day = datetime.date(2014, 11, 1)
    assert popolo_date(day) == "2014-11-01"
    assert popolo_date(day, DatePrecision.MONTH) == "2014-11"
    assert popolo_date(day, DatePrecision.YEAR) == "2014"
    assert popolo_date(None) is None


def test_internal_partnerships_and_people_stay_out_of_the_public_document() -> None:
    internal = PartnershipFactory.create(visibility=Visibility.INTERNAL)
    MembershipFactory.create(partnership=internal)
    published = MembershipFactory.create(role=MemberRole.LEADER)
    MembershipFactory.create(
        partnership=published.partnership, organisation=None, person=PersonFactory.create()
    )

    public = build_popolo(public=True)
    staff = build_popolo(public=False)

    assert {m["organization_id"] for m in public["memberships"]} == {
        f"partnership/{published.partnership_id}"
    }
    assert [p["role"] for p in public["posts"]] == ["leader"]
    assert len(staff["memberships"]) == 3
    assert len(staff["persons"]) == 1
    assert popolo_errors(public) == []
    assert popolo_errors(staff) == []


def test_the_schema_check_catches_bad_records_and_dangling_references() -> None:
    document = {
        "organizations": [
            {"id": "organisation/1", "founding_date": "04/2006", "other_names": [{"note": "x"}]}
        ],
        "memberships": [{"id": "membership/1", "organization_id": "partnership/9"}],
        "posts": [],
        "areas": [],
    }
    errors = popolo_errors(document)
    assert any("does not match" in e for e in errors)  # the date pattern
    assert any("'name' is a required property" in e for e in errors)
    assert any("no organizations partnership/9" in e for e in errors)
