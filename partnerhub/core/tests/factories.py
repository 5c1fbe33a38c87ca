"""factory_boy factories for every model, shared by all domains' tests.

Factories write with ``objects.create()`` (no validation), so tests can build any state,
including the invalid ones the database must refuse. By default every record is valid:
dates are fixed (never today's), money adds up, organisations carry no registry ids. The
``polish_ids`` and ``slovenian`` traits give organisations ids with correct check digits.
"""

from __future__ import annotations

import datetime
import importlib
import itertools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import factory
from django.contrib.auth.models import Group, User
from django.db import models
from factory.django import DjangoModelFactory
from stdnum.pl import regon
from stdnum.si import ddv, maticna

from partnerhub.access.choices import Role
from partnerhub.access.models import RoleAssignment
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.events.choices import AttendanceSector, EventType
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.partnerships.choices import MemberRole, PartnershipKind
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.projects.choices import Instrument, PartnerRole
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.registry.choices import LegalForm
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea
from partnerhub.results.choices import Unit
from partnerhub.results.models import Goal, Indicator, ReportedValue
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

ModelT = TypeVar("ModelT", bound=models.Model)
VocabularyT = TypeVar("VocabularyT", ThematicArea, ActivityType, TargetGroup)

# --- registry ids with correct check digits ------------------------------------------

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def nip_check_digit(body: str) -> str | None:
    """The NIP check digit for 9 digits, or None when no digit fits (remainder 10)."""
    remainder = sum(w * int(d) for w, d in zip(NIP_WEIGHTS, body, strict=True)) % 11
    return None if remainder == 10 else str(remainder)


def _with_check_digit(
    start: int,
    body_length: int,
    check_digit: Callable[[str], str | None],
    is_valid: Callable[[str], bool],
) -> str:
    """The first number from ``start`` on whose body and check digit form a valid id."""
    for number in itertools.count(start):
        body = f"{number % 10**body_length:0{body_length}d}"
        digit = check_digit(body)
        if digit is not None and is_valid(body + digit):
            return body + digit
    raise AssertionError("unreachable")  # pragma: no cover


# Each sequence number gets its own window of candidates, so ids never repeat.
def valid_nip(n: int) -> str:
    return _with_check_digit(521_000_000 + 13 * n, 9, nip_check_digit, lambda v: True)


def valid_regon(n: int) -> str:
    return _with_check_digit(
        14_000_000 + 13 * n, 8, lambda b: str(regon.calc_check_digit(b)), regon.is_valid
    )


def valid_krs(n: int) -> str:
    return f"{1_000_000 + n:010d}"


def valid_maticna(n: int) -> str:
    return _with_check_digit(
        500_000 + 13 * n, 6, lambda b: str(maticna.calc_check_digit(b)), maticna.is_valid
    )


def valid_si_tax_number(n: int) -> str:
    return _with_check_digit(
        5_000_000 + 13 * n, 7, lambda b: str(ddv.calc_check_digit(b)), ddv.is_valid
    )


def _set_m2m(field: str) -> Any:
    """A post-generation hook: ``Factory(areas=[...])`` sets the many-to-many field."""

    def hook(
        obj: models.Model, create: bool, extracted: Iterable[Any] | None, **kwargs: Any
    ) -> None:
        if create and extracted:
            getattr(obj, field).set(extracted)

    return factory.PostGeneration(hook)


class BaseFactory(DjangoModelFactory[ModelT]):
    """Typed by its model: ``OrganisationFactory.create()`` returns an ``Organisation``."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True


# --- accounts and territory ------------------------------------------------------------


class UserFactory(BaseFactory[User]):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class GroupFactory(BaseFactory[Group]):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"group {n}")


class TerritorialUnitFactory(BaseFactory[TerritorialUnit]):
    """A Polish municipality without a parent (enough for foreign keys in other domains)."""

    class Meta:
        model = TerritorialUnit

    country = "PL"
    level = Level.MUNICIPALITY
    code = factory.Sequence(lambda n: f"{9_000_000 + n:07d}")
    name = factory.Sequence(lambda n: f"Gmina Testowa {n}")


# --- vocabularies ------------------------------------------------------------------------


class VocabularyFactory(BaseFactory[VocabularyT]):
    class Meta:
        abstract = True

    # The shipped terms are loaded by a migration; test terms never share their codes.
    code = factory.Sequence(lambda n: f"test-term-{n}")
    name_en = factory.Sequence(lambda n: f"Term {n}")
    name_pl = factory.Sequence(lambda n: f"Termin {n}")
    name_sl = factory.Sequence(lambda n: f"Izraz {n}")


class ThematicAreaFactory(VocabularyFactory[ThematicArea]):
    class Meta:
        model = ThematicArea


class ActivityTypeFactory(VocabularyFactory[ActivityType]):
    class Meta:
        model = ActivityType


class TargetGroupFactory(VocabularyFactory[TargetGroup]):
    class Meta:
        model = TargetGroup


# --- registry ----------------------------------------------------------------------------


class OrganisationFactory(BaseFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Stowarzyszenie Testowe {n}")
    sector = Sector.CIVIL
    legal_form = LegalForm.ASSOCIATION
    country = "PL"
    areas = _set_m2m("areas")

    class Params:
        polish_ids = factory.Trait(
            krs=factory.Sequence(valid_krs),
            nip=factory.Sequence(valid_nip),
            regon=factory.Sequence(valid_regon),
        )
        slovenian = factory.Trait(
            name=factory.Sequence(lambda n: f"Društvo Testno {n}"),
            country="SI",
            si_registration_number=factory.Sequence(valid_maticna),
            si_tax_number=factory.Sequence(valid_si_tax_number),
        )


class PersonFactory(BaseFactory[Person]):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Anna{n}")
    last_name = factory.Sequence(lambda n: f"Kowalska{n}")
    email = factory.LazyAttribute(lambda p: f"{p.first_name.lower()}@example.org")
    areas = _set_m2m("areas")


class AffiliationFactory(BaseFactory[Affiliation]):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "coordinator"
    start = datetime.date(2020, 1, 1)


# --- partnerships ------------------------------------------------------------------------


class PartnershipFactory(BaseFactory[Partnership]):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnerstwo Lokalne {n}")
    kind = PartnershipKind.LOCAL_PARTNERSHIP
    start = datetime.date(2020, 1, 1)
    areas = _set_m2m("areas")


class MembershipFactory(BaseFactory[Membership]):
    """An organisation's open membership; pass ``organisation=None, person=...`` for a person."""

    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    person = None
    role = MemberRole.PARTNER
    joined = datetime.date(2020, 1, 1)


# --- programmes and projects -------------------------------------------------------------


class FundingProgrammeFactory(BaseFactory[FundingProgramme]):
    class Meta:
        model = FundingProgramme

    name = factory.Sequence(lambda n: f"Funding programme {n}")
    instrument = Instrument.ESF
    period = "2021-2027"


class ProgrammeFactory(BaseFactory[Programme]):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Programme {n}")
    start = datetime.date(2021, 1, 1)
    end = datetime.date(2027, 12, 31)


class ProjectFactory(BaseFactory[Project]):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    start = datetime.date(2024, 1, 1)
    end = datetime.date(2024, 12, 31)
    total_cost = Decimal("100000.00")
    grant = Decimal("85000.00")
    cofinancing = Decimal("15000.00")
    activity_types = _set_m2m("activity_types")


class ProjectPartnerFactory(BaseFactory[ProjectPartner]):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = PartnerRole.PARTNER


# --- results -----------------------------------------------------------------------------


class IndicatorFactory(BaseFactory[Indicator]):
    """An output indicator of a project; pass ``project=None, programme=...`` to move it."""

    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"People trained {n}")
    unit = Unit.PERSONS
    target = Decimal("40")


class ReportedValueFactory(BaseFactory[ReportedValue]):
    class Meta:
        model = ReportedValue

    indicator = factory.SubFactory(IndicatorFactory)
    reported_on = datetime.date(2024, 6, 30)
    value = Decimal("10")


class GoalFactory(BaseFactory[Goal]):
    class Meta:
        model = Goal

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"At least one pilot partnership {n}")


# --- events and consultation -------------------------------------------------------------


class EventFactory(BaseFactory[Event]):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Workshop {n}")
    event_type = EventType.WORKSHOP
    start = datetime.date(2024, 3, 1)
    end = datetime.date(2024, 3, 1)
    duration_hours = Decimal("6")


class AttendanceCountFactory(BaseFactory[AttendanceCount]):
    class Meta:
        model = AttendanceCount

    event = factory.SubFactory(EventFactory)
    sector = AttendanceSector.CIVIL
    count = 12


class RegistrationFactory(BaseFactory[Registration]):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)


class LocalProblemFactory(BaseFactory[LocalProblem]):
    class Meta:
        model = LocalProblem

    title = factory.Sequence(lambda n: f"No public transport to the village {n}")


# --- access ---------------------------------------------------------------------------


class RoleAssignmentFactory(BaseFactory[RoleAssignment]):
    """A representative of a new organisation (pass ``role``/``partnership`` for others)."""

    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.REPRESENTATIVE
    organisation = factory.SubFactory(OrganisationFactory)


FACTORIES: tuple[type[BaseFactory[Any]], ...] = (
    UserFactory,
    GroupFactory,
    TerritorialUnitFactory,
    ThematicAreaFactory,
    ActivityTypeFactory,
    TargetGroupFactory,
    OrganisationFactory,
    PersonFactory,
    AffiliationFactory,
    PartnershipFactory,
    MembershipFactory,
    FundingProgrammeFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    IndicatorFactory,
    ReportedValueFactory,
    GoalFactory,
    EventFactory,
    AttendanceCountFactory,
    RegistrationFactory,
    LocalProblemFactory,
    RoleAssignmentFactory,
)


def factory_for(model: type[models.Model]) -> type[BaseFactory[Any]]:
    """The factory that builds ``model`` (every model has one): here, or in its app's
    ``tests/factories.py`` (apps added later keep their factories with them)."""
    for candidate in FACTORIES:
        if candidate._meta.model is model:
            return candidate
    try:
        module = importlib.import_module(f"partnerhub.{model._meta.app_label}.tests.factories")
    except ModuleNotFoundError:
        module = None
    for candidate in vars(module).values() if module else ():
        if (
            isinstance(candidate, type)
            and issubclass(candidate, factory.django.DjangoModelFactory)
            and candidate._meta.model is model
        ):
            return candidate
    raise LookupError(
        f"No factory for {model._meta.label}: add one to its app's tests/factories.py"
    )
