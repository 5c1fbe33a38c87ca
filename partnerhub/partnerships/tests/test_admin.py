"""The partnerships admin: member and sector columns, and the membership rules on the form."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)
from partnerhub.core.tests.helpers import add_inline_rows, inline_management_data
from partnerhub.partnerships.admin import PartnershipAdmin
from partnerhub.partnerships.models import Membership, Partnership

pytestmark = pytest.mark.django_db

D = datetime.date
CHANGELIST = reverse("admin:partnerships_partnership_changelist")
ADD = reverse("admin:partnerships_partnership_add")
OVERLAP = "This member already belongs to the partnership in an overlapping period."


def _with_members(**fields: object) -> Partnership:
    partnership = PartnershipFactory.create(**fields)
    for sector in ("civil", "civil", "public"):
        MembershipFactory.create(
            partnership=partnership, organisation=OrganisationFactory.create(sector=sector)
        )
    MembershipFactory.create(
        partnership=partnership,
        organisation=OrganisationFactory.create(sector="private"),
        left=D(2021, 1, 1),
    )
    MembershipFactory.create(
        partnership=partnership, organisation=None, person=PersonFactory.create()
    )
    return partnership


def _row(client: Client, partnership: Partnership) -> tuple[object, str]:
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    listed = {p.pk: p for p in response.context["cl"].result_list}[partnership.pk]
    model_admin = response.context["cl"].model_admin
    return model_admin.members(listed), model_admin.sectors(listed)


def test_the_list_shows_members_and_the_sectors_of_current_members(staff_client: Client) -> None:
    partnership = _with_members()
    members, sectors = _row(staff_client, partnership)
    assert members == 5  # every listed membership, past ones included
    assert (
        sectors == "Public sector 1, Civil sector (NGO) 2, individuals 1"
    )  # the one who left is not
    balance = partnership.sector_balance()
    assert (balance.counts["civil"], balance.counts["public"], balance.individuals) == (2, 1, 1)


def test_the_list_shows_the_declared_number_when_a_source_states_more(staff_client: Client) -> None:
    partnership = _with_members(declared_member_count=40)
    assert _row(staff_client, partnership)[0] == 40


def test_an_ended_partnership_shows_the_members_of_its_last_day(staff_client: Client) -> None:
    partnership = PartnershipFactory.create(start=D(2019, 1, 1), end=D(2021, 12, 31))
    MembershipFactory.create(partnership=partnership, left=D(2021, 12, 31))
    MembershipFactory.create(
        partnership=partnership,
        organisation=OrganisationFactory.create(sector="public"),
        left=D(2020, 1, 1),
    )
    assert _row(staff_client, partnership)[1] == "Civil sector (NGO) 1"


def test_a_partnership_without_members(staff_client: Client) -> None:
    assert _row(staff_client, PartnershipFactory.create()) == (0, "—")


def test_the_list_takes_the_same_queries_for_more_partnerships(staff_client: Client) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(CHANGELIST).status_code == 200
        return len(captured)

    _with_members(hub=OrganisationFactory.create(is_hub=True))
    few = queries()
    for _ in range(4):
        _with_members(hub=OrganisationFactory.create(is_hub=True))
    assert queries() == few


def test_the_list_is_filtered_and_searched(staff_client: Client) -> None:
    hub = OrganisationFactory.create(name="Ośrodek Wsparcia", is_hub=True)
    PartnershipFactory.create(name="Sieć NGO", kind="network", hub=hub)
    PartnershipFactory.create(name="Klaster Turystyczny", kind="cluster", stage="implementing")

    def listed(**params: str) -> set[str]:
        response = staff_client.get(CHANGELIST, params)
        assert response.status_code == 200
        return {p.name for p in response.context["cl"].result_list}

    assert listed(kind__exact="cluster") == {"Klaster Turystyczny"}
    assert listed(stage__exact="implementing") == {"Klaster Turystyczny"}
    assert listed(hub__id__exact=str(hub.pk)) == {"Sieć NGO"}
    assert listed(q="wsparcia") == {"Sieć NGO"}  # by the hub's name
    assert listed(visibility__exact="internal") == set()


def _partnership_form(**fields: str) -> dict[str, str]:
    return {
        "name": "Partnerstwo na rzecz zatrudnienia",
        "kind": "local_partnership",
        "stage": "building",
        "visibility": "published",
        "period_precision": "day",
    } | fields


def test_a_partnership_is_added_with_its_members(staff_client: Client) -> None:
    organisation, person = OrganisationFactory.create(), PersonFactory.create()
    data = add_inline_rows(
        inline_management_data(staff_client, ADD) | _partnership_form(),
        "memberships",
        [
            {"organisation": organisation.pk, "role": "leader", "joined": "2024-01-01"},
            {"person": person.pk, "role": "expert", "joined": "2024-01-01"},
        ],
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 302
    partnership = Partnership.objects.get()
    assert {m.member for m in partnership.memberships.all()} == {organisation, person}


@pytest.mark.parametrize(
    "second",
    [
        {"joined": "2024-06-01"},  # two open memberships
        {"joined": "2023-01-01", "left": "2024-02-01"},  # overlapping periods
    ],
)
def test_overlapping_rows_for_one_member_are_refused_on_a_new_partnership(
    staff_client: Client, second: dict[str, str]
) -> None:
    organisation = OrganisationFactory.create()
    data = add_inline_rows(
        inline_management_data(staff_client, ADD) | _partnership_form(),
        "memberships",
        [
            {"organisation": organisation.pk, "role": "leader", "joined": "2024-01-01"},
            {"organisation": organisation.pk, "role": "partner", **second},
        ],
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[1] == {"joined": [OVERLAP]}
    assert not Partnership.objects.exists()


def test_successive_rows_for_one_member_are_accepted(staff_client: Client) -> None:
    organisation = OrganisationFactory.create()
    data = add_inline_rows(
        inline_management_data(staff_client, ADD) | _partnership_form(),
        "memberships",
        [
            {
                "organisation": organisation.pk,
                "role": "leader",
                "joined": "2020-01-01",
                "left": "2021-12-31",
            },
            {"organisation": organisation.pk, "role": "partner", "joined": "2022-01-01"},
        ],
    )
    assert staff_client.post(ADD, data).status_code == 302
    assert Membership.objects.count() == 2


def test_a_second_open_membership_is_refused_on_an_existing_partnership(
    staff_client: Client,
) -> None:
    existing = MembershipFactory.create(joined=D(2020, 1, 1))
    url = reverse("admin:partnerships_partnership_change", args=[existing.partnership.pk])
    data = inline_management_data(staff_client, url) | _partnership_form(
        name=existing.partnership.name
    )
    data = add_inline_rows(
        data,
        "memberships",
        [{"organisation": existing.organisation_id, "role": "partner", "joined": "2023-01-01"}],
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert OVERLAP in response.content.decode()
    assert Membership.objects.count() == 1


def test_the_list_sorts_by_number_of_members_as_shown(staff_client: Client) -> None:
    small = PartnershipFactory.create(name="A small one")
    MembershipFactory.create(partnership=small)
    large = _with_members(name="B large one")  # 5 listed
    declared = PartnershipFactory.create(name="C declared", declared_member_count=40)
    members_column = PartnershipAdmin.list_display.index("members") + 1
    response = staff_client.get(CHANGELIST, {"o": f"-{members_column}"})
    assert list(response.context["cl"].result_list) == [declared, large, small]
