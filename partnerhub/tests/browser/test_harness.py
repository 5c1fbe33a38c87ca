"""The checks the other browser tests rely on can fail: axe, the CSP watch, Chromium."""

from __future__ import annotations

import pytest

from partnerhub.tests.browser.conftest import PageOpener
from partnerhub.tests.browser.helpers import CHROMIUM_MISSING, axe_violations, find_chromium

pytestmark = pytest.mark.browser


def test_axe_reports_an_image_without_a_text_alternative(open_page: PageOpener) -> None:
    page = open_page()
    page.goto("/")
    assert axe_violations(page) == []
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML("
        "'beforeend', '<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">')"
    )

    assert [violation["id"] for violation in axe_violations(page)] == ["image-alt"]


def test_the_console_watch_catches_a_csp_violation(open_page: PageOpener) -> None:
    page = open_page()
    page.goto("/")
    page.evaluate(
        "() => { const script = document.createElement('script');"
        " script.textContent = 'window.inlineScriptRan = true;';"
        " document.body.append(script); }"
    )
    page.wait_for_timeout(100)  # the violation event is dispatched asynchronously

    assert page.evaluate("() => window.inlineScriptRan === undefined")
    problems = open_page.watch_of(page).take()
    assert any("Content Security Policy" in problem for problem in problems), problems
    assert any("CSP violation: script-src" in problem for problem in problems), problems


def test_a_missing_chromium_is_named_with_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARTNERHUB_CHROMIUM", "/nonexistent/chromium")

    assert find_chromium() is None
    assert "scripts/ensure-chromium" in CHROMIUM_MISSING
