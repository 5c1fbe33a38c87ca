"""IATI activity XML of the demo cases: valid against IATI 2.03, Kuźnia Ekspertów as on its card."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from partnerhub.demo.cases.kuznia import TITLE as KUZNIA
from partnerhub.opendata.tests.iati_helpers import SCHEMA_ORDER, activity_titled, fetch
from partnerhub.projects.models import Project


def test_demo_projects_are_valid_iati_2_03(demo: None, client: Client) -> None:
    root = fetch(client, reverse("opendata:iati-activities"))
    assert root.get("version") == "2.03"
    assert root.get("generated-datetime")
    for activity in root.iter("iati-activity"):
        tags = [child.tag for child in activity]
        assert tags == sorted(tags, key=SCHEMA_ORDER.index)


def test_kuznia_ekspertow_with_its_budget_and_indicators(demo: None, client: Client) -> None:
    project = Project.objects.get(title=KUZNIA)
    activity = activity_titled(fetch(client, reverse("opendata:iati-activities")), KUZNIA)

    assert activity.findtext("iati-identifier") == f"ZZ-PARTNERHUB-project-{project.pk}"
    assert activity.find("reporting-org").get("ref") == "ZZ-PARTNERHUB"
    assert activity.get("{http://www.w3.org/XML/1998/namespace}lang") == "pl"
    assert activity.get("default-currency") == "EUR"
    assert activity.find("activity-status").get("code") == "4"  # completed: closed
    dates = {d.get("type"): d.get("iso-date") for d in activity.iter("activity-date")}
    assert dates == {"2": "2021-04-01", "4": "2023-09-30"}  # actual start and end
    value = activity.find("budget/value")
    assert (value.text, value.get("currency"), value.get("value-date")) == (
        "137476.00",
        "EUR",
        "2021-04-01",
    )
    assert activity.find("budget/period-start").get("iso-date") == "2021-04-01"
    assert activity.find("budget/period-end").get("iso-date") == "2023-09-30"
    [funder] = activity.iter("participating-org")
    assert funder.get("role") == "1"
    assert funder.findtext("narrative") == "Aktywni Obywatele – Fundusz Regionalny"
    assert activity.find("recipient-country").get("code") == "PL"
    assert activity.findtext("location/name/narrative") == "Elbląg"
    sectors = {(s.get("vocabulary"), s.get("code")) for s in activity.iter("sector")}
    assert sectors == {("99", "civic-sector-development"), ("1", "15150")}

    results = {
        r.findtext("title/narrative"): (r.get("type"), r.find("indicator/period/actual"))
        for r in activity.iter("result")
    }
    assert {name: (kind, actual.get("value")) for name, (kind, actual) in results.items()} == {
        "Szkolenia": ("1", "328"),
        "Doradztwo": ("1", "511"),
        "Sesje społeczne": ("1", "27"),
        "Mini-projekty": ("1", "20"),
        "Ekspertyzy": ("1", "6"),
        "Wzmocnione organizacje z regionu": ("2", "337"),
    }
    strengthened = results["Wzmocnione organizacje z regionu"][1]
    assert strengthened.findtext("comment/narrative") == "ponad 337"


def test_one_project_has_its_own_iati_file(demo: None, client: Client) -> None:
    project = Project.objects.get(title=KUZNIA)
    root = fetch(client, reverse("opendata:iati-activity", kwargs={"pk": project.pk}))
    assert [a.findtext("title/narrative") for a in root.iter("iati-activity")] == [KUZNIA]
