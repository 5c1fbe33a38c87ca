"""Every list page, its facets and every API list run as many queries over 10 rows as over
1 000: the same synthetic dataset generated at both sizes, every list asked for in both."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerhub.api.urls import router
from partnerhub.synthetic.plan import GenerationPlan
from partnerhub.synthetic.selectors import count_synthetic
from partnerhub.synthetic.services import generate_synthetic_data, purge_synthetic_data

PAGES = [
    "/organisations/",
    "/partnerships/",
    "/projects/",
    "/projects/programmes/",
    "/events/",
    "/problems/",
]
#: Every top-level collection of the API, as its router registers them (not the lists nested
#: under one record, such as a partnership's stage transitions).
API_LISTS = [prefix for prefix, _, _ in router.registry if "(" not in prefix]
SMALL = GenerationPlan(
    organisations=12,
    persons=4,
    problems=10,
    partnerships=10,
    projects=10,
    attendance=40,
    registrations=4,
)
LARGE = GenerationPlan(
    organisations=1_000,
    persons=200,
    problems=1_000,
    partnerships=1_000,
    projects=1_000,
    attendance=5_000,
    registrations=200,
)


def _queries(client: Client, url: str, params: dict[str, Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    return len(captured)


def _every_list(client: Client) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        counts[page] = _queries(client, page, {})
        counts[f"{page}?facets=only"] = _queries(client, page, {"facets": "only"})
    for name in API_LISTS:
        counts[f"/api/{name}/"] = _queries(client, f"/api/{name}/", {"page_size": 200})
    return counts


@pytest.mark.django_db
def test_every_list_runs_the_same_queries_for_10_rows_as_for_1000() -> None:
    client = Client()
    generate_synthetic_data(SMALL, seed=3)
    small = count_synthetic()
    for_small = _every_list(client)
    purge_synthetic_data()
    generate_synthetic_data(LARGE, seed=3)
    large = count_synthetic()
    for_large = _every_list(client)

    for label in ("registry.Organisation", "projects.Project", "partnerships.Partnership"):
        assert small[label] <= 12 and large[label] >= 1_000, label
    assert large["events.AttendanceCount"] >= 1_000
    assert for_large == for_small
