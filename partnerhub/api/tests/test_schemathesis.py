"""Generated requests against /api/schema/: no server error, every answer as documented.

Schemathesis reads the OpenAPI schema the app serves at /api/schema/ and builds requests
from it (valid ones and, for every operation, deliberately invalid ones); they go to the
WSGI app in-process, anonymously and with a staff user's token, so every write runs too.
Each operation gets ``MAX_EXAMPLES`` cases per client, a few hundred per run in all. Ids in
paths point at existing records half of the time, so detail, update and delete operations do
real work.

The cases are drawn with schemathesis's Hypothesis strategies in an ordinary parametrized
test (one per operation), rather than through its pytest plugin, which depends on pytest
internals that pytest 9.2 changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, models
from django.urls import resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from partnerhub.api.tests.records import build_records
from partnerhub.wsgi import application

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]

MAX_EXAMPLES = 3
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# The schema as the running app serves it (no database needed to build it).
SCHEMA = schemathesis.openapi.from_wsgi("/api/schema/", application)
RESULTS = list(SCHEMA.get_all_operations())
OPERATIONS = [result.ok() for result in RESULTS if isinstance(result, Ok)]


def point_at_existing_record(case: Any) -> None:
    """Half of the generated ids are replaced by the id of a record that exists."""
    identifier = (case.path_parameters or {}).get("id")
    if not isinstance(identifier, int) or identifier % 2:
        return
    view = resolve(case.formatted_path).func.cls  # type: ignore[attr-defined]
    # A viewset's queryset, or the record a view under it answers about (recommendations).
    queryset = getattr(view, "queryset", None)
    model: type[models.Model] = (
        queryset.model if queryset is not None else view.source.model  # matching views
    )
    ids = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    if ids:
        case.path_parameters["id"] = ids[(identifier // 2) % len(ids)]


def run_cases(operation: Any, headers: dict[str, str] | None = None) -> None:
    strategy = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )

    @given(case=strategy)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        point_at_existing_record(case)
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    check()


@pytest.fixture
def records(db: None) -> Iterator[None]:
    """The records the cases read and change, on one database connection.

    Django closes the connection at the end of every request it serves through WSGI; the
    test client stops that, and so does this fixture, or the test's transaction (and on
    PostgreSQL the connection itself) would be gone after the first case.
    """
    build_records()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_anonymous_client(operation: Any, records: None) -> None:
    run_cases(operation)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_staff_with_a_token(operation: Any, records: None, staff_key: str) -> None:
    run_cases(operation, headers={"Authorization": f"Token {staff_key}"})


def test_every_operation_of_the_schema_is_tested() -> None:
    """An operation schemathesis cannot read would be silently left out: none is."""
    assert len(OPERATIONS) == len(RESULTS)
    assert len(OPERATIONS) > 90
