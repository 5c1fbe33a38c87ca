"""No public download ever carries a person's name, e-mail, phone or address."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from partnerhub.opendata.exporters import FORMATS, export_response
from partnerhub.opendata.specs import ALL_SPECS, PUBLIC_SPECS
from partnerhub.opendata.tests.conftest import SECRET
from partnerhub.opendata.tests.helpers import body
from partnerhub.projects.models import Project
from partnerhub.registry.models import Person


def content(response: HttpResponseBase) -> bytes:
    assert response.status_code == 200, response
    return body(response)


def xlsx_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def public_outputs(client: Client) -> Iterator[tuple[str, str]]:
    """Every public download, as text, with its address."""
    urls = [
        reverse("opendata:index"),
        reverse("opendata:popolo"),
        reverse("opendata:iati-activities"),
        *(
            reverse("opendata:iati-activity", kwargs={"pk": pk})
            for pk in Project.objects.values_list("pk", flat=True)
        ),
    ]
    for url in urls:
        response = client.get(url)
        if response.status_code != 404:  # a project IATI cannot carry has no file
            yield url, content(response).decode("utf-8")
    for spec in PUBLIC_SPECS:
        for export_format in FORMATS:
            url = reverse(
                "opendata:list-export",
                kwargs={"resource": spec.name, "export_format": export_format},
            )
            data = content(client.get(url))
            yield url, xlsx_text(data) if export_format == "xlsx" else data.decode("utf-8")
    archive = zipfile.ZipFile(io.BytesIO(content(client.get(reverse("opendata:data-package")))))
    for name in archive.namelist():
        yield name, archive.read(name).decode("utf-8")


def test_no_public_output_names_or_contacts_a_person(
    person_with_personal_data: Person, client: Client, settings: Settings, tmp_path: Path
) -> None:
    settings.OPEN_DATA_DIR = tmp_path
    secrets = [SECRET["email"], SECRET["phone"], SECRET["address"], SECRET["last_name"]]
    secrets += [person.full_name for person in Person.objects.all()]
    checked = 0
    for where, text in public_outputs(client):
        leaked = [secret for secret in secrets if secret in text]
        assert leaked == [], f"{where} shows {leaked}"
        checked += 1
    assert checked >= 3 + len(PUBLIC_SPECS) * len(FORMATS) + len(PUBLIC_SPECS)


def test_the_staff_export_names_people_but_never_their_contact_details(
    person_with_personal_data: Person, staff_client: Client
) -> None:
    url = reverse(
        "opendata:staff-list-export", kwargs={"resource": "memberships", "export_format": "csv"}
    )
    text = content(staff_client.get(url)).decode("utf-8")
    assert person_with_personal_data.full_name in text
    for field in Person.PERSONAL_DATA_FIELDS:
        assert SECRET[field] not in text


def test_no_export_even_for_staff_carries_contact_details(
    person_with_personal_data: Person,
) -> None:
    """Every spec, staff variant included, in every format: never e-mail, phone or address."""
    contacts = [SECRET[field] for field in Person.PERSONAL_DATA_FIELDS]
    for spec in ALL_SPECS:
        if spec.model is Person:
            assert not {c.name for c in spec.columns} & set(Person.PERSONAL_DATA_FIELDS)
        queryset = spec.model._default_manager.all()
        for export_format in FORMATS:
            data = content(export_response(queryset, spec, export_format, public=False))
            text = xlsx_text(data) if export_format == "xlsx" else data.decode("utf-8")
            assert [c for c in contacts if c in text] == [], (spec.name, export_format)
