"""Accounts with known passwords, and a clean slate for the e-mail throttles."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from partnerhub.core.tests.factories import UserFactory

PASSWORD = "Correct-Horse-Battery-42"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """The e-mail throttles count in the cache; every test starts with nothing counted."""
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards() -> Iterator[None]:
    """A request to /pl/... leaves Polish active in the thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def make_user(**fields: object) -> User:
    """An active account whose password is ``PASSWORD``."""
    user = UserFactory.create(**fields)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def member(db: None) -> User:
    return make_user(username="ana", email="ana.novak@example.org", first_name="Ana")


def link_in(message: mail.EmailMessage) -> str:
    """The path of the one link in an e-mail body (without scheme and host)."""
    links = re.findall(r"https?://[^/\s]+(/\S+)", str(message.body))
    assert len(links) == 1, message.body
    return links[0]
