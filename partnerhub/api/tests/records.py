"""A small world of records of every kind, published and internal, for the API's tests."""

from __future__ import annotations

from dataclasses import dataclass

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests import factories as f
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import FundingProgramme, Programme, Project
from partnerhub.registry.models import Organisation, Person
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

INTERNAL = Visibility.INTERNAL


@dataclass
class Records:
    """Handles on the records ``build_records`` made."""

    voivodeship: TerritorialUnit
    municipality: TerritorialUnit
    ngo: Organisation
    firm: Organisation
    town_hall: Organisation
    person: Person
    partnership: Partnership
    internal_partnership: Partnership
    funding: FundingProgramme
    programme: Programme
    internal_programme: Programme
    project: Project
    internal_project: Project
    event: Event
    internal_event: Event
    problem: LocalProblem
    submitted_problem: LocalProblem


def build_records() -> Records:
    """Two of most kinds: one published, one internal; people everywhere they can be."""
    country = f.TerritorialUnitFactory.create(level=Level.COUNTRY, code="PL", parent=None)
    voivodeship = f.TerritorialUnitFactory.create(
        level=Level.VOIVODESHIP, code="02", parent=country
    )
    municipality = f.TerritorialUnitFactory.create(
        level=Level.MUNICIPALITY, code="0265011", parent=voivodeship, name="Wałbrzych"
    )
    ngo = f.OrganisationFactory.create(seat=municipality, sector=Sector.CIVIL)
    firm = f.OrganisationFactory.create(sector=Sector.PRIVATE)
    town_hall = f.OrganisationFactory.create(sector=Sector.PUBLIC, seat=voivodeship)
    person = f.PersonFactory.create(phone="+48 600 000 000", address="ul. Prywatna 1")
    f.AffiliationFactory.create(person=person, organisation=ngo)

    partnership = f.PartnershipFactory.create(territory=municipality, hub=ngo)
    internal_partnership = f.PartnershipFactory.create(visibility=INTERNAL)
    for organisation in (ngo, firm, town_hall):
        f.MembershipFactory.create(partnership=partnership, organisation=organisation)
    f.MembershipFactory.create(partnership=partnership, organisation=None, person=person)
    f.MembershipFactory.create(partnership=internal_partnership, organisation=ngo)

    funding = f.FundingProgrammeFactory.create()
    programme = f.ProgrammeFactory.create(partnership=partnership, territory=voivodeship)
    internal_programme = f.ProgrammeFactory.create(visibility=INTERNAL)
    project = f.ProjectFactory.create(
        seat=municipality, funding_programme=funding, lead_organisation=ngo, programme=programme
    )
    internal_project = f.ProjectFactory.create(visibility=INTERNAL)
    f.ProjectPartnerFactory.create(project=project, organisation=ngo)
    f.ProjectPartnerFactory.create(project=internal_project, organisation=firm)
    indicator = f.IndicatorFactory.create(project=project)
    f.ReportedValueFactory.create(indicator=indicator)
    internal_indicator = f.IndicatorFactory.create(project=internal_project)
    f.ReportedValueFactory.create(indicator=internal_indicator)
    f.GoalFactory.create(partnership=partnership)
    f.GoalFactory.create(partnership=internal_partnership)

    event = f.EventFactory.create(partnership=partnership, territory=municipality)
    internal_event = f.EventFactory.create(visibility=INTERNAL)
    f.AttendanceCountFactory.create(event=event)
    f.AttendanceCountFactory.create(event=internal_event)
    problem = f.LocalProblemFactory.create(
        status=ProblemStatus.PUBLISHED, territory=municipality, raised_by_person=person
    )
    submitted_problem = f.LocalProblemFactory.create(status=ProblemStatus.SUBMITTED)
    return Records(
        voivodeship=voivodeship,
        municipality=municipality,
        ngo=ngo,
        firm=firm,
        town_hall=town_hall,
        person=person,
        partnership=partnership,
        internal_partnership=internal_partnership,
        funding=funding,
        programme=programme,
        internal_programme=internal_programme,
        project=project,
        internal_project=internal_project,
        event=event,
        internal_event=internal_event,
        problem=problem,
        submitted_problem=submitted_problem,
    )
