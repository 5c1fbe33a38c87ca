""" "My workspace", and the searchable selects' options."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    PersonFactory,
    ProjectFactory,
    TerritorialUnitFactory,
)
from partnerhub.registry.services import create_organisation
from partnerhub.search.services import index_instance
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def test_my_workspace_lists_what_the_user_may_change(world: World) -> None:
    project = ProjectFactory.create(partnership=world.partnership_a, title="Prevozi")
    waiting = LocalProblemFactory.create(hub=world.hub, title="Ni avtobusa")
    response = signed_in(world.hub_staff).get(reverse("workspace:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partnership A" in html
    assert reverse("workspace:partnership-change", args=[world.partnership_a.pk]) in html
    assert reverse("workspace:project-change", args=[project.pk]) in html
    assert "Partnership B" not in html
    assert "Hub staff" in html
    assert reverse("workspace:hub-dashboard", args=[world.hub.pk]) in html
    assert reverse("workspace:localproblem-moderate", args=[waiting.pk]) in html
    assert reverse("workspace:partnership-add") in html


def test_a_coordinator_sees_their_partnership_and_no_moderation(world: World) -> None:
    LocalProblemFactory.create(hub=world.hub)
    response = signed_in(world.coordinator).get(reverse("workspace:index"))
    html = response.content.decode()
    assert "Partnership coordinator" in html
    assert "Partnership A" in html
    assert response.context["overview"].problems_to_moderate_total == 0
    assert reverse("workspace:hub-dashboard", args=[world.hub.pk]) not in html


def test_a_user_without_roles_is_told_so(world: World) -> None:
    response = signed_in(world.citizen).get(reverse("workspace:index"))
    assert response.status_code == 200
    assert "You hold no role yet." in response.content.decode()
    assert all(not row["rows"] for row in response.context["lists"])


def test_my_workspace_needs_signing_in(client: Client) -> None:
    response = client.get(reverse("workspace:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_organisation_options_are_searched_not_listed(world: World) -> None:
    create_organisation(name="Prevozi Kras d.o.o.", sector="private", country="SI")
    create_organisation(name="Zavod Sonček", sector="civil", country="SI")
    response = signed_in(world.coordinator).get(
        reverse("workspace:organisation-options"),
        {"field": "membership-organisation", "membership-organisation__q": "prevozi"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Prevozi Kras d.o.o. (SI)" in html
    assert "Sonček" not in html
    assert '<option value="">' in html


def test_chosen_options_stay_selected_and_unknown_searches_say_so(world: World) -> None:
    response = signed_in(world.coordinator).get(
        reverse("workspace:organisation-options"),
        {
            "field": "organisers",
            "organisers": [str(world.ngo.pk)],
            "organisers__q": "xyzzy",
            "multiple": "1",
        },
    )
    html = response.content.decode()
    assert f'<option value="{world.ngo.pk}" selected>' in html
    assert "Nothing found for “xyzzy”." in html
    assert '<option value="">' not in html.replace('value="" disabled', "")


def test_territory_options_search_by_name(world: World) -> None:
    TerritorialUnitFactory.create(name="Postojna", code="094")
    TerritorialUnitFactory.create(name="Pivka", code="091")
    response = signed_in(world.hub_staff).get(
        reverse("workspace:territory-options"), {"field": "seat", "seat__q": "postoj"}
    )
    html = response.content.decode()
    assert "Postojna" in html
    assert "Pivka" not in html


def test_people_are_offered_only_to_those_who_may_see_them(world: World) -> None:
    person = PersonFactory.create(first_name="Ana", last_name="Novak")
    response = signed_in(world.citizen).get(
        reverse("workspace:person-options"), {"field": "person", "person": [str(person.pk)]}
    )
    assert "Novak" not in response.content.decode()


def test_a_search_typed_without_a_choice_is_not_saved_silently(world: World) -> None:
    response = signed_in(world.coordinator).post(
        reverse("workspace:partnership-change", args=[world.partnership_a.pk]),
        {
            "name": "Partnership A",
            "kind": "local_partnership",
            "stage": "scoping",
            "period_precision": "day",
            "visibility": "internal",
            "hub": world.hub.pk,
            "territory": "",
            "territory__q": "Postojna",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["territory"] == [
        "Choose one of the records found for “Postojna”, or clear the search box."
    ]
    assert 'value="Postojna"' in response.content.decode()


def test_parents_offered_are_the_records_one_manages(world: World) -> None:
    for partnership in (world.partnership_a, world.partnership_b, world.published):
        index_instance(partnership)  # factories write past the services and their index
    client = signed_in(world.coordinator)
    response = client.get(
        reverse("workspace:managed-partnership-options"),
        {"field": "partnership", "partnership__q": "partnership"},
    )
    html = response.content.decode()
    assert "Partnership A" in html
    assert "Published partnership" not in html
    assert "Partnership B" not in html
