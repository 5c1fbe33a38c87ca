"""Results services: reported values add up to what was achieved; goals and indicators attach."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.services import update_fields
from partnerhub.core.tests.factories import (
    IndicatorFactory,
    OrganisationFactory,
    ProgrammeFactory,
)
from partnerhub.results.models import Indicator, ReportedValue
from partnerhub.results.services import (
    add_goal,
    add_indicator,
    correct_value,
    remove_value,
    report_value,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_achieved_is_the_sum_of_the_reported_values() -> None:
    indicator = IndicatorFactory.create(achieved=None)
    report_value(indicator, D(2024, 3, 31), 10)
    report_value(indicator, D(2024, 6, 30), Decimal("7.5"))

    assert indicator.achieved == Decimal("17.5")  # the caller's copy is brought up to date
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("17.5")
    assert indicator.progress == Decimal("17.5") / Decimal("40")


def test_achieved_replaces_a_figure_typed_before_values_were_reported() -> None:
    indicator = IndicatorFactory.create(achieved=Decimal("100"))
    report_value(indicator, D(2024, 3, 31), 4)
    indicator.refresh_from_db()
    assert indicator.achieved == 4


def test_a_refused_value_writes_nothing_and_keeps_achieved() -> None:
    indicator = IndicatorFactory.create(achieved=None)
    report_value(indicator, D(2024, 3, 31), 10)
    with pytest.raises(ValidationError) as caught:
        report_value(indicator, D(2024, 6, 30), -1)
    assert caught.value.message_dict == {"value": ["This amount cannot be negative."]}
    assert ReportedValue.objects.count() == 1
    indicator.refresh_from_db()
    assert indicator.achieved == 10


def test_achieved_follows_a_corrected_and_a_removed_value() -> None:
    indicator = IndicatorFactory.create(achieved=None)
    first = report_value(indicator, D(2024, 3, 31), 10)
    second = report_value(indicator, D(2024, 6, 30), 5)

    correct_value(first, value=Decimal("12"))
    indicator.refresh_from_db()
    assert indicator.achieved == 17

    remove_value(second)
    indicator.refresh_from_db()
    assert indicator.achieved == 12

    remove_value(first)
    indicator.refresh_from_db()
    assert indicator.achieved is None


def test_a_refused_correction_changes_nothing() -> None:
    indicator = IndicatorFactory.create(achieved=None)
    reported = report_value(indicator, D(2024, 3, 31), 10)
    with pytest.raises(ValidationError):
        correct_value(reported, value=Decimal("-3"))
    reported.refresh_from_db()
    indicator.refresh_from_db()
    assert reported.value == 10
    assert indicator.achieved == 10


def test_an_indicator_is_attached_to_its_owner() -> None:
    programme = ProgrammeFactory.create()
    indicator = add_indicator(
        programme, name="Partnerstwa zawiązane", unit="partnerships", target=3
    )
    saved = Indicator.objects.get(pk=indicator.pk)
    assert (saved.owner, saved.project, saved.partnership) == (programme, None, None)


def test_a_goal_is_attached_to_an_organisation() -> None:
    hub = OrganisationFactory.create(is_hub=True)
    goal = add_goal(hub, title="Co najmniej jedno partnerstwo pilotażowe")
    assert goal.owner == hub
    assert list(hub.goals.all()) == [goal]


def test_achieved_cannot_be_set_over_reported_values_by_any_client() -> None:
    indicator = IndicatorFactory.create(achieved=None)
    report_value(indicator, D(2024, 3, 31), 10)
    indicator.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        update_fields(indicator, {"achieved": Decimal("999")})
    assert list(caught.value.message_dict) == ["achieved"]
    indicator.refresh_from_db()
    assert indicator.achieved == 10
