"""Signing in (by username or e-mail), django-axes lock-outs, signing out, passwords."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from partnerhub.accounts.tests.conftest import PASSWORD, link_in, make_user

pytestmark = pytest.mark.django_db

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
WRONG = "not-my-password"


def sign_in(client: Client, username: str, password: str, **extra: Any) -> Any:
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def signed_in_as(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def test_sign_in_with_the_username(client: Client, member: User) -> None:
    response = sign_in(client, "ana", PASSWORD)

    assert response.status_code == 302
    assert signed_in_as(client) == str(member.pk)


@pytest.mark.parametrize("typed", ["ana.novak@example.org", "Ana.Novak@EXAMPLE.org"])
def test_sign_in_with_the_email_address(client: Client, member: User, typed: str) -> None:
    response = sign_in(client, typed, PASSWORD)

    assert response.status_code == 302
    assert signed_in_as(client) == str(member.pk)


def test_sign_in_goes_to_next(client: Client, member: User) -> None:
    response = client.post(
        reverse("accounts:login"),
        {"username": "ana", "password": PASSWORD, "next": reverse("accounts:profile")},
    )

    assert response["Location"] == reverse("accounts:profile")


def test_a_wrong_password_is_refused_and_the_username_kept(client: Client, member: User) -> None:
    response = sign_in(client, "ana", WRONG)

    page = response.content.decode()
    assert response.status_code == 200
    assert "do not match an active account" in page
    assert 'value="ana"' in page
    assert WRONG not in page
    assert signed_in_as(client) is None


def test_an_address_two_accounts_share_does_not_sign_in(client: Client) -> None:
    make_user(username="first", email="shared@example.org")
    make_user(username="second", email="shared@example.org")

    response = sign_in(client, "shared@example.org", PASSWORD)

    assert response.status_code == 200
    assert signed_in_as(client) is None


def test_five_wrong_passwords_lock_the_account_for_that_address(
    client: Client, member: User
) -> None:
    for _ in range(4):
        assert sign_in(client, "ana", WRONG).status_code == 200

    fifth = sign_in(client, "ana", WRONG)
    right_password = sign_in(client, "ana", PASSWORD)

    # django-axes answers 429 Too Many Requests with our template.
    assert fifth.status_code == 429
    assert right_password.status_code == 429
    assert "Too many failed sign-ins" in right_password.content.decode()
    assert "try again in 1" in right_password.content.decode()
    assert signed_in_as(client) is None
    # The lock is for this account from this address: the account works from elsewhere.
    elsewhere = Client()
    assert sign_in(elsewhere, "ana", PASSWORD, REMOTE_ADDR="192.0.2.10").status_code == 302


def test_failures_by_address_and_by_username_count_together(client: Client, member: User) -> None:
    for typed in ["ana", "ana.novak@example.org"] * 2 + ["ANA.NOVAK@example.org"]:
        sign_in(client, typed, WRONG)

    assert sign_in(client, "ana", PASSWORD).status_code == 429
    assert AccessAttempt.objects.get().username == "ana"


def test_the_lock_out_page_is_translated(client: Client, member: User) -> None:
    for _ in range(5):
        client.post("/pl/accounts/login/", {"username": "ana", "password": WRONG})

    response = client.post("/pl/accounts/login/", {"username": "ana", "password": PASSWORD})

    assert response.status_code == 429
    assert '<html lang="pl">' in response.content.decode()
    assert 'href="/pl/accounts/password/reset/"' in response.content.decode()


def test_a_successful_sign_in_clears_earlier_failures(client: Client, member: User) -> None:
    for _ in range(4):
        sign_in(client, "ana", WRONG)
    sign_in(client, "ana", PASSWORD)
    client.post(reverse("accounts:logout"))

    for _ in range(4):
        sign_in(client, "ana", WRONG)

    assert sign_in(client, "ana", PASSWORD).status_code == 302


def test_sign_out_refuses_get(client: Client, member: User) -> None:
    client.force_login(member)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert signed_in_as(client) == str(member.pk)


def test_sign_out_by_post(client: Client, member: User) -> None:
    client.force_login(member)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 200
    assert "You are signed out" in response.content.decode()
    assert signed_in_as(client) is None


def test_sign_out_needs_the_csrf_token(member: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    assert client.post(reverse("accounts:logout")).status_code == 403
    assert signed_in_as(client) == str(member.pk)


# --- Password reset -------------------------------------------------------------------------


def ask_for_reset(client: Client, capture: CaptureCallbacks, email: str) -> Any:
    with capture(execute=True):
        return client.post(reverse("accounts:password-reset"), {"email": email})


def test_a_reset_link_is_mailed_to_an_existing_address(
    client: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    response = ask_for_reset(client, django_capture_on_commit_callbacks, "ANA.novak@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert [m.to for m in mail.outbox] == [["ana.novak@example.org"]]
    assert "/accounts/password/reset/" in link_in(mail.outbox[0])


def test_an_unknown_address_gets_the_same_answer_and_no_email(
    client: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    known = ask_for_reset(client, django_capture_on_commit_callbacks, "ana.novak@example.org")
    mail.outbox.clear()

    unknown = ask_for_reset(client, django_capture_on_commit_callbacks, "nobody@example.org")

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert mail.outbox == []


def test_reset_emails_are_limited_to_five_an_hour_per_address(
    client: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    answers = [
        ask_for_reset(client, django_capture_on_commit_callbacks, address)
        for address in ["ana.novak@example.org"] * 3 + ["ANA.NOVAK@example.org"] * 4
    ]

    assert {answer.status_code for answer in answers} == {302}
    assert len(mail.outbox) == 5


def test_the_reset_link_sets_a_new_password_and_lifts_a_lock(
    client: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    for _ in range(5):
        sign_in(client, "ana", WRONG)
    ask_for_reset(client, django_capture_on_commit_callbacks, "ana.novak@example.org")
    form_page = client.get(link_in(mail.outbox[0]), follow=True)
    new_password = "Another-Long-Passphrase-9"

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-complete")
    assert sign_in(client, "ana", new_password).status_code == 302


def test_a_used_reset_link_is_refused(
    client: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    ask_for_reset(client, django_capture_on_commit_callbacks, "ana.novak@example.org")
    link = link_in(mail.outbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "Another-Long-Passphrase-9"
    client.post(form_url, {"new_password1": new_password, "new_password2": new_password})

    response = Client().get(link, follow=True)

    assert "This link cannot be used" in response.content.decode()


def test_password_change(client: Client, member: User) -> None:
    client.force_login(member)
    new_password = "Another-Long-Passphrase-9"

    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": PASSWORD,
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-change-done")
    member.refresh_from_db()
    assert member.check_password(new_password)
    assert signed_in_as(client) == str(member.pk)


def test_password_change_needs_the_old_password(client: Client, member: User) -> None:
    client.force_login(member)

    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": WRONG, "new_password1": "A-b-c-d-e-f-1", "new_password2": "A-b-c-d-e-f-1"},
    )

    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
