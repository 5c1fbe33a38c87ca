"""A measured figure with its unit, in the reader's language and its plural forms.

"328 godzin", "22 godziny", "1 godzina" in Polish; "5 ur", "2 uri" in Slovenian. Units
that are symbols (per cent, currencies) take no plural.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.utils.translation import ngettext

from partnerhub.results.choices import Unit

# Each phrase written out, so makemessages finds every singular and plural.
PHRASES: dict[str, Callable[[int], str]] = {
    Unit.HOURS: lambda n: ngettext("%(figure)s hour", "%(figure)s hours", n),
    Unit.SESSIONS: lambda n: ngettext("%(figure)s session", "%(figure)s sessions", n),
    Unit.EVENTS: lambda n: ngettext("%(figure)s event", "%(figure)s events", n),
    Unit.ORGANISATIONS: lambda n: ngettext(
        "%(figure)s organisation", "%(figure)s organisations", n
    ),
    Unit.PERSONS: lambda n: ngettext("%(figure)s person", "%(figure)s persons", n),
    Unit.FIRMS: lambda n: ngettext("%(figure)s firm", "%(figure)s firms", n),
    Unit.GROUPS: lambda n: ngettext("%(figure)s group", "%(figure)s groups", n),
    Unit.PARTNERSHIPS: lambda n: ngettext("%(figure)s partnership", "%(figure)s partnerships", n),
    Unit.PROJECTS: lambda n: ngettext("%(figure)s project", "%(figure)s projects", n),
    Unit.DOCUMENTS: lambda n: ngettext("%(figure)s document", "%(figure)s documents", n),
    Unit.PLACES: lambda n: ngettext("%(figure)s place", "%(figure)s places", n),
    Unit.COUNTIES: lambda n: ngettext("%(figure)s county", "%(figure)s counties", n),
}
SYMBOLS: dict[str, str] = {Unit.PERCENT: "%", Unit.EUR: "EUR", Unit.PLN: "PLN"}
NBSP = "\xa0"


def plural_count(value: Decimal | int) -> int:
    """The number the plural form follows: the figure itself, or for a fraction a count
    that selects the form fractions take (the "few" form: "1,5 godziny", "1,5 ure")."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return int(number)
    return 3


def format_quantity(figure: str, value: Decimal | int, unit: str) -> str:
    """``figure`` (the value already formatted for the locale) with ``unit``."""
    if unit in SYMBOLS:
        return f"{figure}{NBSP}{SYMBOLS[unit]}"
    phrase = PHRASES.get(unit)
    if phrase is None:
        return f"{figure}{NBSP}{unit}"
    return phrase(plural_count(value)) % {"figure": figure}
