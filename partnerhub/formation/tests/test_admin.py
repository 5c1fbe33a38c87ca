"""The staff admin of formation and agreements: every page opens, writes use the services."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import models
from django.test import Client
from django.urls import reverse

from partnerhub.agreements.models import Agreement, AgreementActivity, AgreementVersion
from partnerhub.agreements.tests.factories import (
    AgreementActivityFactory,
    AgreementFactory,
    AgreementVersionFactory,
)
from partnerhub.core.tests.factories import BaseFactory, OrganisationFactory
from partnerhub.core.tests.helpers import inline_management_data
from partnerhub.formation.models import HealthSurvey, Invitation, StageTransition
from partnerhub.formation.services import token_digest
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import (
    HealthResponseFactory,
    HealthSurveyFactory,
    InvitationFactory,
    StageTransitionFactory,
)
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.choices import OrganisationStatus

pytestmark = pytest.mark.django_db

FACTORIES: dict[type[models.Model], type[BaseFactory[Any]]] = {
    Invitation: InvitationFactory,
    StageTransition: StageTransitionFactory,
    HealthSurvey: HealthSurveyFactory,
    Agreement: AgreementFactory,
    AgreementVersion: AgreementVersionFactory,
    AgreementActivity: AgreementActivityFactory,
}


def _url(model: type[models.Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", list(FACTORIES), ids=lambda model: model._meta.label)
def test_every_admin_page_opens(staff_client: Client, model: type[models.Model]) -> None:
    record = FACTORIES[model].create()
    if model is HealthSurvey:
        HealthResponseFactory.create(survey=record)
    for view, args in (
        ("changelist", ()),
        ("change", (record.pk,)),
        ("delete", (record.pk,)),
        ("history", (record.pk,)),
    ):
        assert staff_client.get(_url(model, view, *args)).status_code == 200, view
    # Versions are made by starting or revising an agreement, never added by hand.
    expected = 403 if model is AgreementVersion else 200
    assert staff_client.get(_url(model, "add")).status_code == expected


def test_an_invitation_added_in_the_admin_goes_through_the_service(
    staff_client: Client, pilot: Pilot
) -> None:
    url = _url(Invitation, "add")
    data = {
        "partnership": pilot.partnership.pk,
        "organisation": pilot.firm.pk,
        "role": "partner",
        "message": "",
        "expires_at_0": "2099-01-01",
        "expires_at_1": "12:00:00",
    }
    response = staff_client.post(url, data)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    [shown] = [str(m) for m in get_messages(response.wsgi_request) if "phi_" in str(m)]
    token = shown.rsplit(" ", 1)[-1]
    assert invitation.token_digest == token_digest(token)


def test_the_admin_shows_why_an_organisation_cannot_be_invited(
    staff_client: Client, pilot: Pilot
) -> None:
    dissolved = OrganisationFactory.create(name="Zavod Nekoč", status=OrganisationStatus.DISSOLVED)
    data = {
        "partnership": pilot.partnership.pk,
        "organisation": dissolved.pk,
        "role": "partner",
        "expires_at_0": "2099-01-01",
        "expires_at_1": "12:00:00",
    }
    response = staff_client.post(_url(Invitation, "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "organisation": [
            "Zavod Nekoč is dissolved: a dissolved organisation cannot join a partnership."
        ]
    }
    assert not Invitation.objects.exists()


def test_a_stage_change_in_the_admin_is_checked_and_recorded(
    staff_client: Client, pilot: Pilot
) -> None:
    url = _url(StageTransition, "add")
    base = {"partnership": pilot.partnership.pk, "date": "2024-05-01", "note": "Podpis"}

    refused = staff_client.post(url, base | {"to_stage": "sustaining"})
    moved = staff_client.post(url, base | {"to_stage": "formalised"})

    assert refused.status_code == 200
    assert list(refused.context["adminform"].form.errors) == ["to_stage"]
    assert moved.status_code == 302
    assert Partnership.objects.get(pk=pilot.partnership.pk).stage == Stage.FORMALISED
    transition = StageTransition.objects.get()
    assert (transition.from_stage, transition.to_stage) == ("building", "formalised")


def test_an_agreement_added_in_the_admin_starts_with_a_draft(
    staff_client: Client, pilot: Pilot
) -> None:
    url = _url(Agreement, "add")
    data = inline_management_data(staff_client, url) | {
        "partnership": pilot.partnership.pk,
        "title": "Dogovor",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert list(Agreement.objects.get().versions.values_list("number", "status")) == [(1, "draft")]
