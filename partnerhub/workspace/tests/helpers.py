"""Helpers of the workspace's tests."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client


def signed_in(user: User) -> Client:
    """A browser signed in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


#: Headers htmx sends with its requests.
HTMX = {"HX-Request": "true"}
