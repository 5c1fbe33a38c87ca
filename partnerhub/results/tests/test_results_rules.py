"""Indicators, reported values and goals: every rule refused by validation and by the database."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from partnerhub.core.tests.factories import (
    GoalFactory,
    IndicatorFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammeFactory,
    ProjectFactory,
    ReportedValueFactory,
)
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.results.models import Goal, Indicator, ReportedValue

pytestmark = pytest.mark.django_db

ONE_OWNER = "Attach this to exactly one project, programme, partnership or organisation."
NEGATIVE = "This amount cannot be negative."


def test_an_indicator_needs_an_owner() -> None:
    indicator = Indicator(name="Osoby przeszkolone", unit="persons")
    assert error_messages(indicator.full_clean) == {"project": [ONE_OWNER]}


def test_an_indicator_has_only_one_owner() -> None:
    indicator = Indicator(
        name="Osoby przeszkolone",
        unit="persons",
        project=ProjectFactory.create(),
        programme=ProgrammeFactory.create(),
    )
    assert error_messages(indicator.full_clean) == {"project": [ONE_OWNER]}


@pytest.mark.parametrize("owner", ["project", "programme", "partnership"])
def test_any_one_owner_will_do(owner: str) -> None:
    factories = {
        "project": ProjectFactory,
        "programme": ProgrammeFactory,
        "partnership": PartnershipFactory,
    }
    Indicator(name="Wskaźnik", unit="persons", **{owner: factories[owner]()}).full_clean()


@pytest.mark.parametrize("owners", [(), ("project", "partnership")], ids=["none", "two"])
def test_the_database_refuses_an_indicator_without_exactly_one_owner(
    owners: tuple[str, ...],
) -> None:
    values: dict[str, object] = {"project": None, "programme": None, "partnership": None}
    values |= (
        {"project": ProjectFactory.create(), "partnership": PartnershipFactory.create()}
        if owners
        else {}
    )
    with violates("results_indicator_one_owner"):
        IndicatorFactory.create(**values)


@pytest.mark.parametrize("field", ["baseline", "target", "achieved"])
def test_indicator_figures_cannot_be_negative(field: str) -> None:
    indicator = IndicatorFactory.build(project=ProjectFactory.create(), **{field: Decimal("-1")})
    assert error_messages(indicator.full_clean) == {field: [NEGATIVE]}


@pytest.mark.parametrize("field", ["baseline", "target", "achieved"])
def test_the_database_refuses_negative_indicator_figures(field: str) -> None:
    with violates(f"results_indicator_{field}_not_negative"):
        IndicatorFactory.create(**{field: Decimal("-1")})


def test_a_reported_value_cannot_be_negative() -> None:
    value = ReportedValue(
        indicator=IndicatorFactory.create(),
        reported_on=datetime.date(2024, 6, 30),
        value=Decimal("-3"),
    )
    assert error_messages(value.full_clean) == {"value": [NEGATIVE]}


def test_the_database_refuses_a_negative_reported_value() -> None:
    with violates("results_reported_value_value_not_negative"):
        ReportedValueFactory.create(value=Decimal("-3"))


def test_a_goal_needs_an_owner() -> None:
    goal = Goal(title="Co najmniej jedno partnerstwo pilotażowe")
    assert error_messages(goal.full_clean) == {"project": [ONE_OWNER]}


def test_a_goal_has_only_one_owner() -> None:
    goal = Goal(
        title="Cel",
        organisation=OrganisationFactory.create(),
        partnership=PartnershipFactory.create(),
    )
    assert error_messages(goal.full_clean) == {"project": [ONE_OWNER]}


def test_an_organisation_may_own_a_goal() -> None:
    Goal(title="Cel ośrodka", organisation=OrganisationFactory.create()).full_clean()


@pytest.mark.parametrize("owners", [0, 2], ids=["none", "two"])
def test_the_database_refuses_a_goal_without_exactly_one_owner(owners: int) -> None:
    values: dict[str, object] = {"partnership": None}
    if owners:
        values = {
            "partnership": PartnershipFactory.create(),
            "organisation": OrganisationFactory.create(),
        }
    with violates("results_goal_one_owner"):
        GoalFactory.create(**values)
