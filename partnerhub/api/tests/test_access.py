"""Who sees and writes what through the API: anonymous and signed-in clients without a role
read published records only, never people; they write nothing but a local problem (held for
review). Roles (hub staff, coordinator, representative) are covered by the permission matrix
in partnerhub/access/tests."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client
from rest_framework.test import APIClient, APIRequestFactory

from partnerhub.api.tests.records import Records, build_records
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.registry.api.serializers import PersonSerializer
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db

COLLECTIONS = [
    "organisations",
    "people",
    "affiliations",
    "partnerships",
    "memberships",
    "funding-programmes",
    "programmes",
    "projects",
    "project-partners",
    "indicators",
    "reported-values",
    "goals",
    "events",
    "attendance-counts",
    "local-problems",
]
READ_ONLY = ["territories", "thematic-areas", "activity-types", "target-groups"]


@pytest.fixture
def records() -> Records:
    return build_records()


def listed_ids(client: APIClient, collection: str) -> set[int]:
    response = client.get(f"/api/{collection}/", {"page_size": 200})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_anonymous_clients_never_write(
    anonymous: APIClient, records: Records, collection: str
) -> None:
    created = anonymous.post(f"/api/{collection}/", {"name": "Nowa", "title": "Nowy"})
    assert created.status_code == 401
    assert created.json()["code"] == "not_authenticated"
    # Refused before the record is looked up: whether it exists is not disclosed.
    assert anonymous.patch(f"/api/{collection}/1/", {"name": "X"}).status_code == 401
    assert anonymous.put(f"/api/{collection}/1/", {"name": "X"}).status_code == 401
    assert anonymous.delete(f"/api/{collection}/1/").status_code == 401


def test_nothing_is_written_by_a_refused_request(anonymous: APIClient, records: Records) -> None:
    before = Organisation.objects.count()
    anonymous.post("/api/organisations/", {"name": "Nowa", "sector": "civil"})
    anonymous.patch(f"/api/organisations/{records.ngo.pk}/", {"name": "Zmieniona"})
    anonymous.delete(f"/api/organisations/{records.ngo.pk}/")
    records.ngo.refresh_from_db()
    assert Organisation.objects.count() == before
    assert records.ngo.name != "Zmieniona"


@pytest.mark.parametrize("collection", [c for c in COLLECTIONS if c != "local-problems"])
def test_signed_in_users_without_a_role_never_write(
    member: APIClient, records: Records, collection: str
) -> None:
    response = member.post(f"/api/{collection}/", {"name": "Nowa"})
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_a_problem_submitted_by_a_registered_user_waits_for_review(
    member: APIClient, records: Records
) -> None:
    response = member.post(
        "/api/local-problems/", {"title": "Ni avtobusa do vasi", "status": "published"}
    )
    assert response.status_code == 201, response.content
    problem = LocalProblem.objects.get(pk=response.json()["id"])
    assert problem.status == ProblemStatus.SUBMITTED
    # The submitter sees it; the public does not, until the hub publishes it.
    assert member.get(f"/api/local-problems/{problem.pk}/").status_code == 200
    assert APIClient().get(f"/api/local-problems/{problem.pk}/").status_code == 404
    # The submitter may edit the text while it waits, but not publish it.
    edited = member.patch(f"/api/local-problems/{problem.pk}/", {"title": "Ni avtobusa"})
    assert edited.status_code == 200, edited.content
    published = member.patch(f"/api/local-problems/{problem.pk}/", {"status": "published"})
    assert published.status_code == 403
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.SUBMITTED


@pytest.mark.parametrize("collection", READ_ONLY)
def test_reference_data_is_read_only_for_everyone(staff: APIClient, collection: str) -> None:
    assert staff.post(f"/api/{collection}/", {"code": "x"}).status_code == 405


@pytest.mark.parametrize("client_name", ["anonymous", "member"])
def test_internal_records_are_not_listed_nor_found(
    request: pytest.FixtureRequest, records: Records, client_name: str
) -> None:
    client: APIClient = request.getfixturevalue(client_name)
    hidden = {
        "partnerships": records.internal_partnership.pk,
        "programmes": records.internal_programme.pk,
        "projects": records.internal_project.pk,
        "events": records.internal_event.pk,
        "local-problems": records.submitted_problem.pk,
    }
    for collection, pk in hidden.items():
        assert pk not in listed_ids(client, collection), collection
        response = client.get(f"/api/{collection}/{pk}/")
        assert response.status_code == 404, collection
        assert response.json() == {"detail": "Not found.", "code": "not_found", "errors": {}}
    # Records that belong to an internal one are hidden with it.
    internal_indicator = records.internal_project.indicators.get()
    assert internal_indicator.pk not in listed_ids(client, "indicators")
    assert client.get(f"/api/indicators/{internal_indicator.pk}/").status_code == 404
    value = internal_indicator.reported_values.get()
    assert value.pk not in listed_ids(client, "reported-values")
    partner = records.internal_project.partners.get()
    assert partner.pk not in listed_ids(client, "project-partners")
    goal = records.internal_partnership.goals.get()
    assert goal.pk not in listed_ids(client, "goals")
    membership = records.internal_partnership.memberships.get()
    assert membership.pk not in listed_ids(client, "memberships")
    attendance = records.internal_event.attendance.get()
    assert attendance.pk not in listed_ids(client, "attendance-counts")


def test_staff_see_internal_records_and_people(staff: APIClient, records: Records) -> None:
    assert records.internal_project.pk in listed_ids(staff, "projects")
    assert records.submitted_problem.pk in listed_ids(staff, "local-problems")
    person = staff.get(f"/api/people/{records.person.pk}/").json()
    assert person["email"] == records.person.email
    assert person["phone"] == records.person.phone
    assert person["address"] == records.person.address
    problem = staff.get(f"/api/local-problems/{records.problem.pk}/").json()
    assert problem["raised_by_person"] == records.person.pk


@pytest.mark.parametrize("client_name", ["anonymous", "member"])
def test_people_are_never_shown_to_non_staff(
    request: pytest.FixtureRequest, records: Records, client_name: str
) -> None:
    client: APIClient = request.getfixturevalue(client_name)
    assert listed_ids(client, "people") == set()
    assert client.get(f"/api/people/{records.person.pk}/").status_code == 404
    assert listed_ids(client, "affiliations") == set()
    members = client.get(f"/api/partnerships/{records.partnership.pk}/").json()
    assert all(m["person"] is None for m in members["members"])
    assert len(members["members"]) == 3
    assert members["sector_balance"]["individuals"] == 1  # counted, not named
    problem = client.get(f"/api/local-problems/{records.problem.pk}/").json()
    assert problem["raised_by_person"] is None


def test_no_answer_to_anonymous_clients_carries_personal_data(
    anonymous: APIClient, records: Records
) -> None:
    person = records.person
    secrets = [person.email, person.phone, person.address, person.last_name]
    for collection in [*COLLECTIONS, *READ_ONLY]:
        body = json.dumps(anonymous.get(f"/api/{collection}/", {"page_size": 200}).json())
        assert not any(secret in body for secret in secrets), collection


def test_a_signed_in_staff_session_writes_with_the_csrf_token(staff_user: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    client.get("/accounts/profile/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value

    refused = client.post(
        "/api/funding-programmes/",
        {"name": "Bez tokenu", "instrument": "esf"},
        content_type="application/json",
    )
    accepted = client.post(
        "/api/funding-programmes/",
        {"name": "Z tokenem", "instrument": "esf"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert refused.status_code == 403
    assert accepted.status_code == 201


def test_contact_details_of_people_are_blanked_for_whoever_may_not_see_people(
    records: Records,
) -> None:
    """Defence in depth: were a person ever shown to a non-staff client, no contact details."""
    request = APIRequestFactory().get("/api/people/")
    request.user = AnonymousUser()

    data = PersonSerializer(records.person, context={"request": request}).data

    assert data["last_name"] == records.person.last_name
    assert (data["email"], data["phone"], data["address"]) == ("", "", "")
