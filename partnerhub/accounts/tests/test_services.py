"""The accounts services on their own: what they refuse, and mail only after commit."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerhub.accounts.links import AddressClaim, LinkPurpose, make_link_token
from partnerhub.accounts.services import (
    confirm_email_change,
    register_user,
    request_email_change,
    verify_email,
)
from partnerhub.accounts.tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
SITE = "https://partnerhub.example.org"


def register(**overrides: str) -> User:
    fields = {"username": "marta", "email": "marta@example.org", "password": PASSWORD}
    return register_user(**{**fields, **overrides}, site_url=SITE)


def test_register_user_refuses_taken_names_and_weak_passwords() -> None:
    make_user(username="Marta", email="MARTA@example.org")

    with pytest.raises(ValidationError) as caught:
        register(password="password")

    assert set(caught.value.message_dict) == {"username", "email", "password"}
    assert User.objects.count() == 1


def test_the_link_is_mailed_only_after_the_account_is_committed(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        register()
        raise RuntimeError("something later in the same transaction failed")

    assert not User.objects.exists()
    assert mail.outbox == []


def test_the_mailed_link_is_absolute_on_the_given_site(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        register()

    assert f"{SITE}/accounts/verify/" in str(mail.outbox[0].body)
    assert "marta" in str(mail.outbox[0].body)


def test_a_link_for_an_address_the_account_no_longer_has_is_refused() -> None:
    user = make_user(is_active=False, email="new@example.org")
    token = make_link_token(
        LinkPurpose.VERIFY_ACCOUNT, AddressClaim(user_id=user.pk, email="old@example.org")
    )

    with pytest.raises(ValidationError) as caught:
        verify_email(token)

    assert caught.value.code == "used"


def test_a_link_for_a_deleted_account_is_refused() -> None:
    token = make_link_token(
        LinkPurpose.VERIFY_ACCOUNT, AddressClaim(user_id=999_999, email="gone@example.org")
    )

    with pytest.raises(ValidationError):
        verify_email(token)


def test_a_link_is_valid_for_three_days() -> None:
    user = make_user(is_active=False)
    token = make_link_token(
        LinkPurpose.VERIFY_ACCOUNT, AddressClaim(user_id=user.pk, email=user.email)
    )

    with time_machine.travel(timezone.now() + datetime.timedelta(days=2, hours=23)):
        assert verify_email(token).is_active


def test_changing_to_the_current_address_sends_nothing(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    user = make_user(email="ana@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        sent = request_email_change(user, "ANA@example.org", site_url=SITE, by=user)

    assert sent is False
    assert mail.outbox == []


def test_email_change_links_to_one_address_are_limited(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    user = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            request_email_change(user, "stranger@example.org", site_url=SITE, by=user)

    with pytest.raises(ValidationError) as caught:
        request_email_change(user, "stranger@example.org", site_url=SITE, by=user)

    assert "Too many links" in caught.value.message_dict["email"][0]
    assert len(mail.outbox) == 5


def test_an_email_change_link_stops_working_after_another_change() -> None:
    user = make_user(email="first@example.org")
    first = make_link_token(
        LinkPurpose.CHANGE_EMAIL,
        AddressClaim(user_id=user.pk, email="second@example.org", previous_email=user.email),
    )
    second = make_link_token(
        LinkPurpose.CHANGE_EMAIL,
        AddressClaim(user_id=user.pk, email="third@example.org", previous_email=user.email),
    )
    confirm_email_change(second)

    with pytest.raises(ValidationError) as caught:
        confirm_email_change(first)

    assert caught.value.code == "used"
    user.refresh_from_db()
    assert user.email == "third@example.org"


def test_the_reset_limit_starts_again_after_an_hour(client: Client) -> None:
    make_user(email="ana@example.org")
    for _ in range(6):
        client.post(reverse("accounts:password-reset"), {"email": "ana@example.org"})
    assert len(mail.outbox) == 5

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        client.post(reverse("accounts:password-reset"), {"email": "ana@example.org"})

    assert len(mail.outbox) == 6
