"""Field-level checks shared by several models' ``clean()``.

The same rules are database constraints; these give the user the message on the field
that is wrong (Django then skips the matching constraint check for that field).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

END_BEFORE_START = _("The end date cannot be before the start date.")
NEGATIVE_AMOUNT = _("This amount cannot be negative.")


def check_period(
    errors: dict[str, list[ValidationError]],
    start: datetime.date | None,
    end: datetime.date | None,
    end_field: str = "end",
) -> None:
    """Add an error on ``end_field`` when the period ends before it starts."""
    if start is not None and end is not None and end < start:
        errors.setdefault(end_field, []).append(
            ValidationError(END_BEFORE_START, code="end_before_start")
        )


def check_not_negative(
    errors: dict[str, list[ValidationError]], values: dict[str, Decimal | int | None]
) -> None:
    """Add an error on every field whose amount is below zero."""
    for field, value in values.items():
        if value is not None and value < 0:
            errors.setdefault(field, []).append(ValidationError(NEGATIVE_AMOUNT, code="negative"))


def raise_if(errors: dict[str, list[ValidationError]]) -> None:
    if errors:
        raise ValidationError(errors)
