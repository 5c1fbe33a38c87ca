"""Where synthetic organisations sit: real territorial units, weighted by population.

A country's organisations are spread over its regions (Polish voivodeships, Slovenian
statistical regions) by population. Within a region an organisation sits in a loaded
municipality when there is one, else at the region itself: Poland's share at municipality
level is what the loaded municipalities would hold of the whole voivodeship (all of it once
the TERC register is imported), Slovenia's 212 municipalities are all shipped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import accumulate

from partnerhub.synthetic import distributions as dist
from partnerhub.territory.choices import Level
from partnerhub.territory.models import PATH_SEPARATOR, TerritorialUnit

# The average weight of a Polish municipality that is not a city with county rights.
PL_AVERAGE_MUNICIPALITY_WEIGHT = 1.6


class MissingTerritoriesError(Exception):
    """The regions of Poland or Slovenia are not in the database."""


@dataclass(frozen=True)
class Seat:
    """A unit an organisation can sit in."""

    unit_id: int
    name: str
    code: str
    is_municipality: bool
    is_big_city: bool = False


@dataclass
class Region:
    """A voivodeship or statistical region with the seats within it."""

    index: int
    country: str
    unit_id: int
    code: str
    name: str
    path: str
    seats: list[Seat] = field(default_factory=list)
    cum_weights: list[float] = field(default_factory=list)

    def pick_seat(self, rng: random.Random) -> Seat:
        return rng.choices(self.seats, cum_weights=self.cum_weights)[0]


class Places:
    """The regions of Poland and Slovenia with weighted seats, read once from the database."""

    def __init__(self, regions: list[Region], region_weights: dict[str, list[float]]) -> None:
        self.regions = regions
        self.by_country = {
            country: [r for r in regions if r.country == country] for country in region_weights
        }
        self._cum = {c: list(accumulate(w)) for c, w in region_weights.items()}

    @classmethod
    def load(cls) -> Places:
        units = list(
            TerritorialUnit.objects.filter(country__in=["PL", "SI"]).order_by("country", "path")
        )
        regions: list[Region] = []
        weights: dict[str, list[float]] = {"PL": [], "SI": []}
        for unit in units:
            if unit.level == Level.VOIVODESHIP and unit.code in dist.VOIVODESHIPS:
                population = dist.VOIVODESHIPS[unit.code][0]
                factor = dist.VOIVODESHIP_NGO_FACTOR.get(unit.code, 1.0)
                weights["PL"].append(population * factor)
            elif unit.level == Level.STATISTICAL_REGION and unit.code in dist.SI_REGIONS:
                weights["SI"].append(float(dist.SI_REGIONS[unit.code]))
            else:
                continue
            regions.append(
                Region(len(regions), unit.country, unit.pk, unit.code, unit.name, unit.path)
            )
        if not weights["PL"] or not weights["SI"]:
            raise MissingTerritoriesError
        for region in regions:
            _add_seats(region, units)
        return cls(regions, weights)

    def pick_region(self, rng: random.Random, country: str) -> Region:
        return rng.choices(self.by_country[country], cum_weights=self._cum[country])[0]

    def region_by_code(self, country: str, code: str) -> Region | None:
        return next((r for r in self.by_country[country] if r.code == code), None)


def _add_seats(region: Region, units: list[TerritorialUnit]) -> None:
    prefix = region.path + PATH_SEPARATOR
    seats: list[Seat] = []
    weights: list[float] = []
    for unit in units:
        if unit.level != Level.MUNICIPALITY or not unit.path.startswith(prefix):
            continue
        weight, is_city = _municipality_weight(unit)
        if weight:
            seats.append(Seat(unit.pk, unit.name, unit.code, True, is_city))
            weights.append(weight)
    loaded = sum(weights)
    if region.country == "PL":
        _, municipalities, city_counties = dist.VOIVODESHIPS[region.code]
        expected = (
            municipalities - city_counties
        ) * PL_AVERAGE_MUNICIPALITY_WEIGHT + city_counties * dist.PL_CITY_COUNTY_WEIGHT
        at_region = max(0.0, expected - loaded)
    else:
        at_region = 0.0 if seats else 1.0
    if at_region > 0:
        seats.append(Seat(region.unit_id, region.name, region.code, False))
        weights.append(at_region)
    region.seats = seats
    region.cum_weights = list(accumulate(weights))


def _municipality_weight(unit: TerritorialUnit) -> tuple[float, bool]:
    """How many organisations a municipality draws, and whether it is a city."""
    if unit.country == "SI":
        urban = dist.SI_URBAN_MUNICIPALITIES.get(unit.code)
        return (urban or 1.0), urban is not None
    weight = dist.PL_MUNICIPALITY_TYPE_WEIGHTS.get(unit.municipality_type, 0.0)
    # Codes 61–99 in the county part are cities with county rights (Wrocław is 0264011).
    if weight and unit.code[2:4] >= "61":
        return dist.PL_CITY_COUNTY_WEIGHT, True
    return weight, False
