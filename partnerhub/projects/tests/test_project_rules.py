"""Programmes, projects and their partners: rules refused by validation and by the database."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.tests.factories import (
    ActivityTypeFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.projects.services import (
    add_project_partner,
    create_programme,
    create_project,
    update_project,
)

pytestmark = pytest.mark.django_db

D = datetime.date
END_BEFORE_START = "The end date cannot be before the start date."
NEGATIVE = "This amount cannot be negative."
GRANT_ABOVE_COST = "The grant cannot exceed the total cost."


def test_a_project_cannot_end_before_it_starts() -> None:
    errors = error_messages(
        lambda: create_project(title="Akademia lidera", start=D(2024, 5, 1), end=D(2024, 4, 30))
    )
    assert errors == {"end": [END_BEFORE_START]}
    assert not Project.objects.exists()


def test_the_database_refuses_a_project_ending_before_it_starts() -> None:
    with violates("projects_project_end_after_start"):
        ProjectFactory.create(start=D(2024, 5, 1), end=D(2024, 4, 30))


def test_the_grant_cannot_exceed_the_total_cost() -> None:
    errors = error_messages(
        lambda: create_project(
            title="Szkolenia", total_cost=Decimal("1000"), grant=Decimal("1000.01")
        )
    )
    assert errors == {"grant": [GRANT_ABOVE_COST]}


def test_the_grant_may_cover_the_whole_cost() -> None:
    project = create_project(title="Szkolenia", total_cost=Decimal("1000"), grant=Decimal("1000"))
    assert project.grant_rate == 1


def test_the_database_refuses_a_grant_above_the_total_cost() -> None:
    with violates("projects_project_grant_within_cost"):
        ProjectFactory.create(total_cost=Decimal("1000"), grant=Decimal("1000.01"))


@pytest.mark.parametrize("field", ["total_cost", "grant", "cofinancing"])
def test_project_money_cannot_be_negative(field: str) -> None:
    project = ProjectFactory.create(total_cost=None, grant=None, cofinancing=None)
    negative: dict[str, Any] = {field: Decimal("-0.01")}
    errors = error_messages(lambda: update_project(project, **negative))
    assert errors == {field: [NEGATIVE]}
    project.refresh_from_db()
    assert getattr(project, field) is None


def test_a_negative_grant_is_reported_once_not_also_as_above_the_cost() -> None:
    errors = error_messages(
        lambda: create_project(title="X", total_cost=Decimal("-10"), grant=Decimal("-5"))
    )
    assert errors == {"total_cost": [NEGATIVE], "grant": [NEGATIVE]}


@pytest.mark.parametrize("field", ["total_cost", "grant", "cofinancing"])
def test_the_database_refuses_negative_project_money(field: str) -> None:
    values = {"total_cost": None, "grant": None, "cofinancing": None, field: Decimal("-1")}
    with violates(f"projects_project_{field}_not_negative"):
        ProjectFactory.create(**values)


def test_a_programme_cannot_end_before_it_starts() -> None:
    errors = error_messages(
        lambda: create_programme(title="Program rozwoju", start=D(2027, 1, 1), end=D(2021, 1, 1))
    )
    assert errors == {"end": [END_BEFORE_START]}
    assert not Programme.objects.exists()


def test_the_database_refuses_a_programme_ending_before_it_starts() -> None:
    with violates("projects_programme_end_after_start"):
        ProgrammeFactory.create(start=D(2027, 1, 1), end=D(2021, 1, 1))


def test_an_organisation_is_a_partner_of_a_project_once() -> None:
    partner = ProjectPartnerFactory.create()
    errors = error_messages(lambda: add_project_partner(partner.project, partner.organisation))
    assert errors == {"__all__": ["This organisation is already a partner of this project."]}
    assert ProjectPartner.objects.count() == 1


def test_the_database_refuses_a_project_partner_twice() -> None:
    partner = ProjectPartnerFactory.create()
    with violates("projects_partner_unique"):
        ProjectPartnerFactory.create(project=partner.project, organisation=partner.organisation)


def test_a_partner_budget_share_cannot_be_negative() -> None:
    errors = error_messages(
        lambda: add_project_partner(
            ProjectFactory.create(), OrganisationFactory.create(), budget_share=Decimal("-5")
        )
    )
    assert errors == {"budget_share": [NEGATIVE]}


def test_the_database_refuses_a_negative_budget_share() -> None:
    with violates("projects_partner_budget_share_not_negative"):
        ProjectPartnerFactory.create(budget_share=Decimal("-5"))


def test_an_invalid_project_writes_neither_itself_nor_its_activity_types() -> None:
    with pytest.raises(ValidationError):
        create_project(
            title="X",
            start=D(2024, 5, 1),
            end=D(2024, 4, 30),
            activity_types=[ActivityTypeFactory.create()],
        )
    assert not Project.objects.exists()
    assert not Project.activity_types.through.objects.exists()


def test_a_project_source_must_be_a_web_address() -> None:
    project = ProjectFactory.build(source_url="ftp://grants.example.org/card/1")
    errors = error_messages(project.full_clean)
    assert "source_url" in errors
    assert "Only http:// and https:// addresses are allowed." in errors["source_url"]
