"""The permission matrix through the HTML pages: the same expectations as the API's.

For every role × every model with pages × view/add/change/delete, on the user's own side and
on another partnership's side: the public page answers 200 or 404; the workspace's add, edit
and delete pages answer 200 (allowed), 403 (the record is visible but the action is not
allowed), 404 (the user may not know the record — or the parent it would go under — exists)
or send an anonymous visitor to sign in.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from partnerhub.access.tests.expectations import PARENTS, expected
from partnerhub.access.tests.world import ROLES, Side, World, build_world
from partnerhub.core.records import record_url
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation
from partnerhub.workspace.editors import registered_editors

pytestmark = pytest.mark.django_db

EDITORS: dict[type[models.Model], Any] = {editor.model: editor for editor in registered_editors()}
MODELS = sorted(EDITORS, key=lambda model: model.__name__)


@pytest.fixture
def world() -> World:
    return build_world()


def _client(world: World, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if isinstance(user, User):
        client.force_login(user)
    return client


def _answer(role: str, may_view: bool, allowed: bool) -> int:
    if role == "anonymous":
        return 302
    if not may_view:
        return 404
    return 200 if allowed else 403


def _parent_model(model: type[models.Model], field: str) -> type[models.Model]:
    related = model._meta.get_field(field).related_model
    assert isinstance(related, type)
    return related


def _parent_record(side: Side, model: type[models.Model], field: str) -> models.Model:
    parent_model = _parent_model(model, field)
    if model is Partnership:
        return side.hub
    return side[parent_model]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_the_pages_answer_as_the_matrix_says(
    world: World, role: str, model: type[models.Model]
) -> None:
    editor = EDITORS[model]
    client = _client(world, role)
    login = resolve_url("accounts:login")
    for side_name, side in (("a", world.a), ("b", world.b)):
        record = side[model]
        may_view = expected(role, model, "view", side_name)

        public = record_url(record)
        if public:
            assert client.get(public).status_code == (200 if may_view else 404), side_name

        for action in ("change", "delete"):
            url = reverse(f"workspace:{editor.name}-{action}", kwargs={"pk": record.pk})
            response = client.get(url)
            want = _answer(role, may_view, expected(role, model, action, side_name))
            assert response.status_code == want, (side_name, action)
            if want == 302:
                assert response["Location"].startswith(login)

        # Adding: under the parent the matrix adds under, or standing alone.
        fields = [f for f in editor.parent_fields if _parent_model(model, f) in PARENTS[model]]
        if model is Partnership:
            fields = ["hub"]
        params = {f: _parent_record(side, model, f).pk for f in fields[:1]}
        if params:
            field = next(iter(params))
            parent_model = _parent_model(model, field)
            parent_visible = parent_model is Organisation or expected(
                role, parent_model, "view", side_name
            )
        else:
            parent_visible = True
        response = client.get(reverse(f"workspace:{editor.name}-add"), params)
        want = _answer(role, parent_visible, expected(role, model, "add", side_name))
        assert response.status_code == want, (side_name, "add", params)
