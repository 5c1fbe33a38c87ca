"""Template filters of the public directory: links to records, money, figures and periods.

Numbers follow the reader's language: ``137476`` EUR reads "137 476,00 EUR" in Polish,
"137.476,00 EUR" in Slovenian and "137,476.00 EUR" in English.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from partnerhub.core.choices import DatePrecision, Sector
from partnerhub.core.records import record_url as _record_url
from partnerhub.results.quantities import format_quantity

register = template.Library()

EMPTY = "—"
NBSP = "\xa0"


@register.filter
def record_url(obj: Any) -> str:
    """The public page of a record ("" for a record without one)."""
    return _record_url(obj)


@register.filter
def grouped(value: Any) -> str:
    """A whole number with the reader's thousands separator: "1 000" in Polish."""
    if value is None or value == "":
        return EMPTY
    return number_format(value, force_grouping=True)


@register.filter
def figure(value: Decimal | int | None) -> str:
    """A measured quantity without needless decimals: 328, 12,5 (Polish), 1 000."""
    if value is None:
        return EMPTY
    number = Decimal(value)
    places = 0 if number == number.to_integral_value() else 2
    return number_format(number, decimal_pos=places, force_grouping=True)


@register.filter
def quantity(value: Decimal | int | None, unit: str) -> str:
    """A figure with its unit in the reader's plural form: "328 godzin", "22 godziny"."""
    if value is None:
        return EMPTY
    return format_quantity(figure(value), value, unit)


@register.filter
def money(value: Decimal | None, currency: str = "") -> str:
    """An amount with two decimals and its currency: "137 476,00 EUR" in Polish."""
    if value is None:
        return EMPTY
    amount = number_format(Decimal(value), decimal_pos=2, force_grouping=True)
    return f"{amount}{NBSP}{currency}" if currency else amount


@register.filter
def machine_number(value: Decimal | int | None) -> str:
    """A number for an attribute (``<meter value>``): never localised, "" when empty."""
    return "" if value is None else format(Decimal(value), "f")


_PRECISION_FORMATS: dict[str, str] = {
    DatePrecision.DAY: "SHORT_DATE_FORMAT",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.YEAR: "Y",
}


def _date(value: datetime.date, precision: str, *, after_preposition: bool = False) -> SafeString:
    if after_preposition and precision == DatePrecision.MONTH:
        # "od listopada 2014": Polish puts the month in the genitive after "od"/"do"
        # (Django's "E"); the translation of this format says which form a language takes.
        month_year = pgettext("date format of a month after 'from' or 'until'", "F Y")
        shown = date_format(value, month_year)
    else:
        shown = date_format(value, _PRECISION_FORMATS.get(precision, "SHORT_DATE_FORMAT"))
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), shown)


@register.filter
def period(record: Any) -> SafeString | str:
    """A record's period as known: "01-04-2021 – 30-09-2023", "2006 – 2010", "from 2014"."""
    start = getattr(record, "start", None)
    end = getattr(record, "end", None)
    precision = getattr(record, "period_precision", DatePrecision.DAY)
    if start and end:
        return format_html("{} – {}", _date(start, precision), _date(end, precision))
    if start:
        start_shown = _date(start, precision, after_preposition=True)
        return format_html(_("from {start}"), start=start_shown)
    if end:
        return format_html(_("until {end}"), end=_date(end, precision, after_preposition=True))
    return EMPTY


@register.filter
def day(value: datetime.date | None) -> SafeString | str:
    """A date in the reader's short format, machine-readable too."""
    return _date(value, DatePrecision.DAY) if value else EMPTY


@register.filter
def percent(share: Decimal | float | None) -> str:
    """A share (0–1) as a whole percentage: "82 %"."""
    if share is None:
        return EMPTY
    return _("{percent} %").format(percent=number_format(round(Decimal(share) * 100)))


@register.simple_tag
def current_section(path: str, *section_urls: str) -> str:
    """The section URL ``path`` lies in: the longest of ``section_urls`` it starts with."""
    within = [url for url in section_urls if url and path.startswith(url)]
    return max(within, key=len, default="")


@register.filter
def sector_names(codes: list[str]) -> str:
    """Sector codes as their names, comma-separated: "Private sector, Civil sector (NGO)"."""
    labels = dict(Sector.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


@register.filter
def with_targets(indicators: list[Any]) -> bool:
    """Whether any of the indicators has a target (else a progress column says nothing)."""
    return any(indicator.target for indicator in indicators)
