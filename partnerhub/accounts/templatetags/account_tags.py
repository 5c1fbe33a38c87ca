"""Template filters of the accounts pages."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def duration(value: datetime.timedelta | None) -> str:
    """A length of time in words, in the active language: "1 hour", "2 days, 3 hours"."""
    if not value:
        return ""
    now = timezone.now()
    return timesince(now, now + value)
