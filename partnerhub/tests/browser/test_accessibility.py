"""WCAG 2.0/2.1 A and AA with axe-core on every main page, and screenshots for review.

Every page is opened in a context that enforces the site's Content-Security-Policy, so
the same visit also fails on a CSP violation or a script error (conftest.open_page).
Screenshots go to var/screenshots/ (ignored by git): <page>-desktop.png, <page>-phone.png.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from partnerhub.tests.browser.conftest import PageOpener
from partnerhub.tests.browser.helpers import (
    PHONE,
    axe_violations,
    describe_violations,
    screenshots_dir,
)

pytestmark = pytest.mark.browser


class SitePage(NamedTuple):
    """A page to check: its name (also the screenshot's), who looks, and its path.

    ``{name}`` in the path is replaced with the demo record's path (DemoSite.paths).
    """

    name: str
    path: str
    user: str | None = None


PAGES = [
    SitePage("home", "/"),
    SitePage("home-search", "/?q=walbrzych"),
    SitePage("organisations", "/organisations/"),
    SitePage("partnerships", "/partnerships/"),
    SitePage("projects", "/projects/"),
    SitePage("programmes", "/projects/programmes/"),
    SitePage("events", "/events/"),
    SitePage("problems", "/problems/"),
    SitePage("organisation", "{fal}"),
    SitePage("partnership", "{pilot}"),
    SitePage("project", "{kuznia}"),
    SitePage("programme", "{programme}"),
    SitePage("event", "{event}"),
    SitePage("problem", "{problem}"),
    SitePage("login", "/accounts/login/"),
    SitePage("signup", "/accounts/signup/"),
    SitePage("open-data", "/open-data/"),
    SitePage("pl-home", "/pl/"),
    SitePage("pl-projects-filtered", "/pl/projects/?reach=regional&status=completed"),
    SitePage("pl-project", "/pl{kuznia}"),
    SitePage("pl-organisation", "/pl{fal}"),
    SitePage("sl-partnerships", "/sl/partnerships/"),
    SitePage("sl-partnership", "/sl{pilot}"),
    SitePage("sl-problem", "/sl{problem}"),
    SitePage("sl-login", "/sl/accounts/login/"),
    SitePage("workspace", "/workspace/", user="hub"),
    SitePage("workspace-project-form", "{project_edit}", user="hub"),
    SitePage("workspace-partnership-form", "{pilot_edit}", user="coordinator"),
    SitePage("hub-dashboard", "{hub_dashboard}", user="hub"),
    SitePage("pl-workspace", "/pl/workspace/", user="coordinator"),
    SitePage("sl-hub-dashboard", "/sl{hub_dashboard}", user="hub"),
]

#: The pages also photographed (and checked for reflow) on a phone.
PHONE_PAGES = [
    page
    for page in PAGES
    if page.name
    in {
        "home",
        "organisations",
        "projects",
        "organisation",
        "partnership",
        "project",
        "event",
        "login",
        "workspace",
        "workspace-partnership-form",
        "hub-dashboard",
    }
]


@pytest.mark.parametrize("site_page", PAGES, ids=[page.name for page in PAGES])
def test_page_meets_wcag_21_aa(open_page: PageOpener, site_page: SitePage) -> None:
    page = open_page(user=site_page.user)
    response = page.goto(site_page.path.format(**open_page.site.paths))
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")

    violations = axe_violations(page)

    page.screenshot(path=screenshots_dir() / f"{site_page.name}-desktop.png", full_page=True)
    assert not violations, f"{site_page.name}:\n" + describe_violations(violations)


@pytest.mark.parametrize("site_page", PHONE_PAGES, ids=[page.name for page in PHONE_PAGES])
def test_page_reflows_on_a_phone(open_page: PageOpener, site_page: SitePage) -> None:
    page = open_page(user=site_page.user, viewport=PHONE, mobile=True)
    response = page.goto(site_page.path.format(**open_page.site.paths))
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")

    path = screenshots_dir() / f"{site_page.name}-phone.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 0
    # WCAG 1.4.10 (reflow): at 320 CSS pixels nothing makes the whole page scroll sideways
    # (wide tables scroll inside their own box).
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], (
        f"{site_page.name} is {widths[0]}px wide on a {widths[1]}px screen"
    )
