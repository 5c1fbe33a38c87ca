"""The signed-in workspace walked through in Chromium: members by htmx, form errors, charts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Dialog, Page, expect

from partnerhub.tests.browser.conftest import PageOpener, sign_in
from partnerhub.tests.browser.helpers import axe_violations, describe_violations

pytestmark = pytest.mark.browser

PILOT = "Pilotno lokalno partnerstvo Postojna"
HUB_PROJECT = "Projekt regionalnega stičišča NVO Primorsko-notranjske regije"
HUB = "Regionalno stičišče NVO Primorsko-notranjske regije"
COMPANY = "Zgledno podjetje d.o.o."
COMPANY_TASKS = "Vozilo in logistika prevozov."


def test_coordinator_adds_the_missing_sector_and_the_balance_badge_changes(page: Page) -> None:
    """The pilot partnership starts with all three sectors, so the walk first removes its
    only company (the badge says the private sector is missing), then adds a company back
    through the htmx search widget (the badge is complete again). The partnership ends as
    it began, for the tests that run after this one."""
    page.goto("/")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign in").click()
    sign_in(page, "coordinator")
    page.get_by_role("navigation", name="Your account").get_by_role(
        "link", name="Workspace"
    ).click()
    partnerships = page.get_by_role("region", name=re.compile(r"^Partnerships \(?\d+\)?$"))
    partnerships.get_by_role("link", name=PILOT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PILOT)

    badge = page.locator("#sector-balance")
    expect(badge).to_contain_text("All three sectors")
    expect(badge.locator("[data-sector=private]")).to_have_text("1")
    members = page.get_by_role("region", name="Members")

    def confirm(dialog: Dialog) -> None:
        assert COMPANY in dialog.message
        dialog.accept()

    page.once("dialog", confirm)
    members.get_by_role("row", name=COMPANY).get_by_role("button", name="Remove").click()
    expect(badge).to_contain_text("Missing: Private sector")
    expect(badge.locator("[data-sector=private]")).to_have_text("0")
    expect(members.get_by_role("row", name=COMPANY)).to_have_count(0)

    form = page.get_by_role("group", name="Add a member")
    form.get_by_role("searchbox", name="Search: Organisation").press_sequentially("zgledno")
    choice = form.get_by_role("combobox", name="Organisation", exact=True)
    option = choice.locator("option", has_text=COMPANY)
    expect(option).to_have_count(1)
    choice.select_option(value=option.get_attribute("value"))
    form.get_by_label("Responsibilities").fill(COMPANY_TASKS)
    form.get_by_role("button", name="Save").click()

    expect(badge).to_contain_text("All three sectors")
    expect(badge.locator("[data-sector=private]")).to_have_text("1")
    row = members.get_by_role("row", name=COMPANY)
    expect(row).to_contain_text("Private sector")
    expect(row).to_contain_text(COMPANY_TASKS)
    # The page as htmx left it (section and badge swapped in) is still accessible.
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    # The badge shows the saved state: it is the same after a reload.
    page.reload()
    expect(page.locator("#sector-balance")).to_contain_text("All three sectors")


def test_a_project_ending_before_it_starts_is_refused_with_the_values_kept(
    open_page: PageOpener,
) -> None:
    page = open_page(user="hub")
    page.goto("/workspace/")
    projects = page.get_by_role("region", name=re.compile(r"^Projects \(?\d+\)?$"))
    projects.get_by_role("link", name=HUB_PROJECT).click()
    title = page.get_by_label("Title", exact=True)
    start = page.get_by_label("Start", exact=True)
    end = page.get_by_label("End", exact=True)
    original_title = title.input_value()

    title.fill(original_title + " (renamed)")
    start.fill("2025-06-01")
    end.fill("2025-02-28")
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("alert")).to_contain_text("The record was not saved")
    expect(end).to_have_attribute("aria-invalid", "true")
    error = "The end date cannot be before the start date."
    # Next to the field: in the field's own group, and read out with it.
    expect(page.locator(".ws-field", has=end).locator(".errorlist")).to_have_text(error)
    expect(end).to_have_accessible_description(error)
    expect(title).to_have_value(original_title + " (renamed)")
    expect(start).to_have_value("2025-06-01")
    expect(end).to_have_value("2025-02-28")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    # Nothing was saved.
    page.goto("/workspace/")
    expect(projects.get_by_role("link", name=HUB_PROJECT, exact=True)).to_be_visible()
    expect(projects.get_by_role("link", name=original_title + " (renamed)")).to_have_count(0)


def test_the_hub_dashboard_draws_its_charts_under_the_csp(open_page: PageOpener) -> None:
    page = open_page(user="hub")
    page.goto("/workspace/")
    page.get_by_role("region", name="Hub dashboards").get_by_role("link", name=HUB).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dashboard of {HUB}")
    charts = page.locator(".ws-chart")
    expect(charts.first).to_be_visible()
    count = charts.count()
    assert count >= 2
    # ECharts (SVG renderer) drew every chart: the script ran despite script-src 'self'.
    expect(page.locator(".ws-chart--drawn svg")).to_have_count(count)
    sectors = page.get_by_role("table", name="Members by sector")
    expect(sectors.get_by_role("row", name=re.compile("^Private sector"))).to_contain_text("1")
