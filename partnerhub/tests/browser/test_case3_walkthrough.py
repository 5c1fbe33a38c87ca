"""Case 3 walked through in Chromium: the Postojna hub, as facilitator, takes a local problem
to a working partnership of all three sectors, and its own goal of a pilot partnership is met.

The hub's staff member records and publishes a problem, gets recommendations whose reasons
name the sector and the territory, builds a balanced shortlist and invites the three
organisations it proposes (public, private, civil); their representatives accept in their
workspace; the agreement divides the activities among them and all three sign; the
partnership moves to "implementing"; the hub's dashboard shows the goal "at least one pilot
partnership" as met.

The representatives' accounts are made for this test (the demo has none for these three
organisations) and, like everything the walk creates, removed at the end, so the tests
that run after this one find the demo as it was. Database work runs in a thread of its
own: Playwright's event loop runs in the test's thread, where Django refuses it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from django.contrib.auth.models import User
from django.db import connections
from playwright.sync_api import Locator, Page, expect

from partnerhub.tests.browser.conftest import DemoSite, PageOpener
from partnerhub.tests.browser.helpers import axe_violations, describe_violations, wait_for_htmx

pytestmark = pytest.mark.browser

HUB = "Regionalno stičišče NVO Primorsko-notranjske regije"
PILOT_GOAL = "Vzpostaviti vsaj eno pilotno lokalno partnerstvo v regiji"
PROBLEM = "Starejši na vaseh brez prevoza do zdravnika (sprehod)"
PARTNERSHIP = "Prevozi za starejše Postojna (sprehod)"
ACTIVITIES = ("Prevozi k zdravniku", "Zbiranje potreb po vaseh")
MUNICIPALITY = "Občina Postojna"
NGO = "Društvo Zgledni sosedje"
FIRM = "Zgledno podjetje d.o.o."
#: The representative made for each organisation the shortlist proposes.
REPRESENTATIVES = {
    MUNICIPALITY: "case3_obcina",
    NGO: "case3_drustvo",
    FIRM: "case3_podjetje",
}
#: Who leads each activity, and who contributes to it.
LEADS = {ACTIVITIES[0]: NGO, ACTIVITIES[1]: MUNICIPALITY}
CONTRIBUTES = {ACTIVITIES[0]: FIRM, ACTIVITIES[1]: NGO}

T = TypeVar("T")


def in_database(work: Callable[[], T]) -> T:
    """Run ``work`` in a thread of its own (with its own connection, closed afterwards)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


def _create_representatives() -> None:
    from partnerhub.access.choices import Role
    from partnerhub.access.services import grant_role
    from partnerhub.demo.users import DEMO_PASSWORD
    from partnerhub.registry.models import Organisation

    for name, username in REPRESENTATIVES.items():
        user = User.objects.create_user(
            username, f"{username}@example.org", DEMO_PASSWORD, first_name=username.title()
        )
        grant_role(user, Role.REPRESENTATIVE, organisation=Organisation.objects.get(name=name))


def _remove_what_the_walk_created() -> None:
    """Put the demo back as it was: the partnership (with its agreement, signatures and
    invitations), the problem and the representatives' accounts."""
    from partnerhub.agreements.models import Agreement, Signature
    from partnerhub.consultation.models import LocalProblem
    from partnerhub.consultation.services import delete_problem
    from partnerhub.partnerships.models import Partnership
    from partnerhub.partnerships.services import delete_partnership

    for partnership in Partnership.objects.filter(name=PARTNERSHIP):
        # Signatures are never removed through the services: they protect what they sign.
        Signature.objects.filter(version__agreement__partnership=partnership).delete()
        Agreement.objects.filter(partnership=partnership).delete()
        delete_partnership(partnership, by=None)
    for problem in LocalProblem.objects.filter(title=PROBLEM):
        delete_problem(problem, by=None)
    User.objects.filter(username__in=REPRESENTATIVES.values()).delete()


@pytest.fixture
def representatives(demo_site: DemoSite) -> Iterator[dict[str, str]]:
    in_database(_create_representatives)
    try:
        yield REPRESENTATIVES
    finally:
        in_database(_remove_what_the_walk_created)


def goal_row(page: Page) -> Locator:
    return page.get_by_role("region", name="The hub's goals").get_by_role(
        "row", name=re.compile("^" + re.escape(PILOT_GOAL))
    )


def open_hub_dashboard(page: Page) -> None:
    page.goto("/workspace/")
    page.get_by_role("region", name="Hub dashboards").get_by_role("link", name=HUB).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dashboard of {HUB}")


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def record_and_publish_the_problem(hub: Page) -> None:
    hub.goto("/workspace/")
    hub.get_by_role("link", name="Describe a problem of your community").click()
    hub.get_by_label("Title", exact=True).fill(PROBLEM)
    hub.get_by_label("Description", exact=True).fill(
        "Starejši v vaseh brez rednega avtobusa ne pridejo do zdravnika in trgovine."
    )
    hub.get_by_role("searchbox", name="Search: Territory").press_sequentially("Postojna")
    territory = hub.get_by_role("combobox", name="Territory", exact=True)
    option = territory.locator("option", has_text="Postojna")
    expect(option).to_have_count(1)
    territory.select_option(value=option.get_attribute("value"))
    hub.get_by_role("checkbox", name="Older people").check()
    hub.get_by_label("Moderating hub").select_option(label=HUB)
    hub.get_by_role("button", name="Create").click()
    expect(hub.get_by_role("heading", level=1)).to_have_text(PROBLEM)

    # The problem's own page (the workspace edits its text; the page is where it is reviewed).
    found = re.search(r"/workspace/localproblem/(\d+)/edit/", hub.url)
    assert found, hub.url
    hub.goto(f"/problems/{found.group(1)}/")
    expect(hub.get_by_role("heading", level=1)).to_have_text(PROBLEM)
    review = hub.get_by_role("region", name="Review by the hub")
    review.get_by_role("button", name="Publish").click()
    expect(hub.get_by_role("status").first).to_contain_text("The problem is now “Published”")
    expect(hub.locator(".badge--status-published")).to_have_text("Published")


def find_partners_and_invite_a_balanced_shortlist(hub: Page) -> None:
    hub.get_by_role("link", name="Find partners for this problem").click()
    expect(hub.get_by_role("heading", level=1)).to_have_text(f"Partners for “{PROBLEM}”")
    results = hub.locator("#recommendations")
    # Why each is recommended: the sector and the territory among the reasons.
    ngo = results.get_by_role("article", name=NGO)
    expect(ngo.locator('[data-component="territory"]')).to_contain_text(
        "Seated in the same municipality (Postojna)"
    )
    expect(ngo.locator('[data-component="sector"]')).to_contain_text(
        "every sector is still missing"
    )
    expect(ngo.locator('[data-component="thematic"]')).to_contain_text("Older people")

    start = hub.get_by_role("group", name="Start a partnership for this problem")
    start.get_by_label("Name of the partnership").fill(PARTNERSHIP)
    start.get_by_role("button", name="Start the partnership").click()
    expect(hub.get_by_role("status").first).to_contain_text(f"The partnership “{PARTNERSHIP}”")

    hub.get_by_role("button", name="Build a balanced shortlist").click()
    wait_for_htmx(hub)
    expect(results.get_by_role("heading", name="Balanced shortlist")).to_be_visible()
    expect(results.get_by_role("article")).to_have_count(3)
    for sector in ("Public sector", "Private sector", "Civil sector (NGO)"):
        expect(results.locator(".badge", has_text=sector).first).to_be_visible()
    for name in REPRESENTATIVES:
        expect(results.get_by_role("checkbox", name=name)).to_be_checked()
    # The address htmx pushed shows the same shortlist (and no more the flash message).
    hub.reload()
    for name in REPRESENTATIVES:
        expect(results.get_by_role("checkbox", name=name)).to_be_checked()
    assert_accessible(hub)

    results.get_by_role("button", name="Invite the selected organisations").click()
    expect(hub.get_by_role("heading", level=1)).to_have_text("3 invitations sent")
    for name in REPRESENTATIVES:
        expect(hub.get_by_role("row", name=re.compile("^" + re.escape(name)))).to_be_visible()


def representatives_accept(open_page: PageOpener) -> None:
    for name, username in REPRESENTATIVES.items():
        page = open_page(user=username)
        page.goto("/workspace/")
        invitations = page.get_by_role("region", name="Invitations to answer")
        expect(invitations).to_contain_text(PARTNERSHIP)
        invitations.get_by_role("button", name=re.compile(r"^Accept")).click()
        expect(invitations.get_by_role("status")).to_contain_text(
            f"{name} is now a member of “{PARTNERSHIP}”"
        )
        expect(invitations).to_contain_text("No invitations wait for an answer.")


def draft_the_agreement(hub: Page) -> str:
    """The hub lists the activities, gives each a lead, and opens it for signature; returns
    the agreement's address."""
    hub.goto("/workspace/")
    hub.get_by_role("region", name="Partnerships I facilitate").get_by_role(
        "link", name=PARTNERSHIP, exact=True
    ).click()
    expect(hub.get_by_role("heading", level=1)).to_have_text(PARTNERSHIP)
    balance = hub.get_by_role("region", name="Three-sector balance")
    expect(balance).to_contain_text("Balanced: all three sectors take part")
    hub.get_by_role("link", name="Draft the agreement").click()
    hub.get_by_role("button", name="Start drafting the agreement").click()
    for title in ACTIVITIES:
        form = hub.get_by_role("group", name="Add an activity")
        form.get_by_label("Activity", exact=True).fill(title)
        form.get_by_role("button", name="Add the activity").click()
    matrix = hub.get_by_role("table", name="Responsibilities of the members in each activity")
    for parts, level in ((LEADS, "lead"), (CONTRIBUTES, "contributes")):
        for activity, member in parts.items():
            cell = matrix.get_by_role("combobox", name=f"{member} in “{activity}”")
            with hub.expect_response(lambda response: "/cell/" in response.url):
                cell.select_option(level)
            wait_for_htmx(hub)
            expect(matrix.get_by_role("combobox", name=f"{member} in “{activity}”")).to_have_value(
                level
            )
    hub.reload()
    assert_accessible(hub)
    commitments = hub.get_by_role("group", name="Record a member's commitment")
    commitments.get_by_label("Member").select_option(label=FIRM)
    commitments.get_by_label("In kind").fill("Kombi za 8 oseb, dvakrat tedensko")
    commitments.get_by_label("Hours of work").fill("120")
    commitments.get_by_role("button", name="Save the commitment").click()
    expect(hub.get_by_role("region", name="What each member commits")).to_contain_text(
        "Kombi za 8 oseb"
    )
    hub.get_by_role("button", name="Open for signature").click()
    expect(hub.locator("[data-version-status]")).to_have_text("Open for signature")
    return hub.url.split("#")[0]


def everyone_signs(open_page: PageOpener, agreement_url: str) -> None:
    for name, username in REPRESENTATIVES.items():
        page = open_page(user=username)
        page.goto(agreement_url)
        page.get_by_role("button", name=f"Sign for {name}").click()
        expect(page.get_by_role("status").first).to_contain_text(f"Signed for {name}.")
        expect(page.get_by_role("button", name=f"Sign for {name}")).to_have_count(0)


def move_to_implementing(hub: Page, agreement_url: str) -> None:
    hub.goto(agreement_url)
    expect(hub.locator("[data-version-status]")).to_have_text("Signed")
    expect(hub.locator('#signatories [data-signed="yes"]')).to_have_count(3)
    hub.get_by_role("navigation", name="Breadcrumbs").get_by_role("link", name=PARTNERSHIP).click()
    lifecycle = hub.get_by_role("region", name="Lifecycle")
    for stage in ("Building", "Formalised", "Implementing"):
        move = lifecycle.get_by_role("group", name="Move to another stage")
        move.get_by_label("Move to the stage").select_option(label=stage)
        move.get_by_role("button", name="Move").click()
        expect(hub.get_by_role("status").first).to_contain_text(
            f"The partnership is now in the stage “{stage}”"
        )
    history = lifecycle.get_by_role("table", name="Stage history")
    expect(history.get_by_role("row")).to_have_count(4)  # the header and three moves


def test_case3_from_a_local_problem_to_a_working_partnership(
    open_page: PageOpener, representatives: dict[str, str]
) -> None:
    hub = open_page(user="hub")
    open_hub_dashboard(hub)
    expect(goal_row(hub)).to_contain_text("Not met")

    record_and_publish_the_problem(hub)
    find_partners_and_invite_a_balanced_shortlist(hub)
    representatives_accept(open_page)
    agreement_url = draft_the_agreement(hub)
    everyone_signs(open_page, agreement_url)
    move_to_implementing(hub, agreement_url)

    open_hub_dashboard(hub)
    row = goal_row(hub)
    expect(row).to_contain_text("1 of 1")
    expect(row.locator(".ws-tag--yes")).to_have_text("Met")
    assert_accessible(hub)
