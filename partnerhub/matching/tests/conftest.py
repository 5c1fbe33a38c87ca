"""A small territory tree, the shipped thematic areas, and a fresh index for every test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils import translation

from partnerhub.core.tests.factories import TerritorialUnitFactory
from partnerhub.matching.index import clear_index
from partnerhub.registry.models import ThematicArea
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit


@pytest.fixture(autouse=True)
def _fresh_index() -> Iterator[None]:
    """Each test's database is new (rolled back after the last), so is its index."""
    clear_index()
    yield
    clear_index()


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Reasons are compared in English; an API request may switch the language."""
    with translation.override("en"):
        yield
    translation.activate(settings.LANGUAGE_CODE)


@dataclass
class Places:
    slovenia: TerritorialUnit
    primorsko_notranjska: TerritorialUnit
    postojna: TerritorialUnit
    pivka: TerritorialUnit
    osrednjeslovenska: TerritorialUnit
    ljubljana: TerritorialUnit
    poland: TerritorialUnit
    dolnoslaskie: TerritorialUnit
    walbrzyski: TerritorialUnit
    walim: TerritorialUnit
    gluszyca: TerritorialUnit
    wroclaw_county: TerritorialUnit
    wroclaw: TerritorialUnit


def _unit(
    country: str, level: str, code: str, name: str, parent: TerritorialUnit | None = None
) -> TerritorialUnit:
    return TerritorialUnitFactory.create(
        country=country, level=level, code=code, name=name, parent=parent
    )


@pytest.fixture
def places(db: None) -> Places:
    """Slovenia (region → municipality) and Poland (voivodeship → county → municipality)."""
    si = _unit("SI", Level.COUNTRY, "SI", "Slovenija")
    pn = _unit("SI", Level.STATISTICAL_REGION, "SI044", "Primorsko-notranjska", si)
    os_ = _unit("SI", Level.STATISTICAL_REGION, "SI041", "Osrednjeslovenska", si)
    pl = _unit("PL", Level.COUNTRY, "PL", "Polska")
    ds = _unit("PL", Level.VOIVODESHIP, "02", "dolnośląskie", pl)
    walbrzyski = _unit("PL", Level.COUNTY, "0221", "powiat wałbrzyski", ds)
    wroclaw_county = _unit("PL", Level.COUNTY, "0264", "Wrocław (county)", ds)
    return Places(
        slovenia=si,
        primorsko_notranjska=pn,
        postojna=_unit("SI", Level.MUNICIPALITY, "094", "Postojna", pn),
        pivka=_unit("SI", Level.MUNICIPALITY, "091", "Pivka", pn),
        osrednjeslovenska=os_,
        ljubljana=_unit("SI", Level.MUNICIPALITY, "061", "Ljubljana", os_),
        poland=pl,
        dolnoslaskie=ds,
        walbrzyski=walbrzyski,
        walim=_unit("PL", Level.MUNICIPALITY, "0221042", "Walim", walbrzyski),
        gluszyca=_unit("PL", Level.MUNICIPALITY, "0221033", "Głuszyca", walbrzyski),
        wroclaw_county=wroclaw_county,
        wroclaw=_unit("PL", Level.MUNICIPALITY, "0264011", "Wrocław", wroclaw_county),
    )


@dataclass
class Areas:
    seniors: ThematicArea
    local_development: ThematicArea
    tourism: ThematicArea
    culture: ThematicArea


@pytest.fixture
def areas(db: None) -> Areas:
    """Terms of the shipped vocabulary (loaded by a migration)."""
    by_code = ThematicArea.objects.in_bulk(
        ["seniors", "local-development", "tourism", "culture"], field_name="code"
    )
    return Areas(
        seniors=by_code["seniors"],
        local_development=by_code["local-development"],
        tourism=by_code["tourism"],
        culture=by_code["culture"],
    )
