"""Shared pytest fixtures for every domain's tests.

Factories for every model are in partnerhub/core/tests/factories.py.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from partnerhub.core.tests.factories import SuperuserFactory


@pytest.fixture
def superuser(db: None) -> User:
    return SuperuserFactory.create()


@pytest.fixture
def staff_client(client: Client, superuser: User) -> Client:
    """A client logged in to the admin as a superuser."""
    client.force_login(superuser)
    return client
