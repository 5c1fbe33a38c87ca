"""Partnership services: members are added under the rules, or nothing is written."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    ThematicAreaFactory,
)
from partnerhub.partnerships.choices import MemberRole
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.partnerships.services import add_member, create_partnership
from partnerhub.registry.models import Organisation, Person

pytestmark = pytest.mark.django_db

D = datetime.date


def member_of(membership: Membership) -> Organisation | Person:
    """The organisation or person a membership is for."""
    member = membership.organisation or membership.person
    assert member is not None
    return member


def test_add_member_records_an_organisation_in_a_role() -> None:
    partnership, organisation = PartnershipFactory.create(), OrganisationFactory.create()
    membership = add_member(partnership, organisation, MemberRole.LEADER, joined=D(2021, 3, 1))
    saved = Membership.objects.get(pk=membership.pk)
    assert (saved.organisation, saved.person, saved.role) == (organisation, None, MemberRole.LEADER)
    assert saved.member == organisation


def test_add_member_records_a_person() -> None:
    partnership, person = PartnershipFactory.create(), PersonFactory.create()
    membership = add_member(partnership, person, MemberRole.EXPERT)
    saved = Membership.objects.get(pk=membership.pk)
    assert (saved.organisation, saved.person) == (None, person)
    assert saved.sector is None


def test_add_member_refuses_a_duplicate_and_writes_nothing() -> None:
    existing = MembershipFactory.create(role=MemberRole.LEADER, joined=D(2020, 1, 1))
    with pytest.raises(ValidationError):
        add_member(
            existing.partnership, member_of(existing), MemberRole.PARTNER, joined=D(2021, 1, 1)
        )
    assert list(Membership.objects.all()) == [existing]
    existing.refresh_from_db()
    assert (existing.role, existing.joined, existing.left) == (
        MemberRole.LEADER,
        D(2020, 1, 1),
        None,
    )


def test_create_partnership_records_what_it_grew_out_of() -> None:
    parent = PartnershipFactory.create()
    area = ThematicAreaFactory.create()
    child = create_partnership(
        name="Klaster turystyczny", kind="cluster", areas=[area], grew_out_of=[parent]
    )
    assert list(child.grew_out_of.all()) == [parent]
    assert list(parent.gave_rise_to.all()) == [child]
    assert list(child.areas.all()) == [area]


def test_an_invalid_partnership_writes_neither_itself_nor_its_links() -> None:
    parent = PartnershipFactory.create()
    with pytest.raises(ValidationError):
        create_partnership(
            name="Bad dates",
            kind="network",
            start=D(2022, 1, 1),
            end=D(2021, 1, 1),
            grew_out_of=[parent],
            areas=[ThematicAreaFactory.create()],
        )
    assert list(Partnership.objects.all()) == [parent]
    assert not Partnership.grew_out_of.through.objects.exists()
    assert not Partnership.areas.through.objects.exists()


def test_create_partnership_records_the_local_problems_it_takes_on() -> None:
    problems = LocalProblemFactory.create_batch(2)
    partnership = create_partnership(name="Pilot", kind="local_partnership", problems=problems)
    assert set(partnership.problems.all()) == set(problems)
