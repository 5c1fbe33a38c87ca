"""Staff write every kind of record through the API, and the services' rules hold."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from partnerhub.core.tests import factories as f
from partnerhub.events.models import AttendanceCount, Event
from partnerhub.partnerships.models import Membership
from partnerhub.projects.models import Project
from partnerhub.registry.models import Organisation
from partnerhub.results.models import Indicator

pytestmark = pytest.mark.django_db


def test_an_organisation_is_registered_changed_and_removed(staff: APIClient) -> None:
    created = staff.post(
        "/api/organisations/",
        {
            "name": "Fundacja Nowa",
            "sector": "civil",
            "legal_form": "foundation",
            "areas": ["social-economy", "tourism"],
            "nip": "5252248481",
        },
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert sorted(body["areas"]) == ["social-economy", "tourism"]

    changed = staff.patch(f"/api/organisations/{body['id']}/", {"short_name": "FN", "areas": []})
    assert changed.status_code == 200
    assert changed.json()["short_name"] == "FN"
    assert changed.json()["areas"] == []

    assert staff.delete(f"/api/organisations/{body['id']}/").status_code == 204
    assert not Organisation.objects.filter(pk=body["id"]).exists()


def test_a_registry_id_is_unique_within_its_country(staff: APIClient) -> None:
    f.OrganisationFactory.create(nip="5252248481")

    response = staff.post(
        "/api/organisations/", {"name": "Druga", "sector": "civil", "nip": "5252248481"}
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"nip": ["An organisation with this NIP already exists."]}


def test_a_partnership_is_created_with_its_members_and_shows_its_sector_balance(
    staff: APIClient,
) -> None:
    ngo = f.OrganisationFactory.create(sector="civil")
    town = f.OrganisationFactory.create(sector="public")
    firm = f.OrganisationFactory.create(sector="private")
    person = f.PersonFactory.create()
    problem = f.LocalProblemFactory.create()

    response = staff.post(
        "/api/partnerships/",
        {
            "name": "Partnerstwo Trzech Sektorów",
            "kind": "local_partnership",
            "start": "2024-01-01",
            "areas": ["social-economy"],
            "problems": [problem.pk],
            "members": [
                {"organisation": ngo.pk, "role": "leader", "joined": "2024-01-01"},
                {"organisation": town.pk, "joined": "2024-01-01"},
                {"organisation": firm.pk, "joined": "2024-02-01"},
                {"person": person.pk, "role": "expert"},
            ],
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["member_count"] == 4
    assert body["problems"] == [problem.pk]
    balance = body["sector_balance"]
    assert balance["counts"] == {"public": 1, "private": 1, "civil": 1}
    assert balance["individuals"] == 1
    assert balance["is_three_sector"] is True
    leader = next(m for m in body["members"] if m["role"] == "leader")
    assert leader["organisation"] == {"id": ngo.pk, "name": ngo.name, "sector": "civil"}


def test_members_join_change_and_leave(staff: APIClient) -> None:
    partnership = f.PartnershipFactory.create()
    organisation = f.OrganisationFactory.create()

    joined = staff.post(
        "/api/memberships/",
        {"partnership": partnership.pk, "organisation": organisation.pk, "joined": "2024-01-01"},
    )
    assert joined.status_code == 201, joined.json()
    membership_id = joined.json()["id"]
    left = staff.patch(f"/api/memberships/{membership_id}/", {"left": "2024-12-31"})
    assert left.json()["left"] == "2024-12-31"
    too_early = staff.patch(f"/api/memberships/{membership_id}/", {"left": "2023-01-01"})
    assert too_early.status_code == 400
    assert list(too_early.json()["errors"]) == ["left"]
    assert staff.delete(f"/api/memberships/{membership_id}/").status_code == 204
    assert not Membership.objects.exists()


def test_a_project_is_created_with_partners_and_indicators_in_one_call(staff: APIClient) -> None:
    lead = f.OrganisationFactory.create(sector="civil")
    partner = f.OrganisationFactory.create(sector="public")
    funding = f.FundingProgrammeFactory.create()

    response = staff.post(
        "/api/projects/",
        {
            "title": "Kuźnia Ekspertów II",
            "currency": "EUR",
            "total_cost": "1000.00",
            "grant": "900.00",
            "reach": "regional",
            "funding_programme": funding.pk,
            "lead_organisation": lead.pk,
            "activity_types": ["training"],
            "target_groups": ["ngos"],
            "partners": [
                {"organisation": lead.pk, "role": "lead", "budget_share": "600.00"},
                {"organisation": partner.pk},
            ],
            "indicators": [
                {"name": "Szkolenia", "unit": "hours", "target": "300", "kind": "output"},
                {"name": "Organizacje", "unit": "organisations", "target": "50", "kind": "result"},
            ],
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["funding_programme"]["name"] == funding.name
    assert body["partner_count"] == 2
    assert {p["organisation"]["sector"] for p in body["partners"]} == {"civil", "public"}
    assert [i["name"] for i in body["indicators"]] == ["Szkolenia", "Organizacje"]
    assert body["activity_types"] == ["training"]
    project = Project.objects.get()
    assert project.partners.count() == 2
    assert project.indicators.count() == 2


def test_a_projects_partners_and_indicators_change_through_their_own_addresses(
    staff: APIClient,
) -> None:
    project = f.ProjectFactory.create()
    organisation = f.OrganisationFactory.create()

    added = staff.post(
        "/api/project-partners/", {"project": project.pk, "organisation": organisation.pk}
    )
    assert added.status_code == 201
    assert (
        staff.patch(f"/api/project-partners/{added.json()['id']}/", {"role": "funder"}).json()[
            "role"
        ]
        == "funder"
    )
    indicator = staff.post(
        "/api/indicators/", {"project": project.pk, "name": "Osoby", "unit": "persons"}
    )
    assert indicator.status_code == 201
    assert staff.delete(f"/api/project-partners/{added.json()['id']}/").status_code == 204
    assert staff.delete(f"/api/indicators/{indicator.json()['id']}/").status_code == 204


def test_an_indicator_belongs_to_exactly_one_owner(staff: APIClient) -> None:
    project, programme = f.ProjectFactory.create(), f.ProgrammeFactory.create()

    for owners in ({}, {"project": project.pk, "programme": programme.pk}):
        response = staff.post("/api/indicators/", {"name": "X", "unit": "hours", **owners})
        assert response.status_code == 400
        assert list(response.json()["errors"]) == ["project"]


def test_reported_values_keep_achieved_the_sum(staff: APIClient) -> None:
    indicator = f.IndicatorFactory.create()

    first = staff.post(
        "/api/reported-values/",
        {"indicator": indicator.pk, "reported_on": "2024-03-31", "value": "10"},
    )
    second = staff.post(
        "/api/reported-values/",
        {"indicator": indicator.pk, "reported_on": "2024-06-30", "value": "15"},
    )
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("25")

    staff.patch(f"/api/reported-values/{first.json()['id']}/", {"value": "5"})
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("20")

    staff.delete(f"/api/reported-values/{first.json()['id']}/")
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("15")
    other = f.IndicatorFactory.create()
    moved = staff.patch(f"/api/reported-values/{second.json()['id']}/", {"indicator": other.pk})
    assert moved.status_code == 400


def test_an_event_with_attendance_by_sector(staff: APIClient) -> None:
    organiser = f.OrganisationFactory.create()

    created = staff.post(
        "/api/events/",
        {
            "title": "Warsztat",
            "event_type": "workshop",
            "start": "2024-05-10",
            "organisers": [organiser.pk],
            "attendance": [{"sector": "civil", "count": 12}, {"sector": "public", "count": 3}],
        },
    )
    assert created.status_code == 201, created.json()
    assert created.json()["attendance_total"] == 15

    event_id = created.json()["id"]
    replaced = staff.patch(
        f"/api/events/{event_id}/", {"attendance": [{"sector": "private", "count": 4}]}
    )
    assert replaced.json()["attendance"] == [{"sector": "private", "count": 4}]
    negative = staff.patch(
        f"/api/events/{event_id}/", {"attendance": [{"sector": "civil", "count": -1}]}
    )
    assert negative.status_code == 400
    assert list(negative.json()["errors"]) == ["attendance.count"]
    twice = staff.patch(
        f"/api/events/{event_id}/",
        {"attendance": [{"sector": "civil", "count": 1}, {"sector": "civil", "count": 2}]},
    )
    assert twice.status_code == 400
    assert AttendanceCount.objects.get().count == 4

    row = staff.post("/api/attendance-counts/", {"event": event_id, "sector": "civil", "count": 7})
    assert row.status_code == 201
    again = staff.post(
        "/api/attendance-counts/", {"event": event_id, "sector": "civil", "count": 1}
    )
    assert again.json()["errors"] == {
        "non_field_errors": ["This event already has a count for this sector."]
    }
    assert staff.delete(f"/api/events/{event_id}/").status_code == 204
    assert not Event.objects.exists()


def test_a_rejected_problem_needs_a_reason(staff: APIClient) -> None:
    created = staff.post(
        "/api/local-problems/", {"title": "Brak autobusu", "areas": ["rural-development"]}
    )
    assert created.status_code == 201, created.json()
    assert created.json()["areas"] == ["rural-development"]

    rejected = staff.patch(f"/api/local-problems/{created.json()['id']}/", {"status": "rejected"})

    assert rejected.status_code == 400
    assert rejected.json()["errors"] == {
        "rejection_reason": ["Give the reason for rejecting this problem."]
    }


def test_people_and_affiliations_are_written_by_staff(staff: APIClient) -> None:
    organisation = f.OrganisationFactory.create()

    person = staff.post(
        "/api/people/", {"first_name": "Ewa", "last_name": "Nowak", "email": "ewa@example.org"}
    )
    assert person.status_code == 201
    affiliation = staff.post(
        "/api/affiliations/",
        {
            "person": person.json()["id"],
            "organisation": organisation.pk,
            "role": "prezeska",
            "start": "2024-01-01",
            "end": "2023-01-01",
        },
    )
    assert affiliation.status_code == 400
    assert list(affiliation.json()["errors"]) == ["end"]


def test_programmes_goals_and_funding_programmes(staff: APIClient) -> None:
    partnership = f.PartnershipFactory.create()

    programme = staff.post(
        "/api/programmes/",
        {"title": "Program Współpracy", "partnership": partnership.pk, "target_groups": ["ngos"]},
    )
    assert programme.status_code == 201, programme.json()
    goal = staff.post(
        "/api/goals/",
        {"programme": programme.json()["id"], "title": "Jedno pilotażowe partnerstwo"},
    )
    assert goal.status_code == 201
    funding = staff.post("/api/funding-programmes/", {"name": "FERS", "instrument": "esf"})
    assert funding.status_code == 201
    duplicate = staff.post("/api/funding-programmes/", {"name": "FERS", "instrument": "esf"})
    assert duplicate.status_code == 400
    assert list(duplicate.json()["errors"]) == ["name"]
    assert Indicator.objects.count() == 0


def test_a_country_code_is_read_in_capitals(staff: APIClient) -> None:
    response = staff.post(
        "/api/organisations/", {"name": "Društvo", "sector": "civil", "country": "si"}
    )

    assert response.status_code == 201
    assert response.json()["country"] == "SI"
    wrong = staff.post("/api/organisations/", {"name": "X", "sector": "civil", "country": "xx"})
    assert list(wrong.json()["errors"]) == ["country"]
