"""Stored XSS: a script placed in every free-text field of every model renders escaped on
every page that shows the record — public pages, workspace forms, history, admin, the
browsable API and the lists."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, reverse

from partnerhub.access.tests.world import World, build_world
from partnerhub.core.records import record_url

pytestmark = pytest.mark.django_db

LONG_PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
SHORT_PAYLOAD = "<script>alert(1)</script>"
RAW_MARKERS = ("<script>alert(1)", "<img src=x onerror")
ESCAPED_MARKER = "&lt;script&gt;alert(1)&lt;/script&gt;"

LIST_PAGES = (
    "registry:organisation-list",
    "partnerships:partnership-list",
    "projects:project-list",
    "projects:programme-list",
    "events:event-list",
    "consultation:problem-list",
    "workspace:index",
    "home",
)


def _free_text_fields(model: type[models.Model]) -> Iterator[models.Field[Any, Any]]:
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and not field.primary_key
            and not isinstance(field, models.SlugField | models.EmailField | models.URLField)
            and (field.max_length is None or field.max_length >= len(SHORT_PAYLOAD))
        ):
            yield field


def _poison(record: models.Model) -> list[str]:
    """Store the payload in every free-text field of ``record`` (bypassing validation, as
    an import or an old database might); return the fields poisoned."""
    values = {}
    for field in _free_text_fields(type(record)):
        payload = LONG_PAYLOAD
        if field.max_length is not None and field.max_length < len(LONG_PAYLOAD):
            payload = SHORT_PAYLOAD
        values[field.attname] = payload
    type(record)._default_manager.filter(pk=record.pk).update(**values)
    return list(values)


def _pages_of(record: models.Model) -> Iterator[str]:
    meta = record._meta
    public = record_url(record)
    if public:
        yield public
    for name in (f"workspace:{meta.model_name}-change",):
        with contextlib.suppress(NoReverseMatch):
            yield reverse(name, kwargs={"pk": record.pk})
    yield reverse(
        "audit:history",
        kwargs={"app_label": meta.app_label, "model_name": meta.model_name, "pk": record.pk},
    )
    # The admin edits some records as inlines of their owner (a reported value in its
    # indicator): their owner's page is checked then.
    with contextlib.suppress(NoReverseMatch):
        yield reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


@pytest.fixture
def poisoned_world() -> World:
    world = build_world()
    for side in (world.a, world.b):
        for record in side.records.values():
            _poison(record)
        _poison(side.hub)
    return world


def test_every_page_of_every_poisoned_record_escapes_the_payload(
    poisoned_world: World,
) -> None:
    admin = poisoned_world.users["admin"]
    assert isinstance(admin, User)
    client = Client()
    client.force_login(admin)
    shown_escaped: set[str] = set()
    checked = 0
    for record in poisoned_world.a.records.values():
        for url in _pages_of(record):
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            for marker in RAW_MARKERS:
                assert marker not in html, f"unescaped payload on {url}"
            if ESCAPED_MARKER in html:
                shown_escaped.add(record._meta.label)
            checked += 1
    # The payload was really shown (escaped), not just absent: every record appears somewhere.
    assert shown_escaped == {record._meta.label for record in poisoned_world.a.records.values()}
    assert checked > 40


@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_lists_and_search_escape_the_payload(poisoned_world: World, url_name: str) -> None:
    admin = poisoned_world.users["admin"]
    assert isinstance(admin, User)
    client = Client()
    client.force_login(admin)
    for params in ({}, {"q": "script"}):
        response = client.get(reverse(url_name), params)
        assert response.status_code == 200
        html = response.content.decode()
        for marker in RAW_MARKERS:
            assert marker not in html, f"unescaped payload on {url_name} {params}"


def test_the_browsable_api_escapes_the_payload(poisoned_world: World) -> None:
    admin = poisoned_world.users["admin"]
    assert isinstance(admin, User)
    client = Client()
    client.force_login(admin)
    project = poisoned_world.a.partnership.projects.get()
    response = client.get(f"/api/projects/{project.pk}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    for marker in RAW_MARKERS:
        assert marker not in html
