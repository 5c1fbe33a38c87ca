"""Real-browser tests: Debian's Chromium, driven by Playwright, against a live Partnerhub.

How the database is handled. The tests read the five demo cases, which take seconds to
load, so they are loaded once for this package rather than once per test:

* ``demo_site`` (package scope) unblocks database access for the whole package, empties
  the test database (as a transactional test does after itself) and puts back the
  shipped vocabularies that the migrations load, then loads the demo with
  ``load_demo_data()`` and commits it. Then it starts Django's ``LiveServerThread``
  (through pytest-django's ``LiveServer``) on 127.0.0.1 with a free port. With SQLite the
  test database lives in memory, so the server thread is handed the same connection (as
  Django's LiveServerTestCase does); with PostgreSQL it opens its own connections and
  sees the committed data.
* pytest-django creates the test database only when a collected test asks for ``db``,
  ``transactional_db`` or ``django_db``; when these tests run alone, ``demo_site``
  creates it (and drops it at the end). It refuses to run unless the connection points
  at a test database, never at the database DATABASE_URL names.
* The tests never request ``db``/``transactional_db``: a test transaction would hide its
  data from the server thread, and pytest-django's own ``live_server`` fixture would
  flush the demo after the first test. What a test writes through the browser stays for
  the tests after it, so tests that change data put it back as it was (and the others do
  not rely on what they change).
* At the end of the package the server stops and the database is emptied again and the
  vocabularies restored, so the tests that run afterwards find the database as the
  migrations left it.

One Chromium is started for the whole folder and shared; each test gets fresh browser
contexts (cookies, storage) from ``open_page``. Every page opened that way is watched
(helpers.ConsoleWatch): a console error, a Content-Security-Policy violation, an uncaught
JavaScript error or a 5xx response fails the test that caused it.

If Chromium is missing, every browser test fails with a message saying how to install it
(`scripts/ensure-chromium`); they never skip.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import dj_database_url
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection
from django.test.utils import setup_databases, teardown_databases
from django.urls import reverse
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    StorageState,
    ViewportSize,
    sync_playwright,
)
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.vocabularies.loading import load_vocabularies
from partnerhub.demo.services import load_demo_data
from partnerhub.demo.users import DEMO_PASSWORD, PILOT_PARTNERSHIP
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation
from partnerhub.tests.browser.helpers import (
    CHROMIUM_MISSING,
    DESKTOP,
    ConsoleWatch,
    find_chromium,
)

#: Playwright waits this long (ms) for an element or a navigation before failing.
TIMEOUT_MS = 10_000


def _empty_database() -> None:
    """Empty every table as a transactional test does after itself, then put back the
    vocabularies the migrations ship, so the database is as freshly migrated."""
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=DEFAULT_DB_ALIAS,
        reset_sequences=False,
        allow_cascade=False,
        inhibit_post_migrate=False,
    )
    load_vocabularies(apps)


@dataclass(frozen=True)
class DemoSite:
    """The live server serving the demo data, and the paths of the demo records tests
    visit directly (looked up before Playwright starts: see the ``playwright`` fixture)."""

    base_url: str
    paths: dict[str, str]


def _demo_paths() -> dict[str, str]:
    """Paths (without a language prefix) of one demo record of each kind, by name."""
    hub = Organisation.objects.get(name="Regionalno stičišče NVO Primorsko-notranjske regije")
    pilot = Partnership.objects.get(name=PILOT_PARTNERSHIP)
    project = Project.objects.get(title__startswith="Projekt regionalnega stičišča NVO")
    problem = LocalProblem.objects.get(territory__name="Postojna")
    return {
        "fal": Organisation.objects.get(short_name="FAL").get_absolute_url(),
        "pilot": pilot.get_absolute_url(),
        "kuznia": Project.objects.get(title__startswith="Kuźnia Ekspertów").get_absolute_url(),
        "programme": Programme.objects.order_by("title")[0].get_absolute_url(),
        "event": Event.objects.order_by("title")[0].get_absolute_url(),
        "problem": reverse("consultation:problem-detail", args=[problem.pk]),
        "pilot_edit": reverse("workspace:partnership-change", args=[pilot.pk]),
        "project_edit": reverse("workspace:project-change", args=[project.pk]),
        "hub_dashboard": reverse("workspace:hub-dashboard", args=[hub.pk]),
    }


def _uses_test_database() -> bool:
    """Whether the default connection has been switched to a test database, away from
    the database the settings name (DATABASE_URL, e.g. var/partnerhub.sqlite3)."""
    configured = dj_database_url.parse(settings.DATABASE_URL)["NAME"]
    return bool(connection.settings_dict["NAME"] != configured)


@pytest.fixture(scope="package")
def demo_site(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[DemoSite]:
    with django_db_blocker.unblock():
        # pytest-django creates the test database only for the aliases the collected tests
        # ask for with db/transactional_db/django_db, which these tests do not: when they
        # run alone, create it here (and never touch the database of the settings).
        own_databases = None
        if not _uses_test_database():
            own_databases = setup_databases(
                verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS: True}
            )
        if not _uses_test_database():
            pytest.fail("refusing to run the browser tests outside the test database")
        _empty_database()
        loaded = load_demo_data()
        assert loaded.loaded, "the demo did not load: the test database was not empty"
        server = LiveServer("127.0.0.1")
        server._live_server_modified_settings.enable()
        try:
            yield DemoSite(base_url=server.url, paths=_demo_paths())
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            _empty_database()
            if own_databases is not None:
                teardown_databases(own_databases, verbosity=0)


@pytest.fixture(scope="package")
def playwright(demo_site: DemoSite) -> Iterator[Playwright]:
    # Playwright's synchronous API runs an asyncio loop in this thread, and Django refuses
    # database access from a thread with a running loop: so the demo is loaded before
    # Playwright starts, and emptied after it stops (hence the dependency on demo_site).
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    # Chromium's sandbox cannot start as root (containers, CI); elsewhere it stays on.
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    chromium = playwright.chromium.launch(executable_path=executable, args=args)
    yield chromium
    chromium.close()


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the real login form of the page's site, as a person would."""
    page.get_by_label("Username or e-mail address").fill(username)
    page.get_by_label(re.compile(r"^Password:?$")).fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


@dataclass
class PageOpener:
    """Opens watched pages in fresh browser contexts; checks and closes them afterwards."""

    browser: Browser
    site: DemoSite
    signed_in: dict[str, StorageState]
    contexts: list[tuple[BrowserContext, ConsoleWatch]] = field(default_factory=list)
    watches: dict[int, ConsoleWatch] = field(default_factory=dict)

    def __call__(
        self,
        *,
        user: str | None = None,
        viewport: ViewportSize = DESKTOP,
        javascript: bool = True,
        mobile: bool = False,
    ) -> Page:
        """A new page in its own context, signed in as ``user`` (through the login form)."""
        context = self.browser.new_context(
            base_url=self.site.base_url,
            viewport=viewport,
            locale="en-GB",
            java_script_enabled=javascript,
            is_mobile=mobile,
            has_touch=mobile,
            storage_state=self._state_of(user) if user else None,
        )
        context.set_default_timeout(TIMEOUT_MS)
        watch = ConsoleWatch()
        page = context.new_page()
        watch.attach(page)
        self.contexts.append((context, watch))
        self.watches[id(page)] = watch
        return page

    def watch_of(self, page: Page) -> ConsoleWatch:
        return self.watches[id(page)]

    def _state_of(self, user: str) -> StorageState:
        """The cookies of a session signed in as ``user``; signs in once per package."""
        if user not in self.signed_in:
            context = self.browser.new_context(base_url=self.site.base_url, locale="en-GB")
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()
            page.goto("/accounts/login/")
            sign_in(page, user)
            self.signed_in[user] = context.storage_state()
            context.close()
        return self.signed_in[user]

    def close(self) -> list[str]:
        problems = []
        for context, watch in self.contexts:
            problems.extend(watch.take())
            context.close()
        self.contexts.clear()
        return problems


@pytest.fixture(scope="package")
def signed_in_states() -> dict[str, StorageState]:
    return {}


@pytest.fixture
def open_page(
    browser: Browser, demo_site: DemoSite, signed_in_states: dict[str, StorageState]
) -> Iterator[PageOpener]:
    opener = PageOpener(browser=browser, site=demo_site, signed_in=signed_in_states)
    yield opener
    problems = opener.close()
    assert not problems, "The browser reported problems:\n  " + "\n  ".join(problems)


@pytest.fixture
def page(open_page: PageOpener) -> Page:
    """A desktop page, not signed in, English."""
    return open_page()
