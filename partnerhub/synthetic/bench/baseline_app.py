# SQL here is assembled from constants only; every value is passed as a parameter.
# ruff: noqa: S608
"""The baseline of the API's throughput: the same organisations as JSON, without a framework.

A bare WSGI application served by the same gunicorn configuration as Partnerhub: it answers
``/baseline/organisations/?page_size=N`` (the first page by name, as the API's list) and
``/baseline/organisations/<id>/`` with the fields of the API's ``OrganisationSerializer``,
read with hand-written SQL through Django's database connection, and encoded with ``json``.
Its connection policy is the project's, applied as Django applies it: before and after each
request ``close_old_connections()`` keeps the worker's connection for ``CONN_MAX_AGE``
seconds (``DB_CONN_MAX_AGE``, 60 by default; 0 opens one per request) and, with
``CONN_HEALTH_CHECKS``, checks it before the request's first query. No middleware, no URL
resolver, no serializer, no authentication, no throttle: the ratio between the two is the
framework's overhead.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerhub.settings.local")
django.setup()

from django.db import close_old_connections, connection  # noqa: E402

#: The API's organisation fields, in its order (``areas`` and the timestamps added below).
FIELDS = (
    "id",
    "name",
    "short_name",
    "sector",
    "legal_form",
    "country",
    "krs",
    "nip",
    "regon",
    "si_registration_number",
    "si_tax_number",
    "seat_id",
    "address",
    "postal_code",
    "website",
    "email",
    "phone",
    "description",
    "founded_on",
    "status",
    "dissolved_on",
    "is_hub",
    "created_at",
    "updated_at",
)
SELECT = "SELECT " + ", ".join(f'o."{name}"' for name in FIELDS) + " FROM registry_organisation o"
AREAS = (
    "SELECT oa.organisation_id, a.code FROM registry_organisation_areas oa "
    "JOIN registry_thematicarea a ON a.id = oa.thematicarea_id "
    "WHERE oa.organisation_id IN ({marks}) ORDER BY a.position, a.code"
)
DETAIL = re.compile(r"^/baseline/organisations/(?P<pk>[0-9]{1,18})/$")
MAX_PAGE_SIZE = 200

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def _mark() -> str:
    return "%s"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def _records(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    records = []
    for row in rows:
        record = dict(zip(FIELDS, row, strict=True))
        record["seat"] = record.pop("seat_id")
        record["is_hub"] = bool(record["is_hub"])
        record["areas"] = []
        records.append(record)
    if records:
        by_id = {record["id"]: record for record in records}
        with connection.cursor() as cursor:
            cursor.execute(AREAS.format(marks=", ".join(_mark() for _ in by_id)), list(by_id))
            for organisation_id, code in cursor.fetchall():
                by_id[organisation_id]["areas"].append(code)
    return records


def organisation_list(page_size: int) -> dict[str, Any]:
    """The first page by name, and where the next one begins (as the API's cursor does)."""
    with connection.cursor() as cursor:
        cursor.execute(f"{SELECT} ORDER BY o.name, o.id LIMIT %s", [page_size + 1])
        rows = cursor.fetchall()
    records = _records(rows[:page_size])
    following = None
    if len(rows) > page_size:
        last = records[-1]
        following = f"/baseline/organisations/?after={last['id']}&page_size={page_size}"
    return {"next": following, "previous": None, "results": records}


def organisation_detail(pk: int) -> dict[str, Any] | None:
    with connection.cursor() as cursor:
        cursor.execute(f"{SELECT} WHERE o.id = %s", [pk])
        rows = cursor.fetchall()
    records = _records(rows)
    return records[0] if records else None


def _answer(start_response: StartResponse, status: str, body: Any) -> Iterable[bytes]:
    payload = json.dumps(body, default=_jsonable, ensure_ascii=False).encode()
    start_response(
        status,
        [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))],
    )
    return [payload]


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """Route by path; nothing else. The connection is kept or closed as Django's
    ``request_started`` and ``request_finished`` handlers do."""
    close_old_connections()
    try:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            return _answer(start_response, "200 OK", {"status": "ok"})
        if path == "/baseline/organisations/":
            query = parse_qs(environ.get("QUERY_STRING", ""))
            size = query.get("page_size", ["50"])[0]
            page_size = min(int(size), MAX_PAGE_SIZE) if size.isdigit() and int(size) else 50
            return _answer(start_response, "200 OK", organisation_list(page_size))
        match = DETAIL.match(path)
        if match:
            record = organisation_detail(int(match["pk"]))
            if record is not None:
                return _answer(start_response, "200 OK", record)
        return _answer(start_response, "404 Not Found", {"detail": "Not found."})
    finally:
        close_old_connections()
