"""Clients of the API as each kind of user: anonymous, signed-in non-staff, staff with a token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import caches
from django.utils import translation
from rest_framework.test import APIClient

from partnerhub.api.services import create_token
from partnerhub.core.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_throttle_history() -> None:
    """Throttling counts requests in the caches; every test starts with none."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards() -> Iterator[None]:
    """An API request switches to the client's language; later tests start in the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def staff_user(db: None) -> User:
    """A site administrator (the only role that writes every kind of record)."""
    return UserFactory.create(is_staff=True, is_superuser=True)


@pytest.fixture
def staff_key(staff_user: User) -> str:
    return create_token(staff_user, "tests").key


@pytest.fixture
def staff(staff_key: str) -> APIClient:
    """A staff user's script, authenticated with a personal token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {staff_key}")
    return client


@pytest.fixture
def member_user(db: None) -> User:
    return UserFactory.create()


@pytest.fixture
def member(member_user: User) -> APIClient:
    """A signed-in user who is not staff, authenticated with a personal token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {create_token(member_user, 'mine').key}")
    return client
