"""How a search for partners is asked: weights of the score's components, filters, size.

``parse_search_options()`` reads them from text (query parameters) and refuses bad input
with a ``ValidationError`` naming the parameter and saying what is accepted; nothing is
searched until every parameter is valid.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerhub.core.choices import Sector
from partnerhub.core.filters import MAX_ID
from partnerhub.matching.choices import Component, Radius
from partnerhub.territory.filters import resolve_units
from partnerhub.territory.models import TerritorialUnit

#: Default weights: what the work is about first, then where, then balance and experience.
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        Component.THEMATIC: 0.35,
        Component.TERRITORY: 0.25,
        Component.SECTOR: 0.15,
        Component.TRACK_RECORD: 0.15,
        Component.NETWORK: 0.10,
    }
)
DEFAULT_LIMIT, MAX_LIMIT = 10, 100
DEFAULT_SHORTLIST_SIZE, MAX_SHORTLIST_SIZE = 3, 20
MAX_EXCLUDED = 1_000

T = TypeVar("T")


@dataclass(frozen=True)
class Weights:
    """The weight of each component, normalised to sum to 1."""

    values: Mapping[str, float] = field(default_factory=lambda: Weights.from_mapping({}).values)

    @classmethod
    def from_mapping(cls, given: Mapping[str, float]) -> Weights:
        """``given`` replaces the defaults of the components it names, then all are normalised.

        Refuses unknown components, values that are not finite numbers, negative values,
        and weights that are all zero.
        """
        errors = []
        for name, value in given.items():
            if name not in Component.values:
                errors.append(
                    ValidationError(
                        _("Unknown score component “%(name)s”: use %(names)s."),
                        code="unknown_component",
                        params={"name": name, "names": ", ".join(Component.values)},
                    )
                )
            elif not math.isfinite(value):
                errors.append(
                    ValidationError(
                        _("The weight of %(name)s must be a number."),
                        code="not_a_number",
                        params={"name": name},
                    )
                )
            elif value < 0:
                errors.append(
                    ValidationError(
                        _("Weights cannot be negative (%(name)s: %(value)s)."),
                        code="negative",
                        params={"name": name, "value": f"{value:g}"},
                    )
                )
        if errors:
            raise ValidationError({"weights": errors})
        merged = {name: float(given.get(name, DEFAULT_WEIGHTS[name])) for name in Component.values}
        total = math.fsum(merged.values())
        if total <= 0:
            raise ValidationError(
                {
                    "weights": ValidationError(
                        _("At least one weight must be above zero."), code="all_zero"
                    )
                }
            )
        return cls(MappingProxyType({name: value / total for name, value in merged.items()}))

    @classmethod
    def parse(cls, text: str) -> Weights:
        """``"thematic:0.5,territory:0.3"`` → weights (components not named keep their default)."""
        given: dict[str, float] = {}
        for item in filter(None, (part.strip() for part in text.split(","))):
            name, colon, number = item.partition(":")
            try:
                value = float(number) if colon else math.nan
            except ValueError:
                value = math.nan
            if not colon or not name.strip():
                raise ValidationError(
                    {
                        "weights": ValidationError(
                            _(
                                "Give each weight as name:number, e.g. thematic:0.5 "
                                "(not “%(item)s”)."
                            ),
                            code="malformed",
                            params={"item": item[:64]},
                        )
                    }
                )
            given[name.strip()] = value
        return cls.from_mapping(given)

    def __getitem__(self, component: str) -> float:
        return self.values[component]


@dataclass(frozen=True)
class SearchOptions:
    """One search: weights, filters (sector, radius around the territory, excluded
    organisations) and how many results. ``territory`` replaces the target's own."""

    weights: Weights = field(default_factory=Weights)
    sector: str | None = None
    radius: str = Radius.ANY
    territory: TerritorialUnit | None = None
    exclude_ids: frozenset[int] = frozenset()
    limit: int = DEFAULT_LIMIT


def parse_whole_number(value: str, name: str, low: int, high: int) -> int:
    """A count given as text (``limit``, ``size``), from ``low`` to ``high``."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ValidationError(
            {
                name: ValidationError(
                    _("Give a whole number from %(low)d to %(high)d."),
                    code="out_of_range",
                    params={"low": low, "high": high},
                )
            }
        )
    return int(text)


def parse_territory(value: str) -> TerritorialUnit:
    """The unit a parameter names: its id, country and code (``PL:02``, ``SI:094``) or NUTS."""
    # Text with NUL characters names no unit (and PostgreSQL refuses it in a query).
    units = resolve_units(value) if "\x00" not in value else []
    if not units:
        raise ValidationError(
            {
                "territory": ValidationError(
                    _("No territorial unit matches “%(value)s”."),
                    code="unknown_territory",
                    params={"value": value[:64]},
                )
            }
        )
    if len(units) > 1:
        raise ValidationError(
            {
                "territory": ValidationError(
                    _(
                        "“%(value)s” names several territorial units: give the unit's id, or "
                        "its country and code (PL:02)."
                    ),
                    code="ambiguous_territory",
                    params={"value": value[:64]},
                )
            }
        )
    return units[0]


def parse_exclude_ids(value: str) -> frozenset[int]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    valid = all(p.isascii() and p.isdigit() and int(p) <= MAX_ID for p in parts)
    if len(parts) > MAX_EXCLUDED or not valid:
        raise ValidationError(
            {
                "exclude_ids": ValidationError(
                    _("Give up to %(max)d organisation ids, whole numbers separated by commas."),
                    code="invalid_ids",
                    params={"max": MAX_EXCLUDED},
                )
            }
        )
    return frozenset(int(p) for p in parts)


class _Parameters:
    """Text parameters read one by one, their errors gathered to be reported together."""

    def __init__(self, params: Mapping[str, str]) -> None:
        self.params = params
        self.errors: dict[str, list[ValidationError]] = {}

    def read(self, name: str, parser: Callable[[str], T], default: T) -> T:
        raw = str(self.params.get(name) or "").strip()
        if not raw:
            return default
        try:
            return parser(raw)
        except ValidationError as error:
            for key, messages in error.error_dict.items():
                self.errors.setdefault(key, []).extend(messages)
            return default


def parse_search_options(
    params: Mapping[str, str], *, max_limit: int = MAX_LIMIT, default_limit: int = DEFAULT_LIMIT
) -> SearchOptions:
    """Search options from text parameters; every bad one is reported, none is searched."""
    read = _Parameters(params)
    options = SearchOptions(
        weights=read.read("weights", Weights.parse, Weights()),
        sector=read.read("sector", _parse_sector, None),
        radius=read.read("radius", _parse_radius, Radius.ANY.value),
        territory=read.read("territory", parse_territory, None),
        exclude_ids=read.read("exclude_ids", parse_exclude_ids, frozenset()),
        limit=read.read(
            "limit", lambda v: parse_whole_number(v, "limit", 1, max_limit), default_limit
        ),
    )
    if read.errors:
        raise ValidationError(read.errors)
    return options


def _parse_sector(value: str) -> str | None:
    if value.strip() not in Sector.values:
        raise ValidationError(
            {
                "sector": ValidationError(
                    _("Unknown sector “%(value)s”: use %(choices)s."),
                    code="invalid_choice",
                    params={"value": value[:64], "choices": ", ".join(Sector.values)},
                )
            }
        )
    return value.strip()


def _parse_radius(value: str) -> str:
    if value.strip() not in Radius.values:
        raise ValidationError(
            {
                "radius": ValidationError(
                    _("Unknown radius “%(value)s”: use %(choices)s."),
                    code="invalid_choice",
                    params={"value": value[:64], "choices": ", ".join(Radius.values)},
                )
            }
        )
    return value.strip()
