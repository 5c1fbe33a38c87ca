"""How one exported value is written in CSV, XLSX and JSON, safely.

CSV and formula injection: a spreadsheet reads a text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (or their full-width forms) as a formula, so such
a text is written with a leading apostrophe: ``=HYPERLINK("http://evil")`` becomes
``'=HYPERLINK("http://evil")``. Only text is neutralised. A value of a numeric column
(``Decimal``, ``int``) is written as a plain number, ``-5.00`` included: a bare number
cannot carry a formula, and mangling it would break every reader of the data. In XLSX
numbers are number cells and dates are date cells. JSON is not read by spreadsheets and
keeps every text as it is; its decimals are strings (``"137476.00"``), as the API writes
them, so no reader loses a cent to floating point.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from partnerhub.opendata.specs.base import LIST_SEPARATOR

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters XML 1.0 cannot carry at all (IATI output).
XML_ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a formula trigger gets a ``'`` before it."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def number_text(value: Decimal) -> str:
    """A decimal in plain notation with its places (``137476.00``, never ``1.3E+5``)."""
    return format(value, "f")


def _joined(items: list[Any]) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)


def csv_cell(value: Any) -> str:
    """The text of one CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list):
        return neutralise(_joined(value))
    return neutralise(str(value))


def xlsx_cell(value: Any) -> Any:
    """The value of one XLSX cell: numbers and dates typed, text neutralised."""
    if value is None or isinstance(value, bool | int | Decimal | float):
        return value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: local time of the site.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    text = _joined(value) if isinstance(value, list) else str(value)
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", text))


def json_value(value: Any) -> Any:
    """A value as JSON carries it: decimals and dates as strings, lists as arrays."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(item) for item in value]
    return str(value)


def xml_text(value: object) -> str:
    """Text that XML 1.0 can carry (control characters removed)."""
    return XML_ILLEGAL_CHARACTERS_RE.sub("", str(value))
