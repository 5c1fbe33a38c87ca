"""The /open-data/ page and its downloads: what anonymous visitors and staff get."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from partnerhub.api.services import create_token
from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import OrganisationFactory, PersonFactory, ProjectFactory
from partnerhub.opendata.tests.helpers import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_data_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.OPEN_DATA_DIR = tmp_path / "open-data"
    return tmp_path / "open-data"


def export_url(resource: str, export_format: str, *, staff: bool = False) -> str:
    name = "opendata:staff-list-export" if staff else "opendata:list-export"
    return reverse(name, kwargs={"resource": resource, "export_format": export_format})


def test_the_page_lists_every_download_with_its_count(client: Client, open_data_dir: Path) -> None:
    OrganisationFactory.create_batch(2)
    ProjectFactory.create(visibility=Visibility.INTERNAL)
    response = client.get(reverse("opendata:index"))

    assert response.status_code == 200
    page = response.content.decode()
    for url in (
        reverse("opendata:data-package"),
        reverse("opendata:popolo"),
        reverse("opendata:iati-activities"),
        export_url("organisations", "csv"),
        export_url("partnerships", "xlsx"),
        export_url("projects", "json"),
        export_url("programmes", "csv"),
        export_url("events", "csv"),
    ):
        assert f'href="{url}"' in page
    assert "2 records" in page  # organisations
    assert "0 records" in page  # the internal project is not counted
    assert "Not generated yet" in page
    assert reverse("opendata:popolo-staff") not in page


def test_the_page_speaks_polish_with_polish_plurals(client: Client, open_data_dir: Path) -> None:
    OrganisationFactory.create_batch(5)
    response = client.get(reverse("opendata:index"), HTTP_ACCEPT_LANGUAGE="pl")
    page = response.content.decode()
    assert "Otwarte dane" in page
    assert "5 rekordów" in page


def test_staff_see_the_staff_downloads(staff_client: Client, open_data_dir: Path) -> None:
    page = staff_client.get(reverse("opendata:index")).content.decode()
    assert reverse("opendata:popolo-staff") in page
    assert export_url("people", "csv", staff=True) in page


@pytest.mark.parametrize(
    ("resource", "export_format"),
    [("people", "csv"), ("nothing", "csv"), ("organisations", "pdf")],
)
def test_no_public_export_of_people_or_of_what_does_not_exist(
    client: Client, resource: str, export_format: str
) -> None:
    assert client.get(export_url(resource, export_format)).status_code == 404


def test_staff_exports_need_a_staff_login(staff_client: Client) -> None:
    PersonFactory.create(first_name="Ewa", last_name="Nowak")
    url = export_url("people", "csv", staff=True)

    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(resolve_url(settings.LOGIN_URL))
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="people-staff.csv"'
    assert b"Nowak" in body(response)


def test_downloads_are_read_only(client: Client) -> None:
    for url in (export_url("organisations", "csv"), reverse("opendata:popolo")):
        assert client.post(url).status_code == 405
    assert client.head(export_url("organisations", "csv")).status_code == 200


def test_the_data_package_is_made_when_missing_then_served_as_it_was(
    client: Client, open_data_dir: Path
) -> None:
    path = open_data_dir / "partnerhub-open-data.zip"
    response = client.get(reverse("opendata:data-package"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="partnerhub-open-data.zip"'
    data = body(response)
    assert path.read_bytes() == data
    assert "datapackage.json" in zipfile.ZipFile(path).namelist()

    os.utime(path, (1_700_000_000, 1_700_000_000))  # 14 November 2023
    OrganisationFactory.create()  # not in the package until it is regenerated
    assert body(client.get(reverse("opendata:data-package"))) == data
    page = client.get(reverse("opendata:index")).content.decode()
    assert "Generated on Nov. 14, 2023" in page


def test_an_export_carries_the_filters_of_its_list(client: Client) -> None:
    """The list's query string, appended to the export's address, filters the export."""
    OrganisationFactory.create(name="Fundacja Cywilna", sector="civil")
    OrganisationFactory.create(name="Firma Prywatna", sector="private")

    response = client.get(export_url("organisations", "csv"), {"sector": "private"})

    assert response.status_code == 200
    content = body(response).decode()
    assert "Firma Prywatna" in content
    assert "Fundacja Cywilna" not in content


def test_an_export_with_a_bad_filter_answers_400_and_names_it(client: Client) -> None:
    response = client.get(export_url("organisations", "csv"), {"sector": "nonsense"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["sector"]


def test_a_script_exports_what_its_user_may_see_with_a_personal_token(superuser: User) -> None:
    PersonFactory.create(first_name="Ewa", last_name="Nowak")
    key = create_token(superuser, "export script").key
    url = export_url("people", "csv", staff=True)

    response = Client().get(url, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert b"Nowak" in body(response)
    refused = Client().get(url, HTTP_AUTHORIZATION="Token not-a-key")
    assert refused.status_code == 403
