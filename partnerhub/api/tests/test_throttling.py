"""Anonymous clients are throttled; clients with a token are not."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from partnerhub.api.throttling import API_THROTTLE_CACHE
from partnerhub.core.tests import factories as f

pytestmark = pytest.mark.django_db

LOW_RATE = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/minute"}
#: The caches of settings/base.py: the shared one a table in the database.
DEPLOYED_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "partnerhub_cache",
    },
    API_THROTTLE_CACHE: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "partnerhub-api-throttle-test",
    },
}


def low_rate() -> override_settings:
    from django.conf import settings

    return override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": LOW_RATE}
    )


def test_anonymous_clients_are_throttled(anonymous: APIClient) -> None:
    with low_rate():
        statuses = [anonymous.get("/api/organisations/").status_code for _ in range(4)]
        refused = anonymous.get("/api/organisations/")

    assert statuses == [200, 200, 200, 429]
    assert refused.json()["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0


def test_clients_with_a_token_are_not_throttled_as_anonymous(staff: APIClient) -> None:
    with low_rate():
        statuses = {staff.get("/api/organisations/").status_code for _ in range(5)}

    assert statuses == {200}


def test_a_forged_forwarded_for_does_not_reset_the_count(anonymous: APIClient) -> None:
    """Without trusted proxies the client is its REMOTE_ADDR, whatever X-Forwarded-For says."""
    with low_rate():
        statuses = [
            anonymous.get("/api/organisations/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
            for n in range(4)
        ]

    assert statuses == [200, 200, 200, 429]


def test_the_api_throttle_counts_without_touching_the_database_cache(anonymous: APIClient) -> None:
    """With the shared cache in the database (as deployed), reading the API writes nothing
    there: the anonymous throttle counts in its own cache (``API_THROTTLE_CACHE``)."""
    organisation = f.OrganisationFactory.create()
    with override_settings(CACHES=DEPLOYED_CACHES), low_rate():
        call_command("createcachetable", verbosity=0)
        with CaptureQueriesContext(connection) as queries:
            statuses = [
                anonymous.get(f"/api/organisations/{organisation.pk}/").status_code
                for _ in range(4)
            ]
        counted = caches[API_THROTTLE_CACHE].get("throttle_anon_127.0.0.1")

    assert statuses == [200, 200, 200, 429]
    assert len(counted) == 3
    assert [query["sql"] for query in queries if "partnerhub_cache" in query["sql"]] == []
