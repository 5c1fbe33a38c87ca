"""Memberships and partnerships: every rule refused by validation and by the database."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.partnerships.services import add_member, create_partnership, end_membership
from partnerhub.registry.models import Organisation, Person

pytestmark = pytest.mark.django_db

D = datetime.date
END_BEFORE_START = "The end date cannot be before the start date."
ONE_MEMBER = "Choose either an organisation or a person as the member."
OVERLAP = "This member already belongs to the partnership in an overlapping period."


def member_of(membership: Membership) -> Organisation | Person:
    """The organisation or person a membership is for."""
    member = membership.organisation or membership.person
    assert member is not None
    return member


def test_a_partnership_cannot_end_before_it_starts() -> None:
    errors = error_messages(
        lambda: create_partnership(
            name="Partnerstwo", kind="local_partnership", start=D(2022, 1, 1), end=D(2021, 1, 1)
        )
    )
    assert errors == {"end": [END_BEFORE_START]}
    assert not Partnership.objects.exists()


def test_the_database_refuses_a_partnership_ending_before_it_starts() -> None:
    with violates("partnerships_partnership_end_after_start"):
        PartnershipFactory.create(start=D(2022, 1, 1), end=D(2021, 1, 1))


def test_a_member_is_not_both_an_organisation_and_a_person() -> None:
    membership = Membership(
        partnership=PartnershipFactory.create(),
        organisation=OrganisationFactory.create(),
        person=PersonFactory.create(),
    )
    assert error_messages(membership.full_clean) == {"organisation": [ONE_MEMBER]}


def test_a_member_is_an_organisation_or_a_person() -> None:
    membership = Membership(partnership=PartnershipFactory.create())
    assert error_messages(membership.full_clean) == {"organisation": [ONE_MEMBER]}


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_the_database_refuses_a_membership_without_exactly_one_member(both: bool) -> None:
    with violates("partnerships_membership_one_member"):
        if both:
            MembershipFactory.create(person=PersonFactory.create())
        else:
            MembershipFactory.create(organisation=None)


def test_a_member_cannot_leave_before_joining() -> None:
    errors = error_messages(
        lambda: add_member(
            PartnershipFactory.create(),
            OrganisationFactory.create(),
            joined=D(2022, 5, 1),
            left=D(2022, 4, 30),
        )
    )
    assert errors == {"left": [END_BEFORE_START]}
    assert not Membership.objects.exists()


def test_the_database_refuses_leaving_before_joining() -> None:
    with violates("partnerships_membership_left_after_joined"):
        MembershipFactory.create(joined=D(2022, 5, 1), left=D(2022, 4, 30))


def test_an_organisation_has_one_open_membership_per_partnership() -> None:
    first = MembershipFactory.create(joined=D(2020, 1, 1))
    errors = error_messages(
        lambda: add_member(first.partnership, member_of(first), joined=D(2021, 1, 1))
    )
    assert errors == {
        "joined": [OVERLAP],
        "__all__": ["This organisation is already a member of this partnership."],
    }


def test_a_person_has_one_open_membership_per_partnership() -> None:
    first = MembershipFactory.create(
        organisation=None, person=PersonFactory.create(), joined=D(2020, 1, 1)
    )
    errors = error_messages(
        lambda: add_member(first.partnership, member_of(first), joined=D(2021, 1, 1))
    )
    assert errors == {
        "joined": [OVERLAP],
        "__all__": ["This person is already a member of this partnership."],
    }


def test_the_database_refuses_a_second_open_membership_of_an_organisation() -> None:
    first = MembershipFactory.create(joined=D(2020, 1, 1))
    with violates("partnerships_membership_one_open_per_organisation"):
        MembershipFactory.create(
            partnership=first.partnership, organisation=first.organisation, joined=D(2021, 1, 1)
        )


def test_the_database_refuses_a_second_open_membership_of_a_person() -> None:
    person = PersonFactory.create()
    first = MembershipFactory.create(organisation=None, person=person, joined=D(2020, 1, 1))
    with violates("partnerships_membership_one_open_per_person"):
        MembershipFactory.create(
            partnership=first.partnership, organisation=None, person=person, joined=D(2021, 1, 1)
        )


@pytest.mark.parametrize(
    ("joined", "left"),
    [
        (D(2020, 6, 1), D(2021, 6, 1)),  # starts inside the earlier period
        (D(2019, 6, 1), D(2020, 1, 1)),  # ends on its first day
        (D(2020, 12, 31), None),  # starts on its last day, open-ended
        (None, None),  # dates unknown: open at both ends
        (D(2020, 3, 1), D(2020, 4, 1)),  # inside it
    ],
)
def test_membership_periods_of_one_member_never_overlap(
    joined: datetime.date | None, left: datetime.date | None
) -> None:
    earlier = MembershipFactory.create(joined=D(2020, 1, 1), left=D(2020, 12, 31))
    errors = error_messages(
        lambda: add_member(earlier.partnership, member_of(earlier), joined=joined, left=left)
    )
    assert errors == {"joined": [OVERLAP]}
    assert Membership.objects.count() == 1


def test_a_member_may_rejoin_after_leaving() -> None:
    earlier = MembershipFactory.create(joined=D(2020, 1, 1), left=D(2020, 12, 31))
    again = add_member(earlier.partnership, member_of(earlier), joined=D(2021, 1, 1))
    assert again.pk is not None
    assert Membership.objects.filter(organisation=earlier.organisation).count() == 2


def test_the_same_organisation_may_be_a_member_of_two_partnerships() -> None:
    first = MembershipFactory.create()
    add_member(PartnershipFactory.create(), member_of(first), joined=first.joined)


def test_two_memberships_cannot_start_the_same_day() -> None:
    earlier = MembershipFactory.create(joined=D(2020, 1, 1), left=D(2020, 6, 30))
    errors = error_messages(
        lambda: add_member(
            earlier.partnership, member_of(earlier), joined=D(2020, 1, 1), left=D(2020, 3, 1)
        )
    )
    assert errors == {"joined": [OVERLAP]}


@pytest.mark.parametrize("member", ["organisation", "person"])
def test_the_database_refuses_two_memberships_starting_the_same_day(member: str) -> None:
    if member == "person":
        same_member: dict[str, Any] = {"organisation": None, "person": PersonFactory.create()}
    else:
        same_member = {"organisation": OrganisationFactory.create()}
    earlier = MembershipFactory.create(joined=D(2020, 1, 1), left=D(2020, 6, 30), **same_member)
    with violates(f"partnerships_membership_unique_{member}_start"):
        MembershipFactory.create(
            partnership=earlier.partnership, joined=D(2020, 1, 1), left=D(2020, 3, 1), **same_member
        )


def test_ending_a_membership_does_not_collide_with_itself() -> None:
    membership = MembershipFactory.create(joined=D(2020, 1, 1))
    end_membership(membership, D(2022, 12, 31))
    membership.refresh_from_db()
    assert membership.left == D(2022, 12, 31)


def test_ending_a_membership_before_it_started_is_refused() -> None:
    membership = MembershipFactory.create(joined=D(2020, 1, 1))
    errors = error_messages(lambda: end_membership(membership, D(2019, 12, 31)))
    assert errors == {"left": [END_BEFORE_START]}
    membership.refresh_from_db()
    assert membership.left is None
