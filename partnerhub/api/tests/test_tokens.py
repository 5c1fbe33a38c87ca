"""Personal API tokens: stored hashed, shown once, revocable, expiring; the profile page."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from partnerhub.api.models import ApiToken
from partnerhub.api.services import create_token, digest, revoke_token
from partnerhub.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def client_with(key: str, keyword: str = "Token") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{keyword} {key}")
    return client


def test_only_the_digest_of_the_key_is_stored(staff_user: User) -> None:
    issued = create_token(staff_user, "report script")

    stored = ApiToken.objects.get()
    assert issued.key not in {stored.key_digest, stored.prefix, stored.name}
    assert stored.key_digest == digest(issued.key)
    assert issued.key.startswith(stored.prefix)
    assert len(issued.key) > 40


@pytest.mark.parametrize("keyword", ["Token", "Bearer", "token"])
def test_a_token_authenticates_as_its_user(staff_user: User, keyword: str) -> None:
    issued = create_token(staff_user, "script")

    response = client_with(issued.key, keyword).post(
        "/api/funding-programmes/", {"name": "Fundusz", "instrument": "esf"}
    )

    assert response.status_code == 201
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


def test_a_revoked_token_is_refused(staff_user: User) -> None:
    issued = create_token(staff_user, "script")
    revoke_token(issued.token)

    response = client_with(issued.key).get("/api/organisations/")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_an_expired_token_is_refused(staff_user: User) -> None:
    issued = create_token(
        staff_user, "script", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    ApiToken.objects.filter(pk=issued.token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    response = client_with(issued.key).get("/api/organisations/")

    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_refused(staff_user: User) -> None:
    issued = create_token(staff_user, "script")
    staff_user.is_active = False
    staff_user.save()

    assert client_with(issued.key).get("/api/organisations/").status_code == 401


@pytest.mark.parametrize("header", ["Token", "Token a b", "Token wrong-key"])
def test_a_malformed_or_unknown_token_is_refused_not_ignored(header: str) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get("/api/organisations/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_expiry_in_the_past_is_refused(staff_user: User) -> None:
    with pytest.raises(ValidationError) as caught:
        create_token(staff_user, "late", expires_at=timezone.now() - datetime.timedelta(hours=1))
    assert "expires_at" in caught.value.message_dict
    assert not ApiToken.objects.exists()


# --- the profile page (accounts:profile), where tokens are managed ----------------------

PROFILE = "/accounts/profile/"
CREATE = "/accounts/tokens/"


@pytest.fixture
def signed_in(db: None) -> tuple[Client, User]:
    user = UserFactory.create()  # any signed-in user manages their own tokens
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client, user


def csrf_token(client: Client) -> str:
    response = client.get(PROFILE)
    return str(response.context["csrf_token"])


def test_the_api_pages_of_old_lead_to_the_profile_and_the_sign_in(client: Client) -> None:
    """/api/tokens/ and /api/auth/login/ are kept as addresses of the accounts' pages."""
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    profile = client.get(PROFILE)
    assert profile.status_code == 302
    assert profile["Location"].startswith("/accounts/login/?next=/accounts/profile/")

    login = client.get("/api/auth/login/?next=/api/organisations/")
    assert login.status_code == 302
    assert login["Location"] == "/accounts/login/?next=/api/organisations/"


def test_a_new_key_is_shown_once(signed_in: tuple[Client, User]) -> None:
    client, user = signed_in

    created = client.post(
        CREATE, {"name": "monthly report", "csrfmiddlewaretoken": csrf_token(client)}
    )

    token = ApiToken.objects.get(user=user)
    key = created.context["issued"].key
    assert created.status_code == 200
    assert key in created.content.decode()
    assert token.key_digest == digest(key)
    listed = client.get(PROFILE).content.decode()
    assert "monthly report" in listed
    assert token.prefix in listed
    assert key not in listed


def test_a_token_can_expire_on_a_chosen_day(signed_in: tuple[Client, User]) -> None:
    client, user = signed_in
    day = timezone.localdate() + datetime.timedelta(days=30)

    client.post(
        CREATE,
        {"name": "pilot", "expires_on": day.isoformat(), "csrfmiddlewaretoken": csrf_token(client)},
    )

    token = ApiToken.objects.get(user=user)
    assert token.expires_at is not None
    assert timezone.localtime(token.expires_at).date() == day


def test_changes_need_the_csrf_token(signed_in: tuple[Client, User]) -> None:
    client, _user = signed_in

    response = client.post(CREATE, {"name": "no csrf"})

    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_a_user_revokes_their_token(signed_in: tuple[Client, User]) -> None:
    client, user = signed_in
    issued = create_token(user, "old script")

    response = client.post(
        f"/accounts/tokens/{issued.token.pk}/revoke/", {"csrfmiddlewaretoken": csrf_token(client)}
    )

    assert response.status_code == 302
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None
    assert client_with(issued.key).get("/api/organisations/").status_code == 401


def test_nobody_revokes_another_users_token(signed_in: tuple[Client, User]) -> None:
    client, _user = signed_in
    other = create_token(UserFactory.create(), "theirs")

    response = client.post(
        f"/accounts/tokens/{other.token.pk}/revoke/", {"csrfmiddlewaretoken": csrf_token(client)}
    )

    assert response.status_code == 404
    other.token.refresh_from_db()
    assert other.token.revoked_at is None


def test_revoking_takes_a_post(signed_in: tuple[Client, User]) -> None:
    client, user = signed_in
    issued = create_token(user, "script")

    assert client.get(f"/accounts/tokens/{issued.token.pk}/revoke/").status_code == 405
