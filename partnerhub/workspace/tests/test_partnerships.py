"""Partnerships and their members in the workspace, for every role."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import MembershipFactory, OrganisationFactory
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.workspace.tests.conftest import World
from partnerhub.workspace.tests.helpers import HTMX, signed_in

pytestmark = pytest.mark.django_db


def partnership_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Lokalno partnerstvo Pivka",
        "kind": "local_partnership",
        "stage": "scoping",
        "period_precision": "day",
        "visibility": "internal",
        "start": "2025-01-01",
        "end": "",
    }
    data.update(changes)
    return data


def test_hub_staff_start_a_partnership_under_their_hub(world: World) -> None:
    client = signed_in(world.hub_staff)
    response = client.post(reverse("workspace:partnership-add"), partnership_data(hub=world.hub.pk))
    partnership = Partnership.objects.get(name="Lokalno partnerstvo Pivka")
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:partnership-change", args=[partnership.pk])
    assert partnership.hub == world.hub
    assert partnership.history.first().history_user == world.hub_staff


def test_the_add_page_offers_the_hub_of_hub_staff(world: World) -> None:
    response = signed_in(world.hub_staff).get(reverse("workspace:partnership-add"))
    assert response.status_code == 200
    hubs = list(response.context["form"].fields["hub"].queryset)
    assert hubs == [world.hub]
    assert response.context["form"].initial["hub"] == world.hub.pk


def test_a_partnership_under_another_hub_is_refused_on_the_form(world: World) -> None:
    response = signed_in(world.hub_staff).post(
        reverse("workspace:partnership-add"), partnership_data(hub=world.other_hub.pk)
    )
    assert response.status_code == 200
    assert "hub" in response.context["form"].errors
    assert not Partnership.objects.filter(name="Lokalno partnerstvo Pivka").exists()


def test_a_partnership_without_a_hub_is_for_administrators_only(world: World) -> None:
    response = signed_in(world.hub_staff).post(
        reverse("workspace:partnership-add"), partnership_data(hub="")
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Partnership.objects.filter(name="Lokalno partnerstvo Pivka").exists()

    admin = signed_in(world.admin)
    assert admin.post(reverse("workspace:partnership-add"), partnership_data()).status_code == 302
    assert Partnership.objects.get(name="Lokalno partnerstvo Pivka").hub is None


def test_a_user_without_a_role_may_not_start_a_partnership(world: World) -> None:
    client = signed_in(world.citizen)
    assert client.get(reverse("workspace:partnership-add")).status_code == 403
    assert client.post(reverse("workspace:partnership-add"), partnership_data()).status_code == 403


def test_a_representative_is_refused_whichever_hub_they_name(world: World) -> None:
    client = signed_in(world.representative)
    # Only hub staff start partnerships: the form itself is refused, whatever hub is named.
    assert client.get(reverse("workspace:partnership-add")).status_code == 403
    for hub in ("", world.hub.pk):
        response = client.post(reverse("workspace:partnership-add"), partnership_data(hub=hub))
        assert response.status_code == 403
    assert not Partnership.objects.filter(name="Lokalno partnerstvo Pivka").exists()


@pytest.mark.parametrize("role", ["hub_staff", "coordinator", "admin"])
def test_those_who_manage_a_partnership_change_it(world: World, role: str) -> None:
    user = getattr(world, role)
    url = reverse("workspace:partnership-change", args=[world.partnership_a.pk])
    client = signed_in(user)
    assert client.get(url).status_code == 200
    response = client.post(
        url, partnership_data(name="Partnership A, renamed", hub=world.hub.pk, stage="building")
    )
    assert response.status_code == 302
    world.partnership_a.refresh_from_db()
    assert world.partnership_a.name == "Partnership A, renamed"
    assert world.partnership_a.stage == "scoping"  # the lifecycle moves it, not the form
    assert world.partnership_a.history.first().history_user == user


def test_a_coordinator_of_a_cannot_find_the_internal_partnership_b(world: World) -> None:
    client = signed_in(world.coordinator)
    b = world.partnership_b.pk
    assert client.get(reverse("workspace:partnership-change", args=[b])).status_code == 404
    assert client.post(reverse("workspace:partnership-change", args=[b]), {}).status_code == 404
    assert client.get(reverse("workspace:partnership-delete", args=[b])).status_code == 404
    assert client.get(reverse("workspace:membership-add") + f"?partnership={b}").status_code == 404


@pytest.mark.parametrize("role", ["citizen", "coordinator", "representative", "hub_staff"])
def test_a_published_partnership_is_seen_but_not_changed(world: World, role: str) -> None:
    client = signed_in(getattr(world, role))
    url = reverse("workspace:partnership-change", args=[world.published.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, partnership_data()).status_code == 403
    world.published.refresh_from_db()
    assert world.published.name == "Published partnership"


def test_anonymous_visitors_are_sent_to_sign_in(world: World, client: Client) -> None:
    url = reverse("workspace:partnership-change", args=[world.partnership_a.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_hub_staff_delete_a_partnership_of_their_hub(world: World) -> None:
    client = signed_in(world.hub_staff)
    url = reverse("workspace:partnership-delete", args=[world.partnership_a.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "Partnership A" in confirmation.content.decode()
    assert Partnership.objects.filter(pk=world.partnership_a.pk).exists()

    response = client.post(url)
    assert response.status_code == 302
    assert not Partnership.objects.filter(pk=world.partnership_a.pk).exists()
    deleted = Partnership.history.filter(id=world.partnership_a.pk).first()
    assert deleted is not None
    assert deleted.history_type == "-"
    assert deleted.history_user == world.hub_staff


def test_a_coordinator_may_not_delete_their_partnership(world: World) -> None:
    client = signed_in(world.coordinator)
    url = reverse("workspace:partnership-delete", args=[world.partnership_a.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Partnership.objects.filter(pk=world.partnership_a.pk).exists()


def test_an_end_before_the_start_shows_on_the_field_with_the_typed_values(world: World) -> None:
    response = signed_in(world.coordinator).post(
        reverse("workspace:partnership-change", args=[world.partnership_a.pk]),
        partnership_data(name="Typed name", hub=world.hub.pk, end="2024-01-01"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end"] == ["The end date cannot be before the start date."]
    html = response.content.decode()
    assert 'value="Typed name"' in html
    assert 'value="2024-01-01"' in html
    world.partnership_a.refresh_from_db()
    assert world.partnership_a.name == "Partnership A"


# --- members, on the partnership's page ---------------------------------------------------


def member_data(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "membership-organisation": "",
        "membership-person": "",
        "membership-role": "partner",
        "membership-joined": "2025-02-01",
        "membership-left": "",
        "membership-responsibilities": "",
    }
    data.update({f"membership-{k}": v for k, v in fields.items()})
    return data


def test_the_partnership_page_shows_its_members_and_balance(world: World) -> None:
    response = signed_in(world.coordinator).get(
        reverse("workspace:partnership-change", args=[world.partnership_a.pk])
    )
    html = response.content.decode()
    assert 'id="membership-section"' in html
    assert "Društvo za starejše" in html
    assert 'id="sector-balance"' in html
    assert response.context["balance"].is_three_sector is False


def test_adding_a_member_with_htmx_returns_the_table_and_the_new_badge(world: World) -> None:
    municipality = OrganisationFactory.create(name="Občina Pivka", sector=Sector.PUBLIC)
    firm = OrganisationFactory.create(name="Prevozi d.o.o.", sector=Sector.PRIVATE)
    MembershipFactory.create(partnership=world.partnership_a, organisation=municipality)
    client = signed_in(world.coordinator)
    url = reverse("workspace:membership-add") + f"?partnership={world.partnership_a.pk}"

    response = client.post(
        url, member_data(organisation=firm.pk, responsibilities="Vozila"), headers=HTMX
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="membership-section"' in html
    assert "Prevozi d.o.o." in html
    assert 'hx-swap-oob="true"' in html
    assert "All three sectors" in html
    assert '<span data-sector="private">1</span>' in html
    membership = Membership.objects.get(partnership=world.partnership_a, organisation=firm)
    assert membership.responsibilities == "Vozila"
    assert membership.joined == datetime.date(2025, 2, 1)
    assert membership.history.first().history_user == world.coordinator


def test_a_member_is_added_without_javascript_too(world: World) -> None:
    firm = OrganisationFactory.create(name="Prevozi d.o.o.", sector=Sector.PRIVATE)
    response = signed_in(world.hub_staff).post(
        reverse("workspace:membership-add") + f"?partnership={world.partnership_a.pk}",
        member_data(organisation=firm.pk),
    )
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("workspace:partnership-change", args=[world.partnership_a.pk])
        + "#membership-section"
    )
    assert world.partnership_a.memberships.filter(organisation=firm).exists()


def test_a_member_already_in_the_partnership_is_refused_in_the_section(world: World) -> None:
    response = signed_in(world.coordinator).post(
        reverse("workspace:membership-add") + f"?partnership={world.partnership_a.pk}",
        member_data(organisation=world.ngo.pk, joined="2020-01-01"),
        headers=HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="membership-section"' in html
    assert "errorlist" in html
    assert world.partnership_a.memberships.count() == 1


def test_a_member_must_be_an_organisation_or_a_person(world: World) -> None:
    response = signed_in(world.coordinator).post(
        reverse("workspace:membership-add") + f"?partnership={world.partnership_a.pk}",
        member_data(),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"] == [
        "Choose either an organisation or a person as the member."
    ]


def test_a_member_is_edited_and_removed(world: World) -> None:
    membership = world.partnership_a.memberships.get()
    client = signed_in(world.coordinator)
    change_url = reverse("workspace:membership-change", args=[membership.pk])

    form = client.get(change_url, headers=HTMX)
    assert form.status_code == 200
    assert f'hx-post="{change_url}"' in form.content.decode()

    response = client.post(
        change_url,
        member_data(
            organisation=world.ngo.pk, role="leader", joined="2020-01-01", left="2025-06-30"
        ),
        headers=HTMX,
    )
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.role == "leader"
    assert membership.left == datetime.date(2025, 6, 30)

    removed = client.post(
        reverse("workspace:membership-delete", args=[membership.pk]), headers=HTMX
    )
    assert removed.status_code == 200
    assert "No members yet." in removed.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_members_of_a_partnership_one_does_not_manage_are_not_changed(world: World) -> None:
    membership = MembershipFactory.create(partnership=world.published)
    client = signed_in(world.citizen)
    url = reverse("workspace:membership-change", args=[membership.pk])
    assert client.get(url).status_code == 403
    assert (
        client.post(reverse("workspace:membership-delete", args=[membership.pk])).status_code == 403
    )
    assert (
        client.get(
            reverse("workspace:membership-add") + f"?partnership={world.published.pk}"
        ).status_code
        == 403
    )
