"""Template tags of forming partnerships: balance warnings where a partnership is shown."""

from __future__ import annotations

from django import template

from partnerhub.formation.selectors import BalanceWarning, check_balance
from partnerhub.partnerships.models import Partnership

register = template.Library()


@register.simple_tag
def balance_warnings(partnership: Partnership) -> list[BalanceWarning]:
    """``{% balance_warnings partnership as warnings %}``: what to fix in its mix of sectors."""
    return check_balance(partnership)
