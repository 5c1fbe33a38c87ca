"""Local problems: raised by anyone signed in, reviewed by the staff of their hub."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.tests.factories import LocalProblemFactory
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def test_a_citizen_raises_a_problem_that_waits_for_review(world: World) -> None:
    response = signed_in(world.citizen).post(
        reverse("workspace:localproblem-add"),
        {"title": "Ni avtobusa do vasi", "hub": world.hub.pk},
    )
    problem = LocalProblem.objects.get(title="Ni avtobusa do vasi")
    assert response.status_code == 302
    assert problem.status == "submitted"
    assert problem.submitted_by == world.citizen
    assert problem.history.first().history_user == world.citizen


def test_hub_staff_publish_a_problem(world: World) -> None:
    problem = LocalProblemFactory.create(hub=world.hub)
    client = signed_in(world.hub_staff)
    url = reverse("workspace:localproblem-moderate", args=[problem.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "publish"})
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.status == "published"
    assert problem.history.first().history_user == world.hub_staff


def test_a_rejection_needs_a_reason(world: World) -> None:
    problem = LocalProblemFactory.create(hub=world.hub)
    client = signed_in(world.hub_staff)
    url = reverse("workspace:localproblem-moderate", args=[problem.pk])

    refused = client.post(url, {"decision": "reject", "rejection_reason": ""})
    assert refused.status_code == 200
    assert refused.context["form"].errors["rejection_reason"]
    problem.refresh_from_db()
    assert problem.status == "submitted"

    client.post(url, {"decision": "reject", "rejection_reason": "Ni lokalni problem."})
    problem.refresh_from_db()
    assert problem.status == "rejected"
    assert problem.rejection_reason == "Ni lokalni problem."


def test_only_the_staff_of_the_problems_hub_moderate_it(world: World) -> None:
    problem = LocalProblemFactory.create(hub=world.other_hub)
    published = LocalProblemFactory.create(hub=world.other_hub, status="published")
    client = signed_in(world.hub_staff)
    assert (
        client.get(reverse("workspace:localproblem-moderate", args=[problem.pk])).status_code == 404
    )
    moderate_published = reverse("workspace:localproblem-moderate", args=[published.pk])
    assert (
        client.post(moderate_published, {"decision": "reject", "rejection_reason": "x"}).status_code
        == 403
    )
    published.refresh_from_db()
    assert published.status == "published"


def test_the_submitter_edits_the_text_while_it_waits(world: World) -> None:
    problem = LocalProblemFactory.create(hub=world.hub, submitted_by=world.citizen)
    client = signed_in(world.citizen)
    url = reverse("workspace:localproblem-change", args=[problem.pk])
    response = client.post(url, {"title": "Ni avtobusa ob nedeljah", "hub": world.hub.pk})
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.title == "Ni avtobusa ob nedeljah"
    assert (
        client.get(reverse("workspace:localproblem-delete", args=[problem.pk])).status_code == 403
    )

    problem.status = "published"
    problem.save()
    assert client.get(url).status_code == 403


def test_hub_staff_delete_a_problem_of_their_hub(world: World) -> None:
    problem = LocalProblemFactory.create(hub=world.hub)
    response = signed_in(world.hub_staff).post(
        reverse("workspace:localproblem-delete", args=[problem.pk])
    )
    assert response.status_code == 302
    assert not LocalProblem.objects.filter(pk=problem.pk).exists()
