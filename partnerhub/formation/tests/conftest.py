"""The Postojna pilot in miniature: a hub, its partnership, and one user per role."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import OrganisationFactory, PartnershipFactory, UserFactory
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation


@dataclass
class Pilot:
    hub: Organisation
    partnership: Partnership
    firm: Organisation  # a local business, to be invited
    hub_staff: User
    coordinator: User
    firm_representative: User
    stranger: User  # a registered user with no role


@pytest.fixture
def pilot(db: None) -> Pilot:
    hub = OrganisationFactory.create(name="Regionalno stičišče NVO", is_hub=True, country="SI")
    partnership = PartnershipFactory.create(
        name="Pilotno lokalno partnerstvo Postojna",
        hub=hub,
        stage=Stage.BUILDING,
        visibility=Visibility.INTERNAL,
    )
    firm = OrganisationFactory.create(
        name="Prevozi Postojna d.o.o.", sector=Sector.PRIVATE, country="SI", email="info@prevozi.si"
    )
    pilot = Pilot(
        hub=hub,
        partnership=partnership,
        firm=firm,
        hub_staff=UserFactory.create(username="hub"),
        coordinator=UserFactory.create(username="coordinator"),
        firm_representative=UserFactory.create(username="firm"),
        stranger=UserFactory.create(username="stranger"),
    )
    grant_role(pilot.hub_staff, Role.HUB_STAFF, organisation=hub)
    grant_role(pilot.coordinator, Role.COORDINATOR, partnership=partnership)
    grant_role(pilot.firm_representative, Role.REPRESENTATIVE, organisation=firm)
    return pilot
