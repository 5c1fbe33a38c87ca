"""sector_balance(): which sectors a partnership's current members come from."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)
from partnerhub.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

D = datetime.date
ON = D(2022, 6, 1)


def _member(partnership: Partnership, sector: str, **dates: datetime.date | None) -> None:
    dates.setdefault("joined", D(2020, 1, 1))
    MembershipFactory.create(
        partnership=partnership, organisation=OrganisationFactory.create(sector=sector), **dates
    )


def test_counts_and_shares_by_sector() -> None:
    partnership = PartnershipFactory.create()
    _member(partnership, Sector.CIVIL)
    _member(partnership, Sector.CIVIL)
    _member(partnership, Sector.PUBLIC)

    balance = partnership.sector_balance(on=ON)

    assert balance.counts == {"public": 1, "private": 0, "civil": 2}
    assert balance.shares == pytest.approx({"public": 1 / 3, "private": 0.0, "civil": 2 / 3})
    assert balance.organisations == 3
    assert balance.present == ["public", "civil"]
    assert balance.missing == ["private"]
    assert not balance.is_three_sector


def test_a_partnership_of_the_three_sectors() -> None:
    partnership = PartnershipFactory.create()
    for sector in Sector.values:
        _member(partnership, sector)
    balance = partnership.sector_balance(on=ON)
    assert balance.is_three_sector
    assert balance.missing == []


def test_individuals_are_counted_apart_from_the_sectors() -> None:
    partnership = PartnershipFactory.create()
    _member(partnership, Sector.PRIVATE)
    for _ in range(2):
        MembershipFactory.create(
            partnership=partnership, organisation=None, person=PersonFactory.create()
        )

    balance = partnership.sector_balance(on=ON)

    assert balance.individuals == 2
    assert balance.counts == {"public": 0, "private": 1, "civil": 0}
    assert balance.shares["private"] == 1.0


def test_members_who_left_or_have_not_joined_yet_are_not_counted() -> None:
    partnership = PartnershipFactory.create()
    _member(partnership, Sector.CIVIL, left=D(2021, 12, 31))  # left before
    _member(partnership, Sector.PUBLIC, joined=D(2023, 1, 1))  # joins later
    _member(partnership, Sector.PRIVATE, left=ON)  # leaves that very day: still a member
    MembershipFactory.create(
        partnership=partnership,
        organisation=None,
        person=PersonFactory.create(),
        left=D(2021, 1, 1),
    )

    balance = partnership.sector_balance(on=ON)

    assert balance.counts == {"public": 0, "private": 1, "civil": 0}
    assert balance.individuals == 0


def test_by_default_members_are_counted_today() -> None:
    partnership = PartnershipFactory.create()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    _member(partnership, Sector.CIVIL, left=yesterday)
    _member(partnership, Sector.PUBLIC)
    assert partnership.sector_balance().counts == {"public": 1, "private": 0, "civil": 0}


def test_an_ended_partnership_is_counted_on_its_last_day() -> None:
    partnership = PartnershipFactory.create(start=D(2019, 1, 1), end=D(2021, 12, 31))
    _member(partnership, Sector.CIVIL, left=D(2021, 12, 31))  # stayed to the end
    _member(partnership, Sector.PUBLIC, left=D(2021, 6, 30))  # left before the end
    assert partnership.sector_balance().counts == {"public": 0, "private": 0, "civil": 1}


def test_a_partnership_without_members() -> None:
    balance = PartnershipFactory.create().sector_balance(on=ON)
    assert balance.counts == {"public": 0, "private": 0, "civil": 0}
    assert balance.shares == {"public": 0.0, "private": 0.0, "civil": 0.0}
    assert balance.missing == ["public", "private", "civil"]
    assert balance.individuals == 0


def test_the_balance_takes_one_query_whatever_the_number_of_members(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    partnership = PartnershipFactory.create()
    for sector in [*Sector.values, *Sector.values]:
        _member(partnership, sector)
    with django_assert_num_queries(1):
        partnership.sector_balance(on=ON)


def _mixed_partnership() -> Partnership:
    partnership = PartnershipFactory.create(start=D(2019, 1, 1), end=D(2021, 12, 31))
    _member(partnership, Sector.CIVIL, left=D(2021, 12, 31))
    _member(partnership, Sector.PUBLIC, left=D(2021, 6, 30))
    _member(partnership, Sector.PRIVATE, joined=D(2021, 12, 31))
    MembershipFactory.create(
        partnership=partnership, organisation=None, person=PersonFactory.create()
    )
    return partnership


def test_prefetched_memberships_give_the_same_balance_without_a_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    queried = _mixed_partnership().sector_balance()
    loaded = Partnership.objects.prefetch_related("memberships__organisation").get()
    with django_assert_num_queries(0):
        from_loaded = loaded.sector_balance()
    assert from_loaded == queried
    assert queried.counts == {"public": 0, "private": 1, "civil": 1}
    assert queried.individuals == 1


def test_list_annotations_count_as_the_balance_does() -> None:
    partnership = _mixed_partnership()
    balance = partnership.sector_balance()
    annotated: Any = Partnership.objects.with_member_counts().get(pk=partnership.pk)
    assert {s: getattr(annotated, f"members_{s}") for s in Sector.values} == balance.counts
    assert annotated.members_individual == balance.individuals
    assert annotated.members_listed == 4
