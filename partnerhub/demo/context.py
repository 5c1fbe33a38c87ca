"""What the demo cases share while they load: places, vocabularies and organisations.

Organisations that take part in several cases (FAL, the Marshal's Office, the
Świeradów-Czerniawa spa, …) are created once, on first use, from their entry in
``partnerhub.demo.organisations`` and then reused, so no case creates a duplicate.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

from partnerhub.demo.organisations import ORGANISATIONS
from partnerhub.demo.places import Place
from partnerhub.projects.models import ActivityType, TargetGroup
from partnerhub.registry.models import Organisation, ThematicArea
from partnerhub.registry.services import create_organisation
from partnerhub.territory.models import TerritorialUnit


class DemoContext:
    """A registry of the records created so far in one demo load."""

    def __init__(self) -> None:
        self.organisations: dict[str, Organisation] = {}
        self._units: dict[Place, TerritorialUnit] = {}

    def unit(self, place: Place) -> TerritorialUnit:
        """The territorial unit at ``place``; it must have been loaded by the territory loader."""
        if place not in self._units:
            self._units[place] = TerritorialUnit.objects.by_code(place.country, place.code)
        return self._units[place]

    def areas(self, *codes: str) -> list[ThematicArea]:
        """Thematic areas by code, in the order given; every code must exist."""
        return _by_codes(ThematicArea, codes)

    def area(self, code: str) -> ThematicArea:
        return ThematicArea.objects.get(code=code)

    def target_groups(self, *codes: str) -> list[TargetGroup]:
        return _by_codes(TargetGroup, codes)

    def activity_types(self, *codes: str) -> list[ActivityType]:
        return _by_codes(ActivityType, codes)

    def organisation(self, key: str) -> Organisation:
        """The organisation registered under ``key``, created through the registry service once."""
        if key not in self.organisations:
            spec = ORGANISATIONS[key]
            self.organisations[key] = create_organisation(
                name=spec.name,
                short_name=spec.short_name,
                sector=spec.sector,
                legal_form=spec.legal_form,
                country=spec.country,
                seat=self.unit(spec.seat) if spec.seat else None,
                address=spec.address,
                postal_code=spec.postal_code,
                description=spec.description,
                is_hub=spec.is_hub,
                areas=self.areas(*spec.areas),
            )
        return self.organisations[key]


TermT = TypeVar("TermT", ThematicArea, TargetGroup, ActivityType)


def _by_codes(model: type[TermT], codes: tuple[str, ...]) -> list[TermT]:
    found = {term.code: term for term in model.objects.filter(code__in=codes)}
    missing = sorted(set(codes) - set(found))
    if missing:
        raise LookupError(f"Unknown {model._meta.model_name} codes: {', '.join(missing)}")
    return [found[code] for code in codes]


def year_start(year: int) -> datetime.date:
    """The first day of ``year``, stored with ``period_precision="year"`` when only it is known."""
    return datetime.date(year, 1, 1)


def year_end(year: int) -> datetime.date:
    """The last day of ``year``: stored with ``period_precision="year"``."""
    return datetime.date(year, 12, 31)


def month_start(year: int, month: int) -> datetime.date:
    """The first day of a month: stored with ``period_precision="month"``."""
    return datetime.date(year, month, 1)
