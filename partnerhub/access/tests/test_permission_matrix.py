"""The permission matrix: every role × every model × view/add/change/delete, on both sides.

Each case is checked three ways that must agree with the hand-written expectations:
the ``rules`` permission by name, the record's presence in ``visible_to``, and the REST API's
answer (200/404 to read; 200/403/404 to change; 204/403/404 to delete; 401 for anonymous
writes). An allowed delete that a data rule then refuses (an organisation still in a
partnership: 409) counts as allowed — the permission let it through. A coordinator of
partnership A gets 404 on every internal record of partnership B.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import models, transaction
from rest_framework.test import APIClient

from partnerhub.access.predicates import permission_name
from partnerhub.access.tests.expectations import ALL_MODELS, PARENTS, expected
from partnerhub.access.tests.world import ROLES, Side, World, build_world
from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.registry.models import Affiliation, Organisation, Person
from partnerhub.results.models import Goal, Indicator, ReportedValue

pytestmark = pytest.mark.django_db

MODELS = sorted(ALL_MODELS, key=lambda model: model.__name__)

#: API collection of each model, and a harmless valid change for PATCH.
API: dict[type[models.Model], tuple[str, dict[str, object]]] = {
    Organisation: ("organisations", {"description": "changed"}),
    Person: ("people", {"title": "changed"}),
    Affiliation: ("affiliations", {"role": "changed"}),
    Partnership: ("partnerships", {"description": "changed"}),
    Membership: ("memberships", {"responsibilities": "changed"}),
    Programme: ("programmes", {"objectives": "changed"}),
    Project: ("projects", {"acronym": "CHG"}),
    ProjectPartner: ("project-partners", {"role": "associated"}),
    Indicator: ("indicators", {"name": "changed"}),
    ReportedValue: ("reported-values", {"note": "changed"}),
    Goal: ("goals", {"description": "changed"}),
    Event: ("events", {"description": "changed"}),
    AttendanceCount: ("attendance-counts", {"count": 13}),
    LocalProblem: ("local-problems", {"description": "changed"}),
}


class _RollbackError(Exception):
    """Raised to roll a write back, so every case starts from the same world."""


@contextmanager
def rolled_back() -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
            raise _RollbackError
    except _RollbackError:
        pass


@pytest.fixture
def world() -> World:
    return build_world()


def _client(world: World, role: str) -> APIClient:
    client = APIClient()
    user = world.users[role]
    if user is not None:
        client.force_authenticate(user)
    return client


def _parents(side: Side, model: type[models.Model]) -> list[models.Model | None]:
    if model is Partnership:
        return [side.hub]
    if model is Affiliation:
        return [side[Person], side.member]
    return [side[parent] for parent in PARENTS[model]] or [None]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_rules_and_visible_to_agree_with_the_matrix(
    world: World, role: str, model: type[models.Model]
) -> None:
    user = world.users[role]
    checker: Any = user if user is not None else _anonymous()
    for side_name, side in (("a", world.a), ("b", world.b)):
        record = side[model]
        for action in ("view", "change", "delete"):
            allowed = checker.has_perm(permission_name(model, action), record)
            assert allowed == expected(role, model, action, side_name), (action, side_name)
        manager: Any = model._default_manager
        visible = manager.visible_to(user).filter(pk=record.pk).exists()
        assert visible == expected(role, model, "view", side_name), side_name
        editable = manager.editable_by(user).filter(pk=record.pk).exists()
        assert editable == expected(role, model, "change", side_name), side_name
        add = permission_name(model, "add")
        may_add = all(checker.has_perm(add, parent) for parent in _parents(side, model))
        assert may_add == expected(role, model, "add", side_name), ("add", side_name)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", [m for m in MODELS if m in API], ids=lambda m: m.__name__)
def test_the_api_answers_as_the_matrix_says(
    world: World, role: str, model: type[models.Model]
) -> None:
    client = _client(world, role)
    collection, change = API[model]
    for side_name, side in (("a", world.a), ("b", world.b)):
        record = side[model]
        url = f"/api/{collection}/{record.pk}/"
        may_view = expected(role, model, "view", side_name)

        read = client.get(url)
        assert read.status_code == (200 if may_view else 404), (side_name, read.content)
        listed = client.get(f"/api/{collection}/", {"page_size": 200}).json()["results"]
        assert (record.pk in {row["id"] for row in listed}) == may_view, side_name

        for method, action, success in (
            ("patch", "change", {200}),
            ("delete", "delete", {204, 409}),
        ):
            with rolled_back():
                if method == "patch":
                    answer = client.patch(url, change, format="json")
                else:
                    answer = client.delete(url)
            if role == "anonymous":
                want = {401}
            elif not may_view:
                want = {404}
            elif expected(role, model, action, side_name):
                want = success
            else:
                want = {403}
            assert answer.status_code in want, (side_name, method, answer.content)


def test_nothing_changes_when_the_api_refuses(world: World) -> None:
    """A refused write leaves the record as it was (the matrix rolls allowed ones back)."""
    client = _client(world, "coordinator")
    project = world.b[Project]
    before = Project.objects.filter(pk=project.pk).values().get()
    client.patch(f"/api/projects/{project.pk}/", {"acronym": "NOPE"}, format="json")
    client.delete(f"/api/projects/{project.pk}/")
    assert Project.objects.filter(pk=project.pk).values().get() == before


def test_a_coordinator_sees_none_of_the_other_partnerships_records_in_exports(
    world: World,
) -> None:
    """Signed-in exports hold what the user may see: side A's internal records, not B's."""
    client = _client(world, "coordinator")
    client.force_login(world.users["coordinator"])  # type: ignore[arg-type]
    for model, resource in (
        (Partnership, "partnerships"),
        (Programme, "programmes"),
        (Project, "projects"),
        (Event, "events"),
        (Indicator, "indicators"),
        (Membership, "memberships"),
    ):
        response = client.get(f"/open-data/staff/{resource}.json")
        assert response.status_code == 200, resource
        ids = {row["id"] for row in _json_rows(response)}
        assert world.a[model].pk in ids, resource
        assert world.b[model].pk not in ids, resource


def test_a_registration_names_a_person_and_is_never_public(world: World) -> None:
    registration = world.a[Registration]
    assert not Registration.objects.visible_to(None).filter(pk=registration.pk).exists()


def _json_rows(response: object) -> list[dict[str, object]]:
    import json

    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    data = json.loads(body)
    return data if isinstance(data, list) else data["rows"]


def _anonymous() -> object:
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
