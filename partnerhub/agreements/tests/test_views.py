"""The agreement pages: drafting (activities, the matrix, commitments), opening for
signature, signing, revising, earlier versions and the exports."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerhub.agreements import services
from partnerhub.agreements.choices import ResponsibilityLevel, VersionStatus
from partnerhub.agreements.models import Agreement, AgreementVersion, Responsibility, Signature
from partnerhub.agreements.tests.conftest import Pilot
from partnerhub.core.choices import Visibility

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
LEAD, CONTRIBUTES = ResponsibilityLevel.LEAD, ResponsibilityLevel.CONTRIBUTES


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def start(pilot: Pilot) -> Agreement:
    return services.create_agreement(pilot.partnership, title="Dogovor o prevozih", by=None)


def draft_of(agreement: Agreement) -> AgreementVersion:
    return agreement.versions.get(status=VersionStatus.DRAFT)


def ready(pilot: Pilot) -> AgreementVersion:
    """A draft with one activity led by the NGO, ready to be opened."""
    version = draft_of(start(pilot))
    activity = services.add_activity(version, title="Prevozi k zdravniku", by=None)
    services.assign_responsibility(activity, pilot.ngo, LEAD, by=None)
    return version


def cell(version: AgreementVersion, activity_id: int, membership_id: int) -> str:
    return reverse("agreements:cell", args=[version.pk, activity_id, membership_id])


def test_the_facilitator_starts_the_agreement_from_the_partnership(pilot: Pilot) -> None:
    url = reverse("agreements:partnership-agreement", args=[pilot.partnership.pk])
    client = signed_in(pilot.hub_staff)
    assert "Start drafting the agreement" in client.get(url).content.decode()

    response = client.post(url, {"title": "Dogovor", "note": "Prva različica"})

    agreement = Agreement.objects.get()
    assert response["Location"] == reverse("agreements:agreement", args=[agreement.pk])
    assert draft_of(agreement).number == 1
    # Once there is one, the partnership's address leads to it.
    assert client.get(url)["Location"] == reverse("agreements:agreement", args=[agreement.pk])


def test_members_read_the_agreement_but_only_the_facilitator_starts_it(pilot: Pilot) -> None:
    url = reverse("agreements:partnership-agreement", args=[pilot.partnership.pk])
    member = signed_in(pilot.firm_representative)
    assert "its facilitator drafts it" in member.get(url).content.decode()
    assert member.post(url, {"title": "X"}).status_code == 403
    assert signed_in(pilot.stranger).get(url).status_code == 404
    assert not Agreement.objects.exists()

    agreement = start(pilot)
    page = reverse("agreements:agreement", args=[agreement.pk])
    assert member.get(page).status_code == 200
    assert signed_in(pilot.stranger).get(page).status_code == 404
    assert Client().get(page).status_code == 302


def test_the_facilitator_lists_activities_and_fills_the_matrix(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    client = signed_in(pilot.coordinator)
    client.post(
        reverse("agreements:add-activity", args=[version.pk]),
        {"title": "Prevozi k zdravniku", "description": ""},
    )
    activity = version.activities.get()
    data = {
        f"cell-{activity.pk}-{pilot.ngo.pk}": LEAD,
        f"cell-{activity.pk}-{pilot.firm.pk}": CONTRIBUTES,
        f"cell-{activity.pk}-{pilot.municipality.pk}": "",
    }

    response = client.post(reverse("agreements:matrix", args=[version.pk]), data)

    assert response.status_code == 302
    assert dict(activity.responsibilities.values_list("membership_id", "level")) == {
        pilot.ngo.pk: LEAD,
        pilot.firm.pk: CONTRIBUTES,
    }
    # The lead moves from the NGO to the municipality in one save.
    client.post(
        reverse("agreements:matrix", args=[version.pk]),
        {
            f"cell-{activity.pk}-{pilot.ngo.pk}": CONTRIBUTES,
            f"cell-{activity.pk}-{pilot.municipality.pk}": LEAD,
            f"cell-{activity.pk}-{pilot.firm.pk}": "",
        },
    )
    assert dict(activity.responsibilities.values_list("membership_id", "level")) == {
        pilot.ngo.pk: CONTRIBUTES,
        pilot.municipality.pk: LEAD,
    }


def test_two_leads_are_refused_and_nothing_is_saved(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    activity = services.add_activity(version, title="Prevozi", by=None)
    response = signed_in(pilot.hub_staff).post(
        reverse("agreements:matrix", args=[version.pk]),
        {
            f"cell-{activity.pk}-{pilot.ngo.pk}": LEAD,
            f"cell-{activity.pk}-{pilot.firm.pk}": LEAD,
        },
    )
    assert response.status_code == 400
    assert "This activity already has a lead." in response.content.decode()
    assert not Responsibility.objects.exists()


def test_one_cell_at_a_time_with_htmx(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    activity = services.add_activity(version, title="Prevozi", by=None)
    client = signed_in(pilot.hub_staff)
    name = f"cell-{activity.pk}-{pilot.firm.pk}"

    response = client.post(cell(version, activity.pk, pilot.firm.pk), {name: LEAD}, headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith(f'<td id="{name}"')
    assert '<option value="lead" selected>' in html
    assert Responsibility.objects.get().level == LEAD

    second = f"cell-{activity.pk}-{pilot.ngo.pk}"
    refused = client.post(cell(version, activity.pk, pilot.ngo.pk), {second: LEAD}, headers=HTMX)
    assert refused.status_code == 400
    assert "already has a lead" in refused.content.decode()
    assert Responsibility.objects.count() == 1

    cleared = client.post(cell(version, activity.pk, pilot.firm.pk), {name: ""}, headers=HTMX)
    assert cleared.status_code == 200
    assert not Responsibility.objects.exists()


def test_members_may_not_change_the_draft(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    activity = services.add_activity(version, title="Prevozi", by=None)
    client = signed_in(pilot.firm_representative)
    name = f"cell-{activity.pk}-{pilot.firm.pk}"
    assert client.post(cell(version, activity.pk, pilot.firm.pk), {name: LEAD}).status_code == 403
    added = client.post(reverse("agreements:add-activity", args=[version.pk]), {"title": "X"})
    assert added.status_code == 403
    assert version.activities.count() == 1
    assert not Responsibility.objects.exists()


def test_commitments_per_member(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    client = signed_in(pilot.hub_staff)
    url = reverse("agreements:commitment", args=[version.pk])

    no_currency = client.post(url, {"membership": pilot.firm.pk, "money": "500"})
    assert no_currency.status_code == 400
    assert "Give the currency of the money committed." in no_currency.content.decode()

    client.post(
        url,
        {
            "membership": pilot.firm.pk,
            "money": "500",
            "currency": "EUR",
            "in_kind": "Kombi",
            "hours": "40",
        },
    )
    commitment = version.commitments.get()
    assert (commitment.money, commitment.in_kind, commitment.hours) == (
        Decimal("500.00"),
        "Kombi",
        Decimal("40.0"),
    )
    html = client.get(reverse("agreements:agreement", args=[version.agreement_id])).content
    assert "Kombi" in html.decode()


def test_open_for_signature_needs_a_lead_for_each_activity(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    services.add_activity(version, title="Brez vodje", by=None)
    client = signed_in(pilot.hub_staff)
    page = client.get(reverse("agreements:agreement", args=[version.agreement_id]))
    assert "Give this activity exactly one lead: Brez vodje." in page.content.decode()

    response = client.post(reverse("agreements:open", args=[version.pk]))

    assert response.status_code == 400
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT


def test_every_member_signs_once_and_the_version_is_then_signed(pilot: Pilot) -> None:
    version = ready(pilot)
    signed_in(pilot.hub_staff).post(reverse("agreements:open", args=[version.pk]))
    version.refresh_from_db()
    assert version.status == VersionStatus.OPEN
    sign = reverse("agreements:sign", args=[version.pk])
    page = reverse("agreements:agreement", args=[version.agreement_id])

    firm = signed_in(pilot.firm_representative)
    assert "Sign for Prevozi d.o.o." in firm.get(page).content.decode()
    assert firm.post(sign, {"membership": pilot.firm.pk}).status_code == 302
    twice = firm.post(sign, {"membership": pilot.firm.pk})
    assert twice.status_code == 400
    assert "Prevozi d.o.o. already signed this version" in twice.content.decode()
    # Nobody signs for an organisation they do not represent.
    assert firm.post(sign, {"membership": pilot.ngo.pk}).status_code == 403
    assert signed_in(pilot.hub_staff).post(sign, {"membership": pilot.ngo.pk}).status_code == 403
    assert Signature.objects.count() == 1

    for membership in (pilot.ngo, pilot.municipality):
        signed_in(pilot.representative_of(membership)).post(sign, {"membership": membership.pk})
    version.refresh_from_db()
    assert version.status == VersionStatus.SIGNED
    html = signed_in(pilot.hub_staff).get(page).content.decode()
    assert html.count('data-signed="yes"') == 3
    assert "Firm Demo" in html  # who signed for the firm


def test_revising_keeps_the_earlier_version_readable(pilot: Pilot) -> None:
    version = ready(pilot)
    services.open_for_signature(version, by=None)
    client = signed_in(pilot.hub_staff)
    agreement = version.agreement

    client.post(reverse("agreements:revise", args=[agreement.pk]), {"note": "Dodamo prevoz"})

    assert agreement.versions.count() == 2
    current = client.get(reverse("agreements:agreement", args=[agreement.pk]))
    assert current.context["version"].number == 2
    assert current.context["page"].may_edit
    earlier = client.get(reverse("agreements:version", args=[agreement.pk, 1]))
    assert earlier.status_code == 200
    assert earlier.context["version"].status == VersionStatus.SUPERSEDED
    assert "This is an earlier version" in earlier.content.decode()
    assert not earlier.context["page"].may_edit
    assert client.get(reverse("agreements:version", args=[agreement.pk, 9])).status_code == 404


def test_a_frozen_version_is_not_changed_through_the_pages(pilot: Pilot) -> None:
    version = ready(pilot)
    services.open_for_signature(version, by=None)
    response = signed_in(pilot.hub_staff).post(
        reverse("agreements:add-activity", args=[version.pk]), {"title": "Pozneje"}
    )
    assert response.status_code == 400
    assert "no longer a draft" in response.content.decode()
    assert version.activities.count() == 1


def test_exports_for_members_only(pilot: Pilot) -> None:
    version = ready(pilot)
    json_url = reverse("agreements:export-json", args=[version.pk])
    response = signed_in(pilot.firm_representative).get(json_url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["activities"][0]["title"] == "Prevozi k zdravniku"
    assert signed_in(pilot.stranger).get(json_url).status_code == 404

    pdf = signed_in(pilot.hub_staff).get(reverse("agreements:export-pdf", args=[version.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_public_page_summarises_the_agreement_for_those_involved(pilot: Pilot) -> None:
    pilot.partnership.visibility = Visibility.PUBLISHED
    pilot.partnership.save()
    version = ready(pilot)
    public = reverse("partnerships:partnership-detail", args=[pilot.partnership.pk])
    member_view = signed_in(pilot.firm_representative).get(public).content.decode()
    assert reverse("agreements:agreement", args=[version.agreement_id]) in member_view
    assert "version 1: Draft" in member_view
    assert reverse("agreements:agreement", args=[version.agreement_id]) not in (
        Client().get(public).content.decode()
    )


def test_the_agreement_page_costs_the_same_queries_for_any_size(pilot: Pilot) -> None:
    version = draft_of(start(pilot))
    client = signed_in(pilot.hub_staff)
    url = reverse("agreements:agreement", args=[version.agreement_id])

    def add_activities(count: int) -> int:
        for number in range(count):
            activity = services.add_activity(version, title=f"Dejavnost {number}", by=None)
            services.assign_responsibility(activity, pilot.ngo, LEAD, by=None)
            services.assign_responsibility(activity, pilot.firm, CONTRIBUTES, by=None)
            services.set_commitment(version, pilot.firm, hours=Decimal(number), by=None)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(url)  # the session, once
    assert add_activities(1) == add_activities(7)
