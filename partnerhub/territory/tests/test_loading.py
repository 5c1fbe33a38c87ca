"""Loading the shipped territorial units: base data, case units, idempotence, paths."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from partnerhub.territory.choices import Level, MunicipalityType
from partnerhub.territory.models import TerritorialUnit
from partnerhub.territory.services import (
    TerritoryDataError,
    load_base_territories,
    load_case_territories,
    load_territories,
    save_unit,
)

pytestmark = pytest.mark.django_db

SNAPSHOT_FIELDS = (
    "country",
    "level",
    "code",
    "name",
    "municipality_type",
    "nuts_code",
    "parent_id",
    "path",
)


def snapshot() -> list[tuple[object, ...]]:
    return list(TerritorialUnit.objects.order_by("pk").values_list("pk", *SNAPSHOT_FIELDS))


def unit(country: str, code: str) -> TerritorialUnit:
    return TerritorialUnit.objects.select_related("parent").by_code(country, code)


def test_base_territories_come_from_pycountry_and_nuts() -> None:
    load_base_territories()

    assert set(TerritorialUnit.objects.at_level(Level.COUNTRY).values_list("code", flat=True)) == {
        "PL",
        "SI",
        "PT",
        "IT",
        "HR",
        "HU",
    }
    assert unit("PL", "PL").name == "Poland"

    dolnoslaskie = unit("PL", "02")
    assert dolnoslaskie.name == "Dolnośląskie"
    assert dolnoslaskie.level == Level.VOIVODESHIP
    assert dolnoslaskie.nuts_code == "PL51"
    assert dolnoslaskie.path == "PL/02"
    assert unit("PL", "14").nuts_code == "PL9"  # Mazowieckie: NUTS 2 is split, NUTS 1 is whole
    assert unit("PL", "28").name == "Warmińsko-Mazurskie"
    assert TerritorialUnit.objects.in_country("PL").at_level(Level.VOIVODESHIP).count() == 16

    slovenia = TerritorialUnit.objects.in_country("SI")
    assert slovenia.at_level(Level.STATISTICAL_REGION).count() == 12
    assert slovenia.at_level(Level.MUNICIPALITY).count() == 212
    postojna = unit("SI", "094")
    assert postojna.name == "Postojna"
    assert postojna.parent is not None
    assert postojna.parent.code == "SI038"
    assert postojna.parent.name == "Primorsko-notranjska"
    assert postojna.path == "SI/SI038/094"
    # Every shipped municipality has its verified statistical region.
    assert not slovenia.at_level(Level.MUNICIPALITY).filter(parent__level=Level.COUNTRY).exists()


def test_case_units_hang_under_the_right_parents() -> None:
    load_territories()

    boguszow = unit("PL", "0221011")
    assert boguszow.name == "Boguszów-Gorce"
    assert boguszow.municipality_type == MunicipalityType.URBAN
    assert boguszow.path == "PL/02/0221/0221011"
    assert unit("PL", "0221").name == "powiat wałbrzyski"
    assert unit("PL", "0221053").municipality_type == MunicipalityType.URBAN_RURAL
    assert unit("PL", "0221072").municipality_type == MunicipalityType.RURAL
    assert unit("PL", "0206").name == "powiat karkonoski"
    for code in ("0205042", "0206011", "0206041", "0210021"):
        assert unit("PL", code).parent.code == code[:4]  # type: ignore[union-attr]
    for city in ("0261", "0262", "0264", "0265"):
        assert unit("PL", city + "011").parent == unit("PL", city)
        assert unit("PL", city).parent == unit("PL", "02")
    assert unit("PL", "2861011").path == "PL/28/2861/2861011"
    assert unit("PL", "3004023").path == "PL/30/3004/3004023"
    assert unit("PT", "fafe").path == "PT/fafe"
    assert unit("PT", "fafe").level == Level.LOCALITY


def test_within_finds_a_municipality_under_its_voivodeship() -> None:
    load_territories()

    in_dolnoslaskie = TerritorialUnit.objects.within(unit("PL", "02"))

    assert in_dolnoslaskie.filter(code="0221011").exists()
    assert in_dolnoslaskie.filter(code="02").exists()
    assert not in_dolnoslaskie.filter(code="2861011").exists()
    assert not TerritorialUnit.objects.within(unit("PL", "28")).filter(code="0221011").exists()


def test_loading_twice_changes_nothing() -> None:
    assert load_territories() > 0
    before = snapshot()

    assert load_territories() == 0

    assert snapshot() == before


def test_loading_repairs_a_changed_unit() -> None:
    load_territories()
    TerritorialUnit.objects.filter(country="PL", code="02").update(name="Lower Silesia")

    assert load_base_territories() == 1

    assert unit("PL", "02").name == "Dolnośląskie"


def test_case_units_without_the_base_write_nothing() -> None:
    with pytest.raises(TerritoryDataError, match="not loaded"):
        load_case_territories()

    assert not TerritorialUnit.objects.exists()


def test_command_loads_and_reports() -> None:
    out = StringIO()

    call_command("load_territories", stdout=out)
    call_command("load_territories", stdout=out)

    assert unit("PL", "0221011").name == "Boguszów-Gorce"
    first, second = out.getvalue().strip().splitlines()
    assert first.startswith("Territories loaded: ")
    assert ": 0 units" not in first
    assert second == "Territories loaded: 0 units created or updated."


def test_moving_a_unit_moves_the_paths_below_it() -> None:
    load_territories()
    county = unit("PL", "0221")
    county.parent = unit("PL", "28")

    save_unit(county)

    assert unit("PL", "0221").path == "PL/28/0221"
    assert unit("PL", "0221011").path == "PL/28/0221/0221011"
    assert TerritorialUnit.objects.within(unit("PL", "28")).filter(code="0221053").exists()
    assert not TerritorialUnit.objects.within(unit("PL", "02")).filter(code="0221053").exists()
