"""Hardening: Content-Security-Policy without inline scripts, CSRF on every state change,
secure cookies and HSTS in production."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from partnerhub.core.tests.factories import UserFactory

PACKAGE_DIR = Path(__file__).resolve().parents[1]

# An opening <script> tag with neither a src attribute nor a JSON type: an inline script.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc\s*=)(?![^>]*type\s*=\s*[\"']application/(?:ld\+)?json[\"'])[^>]*>",
    re.IGNORECASE,
)
# onclick=, onload=, … and javascript: URLs.
INLINE_HANDLER = re.compile(r"\s on[a-z]+\s*=\s*[\"']|javascript:", re.IGNORECASE)


def _templates() -> list[Path]:
    return [
        path
        for path in PACKAGE_DIR.rglob("*.html")
        if "static" not in path.relative_to(PACKAGE_DIR).parts
    ]


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    templates = _templates()
    assert len(templates) > 5
    offenders = [
        f"{path.relative_to(PACKAGE_DIR)}: {match.group(0)}"
        for path in templates
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER)
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/pl/", "/api/", "/api/docs/", "/open-data/"])
def test_pages_carry_a_policy_that_forbids_inline_scripts(client: Client, url: str) -> None:
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    for page_script in INLINE_SCRIPT.finditer(response.content.decode()):
        raise AssertionError(f"inline script on {url}: {page_script.group(0)}")


@pytest.mark.django_db
def test_a_state_change_needs_the_csrf_token() -> None:
    """A signed-in browser session cannot be made to write from another site."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory.create())
    response = client.post(
        "/api/local-problems/", {"title": "Forged"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_production_settings_pass_the_deployment_checks() -> None:
    """``manage.py check --deploy`` on the production settings: no warning at all."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "partnerhub.settings.production",
        "SECRET_KEY": "x" * 64 + "-production-like-secret-for-the-check",
        "ALLOWED_HOSTS": "partnerhub.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "noreply@example.org",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_https_is_enforced() -> None:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "partnerhub.settings.production",
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "partnerhub.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "noreply@example.org",
    }
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000)"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", probe], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True"] * 5
