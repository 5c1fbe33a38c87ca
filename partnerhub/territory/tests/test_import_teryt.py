"""``import-teryt``: the official TERC file in CSV and XML, idempotence, bad files."""

from __future__ import annotations

import re
import zipfile
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from partnerhub.territory import services
from partnerhub.territory.choices import Level, MunicipalityType
from partnerhub.territory.models import TerritorialUnit
from partnerhub.territory.services import import_terc, load_territories

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
TERC_CSV = FIXTURES / "TERC.csv"
TERC_XML = FIXTURES / "TERC.xml"
HEADER = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA"
VOIVODESHIP_ROW = "02;;;;DOLNOŚLĄSKIE;województwo;2024-01-01"
COUNTY_ROW = "02;05;;;jaworski;powiat;2024-01-01"


def run_import(path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_teryt", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def unit(code: str) -> TerritorialUnit:
    return TerritorialUnit.objects.select_related("parent").by_code("PL", code)


def parent_code(code: str) -> str | None:
    parent = unit(code).parent
    return parent.code if parent is not None else None


def snapshot() -> list[tuple[Any, ...]]:
    return list(
        TerritorialUnit.objects.order_by("pk").values_list(
            "pk", "level", "code", "name", "municipality_type", "nuts_code", "parent_id", "path"
        )
    )


@pytest.mark.parametrize("path", [TERC_CSV, TERC_XML], ids=["csv", "xml"])
def test_import_creates_the_tree(path: Path) -> None:
    out, err = run_import(path)

    assert TerritorialUnit.objects.in_country("PL").count() == 22  # 21 rows and Poland
    assert unit("02").name == "Dolnośląskie"
    assert unit("28").name == "Warmińsko-mazurskie"  # capitalised, no base data loaded
    assert parent_code("02") == "PL"
    assert unit("0205").name == "powiat jaworski"
    assert unit("0205").level == Level.COUNTY
    assert parent_code("0205") == "02"
    assert unit("0264").name == "Wrocław"  # a city with county rights keeps its name
    msciwojow = unit("0205042")
    assert (msciwojow.name, msciwojow.municipality_type) == ("Mściwojów", MunicipalityType.RURAL)
    assert msciwojow.path == "PL/02/0205/0205042"
    assert unit("0205023").municipality_type == MunicipalityType.URBAN_RURAL
    assert parent_code("0205023") == "0205"
    # Parts of a municipality hang under the whole.
    assert parent_code("0205024") == "0205023"
    assert unit("0205025").municipality_type == MunicipalityType.RURAL_AREA_IN_URBAN_RURAL
    assert parent_code("3004024") == "3004023"
    assert parent_code("0264029") == "0264011"
    assert unit("2861011").path == "PL/28/2861/2861011"
    assert TerritorialUnit.objects.within(unit("02")).filter(code="0221011").exists()
    assert "Municipality: created 13, updated 0, unchanged 0" in out
    assert "22 / 22 units written" in err


@pytest.mark.parametrize("path", [TERC_CSV, TERC_XML], ids=["csv", "xml"])
def test_importing_twice_changes_nothing(path: Path, django_assert_max_num_queries: Any) -> None:
    run_import(path)
    before = snapshot()

    with django_assert_max_num_queries(6):  # no query per row
        out, _err = run_import(path)

    assert snapshot() == before
    assert "created 0, updated 0" in out
    assert "updated 1" not in out


def test_csv_and_xml_give_the_same_units() -> None:
    run_import(TERC_CSV)
    from_csv = snapshot()

    run_import(TERC_XML)

    assert snapshot() == from_csv


def test_import_keeps_shipped_names_and_agrees_with_the_case_units() -> None:
    load_territories()
    before = snapshot()

    summary = import_terc(TERC_CSV)

    assert sum(summary.updated.values()) == 0
    assert unit("28").name == "Warmińsko-Mazurskie"  # pycountry's name, not TERC's capitals
    assert unit("02").nuts_code == "PL51"
    assert set(before) <= set(snapshot())  # every unit there before is exactly as it was


def test_import_accepts_the_older_xml_form_and_a_zip(tmp_path: Path) -> None:
    rows = "".join(
        f'<row><col name="WOJ">02</col><col name="POW">{pow_}</col><col name="GMI"/>'
        f'<col name="RODZ"/><col name="NAZWA">{name}</col>'
        f'<col name="NAZDOD">{kind}</col><col name="STAN_NA">2013-01-01</col></row>'
        for pow_, name, kind in (("", "DOLNOŚLĄSKIE", "województwo"), ("05", "jaworski", "powiat"))
    )
    xml = f'<?xml version="1.0"?><teryt><catalog name="TERC">{rows}</catalog></teryt>'
    archive = tmp_path / "TERC_Urzedowy_2013-01-01.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("TERC_Urzedowy_2013-01-01.xml", xml)

    run_import(archive)

    assert unit("0205").name == "powiat jaworski"
    assert parent_code("0205") == "02"


def bad_csv(*lines: str) -> str:
    return "\n".join(lines) + "\n"


BAD_FILES = {
    "bad header": (
        "TERC.csv",
        bad_csv("WOJ;POW;GMINA;RODZ;NAZWA;NAZWA_DOD;STAN_NA", VOIVODESHIP_ROW),
        "Line 1: the header lacks GMI",
    ),
    "missing columns": (
        "TERC.csv",
        bad_csv("WOJ;POW;NAZWA", "02;;DOLNOŚLĄSKIE"),
        "the header lacks GMI, RODZ, NAZWA_DOD",
    ),
    "bad code length": (
        "TERC.csv",
        bad_csv(HEADER, VOIVODESHIP_ROW, "02;5;;;jaworski;powiat;2024-01-01"),
        "Line 3: POW must be 2 digits",
    ),
    "non-digit code": (
        "TERC.csv",
        bad_csv(HEADER, VOIVODESHIP_ROW, COUNTY_ROW, "02;05;0A;2;Mściwojów;gmina wiejska;"),
        "Line 4: GMI must be 2 digits",
    ),
    "wrong field count": (
        "TERC.csv",
        bad_csv(HEADER, VOIVODESHIP_ROW, "02;05;jaworski;powiat;2024-01-01"),
        "Line 3: expected 7 fields",
    ),
    "orphan municipality": (
        "TERC.csv",
        bad_csv(HEADER, VOIVODESHIP_ROW, COUNTY_ROW, "02;21;01;1;Boguszów-Gorce;gmina miejska;"),
        "Line 4: Boguszów-Gorce (0221011) lies in county 0221",
    ),
    "duplicate code": (
        "TERC.csv",
        bad_csv(HEADER, VOIVODESHIP_ROW, COUNTY_ROW, COUNTY_ROW),
        "Line 4: the code 0205 already occurs at line 3",
    ),
    "not utf-8": (
        "TERC.csv",
        bad_csv(HEADER, "02;;;;DOLNO\udcc5L\udca5SKIE;wojew;"),
        "not UTF-8",
    ),
    "broken xml": (
        "TERC.xml",
        TERC_XML.read_text(encoding="utf-8")[:-40],
        "The XML is not well-formed",
    ),
    "xml row without a field": (
        "TERC.xml",
        "<teryt><catalog name='TERC'><row><WOJ>02</WOJ><POW/><GMI/><RODZ/><NAZWA>X</NAZWA>"
        "<NAZWA_DOD>województwo</NAZWA_DOD></row><row><WOJ>02</WOJ><NAZWA>Y</NAZWA></row>"
        "</catalog></teryt>",
        "Row 2: the fields POW, GMI, RODZ, NAZWA_DOD are missing",
    ),
    "another catalogue": (
        "SIMC.xml",
        "<teryt><catalog name='SIMC'><row/></catalog></teryt>",
        "SIMC catalogue",
    ),
}


@pytest.mark.parametrize(("filename", "content", "message"), BAD_FILES.values(), ids=BAD_FILES)
def test_a_bad_file_is_rejected_and_nothing_is_written(
    tmp_path: Path, filename: str, content: str, message: str
) -> None:
    path = tmp_path / filename
    path.write_bytes(content.encode("utf-8", errors="surrogateescape"))
    count_before = TerritorialUnit.objects.count()

    with pytest.raises(CommandError, match=re.escape(message)) as raised:
        run_import(path)

    assert "Nothing was imported" in str(raised.value)
    assert TerritorialUnit.objects.count() == count_before
    assert not TerritorialUnit.objects.filter(country="PL").exists()  # not even the valid rows


def test_an_orphan_is_judged_against_the_database_too(tmp_path: Path) -> None:
    load_territories()  # brings county 0221
    path = tmp_path / "TERC.csv"
    path.write_text(bad_csv(HEADER, "02;21;08;2;Walim;gmina wiejska;2024-01-01"), "utf-8")

    run_import(path)

    assert parent_code("0221082") == "0221"


def test_a_failure_while_writing_rolls_everything_back(monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = services._save
    calls = 0

    def failing_save(unit: TerritorialUnit) -> None:
        nonlocal calls
        calls += 1
        if calls == 10:
            raise RuntimeError("disk full")
        real_save(unit)

    monkeypatch.setattr(services, "_save", failing_save)

    with pytest.raises(RuntimeError):
        run_import(TERC_CSV)

    assert not TerritorialUnit.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "nowhere.csv")
