"""One small world for the workspace's tests, with a user for every role.

A hub facilitates partnership A (internal, coordinated by ``coordinator``); partnership B
is internal to another hub; partnership P is published and run by nobody here. A
representative acts for an organisation that is a member of A; a citizen holds no role.
"""

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
    SuperuserFactory,
    UserFactory,
)
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation


@dataclass
class World:
    hub: Organisation
    other_hub: Organisation
    ngo: Organisation
    partnership_a: Partnership
    partnership_b: Partnership
    published: Partnership
    admin: User
    hub_staff: User
    coordinator: User
    representative: User
    citizen: User


@pytest.fixture
def world(db: None) -> World:
    hub = OrganisationFactory.create(name="Regionalno stičišče", is_hub=True, country="SI")
    other_hub = OrganisationFactory.create(name="Drugo stičišče", is_hub=True, country="SI")
    ngo = OrganisationFactory.create(name="Društvo za starejše", sector=Sector.CIVIL)
    partnership_a = PartnershipFactory.create(
        name="Partnership A", hub=hub, visibility=Visibility.INTERNAL
    )
    partnership_b = PartnershipFactory.create(
        name="Partnership B", hub=other_hub, visibility=Visibility.INTERNAL
    )
    published = PartnershipFactory.create(name="Published partnership", hub=other_hub)
    MembershipFactory.create(partnership=partnership_a, organisation=ngo)

    hub_staff = UserFactory.create(username="hub")
    coordinator = UserFactory.create(username="coordinator")
    representative = UserFactory.create(username="representative")
    grant_role(hub_staff, Role.HUB_STAFF, organisation=hub)
    grant_role(coordinator, Role.COORDINATOR, partnership=partnership_a)
    grant_role(representative, Role.REPRESENTATIVE, organisation=ngo)
    return World(
        hub=hub,
        other_hub=other_hub,
        ngo=ngo,
        partnership_a=partnership_a,
        partnership_b=partnership_b,
        published=published,
        admin=SuperuserFactory.create(username="admin"),
        hub_staff=hub_staff,
        coordinator=coordinator,
        representative=representative,
        citizen=UserFactory.create(username="citizen"),
    )
