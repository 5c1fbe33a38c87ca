"""The indicators admin: reported values entered by staff keep ``achieved`` equal to their sum."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from partnerhub.core.tests.factories import (
    IndicatorFactory,
    PartnershipFactory,
    ReportedValueFactory,
)
from partnerhub.core.tests.helpers import add_inline_rows, inline_management_data
from partnerhub.results.models import Indicator, ReportedValue

pytestmark = pytest.mark.django_db


def _indicator_form(indicator: Indicator, **fields: str) -> dict[str, str]:
    values = {
        "project": indicator.project_id,
        "kind": indicator.kind,
        "name": indicator.name,
        "unit": indicator.unit,
        "position": indicator.position,
        "baseline": indicator.baseline,
        "target": indicator.target,
        "achieved": indicator.achieved,
        "achieved_qualifier": indicator.achieved_qualifier,
    }
    return {k: "" if v is None else str(v) for k, v in values.items()} | fields


def _post(
    client: Client, indicator: Indicator, rows: list[dict[str, str]] | None = None, **fields: str
) -> Any:
    """Submit the indicator's page as shown, with ``fields`` changed and ``rows`` added."""
    url = reverse("admin:results_indicator_change", args=[indicator.pk])
    data = inline_management_data(client, url) | _indicator_form(indicator, **fields)
    if rows:
        data = add_inline_rows(data, "reported_values", rows)
    return client.post(url, data)


def test_values_reported_in_the_admin_add_up_to_achieved(staff_client: Client) -> None:
    indicator = IndicatorFactory.create(achieved=None)
    response = _post(
        staff_client,
        indicator,
        [
            {"reported_on": "2024-03-31", "value": "10"},
            {"reported_on": "2024-06-30", "value": "5.5"},
        ],
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("15.5")


def test_a_corrected_value_updates_achieved(staff_client: Client) -> None:
    value = ReportedValueFactory.create(value=Decimal("10"), indicator__achieved=Decimal("10"))
    indicator = value.indicator
    url = reverse("admin:results_indicator_change", args=[indicator.pk])
    data = inline_management_data(staff_client, url) | _indicator_form(indicator)
    data["reported_values-0-value"] = "12"
    assert staff_client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("12")


def test_a_removed_value_updates_achieved(staff_client: Client) -> None:
    kept = ReportedValueFactory.create(value=Decimal("10"))
    ReportedValueFactory.create(indicator=kept.indicator, value=Decimal("4"))
    indicator = kept.indicator
    Indicator.objects.filter(pk=indicator.pk).update(achieved=Decimal("14"))
    indicator.refresh_from_db()
    url = reverse("admin:results_indicator_change", args=[indicator.pk])
    data = inline_management_data(staff_client, url) | _indicator_form(indicator)
    data["reported_values-1-DELETE"] = "on"
    assert staff_client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.achieved == Decimal("10")
    assert list(ReportedValue.objects.all()) == [kept]


def test_achieved_cannot_be_typed_over_reported_values(staff_client: Client) -> None:
    value = ReportedValueFactory.create(value=Decimal("10"), indicator__achieved=Decimal("10"))
    response = _post(staff_client, value.indicator, achieved="99")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "achieved": [
            "This indicator has reported values: what was achieved is their sum. "
            "Change the reported values instead."
        ]
    }
    value.indicator.refresh_from_db()
    assert value.indicator.achieved == Decimal("10")


def test_achieved_is_typed_while_no_values_are_reported(staff_client: Client) -> None:
    indicator = IndicatorFactory.create(achieved=None)
    response = _post(staff_client, indicator, achieved="35", achieved_qualifier="over")
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.achieved, indicator.achieved_qualifier) == (Decimal("35"), "over")


def test_a_negative_value_is_refused_on_its_row(staff_client: Client) -> None:
    indicator = IndicatorFactory.create(achieved=None)
    response = _post(staff_client, indicator, [{"reported_on": "2024-03-31", "value": "-1"}])
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors == [{"value": ["This amount cannot be negative."]}]
    assert not ReportedValue.objects.exists()


def test_an_indicator_with_two_owners_is_refused(staff_client: Client) -> None:
    indicator = IndicatorFactory.create()
    response = _post(staff_client, indicator, partnership=str(PartnershipFactory.create().pk))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "project": ["Attach this to exactly one project, programme, partnership or organisation."]
    }
