"""What the browser tests share: finding Chromium, watching the console, axe-core, waits.

Nothing here talks to the database: the tests see Partnerhub only through the browser.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from playwright.sync_api import ConsoleMessage, Error, Page, Response, ViewportSize

VENDOR_DIR = Path(__file__).resolve().parent / "vendor"
AXE_PATH = VENDOR_DIR / "axe.min.js"

#: The WCAG levels Partnerhub promises: 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
#: A small phone; WCAG's reflow criterion asks for 320 CSS pixels without sideways scrolling.
PHONE: ViewportSize = {"width": 320, "height": 720}

CHROMIUM_MISSING = (
    "Chromium was not found, so the browser tests cannot run (they never skip). "
    "Install Debian's chromium with `scripts/ensure-chromium` "
    "(or `apt-get update && apt-get install -y chromium`), "
    "or point PARTNERHUB_CHROMIUM at a Chromium executable."
)


def find_chromium() -> str | None:
    """The Chromium executable to drive: $PARTNERHUB_CHROMIUM, else Debian's chromium."""
    configured = os.environ.get("PARTNERHUB_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def screenshots_dir() -> Path:
    """var/screenshots/ (under PARTNERHUB_VAR_DIR when set): ignored by git with var/."""
    directory = Path(settings.VAR_DIR) / "screenshots"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


# Reports CSP violations with what was blocked. The init script is injected through the
# DevTools protocol, which the page's Content-Security-Policy does not govern.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " blocked "
    + (event.blockedURI || "inline code") + " in " + event.documentURI);
});
"""


@dataclass
class ConsoleWatch:
    """Everything that went wrong in a page: console errors, uncaught exceptions, 5xx.

    Chromium reports a Content-Security-Policy violation as a console error (and the init
    script above adds one naming the directive), so a CSP violation is caught here too.
    """

    problems: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.add_init_script(script=REPORT_CSP_VIOLATIONS)
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        page.on("response", self._on_response)

    def _on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text:
            where = message.location.get("url", "") if message.location else ""
            self.problems.append(f"console {message.type}: {text} ({where or message.page})")

    def _on_page_error(self, error: Error) -> None:
        self.problems.append(f"uncaught JavaScript error: {error.message}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 500:
            self.problems.append(f"server error {response.status}: {response.url}")

    def take(self) -> list[str]:
        """The problems seen so far, forgetting them."""
        problems, self.problems = self.problems, []
        return problems

    def assert_clean(self) -> None:
        problems = self.take()
        assert not problems, "The browser reported problems:\n  " + "\n  ".join(problems)


def axe_violations(page: Page, *, tags: tuple[str, ...] = WCAG_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now and return its violations of the given tags.

    axe is evaluated through the DevTools protocol rather than added as a <script>: the
    site's CSP (script-src 'self') would rightly refuse an inline script, and evaluating
    it this way leaves the CSP in force, so the same visit is checked for CSP violations.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_PATH.read_text(encoding="utf-8"))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        list(tags),
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """axe's violations as lines a person can act on: rule, impact, elements, fix."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(node['target'])}: {summary}")
    return "\n".join(lines)


def wait_for_htmx(page: Page) -> None:
    """Wait until htmx has no request in flight and has settled its last swap."""
    page.locator(".htmx-request, .htmx-swapping, .htmx-settling").first.wait_for(state="detached")


def normalise_spaces(text: str) -> str:
    """Collapse every kind of space (incl. the no-break spaces of number formats) to one."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()
