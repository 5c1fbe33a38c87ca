"""Helpers for the tests of the public directory's pages (``test_pages*.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerhub.search.services import index_queryset

LANGUAGES = ("en", "pl", "sl")


def text(response: Any) -> str:
    """The response's visible text: tags dropped, entities and spaces (nbsp too) normalised."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    plain = unescape(re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")
    return re.sub(r"\s+", " ", plain)


def index(*models_: type[models.Model]) -> None:
    """Put every record of these models into the search index (factories skip the services)."""
    for model in models_:
        index_queryset(model._default_manager.all())


def count_queries(fetch: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        fetch()
    return len(captured)


def get(client: Client, url: str, **params: Any) -> Any:
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    return response


def htmx_get(client: Client, url: str, **params: Any) -> Any:
    """A request as htmx sends it when a filter changes."""
    response = client.get(url, params, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response


def next_link(response: Any) -> str | None:
    """The href of the "next page" link, unescaped."""
    found = re.search(r'<a rel="next" href="([^"]+)"', response.content.decode())
    return unescape(found.group(1)) if found else None


def previous_link(response: Any) -> str | None:
    found = re.search(r'<a rel="prev" href="([^"]+)"', response.content.decode())
    return unescape(found.group(1)) if found else None


def row_names(response: Any) -> list[str]:
    """The names in the first column of the results table, in order."""
    html = response.content.decode()
    if '<table class="records">' not in html:
        return []
    body = html.split('<table class="records">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<th scope="row"[^>]*>(.*?)</th>', body, flags=re.S)
    return [unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]
