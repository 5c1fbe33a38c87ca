"""Bad input gets 400 with messages by field in one shape, nothing half-written, never a 500."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from partnerhub.core.tests import factories as f
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import Project, ProjectPartner
from partnerhub.results.models import Indicator

pytestmark = pytest.mark.django_db


def assert_error_shape(body: dict[str, object]) -> None:
    assert set(body) == {"detail", "code", "errors"}
    assert isinstance(body["detail"], str)
    assert isinstance(body["code"], str)
    errors = body["errors"]
    assert isinstance(errors, dict)
    for field, messages in errors.items():
        assert isinstance(field, str)
        assert isinstance(messages, list) and messages
        assert all(isinstance(message, str) for message in messages)


def test_field_errors_of_the_serializer(staff: APIClient) -> None:
    response = staff.post(
        "/api/organisations/", {"name": "", "sector": "fourth", "nip": "123", "seat": 10**30}
    )

    assert response.status_code == 400
    body = response.json()
    assert_error_shape(body)
    assert body["code"] == "invalid"
    assert set(body["errors"]) == {"name", "sector", "nip", "seat"}
    assert body["errors"]["nip"] == ["Enter a valid NIP: 10 digits with a correct check digit."]


def test_field_errors_of_the_service_rules(staff: APIClient) -> None:
    response = staff.post(
        "/api/projects/",
        {
            "title": "Za drogo",
            "total_cost": "100.00",
            "grant": "150.00",
            "start": "2024-05-01",
            "end": "2024-01-01",
        },
    )

    assert response.status_code == 400
    body = response.json()
    assert_error_shape(body)
    assert body["errors"] == {
        "grant": ["The grant cannot exceed the total cost."],
        "end": ["The end date cannot be before the start date."],
    }
    assert not Project.objects.exists()


def test_rules_about_the_whole_record_are_non_field_errors(staff: APIClient) -> None:
    partner = f.ProjectPartnerFactory.create()

    response = staff.post(
        "/api/project-partners/",
        {"project": partner.project_id, "organisation": partner.organisation_id},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "non_field_errors": ["This organisation is already a partner of this project."]
    }


def test_a_nested_write_is_all_or_nothing(staff: APIClient) -> None:
    ngo, firm = f.OrganisationFactory.create(), f.OrganisationFactory.create()

    response = staff.post(
        "/api/projects/",
        {
            "title": "Partnerski projekt",
            "partners": [
                {"organisation": ngo.pk, "role": "lead"},
                {"organisation": firm.pk, "budget_share": "10.00"},
            ],
            "indicators": [
                {"name": "Szkolenia", "unit": "hours", "target": "100"},
                {"name": "Ujemny cel", "unit": "persons", "target": "-5"},
            ],
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"indicators.1.target": ["This amount cannot be negative."]}
    assert not Project.objects.exists()
    assert not ProjectPartner.objects.exists()
    assert not Indicator.objects.exists()


def test_a_nested_error_found_by_the_database_rules_names_the_item(staff: APIClient) -> None:
    ngo = f.OrganisationFactory.create()

    response = staff.post(
        "/api/projects/",
        {"title": "Dwa razy", "partners": [{"organisation": ngo.pk}, {"organisation": ngo.pk}]},
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "partners.1.non_field_errors": ["This organisation is already a partner of this project."]
    }
    assert not Project.objects.exists()


def test_a_partnership_with_members_is_all_or_nothing(staff: APIClient) -> None:
    ngo = f.OrganisationFactory.create()

    response = staff.post(
        "/api/partnerships/",
        {
            "name": "Partnerstwo",
            "kind": "local_partnership",
            "members": [
                {"organisation": ngo.pk, "role": "leader", "joined": "2024-01-01"},
                {"organisation": ngo.pk, "joined": "2024-06-01"},
            ],
        },
    )

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["members.1.joined"] == [
        "This member already belongs to the partnership in an overlapping period."
    ]
    assert not Partnership.objects.exists()
    assert not Membership.objects.exists()


def test_a_member_is_an_organisation_or_a_person(staff: APIClient) -> None:
    response = staff.post(
        "/api/partnerships/", {"name": "P", "kind": "network", "members": [{"role": "partner"}]}
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "members.0.organisation": ["Choose either an organisation or a person as the member."]
    }


def test_deleting_a_record_still_in_use_is_a_conflict(staff: APIClient) -> None:
    membership = f.MembershipFactory.create()

    response = staff.delete(f"/api/organisations/{membership.organisation_id}/")

    assert response.status_code == 409
    body = response.json()
    assert_error_shape(body)
    assert body["code"] == "protected"
    assert "memberships" in body["detail"]


def test_a_body_that_is_not_json_is_unsupported(staff: APIClient) -> None:
    response = staff.post("/api/organisations/", "name=X", content_type="text/plain")

    assert response.status_code == 415
    assert_error_shape(response.json())


def test_malformed_json_is_bad_input(staff: APIClient) -> None:
    response = staff.post("/api/organisations/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert_error_shape(response.json())


def test_a_method_an_address_does_not_allow(staff: APIClient) -> None:
    unit = f.TerritorialUnitFactory.create()

    response = staff.put(f"/api/territories/{unit.pk}/", {"name": "X"})

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_an_address_that_names_nothing_is_a_json_404(anonymous: APIClient) -> None:
    for path in ("/api/nothing-here/", "/api/projects/1.5/", "/api/projects/abc/"):
        response = anonymous.get(path)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_a_bad_filter_value_is_bad_input(anonymous: APIClient) -> None:
    response = anonymous.get("/api/projects/", {"status": "dreaming", "funding_programme": "x"})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"status", "funding_programme"}


def test_a_bad_cursor_is_bad_input(anonymous: APIClient) -> None:
    f.OrganisationFactory.create_batch(3)
    for cursor in ("not-a-cursor", "cD1hYmM="):  # the second decodes to "p=abc"
        response = anonymous.get("/api/organisations/", {"cursor": cursor, "ordering": "id"})
        assert response.status_code == 400, cursor
        assert list(response.json()["errors"]) == ["cursor"]


def test_changing_nested_items_of_an_existing_project_points_elsewhere(staff: APIClient) -> None:
    project = f.ProjectFactory.create()

    response = staff.patch(f"/api/projects/{project.pk}/", {"partners": []})

    assert response.status_code == 400
    assert "/api/project-partners/" in response.json()["errors"]["partners"][0]


def test_a_value_that_cannot_be_a_code_is_bad_input_on_every_database(staff: APIClient) -> None:
    created = staff.post(
        "/api/organisations/", {"name": "X", "sector": "civil", "areas": ["a\x00"]}
    )
    listed = staff.get("/api/organisations/", {"area": "a\x00"})

    assert created.status_code == 400
    assert list(created.json()["errors"]) == ["areas"]
    assert listed.status_code == 400
    assert list(listed.json()["errors"]) == ["area"]
