"""The Postojna pilot with its members, ready to draft and sign an agreement."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from partnerhub.partnerships.choices import MemberRole, Stage
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.registry.models import Organisation


@dataclass
class Pilot:
    hub: Organisation
    partnership: Partnership
    ngo: Membership
    municipality: Membership
    firm: Membership
    volunteer: Membership  # a person, member in person
    hub_staff: User
    coordinator: User
    ngo_representative: User
    municipality_representative: User
    firm_representative: User
    stranger: User

    @property
    def organisation_members(self) -> list[Membership]:
        return [self.ngo, self.municipality, self.firm]

    def representative_of(self, membership: Membership) -> User:
        return {
            self.ngo.pk: self.ngo_representative,
            self.municipality.pk: self.municipality_representative,
            self.firm.pk: self.firm_representative,
        }[membership.pk]


def _member(partnership: Partnership, name: str, sector: str, role: str) -> Membership:
    organisation = OrganisationFactory.create(name=name, sector=sector, country="SI")
    return MembershipFactory.create(partnership=partnership, organisation=organisation, role=role)


@pytest.fixture
def pilot(db: None) -> Pilot:
    hub = OrganisationFactory.create(name="Regionalno stičišče NVO", is_hub=True, country="SI")
    partnership = PartnershipFactory.create(
        name="Pilotno lokalno partnerstvo Postojna",
        hub=hub,
        stage=Stage.BUILDING,
        visibility=Visibility.INTERNAL,
    )
    users = {
        name: UserFactory.create(username=name, first_name=name.title(), last_name="Demo")
        for name in ("hub", "coordinator", "ngo", "municipality", "firm", "stranger")
    }
    pilot = Pilot(
        hub=hub,
        partnership=partnership,
        ngo=_member(partnership, "Društvo Skupaj", Sector.CIVIL, MemberRole.LEADER),
        municipality=_member(partnership, "Občina Postojna", Sector.PUBLIC, MemberRole.PARTNER),
        firm=_member(partnership, "Prevozi d.o.o.", Sector.PRIVATE, MemberRole.PARTNER),
        volunteer=MembershipFactory.create(
            partnership=partnership, organisation=None, person=PersonFactory.create()
        ),
        hub_staff=users["hub"],
        coordinator=users["coordinator"],
        ngo_representative=users["ngo"],
        municipality_representative=users["municipality"],
        firm_representative=users["firm"],
        stranger=users["stranger"],
    )
    grant_role(pilot.hub_staff, Role.HUB_STAFF, organisation=hub)
    grant_role(pilot.coordinator, Role.COORDINATOR, partnership=partnership)
    for membership in pilot.organisation_members:
        grant_role(
            pilot.representative_of(membership),
            Role.REPRESENTATIVE,
            organisation=membership.organisation,
        )
    return pilot
