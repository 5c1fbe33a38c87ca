"""A person with everything Partnerhub can hold on someone, and a neighbour who is not erased."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.consultation.services import record_problem
from partnerhub.core.choices import Sector
from partnerhub.core.services import save_validated
from partnerhub.core.tests import factories as f
from partnerhub.events.choices import AttendanceSector
from partnerhub.events.models import Event, Registration
from partnerhub.events.services import create_event
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.partnerships.services import add_member
from partnerhub.privacy.services import give_consent
from partnerhub.registry.models import Affiliation, Person
from partnerhub.registry.services import create_affiliation, create_person, update_person

NAME = ("Zofia", "Kwiatkowska")
EMAIL = "zofia.kwiatkowska@example.pl"
NEW_EMAIL = "z.kwiatkowska@fundacja.example.pl"
PHONE = "+48 601 234 567"
ADDRESS = "ul. Lipowa 12, 58-300 Wałbrzych"


@dataclass
class Subject:
    """Zofia: account, person record and everything around them; Jan, who stays."""

    user: User
    person: Person
    other: Person
    hub_staff: User
    partnership: Partnership
    membership: Membership
    affiliation: Affiliation
    registration: Registration
    event: Event
    problem: LocalProblem

    @property
    def secrets(self) -> list[str]:
        """What no page may show after the erasure."""
        return [f"{NAME[0]} {NAME[1]}", NAME[1], EMAIL, NEW_EMAIL, PHONE, ADDRESS]


@pytest.fixture
def subject(superuser: User) -> Subject:
    hub = f.OrganisationFactory.create(name="Fundacja Centrum", is_hub=True, sector=Sector.CIVIL)
    member = f.OrganisationFactory.create(name="Stowarzyszenie Lipowa", sector=Sector.CIVIL)
    hub_staff = f.UserFactory.create(username="hubstaff")
    grant_role(hub_staff, Role.HUB_STAFF, organisation=hub)
    user = f.UserFactory.create(
        username="zofia", email=EMAIL, first_name=NAME[0], last_name=NAME[1]
    )
    person = create_person(
        first_name=NAME[0],
        last_name=NAME[1],
        email=EMAIL,
        phone=PHONE,
        address=ADDRESS,
        title="Mentor",
        user=user,
        by=hub_staff,
    )
    other = create_person(
        first_name="Jan", last_name="Nowicki", email="jan.nowicki@example.pl", by=hub_staff
    )
    update_person(person, email=NEW_EMAIL, by=hub_staff)
    partnership = f.PartnershipFactory.create(name="Partnerstwo Lipowa", hub=hub)
    add_member(partnership, member, by=hub_staff)
    membership = add_member(
        partnership,
        person,
        responsibilities=f"{NAME[0]} {NAME[1]} leads the survey",
        joined=datetime.date(2024, 1, 1),
        by=hub_staff,
    )
    add_member(partnership, other, joined=datetime.date(2024, 1, 1), by=hub_staff)
    affiliation = create_affiliation(person, member, role="volunteer", by=hub_staff)
    event = create_event(
        title="Warsztaty Lipowa",
        event_type="workshop",
        start=datetime.date(2024, 3, 1),
        partnership=partnership,
        attendance={AttendanceSector.CIVIL: 12, AttendanceSector.PUBLIC: 3},
        by=hub_staff,
    )
    registration = save_validated(
        Registration(
            event=event, person=person, organisation=member, sector=AttendanceSector.CIVIL
        ),
        by=hub_staff,
    )
    save_validated(Registration(event=event, person=other, sector=AttendanceSector.PUBLIC))
    problem = record_problem(
        title="Brak chodnika na Lipowej",
        description=f"Zgłasza {NAME[0]} {NAME[1]} ({EMAIL}).",
        hub=hub,
        status=ProblemStatus.PUBLISHED,
        raised_by_person=person,
        by=hub_staff,
    )
    problem.submitted_by = user
    problem.save()
    give_consent(user, "newsletter")
    LogEntry.objects.create(
        user=superuser,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
        change_message=f"Changed e-mail of {person.full_name}.",
    )
    return Subject(
        user=user,
        person=person,
        other=other,
        hub_staff=hub_staff,
        partnership=partnership,
        membership=membership,
        affiliation=affiliation,
        registration=registration,
        event=event,
        problem=problem,
    )
