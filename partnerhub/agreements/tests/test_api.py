"""The agreements API: drafting, the matrix, commitments, sign-off, revision and export."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from partnerhub.agreements.models import Agreement, AgreementVersion, Signature
from partnerhub.agreements.tests.conftest import Pilot
from partnerhub.agreements.tests.factories import (
    AgreementActivityFactory,
    ResponsibilityFactory,
)

pytestmark = pytest.mark.django_db


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _created(client: APIClient, url: str, data: dict[str, Any]) -> dict[str, Any]:
    response = client.post(url, data)
    assert response.status_code == 201, response.json()
    body: dict[str, Any] = response.json()
    return body


def _drafted(pilot: Pilot) -> tuple[APIClient, int, int]:
    """An agreement drafted through the API: (coordinator's client, agreement id, version id)."""
    client = client_for(pilot.coordinator)
    agreement = _created(
        client,
        "/api/agreements/",
        {"partnership": pilot.partnership.pk, "title": "Dogovor o partnerstvu", "note": "Osnutek"},
    )
    version = agreement["current_version"]
    activity = _created(
        client, "/api/agreement-activities/", {"version": version, "title": "Prevozi starejših"}
    )
    _created(
        client,
        "/api/responsibilities/",
        {"activity": activity["id"], "membership": pilot.ngo.pk, "level": "lead"},
    )
    _created(
        client,
        "/api/commitments/",
        {"version": version, "membership": pilot.firm.pk, "in_kind": "Kombi", "hours": "80"},
    )
    return client, agreement["id"], version


def test_the_coordinator_drafts_an_agreement(pilot: Pilot) -> None:
    client, agreement_id, version_id = _drafted(pilot)

    version = client.get(f"/api/agreement-versions/{version_id}/").json()

    assert (version["number"], version["status"], version["note"]) == (1, "draft", "Osnutek")
    [activity] = version["activities"]
    assert activity["title"] == "Prevozi starejših"
    assert [(r["membership"], r["level"]) for r in activity["responsibilities"]] == [
        (pilot.ngo.pk, "lead")
    ]
    assert version["commitments"][0]["hours"] == "80.0"
    assert client.get(f"/api/agreements/{agreement_id}/").json()["versions"] == [
        {"id": version_id, "number": 1, "status": "draft"}
    ]


def test_members_read_the_agreement_but_do_not_draft_it(pilot: Pilot) -> None:
    _client, agreement_id, version_id = _drafted(pilot)
    representative = client_for(pilot.firm_representative)

    assert representative.get(f"/api/agreement-versions/{version_id}/").status_code == 200
    response = representative.post(
        "/api/agreements/", {"partnership": pilot.partnership.pk, "title": "Naš dogovor"}
    )
    assert response.status_code == 403
    assert (
        representative.post(
            "/api/agreement-activities/", {"version": version_id, "title": "Naša"}
        ).status_code
        == 403
    )
    assert client_for(pilot.stranger).get(f"/api/agreements/{agreement_id}/").status_code == 404
    assert client_for(None).get(f"/api/agreement-versions/{version_id}/").status_code == 404
    assert Agreement.objects.count() == 1


def test_the_matrix_keeps_one_lead_and_commitments_their_currency(pilot: Pilot) -> None:
    client, _agreement, version_id = _drafted(pilot)
    activity_id = AgreementVersion.objects.get(pk=version_id).activities.get().pk

    second_lead = client.post(
        "/api/responsibilities/",
        {"activity": activity_id, "membership": pilot.firm.pk, "level": "lead"},
    )
    no_currency = client.post(
        "/api/commitments/", {"version": version_id, "membership": pilot.ngo.pk, "money": "300"}
    )

    assert second_lead.status_code == 400
    assert second_lead.json()["errors"] == {
        "non_field_errors": ["This activity already has a lead."]
    }
    assert no_currency.status_code == 400
    assert no_currency.json()["errors"] == {
        "currency": ["Give the currency of the money committed."]
    }


def test_an_opened_version_is_signed_by_each_member_once(pilot: Pilot) -> None:
    client, _agreement, version_id = _drafted(pilot)
    opened = client.post(f"/api/agreement-versions/{version_id}/open/")
    assert opened.status_code == 200 and opened.json()["status"] == "open"

    frozen = client.post("/api/agreement-activities/", {"version": version_id, "title": "Nova"})
    assert frozen.status_code == 400
    assert frozen.json()["errors"]["non_field_errors"] == [
        "This version is no longer a draft: revise the agreement to change it in a new version."
    ]

    url = f"/api/agreement-versions/{version_id}/sign/"
    ngo = client_for(pilot.ngo_representative)
    first = ngo.post(url, {})
    twice = ngo.post(url, {})
    assert first.status_code == 201 and first.json()["membership"] == pilot.ngo.pk
    assert twice.status_code == 400
    assert twice.json()["errors"]["non_field_errors"][0].startswith(
        "Društvo Skupaj already signed this version on"
    )
    assert ngo.post(url, {"membership": pilot.firm.pk}).status_code == 403
    assert client_for(pilot.coordinator).post(url, {}).status_code == 400  # represents no member
    assert client_for(pilot.stranger).post(url, {}).status_code == 404

    for membership in (pilot.municipality, pilot.firm):
        response = client_for(pilot.representative_of(membership)).post(url, {})
        assert response.status_code == 201
    signed = client.get(f"/api/agreement-versions/{version_id}/").json()
    assert signed["status"] == "signed" and len(signed["signatures"]) == 3
    assert Signature.objects.count() == 3


def test_a_revision_is_a_new_draft_and_the_signed_version_stays(pilot: Pilot) -> None:
    client, agreement_id, version_id = _drafted(pilot)
    draft_revision = client.post(f"/api/agreements/{agreement_id}/revise/", {})
    assert draft_revision.status_code == 400  # a draft is changed directly

    client.post(f"/api/agreement-versions/{version_id}/open/")
    revised = client.post(f"/api/agreements/{agreement_id}/revise/", {"note": "Petki"})

    assert revised.status_code == 201
    assert (revised.json()["number"], revised.json()["status"]) == (2, "draft")
    assert revised.json()["activities"][0]["title"] == "Prevozi starejših"
    assert client.get(f"/api/agreement-versions/{version_id}/").json()["status"] == "superseded"
    assert (
        client.get(f"/api/agreements/{agreement_id}/").json()["current_version"]
        == (revised.json()["id"])
    )


def test_the_version_is_exported_as_json_and_as_pdf(pilot: Pilot) -> None:
    _client, _agreement, version_id = _drafted(pilot)
    representative = client_for(pilot.ngo_representative)

    document = representative.get(f"/api/agreement-versions/{version_id}/export/")
    pdf = representative.get(f"/api/agreement-versions/{version_id}/pdf/")
    asked_for_pdf = representative.get(
        f"/api/agreement-versions/{version_id}/pdf/", HTTP_ACCEPT="application/pdf"
    )

    assert document.status_code == 200
    assert document.json()["partnership"]["name"] == "Pilotno lokalno partnerstvo Postojna"
    assert document.json()["activities"][0]["responsibilities"][0]["name"] == "Društvo Skupaj"
    assert pdf.status_code == asked_for_pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith('attachment; filename="agreement-')
    assert pdf.content.startswith(b"%PDF-")
    assert (
        client_for(pilot.stranger).get(f"/api/agreement-versions/{version_id}/pdf/").status_code
        == 404
    )
    assert client_for(None).get(f"/api/agreement-versions/{version_id}/export/").status_code == 404


def test_the_version_list_costs_the_same_queries_however_much_is_in_it(pilot: Pilot) -> None:
    client, _agreement, version_id = _drafted(pilot)
    version = AgreementVersion.objects.get(pk=version_id)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/agreement-versions/").status_code == 200
        return len(queries)

    count()
    few = count()
    for _ in range(4):
        activity = AgreementActivityFactory.create(version=version)
        ResponsibilityFactory.create(activity=activity, membership=pilot.firm, level="informed")
    assert count() == few
