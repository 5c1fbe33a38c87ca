"""Writes of indicators, reported values and goals."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum

from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation
from partnerhub.results.models import Goal, Indicator, ReportedValue

IndicatorOwner = Project | Programme | Partnership
GoalOwner = Project | Programme | Partnership | Organisation


def _owner_field(owner: GoalOwner) -> str:
    return {
        Project: "project",
        Programme: "programme",
        Partnership: "partnership",
        Organisation: "organisation",
    }[type(owner)]


def add_indicator(owner: IndicatorOwner, *, by: Actor = None, **fields: Any) -> Indicator:
    """Attach an output or result indicator to a project, programme or partnership."""
    return save_validated(Indicator(**{_owner_field(owner): owner}, **fields), by=by)


def _sync_achieved(indicator: Indicator, *, by: Actor) -> None:
    """Keep ``achieved`` equal to the sum of the reported values (None when there are none)."""
    total = indicator.reported_values.aggregate(total=Sum("value"))["total"]
    if total != indicator.achieved:
        update_fields(indicator, {"achieved": total}, by=by)


def report_value(
    indicator: Indicator,
    reported_on: datetime.date,
    value: Decimal | int,
    *,
    note: str = "",
    by: Actor = None,
) -> ReportedValue:
    """Record a dated value; the indicator's ``achieved`` becomes the sum of its values."""
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
        reported = save_validated(
            ReportedValue(
                indicator=locked, reported_on=reported_on, value=Decimal(value), note=note
            ),
            by=by,
        )
        _sync_achieved(locked, by=by)
        indicator.achieved = locked.achieved
    return reported


def correct_value(reported: ReportedValue, *, by: Actor = None, **changes: Any) -> ReportedValue:
    """Correct a reported value (date, value, note); ``achieved`` follows."""
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=reported.indicator_id)
        update_fields(reported, changes, by=by)
        _sync_achieved(locked, by=by)
    return reported


def remove_value(reported: ReportedValue, *, by: Actor = None) -> None:
    """Remove a value reported by mistake; ``achieved`` follows."""
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=reported.indicator_id)
        delete_record(reported, by=by)
        _sync_achieved(locked, by=by)


def add_goal(owner: GoalOwner, *, by: Actor = None, **fields: Any) -> Goal:
    """Record a priority, an action-plan goal or an organisation's own goal."""
    return save_validated(Goal(**{_owner_field(owner): owner}, **fields), by=by)


def update_goal(goal: Goal, *, by: Actor = None, **changes: Any) -> Goal:
    return update_fields(goal, changes, by=by)


def update_indicator(indicator: Indicator, *, by: Actor = None, **changes: Any) -> Indicator:
    """Change an indicator's definition, target or figure on record."""
    return update_fields(indicator, changes, by=by)


def delete_indicator(indicator: Indicator, *, by: Actor = None) -> None:
    """Remove an indicator with its reported values (goals measured by it lose the link)."""
    delete_record(indicator, by=by)


def delete_goal(goal: Goal, *, by: Actor = None) -> None:
    """Remove a goal recorded by mistake (a goal given up is kept with status "dropped")."""
    delete_record(goal, by=by)
