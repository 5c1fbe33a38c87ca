"""Signing up: an inactive account, a link by e-mail that activates it and signs in."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerhub.accounts.links import AddressClaim, LinkPurpose, make_link_token
from partnerhub.accounts.tests.conftest import PASSWORD, link_in, make_user

pytestmark = pytest.mark.django_db

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def sign_up(client: Client, capture: CaptureCallbacks, **overrides: str) -> Any:
    data = {
        "username": "marta",
        "email": "Marta.Kowalska@Example.org",
        "first_name": "Marta",
        "last_name": "Kowalska",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    with capture(execute=True):
        return client.post(reverse("accounts:signup"), data)


def test_sign_up_creates_an_inactive_account_and_mails_a_link(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup-done")
    user = User.objects.get(username="marta")
    assert not user.is_active
    assert user.check_password(PASSWORD)
    assert (user.first_name, user.last_name) == ("Marta", "Kowalska")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Marta.Kowalska@example.org"]
    assert link_in(mail.outbox[0]).startswith("/accounts/verify/")


def test_the_link_activates_the_account_and_signs_in(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    sign_up(client, django_capture_on_commit_callbacks)

    response = client.get(link_in(mail.outbox[0]))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    user = User.objects.get(username="marta")
    assert user.is_active
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Your e-mail address is confirmed" in client.get(response["Location"]).content.decode()


def test_the_link_works_only_once(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    sign_up(client, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    client.get(link)
    client.post(reverse("accounts:logout"))

    response = Client().get(link)

    assert response.status_code == 400
    assert "already confirmed" in response.content.decode()
    assert "_auth_user_id" not in response.client.session


def test_an_expired_link_is_refused_with_a_clear_message(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    sign_up(client, django_capture_on_commit_callbacks)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=3, minutes=1)):
        response = client.get(link_in(mail.outbox[0]))

    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert reverse("accounts:resend-verification") in response.content.decode()
    assert not User.objects.get(username="marta").is_active
    assert "_auth_user_id" not in client.session


def test_a_tampered_link_is_refused(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    sign_up(client, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    other = make_user(is_active=False)
    # The same signature on another account's claim.
    forged_payload = make_link_token(
        LinkPurpose.VERIFY_ACCOUNT, AddressClaim(user_id=other.pk, email=other.email)
    ).split(":")[0]
    forged = link.replace(link.split("/")[3].split(":")[0], forged_payload)

    response = client.get(forged)

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    other.refresh_from_db()
    assert not other.is_active
    assert not User.objects.get(username="marta").is_active


def test_an_email_change_link_cannot_activate_an_account(client: Client) -> None:
    user = make_user(is_active=False)
    token = make_link_token(
        LinkPurpose.CHANGE_EMAIL, AddressClaim(user_id=user.pk, email=user.email)
    )

    response = client.get(reverse("accounts:verify-email", kwargs={"token": token}))

    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_a_link_does_not_reactivate_an_account_an_administrator_deactivated(
    client: Client,
) -> None:
    user = make_user(is_active=False, last_login=timezone.now())
    token = make_link_token(
        LinkPurpose.VERIFY_ACCOUNT, AddressClaim(user_id=user.pk, email=user.email)
    )

    response = client.get(reverse("accounts:verify-email", kwargs={"token": token}))

    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_the_same_address_cannot_sign_up_twice_in_any_letter_case(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    make_user(email="marta.kowalska@example.org")

    response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "An account with this e-mail address already exists" in response.content.decode()
    assert not User.objects.filter(username="marta").exists()
    assert mail.outbox == []


def test_a_failed_sign_up_keeps_what_was_typed_except_the_passwords(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    response = sign_up(client, django_capture_on_commit_callbacks, password2="Something-else-7")

    page = response.content.decode()
    assert response.status_code == 200
    assert "didn’t match" in page
    assert 'value="marta"' in page
    assert 'value="Marta.Kowalska@Example.org"' in page
    assert 'value="Kowalska"' in page
    assert PASSWORD not in page
    assert not User.objects.exists()


def test_weak_passwords_are_refused_by_the_validators(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    response = sign_up(
        client, django_capture_on_commit_callbacks, password1="12345678", password2="12345678"
    )

    assert response.status_code == 200
    assert "This password is too common" in response.content.decode()
    assert not User.objects.exists()


def test_an_unconfirmed_account_is_told_to_confirm_when_signing_in(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    sign_up(client, django_capture_on_commit_callbacks)

    response = client.post(reverse("accounts:login"), {"username": "marta", "password": PASSWORD})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your e-mail address is not confirmed yet" in page
    assert reverse("accounts:resend-verification") in page
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_on_an_unconfirmed_account_says_only_that_it_is_wrong(
    client: Client,
) -> None:
    make_user(username="marta", is_active=False)

    response = client.post(
        reverse("accounts:login"), {"username": "marta", "password": "not-the-password"}
    )

    assert "do not match an active account" in response.content.decode()
    assert "not confirmed" not in response.content.decode()


def test_a_new_link_is_sent_to_an_unconfirmed_address(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = make_user(is_active=False, email="waiting@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:resend-verification"), {"email": "WAITING@example.org"}
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:resend-verification-done")
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]
    client.get(link_in(mail.outbox[0]))
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize("email", ["nobody@example.org", "active@example.org"])
def test_asking_for_a_link_for_another_address_looks_the_same_and_sends_nothing(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks, email: str
) -> None:
    make_user(email="active@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:resend-verification"), {"email": email})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:resend-verification-done")
    assert mail.outbox == []


def test_new_links_are_limited_to_five_an_hour_per_address(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    make_user(is_active=False, email="waiting@example.org")

    for _ in range(7):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("accounts:resend-verification"), {"email": "waiting@example.org"}
            )
        assert response.status_code == 302

    assert len(mail.outbox) == 5


def test_a_signed_in_user_is_sent_from_sign_up_to_the_profile(client: Client) -> None:
    client.force_login(make_user())

    response = client.get(reverse("accounts:signup"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")


def test_the_sign_up_page_works_in_every_language(client: Client) -> None:
    for prefix in ("", "/pl", "/sl"):
        response = client.get(f"{prefix}/accounts/signup/")
        assert response.status_code == 200
        assert f'action="{prefix}/accounts/signup/"' in response.content.decode()
