"""Organisations and people in the workspace."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerhub.core.tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from partnerhub.registry.models import Organisation, Person
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def organisation_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Zavod Kras",
        "sector": "civil",
        "legal_form": "other",
        "country": "SI",
        "status": "active",
        "website": "zavod-kras.si",
    }
    data.update(changes)
    return data


def test_hub_staff_register_an_organisation(world: World) -> None:
    response = signed_in(world.hub_staff).post(
        reverse("workspace:organisation-add"), organisation_data()
    )
    organisation = Organisation.objects.get(name="Zavod Kras")
    assert response.status_code == 302
    assert organisation.website == "https://zavod-kras.si"
    assert organisation.is_hub is False
    assert organisation.history.first().history_user == world.hub_staff


def test_only_administrators_mark_a_hub(world: World) -> None:
    hub_form = signed_in(world.hub_staff).get(reverse("workspace:organisation-add"))
    assert "is_hub" not in hub_form.context["form"].fields
    admin_form = signed_in(world.admin).get(reverse("workspace:organisation-add"))
    assert "is_hub" in admin_form.context["form"].fields


def test_a_wrong_registry_id_is_shown_on_its_field(world: World) -> None:
    response = signed_in(world.hub_staff).post(
        reverse("workspace:organisation-add"), organisation_data(nip="1234567890")
    )
    assert response.status_code == 200
    assert "nip" in response.context["form"].errors
    assert not Organisation.objects.filter(name="Zavod Kras").exists()


def test_a_representative_edits_their_organisation_only(world: World) -> None:
    client = signed_in(world.representative)
    own = reverse("workspace:organisation-change", args=[world.ngo.pk])
    response = client.post(own, organisation_data(name="Društvo za starejše Pivka", country="PL"))
    assert response.status_code == 302
    world.ngo.refresh_from_db()
    assert world.ngo.name == "Društvo za starejše Pivka"
    assert world.ngo.history.first().history_user == world.representative

    other = OrganisationFactory.create()
    assert client.get(reverse("workspace:organisation-change", args=[other.pk])).status_code == 403


def test_organisations_are_dissolved_not_deleted_except_by_administrators(world: World) -> None:
    url = reverse("workspace:organisation-delete", args=[world.ngo.pk])
    assert signed_in(world.hub_staff).get(url).status_code == 403
    # An organisation with a history in partnerships is protected, even for administrators.
    response = signed_in(world.admin).post(url)
    assert response.status_code == 409
    assert "cannot be deleted" in response.content.decode()
    assert Organisation.objects.filter(pk=world.ngo.pk).exists()

    stray = OrganisationFactory.create()
    assert (
        signed_in(world.admin)
        .post(reverse("workspace:organisation-delete", args=[stray.pk]))
        .status_code
        == 302
    )
    assert not Organisation.objects.filter(pk=stray.pk).exists()


def test_people_are_recorded_and_changed_by_hub_staff(world: World) -> None:
    client = signed_in(world.hub_staff)
    response = client.post(
        reverse("workspace:person-add"),
        {"first_name": "Ana", "last_name": "Novak", "email": "ana@example.org"},
    )
    person = Person.objects.get(last_name="Novak")
    assert response.status_code == 302
    assert person.history.first().history_user == world.hub_staff

    MembershipFactory.create(partnership=world.partnership_a, organisation=None, person=person)
    changed = client.post(
        reverse("workspace:person-change", args=[person.pk]),
        {"first_name": "Ana", "last_name": "Novak-Kos", "email": "ana@example.org"},
    )
    assert changed.status_code == 302
    person.refresh_from_db()
    assert person.last_name == "Novak-Kos"


def test_a_person_nobody_shared_with_the_user_does_not_exist_for_them(world: World) -> None:
    stranger = PersonFactory.create()
    client = signed_in(world.coordinator)
    assert client.get(reverse("workspace:person-change", args=[stranger.pk])).status_code == 404
    assert client.get(reverse("workspace:person-add")).status_code == 403


def test_only_administrators_delete_a_person_recorded_by_mistake(world: World) -> None:
    person = PersonFactory.create()
    MembershipFactory.create(partnership=world.partnership_a, organisation=None, person=person)
    url = reverse("workspace:person-delete", args=[person.pk])
    assert signed_in(world.hub_staff).post(url).status_code == 403
    # A member of a partnership is protected: the page says so and nothing is deleted.
    assert signed_in(world.admin).post(url).status_code == 409
    assert Person.objects.filter(pk=person.pk).exists()

    stray = PersonFactory.create()
    response = signed_in(world.admin).post(reverse("workspace:person-delete", args=[stray.pk]))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=stray.pk).exists()
    assert Person.history.filter(id=stray.pk).first().history_user == world.admin
