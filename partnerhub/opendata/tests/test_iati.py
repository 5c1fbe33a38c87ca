"""IATI activity XML 2.03 of projects: codes, dates, roles, results; what IATI cannot carry."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from lxml import etree

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    FundingProgrammeFactory,
    IndicatorFactory,
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TerritorialUnitFactory,
)
from partnerhub.opendata.tests.helpers import body
from partnerhub.opendata.tests.iati_helpers import fetch
from partnerhub.opendata.tests.standards import iati_errors
from partnerhub.projects.choices import PartnerRole, ProjectStatus, Reach
from partnerhub.results.choices import IndicatorKind, Qualifier, Unit


def test_a_project_iati_cannot_carry_is_left_out_and_has_no_file(db: None, client: Client) -> None:
    undated = ProjectFactory.create(start=None, end=None, title="No dates")
    internal = ProjectFactory.create(visibility=Visibility.INTERNAL, title="Internal")
    ProjectPartnerFactory.create(project=undated)
    ProjectPartnerFactory.create(project=internal)

    response = client.get(reverse("opendata:iati-activities"))
    # With nothing IATI can carry the file holds no activity (which 2.03 does not allow: an
    # honest empty file rather than invented dates).
    root = etree.fromstring(body(response))
    assert root.tag == "iati-activities"
    assert root.findall("iati-activity") == []
    for project in (undated, internal):
        url = reverse("opendata:iati-activity", kwargs={"pk": project.pk})
        assert client.get(url).status_code == 404


def test_roles_status_dates_results_and_territory_map_to_iati_codes(
    db: None, client: Client
) -> None:
    lead = OrganisationFactory.create(krs="0000123456", name="Lider")
    partner = OrganisationFactory.create(name="Partner", legal_form="municipality")
    seat = TerritorialUnitFactory.create(code="0221011", name="Boguszów-Gorce", nuts_code="")
    project = ProjectFactory.create(
        title="Ongoing",
        lead_organisation=lead,
        status=ProjectStatus.ONGOING,
        reach=Reach.LOCAL,
        seat=seat,
        currency="PLN",
        funding_programme=FundingProgrammeFactory.create(name="FEDS 2021-2027"),
        source_url="https://example.org/projekt",
    )
    ProjectPartnerFactory.create(project=project, organisation=partner, role=PartnerRole.PARTNER)
    IndicatorFactory.create(
        project=project,
        kind=IndicatorKind.RESULT,
        unit=Unit.PERCENT,
        baseline=Decimal("10"),
        target=Decimal("40.50"),
        achieved=Decimal("12"),
        achieved_qualifier=Qualifier.AT_LEAST,
    )

    activity = fetch(client, reverse("opendata:iati-activities")).find("iati-activity")
    roles = {(o.get("role"), o.findtext("narrative"), o.get("ref"), o.get("type"))
             for o in activity.iter("participating-org")}  # fmt: skip
    assert roles == {
        ("1", "FEDS 2021-2027", None, None),
        ("2", "Lider", "PL-KRS-0000123456", "22"),
        ("4", "Lider", "PL-KRS-0000123456", "22"),
        ("4", "Partner", None, "11"),
    }
    assert activity.find("activity-status").get("code") == "2"
    dates = {d.get("type"): d.get("iso-date") for d in activity.iter("activity-date")}
    assert dates == {"2": "2024-01-01", "3": "2024-12-31"}  # actual start, planned end
    assert activity.find("activity-scope").get("code") == "7"
    assert activity.find("location").get("ref") == "PL-0221011"
    assert activity.find("budget").get("status") == "2"
    assert activity.find("document-link").get("url") == "https://example.org/projekt"
    indicator = activity.find("result/indicator")
    assert activity.find("result").get("type") == "2"
    assert indicator.get("measure") == "2"  # percentage
    assert indicator.find("baseline").attrib == {
        "year": "2024",
        "iso-date": "2024-01-01",
        "value": "10",
    }
    assert indicator.find("period/target").get("value") == "40.5"
    assert indicator.find("period/actual").get("value") == "12"


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (ProjectStatus.PLANNED, "1"),
        (ProjectStatus.ONGOING, "2"),
        (ProjectStatus.COMPLETED, "4"),
        (ProjectStatus.TERMINATED, "5"),
    ],
)
def test_status_codes(db: None, client: Client, status: str, code: str) -> None:
    project = ProjectFactory.create(status=status)
    ProjectPartnerFactory.create(project=project)
    activity = fetch(client, reverse("opendata:iati-activities")).find("iati-activity")
    assert activity.find("activity-status").get("code") == code
    planned = status == ProjectStatus.PLANNED
    assert {d.get("type") for d in activity.iter("activity-date")} == (
        {"1", "3"} if planned else {"2", "3"} if status == ProjectStatus.ONGOING else {"2", "4"}
    )


def test_text_with_control_characters_still_makes_valid_xml(db: None, client: Client) -> None:
    project = ProjectFactory.create(title="Tytuł\x0b z \x1f błędem", description="<b>&</b>")
    ProjectPartnerFactory.create(project=project)
    activity = fetch(client, reverse("opendata:iati-activities")).find("iati-activity")
    assert activity.findtext("title/narrative") == "Tytuł z  błędem"
    assert activity.findtext("description/narrative") == "<b>&</b>"


def test_the_schema_check_rejects_elements_out_of_order(db: None, client: Client) -> None:
    """The XSD check these tests rely on does catch a wrong order."""
    project = ProjectFactory.create()
    ProjectPartnerFactory.create(project=project)
    response = client.get(reverse("opendata:iati-activities"))
    xml = body(response)
    root = etree.fromstring(xml)
    activity = root.find("iati-activity")
    title = activity.find("title")
    activity.remove(title)
    activity.insert(0, title)
    assert iati_errors(etree.tostring(root)) != []
