"""The public directory walked through in Chromium: search, filters, languages, no JavaScript."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Locator, Page, expect

from partnerhub.core.choices import Sector
from partnerhub.projects.choices import Reach
from partnerhub.tests.browser.conftest import PageOpener
from partnerhub.tests.browser.helpers import axe_violations, describe_violations, normalise_spaces

pytestmark = pytest.mark.browser

FAL = "Stowarzyszenie Forum Aktywności Lokalnej"
OWES_NETWORK = "Sieć Ośrodków Wspierania Ekonomii Społecznej na Dolnym Śląsku"
KUZNIA = "Kuźnia Ekspertów – wsparcie III sektora Warmii i Mazur"
PILOT = "Pilotno lokalno partnerstvo Postojna"
# Municipalities of the Wałbrzych county (powiat wałbrzyski) among the demo organisations.
WALBRZYCH_COUNTY_MUNICIPALITIES = (
    "Gmina Boguszów-Gorce",
    "Gmina Głuszyca",
    "Gmina Stare Bogaczowice",
)


def search_from_home(page: Page, words: str) -> Locator:
    """Type into the home page's search box, submit it, and return the results section."""
    page.goto("/")
    page.get_by_role("searchbox", name="Search organisations, partnerships").fill(words)
    page.get_by_role("searchbox", name="Search organisations, partnerships").press("Enter")
    page.wait_for_url(re.compile(r"\?q=" + re.escape(words)))
    results = page.get_by_role("region", name=f"Results for “{words}”")
    expect(results).to_be_visible()
    return results


def next_to(heading: Locator) -> Locator:
    """The element right after a heading (the list or table it introduces)."""
    return heading.locator("xpath=following-sibling::*[1]")


def test_searching_the_walbrzych_county_lists_the_organisations_within_it(page: Page) -> None:
    """Typed without its ł, the county's name ("powiat wałbrzyski") finds what lies in it."""
    results = search_from_home(page, "walbrzyski")

    # The results are rendered by the server with the page: no need to wait for them.
    found = [
        name
        for name in WALBRZYCH_COUNTY_MUNICIPALITIES
        if results.get_by_role("link", name=name).count()
    ]
    assert found == list(WALBRZYCH_COUNTY_MUNICIPALITIES)


def test_search_walbrzych_leads_to_the_portfolio_of_fal(page: Page) -> None:
    results = search_from_home(page, "walbrzych")
    # "walbrzych" finds "Wałbrzychu" in the network's description: diacritics and
    # inflection do not get in the way.
    results.get_by_role("link", name=OWES_NETWORK).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(OWES_NETWORK)

    members = page.get_by_role("region", name="Members")
    members.get_by_role("link", name=FAL).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(FAL)

    portfolio = page.get_by_role("region", name="Portfolio")
    leads = next_to(portfolio.get_by_role("heading", name="Partnerships it leads or coordinates"))
    expect(leads.get_by_role("row", name="Klaster Polski Radon")).to_contain_text(
        "Leader / coordinator"
    )
    expect(
        leads.get_by_role("row", name="Grupa nieformalna „Dolnośląski Eko Kalejdoskop”")
    ).to_contain_text("Facilitator")
    belongs = next_to(portfolio.get_by_role("heading", name="Partnerships it belongs to"))
    expect(belongs.get_by_role("link", name=OWES_NETWORK)).to_be_visible()
    projects = next_to(portfolio.get_by_role("heading", name="Projects it takes part in"))
    expect(
        projects.get_by_role("link", name="Wspólny projekt Partnerstwa Muflon w ramach IW EQUAL")
    ).to_be_visible()


def test_projects_filtered_in_polish_restore_their_filters_on_back(page: Page) -> None:
    with translation.override("pl"):
        reach_legend = gettext("Reach")
        regional = str(Reach.REGIONAL.label)
        programme_legend = gettext("Funding programme")
        total_cost = gettext("Total cost")
    page.goto("/pl/projects/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(6)
    regional_box = page.get_by_role("group", name=reach_legend).get_by_label(regional)
    aktywni_obywatele = page.get_by_role("group", name=programme_legend).get_by_label(
        "Aktywni Obywatele"
    )

    regional_box.check()
    page.wait_for_url(re.compile(r"[?&]reach=regional(&|$)"))
    expect(rows).to_have_count(3)
    aktywni_obywatele.check()
    page.wait_for_url(re.compile(r"[?&]funding_programme=\d+(&|$)"))
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(KUZNIA)
    # The facets were swapped in with the results: the choices stay checked.
    expect(regional_box).to_be_checked()
    expect(aktywni_obywatele).to_be_checked()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    page.go_back()
    page.wait_for_url(re.compile(r"[?&]reach=regional(&|$)"))
    assert not re.search(r"funding_programme=\d", page.url)
    expect(rows).to_have_count(3)
    expect(regional_box).to_be_checked()
    expect(aktywni_obywatele).not_to_be_checked()

    page.go_forward()
    page.wait_for_url(re.compile(r"[?&]funding_programme=\d+(&|$)"))
    expect(rows).to_have_count(1)
    rows.first.get_by_role("link", name=KUZNIA).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(KUZNIA)
    cost = page.locator("dt", has_text=re.compile(f"^{re.escape(total_cost)}$"))
    amount = cost.locator("xpath=following-sibling::dd[1]")
    assert normalise_spaces(amount.inner_text()) == "137 476,00 EUR"


def test_switching_to_slovenian_shows_the_pilot_partnership_members_by_sector(
    page: Page,
) -> None:
    with translation.override("sl"):
        main_navigation = gettext("Main")
        partnerships = gettext("Partnerships")
        search = gettext("Search")
        members_heading = gettext("Members")
        public, civil = str(Sector.PUBLIC.label), str(Sector.CIVIL.label)
    page.goto("/")
    page.get_by_label("Language").select_option(label="Slovenščina")
    page.get_by_role("button", name="Switch").click()
    page.wait_for_url(re.compile(r"/sl/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sl")

    page.get_by_role("navigation", name=main_navigation).get_by_role(
        "link", name=partnerships, exact=True
    ).click()
    page.wait_for_url(re.compile(r"/sl/partnerships/"))
    page.get_by_role("searchbox", name=search).fill("Postojna")
    result = page.locator("#results").get_by_role("link", name=PILOT)
    expect(result).to_be_visible()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PILOT)
    assert "/sl/partnerships/" in page.url

    members = page.get_by_role("region", name=members_heading)
    by_sector = {
        public: ["Občina Postojna"],
        civil: ["Društvo Zgledni sosedje", "Regionalno stičišče NVO Primorsko-notranjske regije"],
    }
    for sector, names in by_sector.items():
        heading = members.get_by_role("heading", name=re.compile("^" + re.escape(sector)))
        listed = next_to(heading)
        for name in names:
            expect(listed.get_by_role("link", name=name)).to_be_visible()


def test_a_filtered_list_works_without_javascript(open_page: PageOpener) -> None:
    page = open_page(javascript=False)
    page.goto("/organisations/")
    # The facets load after the results with JavaScript; without it, a link asks for the
    # page with its facets counted in place, and the form keeps asking for them.
    page.get_by_role("link", name="Show the filters with their counts").click()
    page.wait_for_url(re.compile(r"facets=all"))
    sectors = page.get_by_role("group", name="Sector")
    sectors.get_by_label("Private sector").check()
    sectors.get_by_label("Public sector").check()
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url(re.compile(r"sector=public"))
    assert "sector=private" in page.url and "facets=all" in page.url

    sector_cells = page.locator("#results tbody tr td:nth-child(2)")
    expect(sector_cells.first).to_be_visible()
    assert set(sector_cells.all_inner_texts()) == {"Private sector", "Public sector"}
    expect(sectors.get_by_label("Private sector")).to_be_checked()
    expect(sectors.get_by_label("Civil sector (NGO)")).not_to_be_checked()

    # Narrow further with the search box and the same button: still a plain form.
    page.get_by_role("searchbox", name="Search").fill("gmina")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url(re.compile(r"q=gmina"))
    expect(page.locator("#results tbody tr").first).to_contain_text("Gmina")
    assert set(sector_cells.all_inner_texts()) == {"Public sector"}
