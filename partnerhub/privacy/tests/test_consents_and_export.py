"""Consent per purpose, and a person's download of everything held on them."""

from __future__ import annotations

import json

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from partnerhub.api.models import ApiToken
from partnerhub.audit.models import AuditEvent, AuditEventKind
from partnerhub.core.tests import factories as f
from partnerhub.privacy.choices import ConsentPurpose
from partnerhub.privacy.models import Consent
from partnerhub.privacy.services import give_consent, withdraw_consent
from partnerhub.privacy.tests.conftest import EMAIL, NEW_EMAIL, PHONE, Subject

pytestmark = pytest.mark.django_db


def test_giving_withdrawing_and_giving_again_keeps_every_row() -> None:
    user = f.UserFactory.create()
    with time_machine.travel("2026-12-01 10:00 +01:00", tick=False):
        first = give_consent(user, ConsentPurpose.RESEARCH)
        assert give_consent(user, ConsentPurpose.RESEARCH) == first  # already in force
    with time_machine.travel("2027-01-15 09:00 +01:00", tick=False):
        withdrawn = withdraw_consent(user, ConsentPurpose.RESEARCH)
    with time_machine.travel("2027-02-01 09:00 +01:00", tick=False):
        again = give_consent(user, ConsentPurpose.RESEARCH)

    rows = list(Consent.objects.filter(user=user).order_by("given_at"))
    assert rows == [first, again]
    assert withdrawn is not None and withdrawn.pk == first.pk
    assert (
        rows[0].withdrawn_at is not None and rows[0].withdrawn_at.date().isoformat() == "2027-01-15"
    )
    assert rows[1].in_force and rows[1].policy_version == "2026-11"
    assert withdraw_consent(user, ConsentPurpose.NEWSLETTER) is None


def test_a_new_policy_version_needs_a_new_consent(settings: object) -> None:
    user = f.UserFactory.create()
    old = give_consent(user, ConsentPurpose.TERMS)
    settings.PRIVACY_POLICY_VERSION = "2027-06"  # type: ignore[attr-defined]

    new = give_consent(user, ConsentPurpose.TERMS)

    old.refresh_from_db()
    assert old.withdrawn_at is not None
    assert (new.policy_version, new.in_force) == ("2027-06", True)


def test_the_database_keeps_one_consent_in_force_per_purpose() -> None:
    user = f.UserFactory.create()
    give_consent(user, ConsentPurpose.NEWSLETTER)

    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(user=user, purpose=ConsentPurpose.NEWSLETTER, policy_version="x")


def test_the_consents_page_gives_and_withdraws(client: Client) -> None:
    user = f.UserFactory.create()
    client.force_login(user)
    url = reverse("privacy:consents")

    assert client.get(url).status_code == 200
    client.post(url, {"purpose": "contact_by_partners", "action": "give"})
    assert Consent.objects.in_force().filter(user=user, purpose="contact_by_partners").exists()
    response = client.post(
        url, {"purpose": "contact_by_partners", "action": "withdraw"}, follow=True
    )

    assert not Consent.objects.in_force().filter(user=user).exists()
    page = response.content.decode()
    assert "Consent withdrawn: Contact by partners of my partnerships." in page
    assert Consent.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("name", ["privacy:consents", "privacy:my-data", "privacy:export"])
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_anonymous_visitors_cannot_export_a_person(client: Client, subject: Subject) -> None:
    response = client.get(reverse("privacy:person-export", args=[subject.person.pk]))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_my_data_downloads_everything_held_on_me_and_nothing_on_others(
    client: Client, subject: Subject
) -> None:
    ApiToken.objects.create(user=subject.user, name="script", key_digest="d" * 64, prefix="ph_abc")
    client.force_login(subject.user)

    assert client.get(reverse("privacy:my-data")).status_code == 200
    response = client.get(reverse("privacy:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == EMAIL
    assert (data["person"]["email"], data["person"]["phone"]) == (NEW_EMAIL, PHONE)
    assert [a["organisation"] for a in data["affiliations"]] == ["Stowarzyszenie Lipowa"]
    assert [m["partnership"] for m in data["memberships"]] == ["Partnerstwo Lipowa"]
    assert [r["event"] for r in data["registrations"]] == ["Warsztaty Lipowa"]
    assert [p["id"] for p in data["problems_raised"]] == [subject.problem.pk]
    assert [p["id"] for p in data["problems_submitted"]] == [subject.problem.pk]
    assert [c["purpose"] for c in data["consents"]] == ["newsletter"]
    assert data["api_tokens"][0]["prefix"] == "ph_abc"
    assert "d" * 64 not in text and "key_digest" not in text
    versions = data["audit_trail"]["record_versions"]
    assert {"registry.person", "partnerships.membership", "events.registration"} <= {
        v["record"] for v in versions
    }
    assert any(v["values"].get("email") == EMAIL for v in versions)  # the earlier address
    assert "Nowicki" not in text and "jan.nowicki" not in text
    event = AuditEvent.objects.get(kind=AuditEventKind.DATA_EXPORT)
    assert (event.actor, event.object_id) == (subject.user, subject.person.pk)


def test_staff_export_is_for_those_who_may_change_the_person(
    client: Client, subject: Subject, superuser: User
) -> None:
    url = reverse("privacy:person-export", args=[subject.person.pk])
    outsider = f.UserFactory.create()

    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(subject.hub_staff)
    as_hub_staff = client.get(url)
    client.force_login(superuser)
    as_admin = client.get(url)

    assert as_hub_staff.status_code == as_admin.status_code == 200
    assert json.loads(as_admin.content)["person"]["id"] == subject.person.pk
    assert json.loads(as_hub_staff.content)["account"]["username"] == "zofia"
