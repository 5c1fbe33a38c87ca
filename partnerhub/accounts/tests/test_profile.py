"""The profile: name, e-mail address (confirmed by link), roles and personal API tokens."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from partnerhub.access.choices import Role
from partnerhub.access.services import end_role, grant_role
from partnerhub.accounts.tests.conftest import link_in, make_user
from partnerhub.api.models import ApiToken
from partnerhub.api.services import create_token
from partnerhub.core.tests.factories import OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
PROFILE = "/accounts/profile/"


@pytest.fixture
def signed_in(client: Client, member: User) -> Client:
    client.force_login(member)
    return client


def api_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_the_profile_needs_signing_in(client: Client) -> None:
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_the_profile_shows_the_current_roles(signed_in: Client, member: User) -> None:
    organisation = OrganisationFactory.create(name="Forum Aktywności Lokalnej")
    partnership = PartnershipFactory.create(name="Pilot Postojna")
    grant_role(member, Role.REPRESENTATIVE, organisation=organisation)
    grant_role(member, Role.COORDINATOR, partnership=partnership)
    old = OrganisationFactory.create(name="Dawna Fundacja")
    ended = grant_role(
        member, Role.REPRESENTATIVE, organisation=old, start=datetime.date(2020, 1, 1)
    )
    end_role(ended, on=datetime.date(2021, 1, 1))

    page = signed_in.get(PROFILE).content.decode()

    assert "Organisation representative" in page
    assert "Forum Aktywności Lokalnej" in page
    assert "Partnership coordinator" in page
    assert "Pilot Postojna" in page
    assert "Dawna Fundacja" not in page


def test_a_user_without_roles_is_told_so(signed_in: Client) -> None:
    assert "You hold no role" in signed_in.get(PROFILE).content.decode()


def test_the_profile_changes_the_name(signed_in: Client, member: User) -> None:
    response = signed_in.post(
        PROFILE, {"first_name": "Ana", "last_name": "Novak", "email": member.email}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.get_full_name() == "Ana Novak"
    assert mail.outbox == []


def test_a_new_address_is_used_only_once_confirmed(
    signed_in: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            PROFILE, {"first_name": "Ana", "last_name": "", "email": "ana@novo.si"}
        )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "ana.novak@example.org"
    assert [m.to for m in mail.outbox] == [["ana@novo.si"]]
    assert "We sent a link to ana@novo.si" in signed_in.get(PROFILE).content.decode()

    link = link_in(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = Client().get(link)

    assert confirmed.status_code == 200
    member.refresh_from_db()
    assert member.email == "ana@novo.si"
    assert mail.outbox[1].to == ["ana.novak@example.org"]
    assert "ana@novo.si" in str(mail.outbox[1].body)
    # Used once: the account's address is no longer the one the link was sent from.
    assert Client().get(link).status_code == 400


def test_an_address_of_another_account_is_refused(signed_in: Client, member: User) -> None:
    make_user(email="taken@example.org")

    response = signed_in.post(
        PROFILE, {"first_name": "Ana", "last_name": "", "email": "TAKEN@example.org"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "An account with this e-mail address already exists" in page
    assert 'value="TAKEN@example.org"' in page
    member.refresh_from_db()
    assert member.email == "ana.novak@example.org"
    assert mail.outbox == []


def test_a_confirmation_is_refused_if_another_account_took_the_address_meanwhile(
    signed_in: Client, member: User, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(PROFILE, {"first_name": "", "last_name": "", "email": "ana@novo.si"})
    make_user(email="Ana@Novo.si")

    response = Client().get(link_in(mail.outbox[0]))

    assert response.status_code == 400
    member.refresh_from_db()
    assert member.email == "ana.novak@example.org"


def test_the_profile_links_to_my_personal_data_when_that_page_exists(signed_in: Client) -> None:
    page = signed_in.get(PROFILE).content.decode()
    try:
        my_data_url = reverse("privacy:my-data")
    except NoReverseMatch:  # the privacy pages are not built yet: the profile renders without
        assert "My personal data" not in page
    else:
        assert f'href="{my_data_url}"' in page


# --- Personal API tokens ----------------------------------------------------------------------


def test_a_new_token_key_is_shown_once_and_works(signed_in: Client, member: User) -> None:
    response = signed_in.post(reverse("accounts:token-create"), {"name": "monthly report"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = response.context["issued"].key
    assert key in response.content.decode()
    assert key not in signed_in.get(PROFILE).content.decode()
    token = ApiToken.objects.get(user=member)
    assert token.name == "monthly report"

    assert api_with(key).get("/api/organisations/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_can_have_an_expiry_day(signed_in: Client, member: User) -> None:
    day = timezone.localdate() + datetime.timedelta(days=30)

    signed_in.post(
        reverse("accounts:token-create"), {"name": "short", "expires_on": day.isoformat()}
    )

    token = ApiToken.objects.get(user=member)
    assert token.expires_at is not None
    assert timezone.localtime(token.expires_at).date() == day


def test_a_token_cannot_expire_in_the_past(signed_in: Client, member: User) -> None:
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = signed_in.post(
        reverse("accounts:token-create"), {"name": "late", "expires_on": yesterday.isoformat()}
    )

    assert response.status_code == 200
    assert "Choose today or a later day" in response.content.decode()
    assert 'value="late"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_profile_lists_the_tokens(signed_in: Client, member: User) -> None:
    create_token(member, "script one")
    other = make_user()
    create_token(other, "someone else's")

    page = signed_in.get(PROFILE).content.decode()

    assert "script one" in page
    assert "someone else" not in page
    assert "never" in page
    assert "active" in page


def test_revoking_a_token_stops_it_working(signed_in: Client, member: User) -> None:
    issued = create_token(member, "script")

    response = signed_in.post(
        reverse("accounts:token-revoke", kwargs={"token_id": issued.token.pk})
    )

    assert response.status_code == 302
    assert api_with(issued.key).get("/api/organisations/").status_code == 401
    assert "revoked" in signed_in.get(PROFILE).content.decode()


def test_another_users_token_cannot_be_revoked(signed_in: Client) -> None:
    issued = create_token(make_user(), "theirs")

    response = signed_in.post(
        reverse("accounts:token-revoke", kwargs={"token_id": issued.token.pk})
    )

    assert response.status_code == 404
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None


def test_token_changes_need_post(signed_in: Client, member: User) -> None:
    issued = create_token(member, "script")

    assert signed_in.get(reverse("accounts:token-create")).status_code == 405
    assert (
        signed_in.get(
            reverse("accounts:token-revoke", kwargs={"token_id": issued.token.pk})
        ).status_code
        == 405
    )
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None


def test_token_pages_need_signing_in(client: Client, member: User) -> None:
    issued = create_token(member, "script")

    assert client.post(reverse("accounts:token-create"), {"name": "x"}).status_code == 302
    client.post(reverse("accounts:token-revoke", kwargs={"token_id": issued.token.pk}))

    assert ApiToken.objects.count() == 1
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None


# --- The account menu of the site header ------------------------------------------------------


def test_the_account_menu_offers_sign_in_and_sign_up_to_visitors(rf: RequestFactory) -> None:
    request = rf.get("/projects/")
    request.user = AnonymousUser()

    menu = render_to_string("accounts/_account_menu.html", request=request)

    assert 'href="/accounts/login/?next=/projects/"' in menu
    assert 'href="/accounts/signup/"' in menu
    assert "Sign out" not in menu


def test_the_account_menu_shows_the_user_and_a_sign_out_form(
    rf: RequestFactory, member: User
) -> None:
    request = rf.get("/projects/")
    request.user = member

    menu = render_to_string("accounts/_account_menu.html", request=request)

    assert "Ana" in menu
    assert 'href="/accounts/profile/"' in menu
    assert '<form method="post" action="/accounts/logout/"' in menu
    assert "csrfmiddlewaretoken" in menu
