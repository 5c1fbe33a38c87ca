"""Goals counted from the records: a hub's "at least one pilot partnership"."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnerhub.core.tests.factories import (
    GoalFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
)
from partnerhub.formation.services import move_partnership_to_stage
from partnerhub.partnerships.choices import Stage
from partnerhub.results.choices import GoalMeasure
from partnerhub.results.models import Goal
from partnerhub.results.services import add_goal

pytestmark = pytest.mark.django_db

COUNTED = GoalMeasure.PARTNERSHIPS_IMPLEMENTING


def measured(goal: Goal) -> int | None:
    return measured_value(Goal.objects.with_measured_value().get(pk=goal.pk))


def measured_value(goal: Goal) -> int | None:
    """The annotation ``GoalQuerySet.with_measured_value()`` adds (not a model field)."""
    value: int | None = getattr(goal, "measured_value")  # noqa: B009
    return value


def test_partnerships_count_once_they_reach_implementation() -> None:
    hub = OrganisationFactory.create(is_hub=True)
    goal = add_goal(hub, title="Vsaj eno pilotno partnerstvo", measure=COUNTED, measure_target=1)
    pilot = PartnershipFactory.create(hub=hub, stage=Stage.FORMALISED)
    PartnershipFactory.create(hub=OrganisationFactory.create(is_hub=True), stage=Stage.IMPLEMENTING)
    assert measured(goal) == 0

    move_partnership_to_stage(pilot, Stage.IMPLEMENTING, by=None)
    assert measured(goal) == 1
    move_partnership_to_stage(pilot, Stage.CLOSED, by=None)
    assert measured(goal) == 1  # it did reach implementation
    PartnershipFactory.create(hub=hub, stage=Stage.SUSTAINING)
    assert measured(goal) == 2


def test_goals_without_a_measure_are_not_counted() -> None:
    goal = GoalFactory.create()
    assert measured(goal) is None


def test_measured_values_cost_one_query(django_assert_num_queries: object) -> None:
    hub = OrganisationFactory.create(is_hub=True)
    for _ in range(5):
        add_goal(hub, title="Cilj", measure=COUNTED, measure_target=2)
        PartnershipFactory.create(hub=hub, stage=Stage.IMPLEMENTING)
    with django_assert_num_queries(1):  # type: ignore[operator]
        values = [measured_value(g) for g in Goal.objects.with_measured_value()]
    assert values == [5] * 5


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"measure": COUNTED}, "measure_target"),
        ({"measure": COUNTED, "measure_target": 0}, "measure_target"),
        ({"measure_target": 1}, "measure"),
    ],
)
def test_a_counted_goal_needs_a_measure_and_a_target(
    fields: dict[str, Any], error_field: str
) -> None:
    hub = OrganisationFactory.create(is_hub=True)
    with pytest.raises(ValidationError) as error:
        add_goal(hub, title="Cilj", **fields)
    assert error_field in error.value.message_dict
    assert not Goal.objects.exists()


def test_only_an_organisations_goal_is_counted() -> None:
    project = ProjectFactory.create()
    with pytest.raises(ValidationError) as error:
        add_goal(project, title="Cilj", measure=COUNTED, measure_target=1)
    assert "Only an organisation's own goal is counted" in str(error.value)


def test_the_database_refuses_an_incomplete_measure() -> None:
    hub = OrganisationFactory.create(is_hub=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(organisation=hub, title="Cilj", measure=COUNTED)
