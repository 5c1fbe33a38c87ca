"""The data package of the demo cases: a valid Frictionless descriptor over CSVs that match it."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from partnerhub.demo.cases.kuznia import TITLE as KUZNIA
from partnerhub.opendata.specs import PUBLIC_SPECS

NAME = re.compile(r"^[a-z0-9._-]+$")
TYPES = {"string", "integer", "number", "boolean", "date", "datetime"}


@pytest.fixture
def package(demo: None, tmp_path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, str]]]]:
    """The descriptor and every CSV of a package written by ``export_open_data --output``."""
    target = tmp_path / "out" / "package.zip"
    out = StringIO()
    call_command("export_open_data", "--output", str(target), stdout=out)
    assert str(target) in out.getvalue()
    archive = zipfile.ZipFile(target)
    descriptor = json.loads(archive.read("datapackage.json"))
    tables = {
        resource["name"]: list(
            csv.DictReader(io.StringIO(archive.read(resource["path"]).decode("utf-8")))
        )
        for resource in descriptor["resources"]
    }
    assert sorted(archive.namelist()) == sorted(
        ["datapackage.json", *(r["path"] for r in descriptor["resources"])]
    )
    return descriptor, tables


PARSERS: dict[str, Callable[[str], object]] = {
    "integer": int,
    "number": Decimal,
    "date": datetime.date.fromisoformat,
    "datetime": datetime.datetime.fromisoformat,
    "boolean": {"true": True, "false": False}.__getitem__,
    "string": str,
}


def _check_value(value: str, field_type: str) -> bool:
    try:
        PARSERS[field_type](value)
    except (ValueError, KeyError, InvalidOperation):
        return False
    return True


def test_descriptor_is_a_tabular_data_package(package: Any) -> None:
    descriptor, _tables = package
    assert descriptor["profile"] == "tabular-data-package"
    assert NAME.match(descriptor["name"])
    assert descriptor["title"]
    datetime.datetime.fromisoformat(descriptor["created"])
    [licence] = descriptor["licenses"]
    assert licence["name"] == "CC-BY-4.0"
    assert licence["path"].startswith("https://")
    assert [r["name"] for r in descriptor["resources"]] == [s.name for s in PUBLIC_SPECS]
    assert "people" not in {r["name"] for r in descriptor["resources"]}
    for resource in descriptor["resources"]:
        assert NAME.match(resource["name"])
        assert resource["profile"] == "tabular-data-resource"
        assert resource["path"] == f"data/{resource['name']}.csv"
        assert resource["encoding"] == "utf-8"
        assert resource["hash"].startswith("sha256:")
        fields = resource["schema"]["fields"]
        assert all(f["name"] and f["type"] in TYPES for f in fields)
        assert resource["schema"]["primaryKey"] == "id"


def test_every_csv_matches_its_schema_and_keys(package: Any) -> None:
    descriptor, tables = package
    ids = {name: {row["id"] for row in rows} for name, rows in tables.items()}
    for resource in descriptor["resources"]:
        rows = tables[resource["name"]]
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        assert rows, resource["name"]
        assert list(rows[0]) == names
        assert len(ids[resource["name"]]) == len(rows)  # the primary key is unique
        for row in rows:
            for field in fields:
                value = row[field["name"]]
                assert value == "" or _check_value(value, field["type"]), (field, value)
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]["resource"]
            assert key["reference"]["fields"] == "id"
            dangling = {row[key["fields"]] for row in rows} - ids[target] - {""}
            assert dangling == set(), (resource["name"], key)


def test_kuznia_ekspertow_is_in_the_package_as_on_its_card(package: Any) -> None:
    _descriptor, tables = package
    [project] = [row for row in tables["projects"] if row["title"] == KUZNIA]
    assert (project["total_cost"], project["grant"], project["currency"]) == (
        "137476.00",
        "137476.00",
        "EUR",
    )
    assert (project["start"], project["end"], project["status"]) == (
        "2021-04-01",
        "2023-09-30",
        "completed",
    )
    assert project["seat_name"] == "Elbląg"
    assert project["reach"] == "regional"
    assert project["support_area"] == "civic-sector-development"
    assert project["lead_organisation_id"] == ""  # empty on the card, empty here
    assert project["activity_types"] == ""
    indicators = {
        row["name"]: (row["kind"], row["unit"], row["achieved"], row["achieved_qualifier"])
        for row in tables["indicators"]
        if row["project_id"] == project["id"]
    }
    assert indicators == {
        "Szkolenia": ("output", "hours", "328.00", "exact"),
        "Doradztwo": ("output", "hours", "511.00", "exact"),
        "Sesje społeczne": ("output", "sessions", "27.00", "exact"),
        "Mini-projekty": ("output", "projects", "20.00", "exact"),
        "Ekspertyzy": ("output", "documents", "6.00", "exact"),
        "Wzmocnione organizacje z regionu": ("result", "organisations", "337.00", "over"),
    }


def test_partnerships_carry_member_counts_and_sectors(package: Any) -> None:
    _descriptor, tables = package
    [pilot] = [
        r for r in tables["partnerships"] if r["name"] == "Pilotno lokalno partnerstvo Postojna"
    ]
    assert pilot["member_count"] == "4"
    assert (pilot["members_public"], pilot["members_private"], pilot["members_civil"]) == (
        "1",
        "1",
        "2",
    )
    assert pilot["sectors_present"] == "public;private;civil"
    assert pilot["three_sector"] == "true"
