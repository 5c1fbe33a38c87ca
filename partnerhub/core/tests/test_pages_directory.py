"""The building blocks of the directory's lists, and the layout every page shares."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from partnerhub.core.choices import DatePrecision
from partnerhub.core.directory import (
    COUNT_CAP,
    SortOption,
    capped_count,
    decode_cursor,
    encode_cursor,
    paginate_by_cursor,
)
from partnerhub.core.templatetags.directory import figure, money, period
from partnerhub.core.tests.factories import OrganisationFactory, ProjectFactory, UserFactory
from partnerhub.core.tests.pages import get, text
from partnerhub.core.views import results_text
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db

BY_NAME = SortOption("name", "Name", (("name", False),))


def test_cursor_pages_walk_forward_and_back_without_offsets() -> None:
    for number in range(7):
        OrganisationFactory.create(name=f"Org {number % 3}")  # equal names: the id decides
    records = Organisation.objects.all()
    pages = [paginate_by_cursor(records, BY_NAME, None, page_size=3)]
    while pages[-1].next_cursor:
        pages.append(paginate_by_cursor(records, BY_NAME, pages[-1].next_cursor, page_size=3))
    walked = [o.pk for page in pages for o in page.records]
    assert walked == list(records.order_by("name", "pk").values_list("pk", flat=True))
    assert [len(page.records) for page in pages] == [3, 3, 1]
    assert pages[0].previous_cursor is None
    back = paginate_by_cursor(records, BY_NAME, pages[2].previous_cursor, page_size=3)
    assert back.records == pages[1].records
    with CaptureQueriesContext(connection) as captured:
        paginate_by_cursor(records, BY_NAME, pages[1].next_cursor, page_size=3)
    assert len(captured) == 1 and "OFFSET" not in captured[0]["sql"]


def test_a_cursor_of_another_sort_or_a_forged_one_means_the_first_page() -> None:
    cursor = encode_cursor("name", "a", ["Org", 3])
    assert decode_cursor(cursor, "name", 2) == ("a", ["Org", 3])
    assert decode_cursor(cursor, "-created_at", 2) is None
    assert decode_cursor("!!!", "name", 2) is None
    assert decode_cursor(encode_cursor("name", "x", ["Org", 3]), "name", 2) is None
    OrganisationFactory.create_batch(2)
    page = paginate_by_cursor(Organisation.objects.all(), BY_NAME, "garbage", page_size=5)
    assert len(page.records) == 2


def test_the_count_stops_after_the_cap(client: Client) -> None:
    Organisation.objects.bulk_create(
        Organisation(name=f"Stowarzyszenie {n:04d}", sector="civil") for n in range(COUNT_CAP + 5)
    )
    with CaptureQueriesContext(connection) as captured:
        assert capped_count(Organisation.objects.all()) == COUNT_CAP + 1
    assert f"LIMIT {COUNT_CAP + 1}" in captured[0]["sql"]
    assert "1,000+ results" in text(get(client, "/organisations/"))
    with translation.override("pl"):
        polish = results_text(COUNT_CAP + 1)
    assert polish.startswith("1\xa0000+") and "results" not in polish  # "1 000+ wyników"
    assert polish.replace("\xa0", " ") in text(get(client, "/pl/organisations/"))
    # Facets stay exact under the facet limit.
    assert "Civil sector (NGO) 1,005" in text(get(client, "/organisations/", facets="only"))


def test_result_counts_use_plural_forms_and_the_readers_grouping() -> None:
    translation.activate("en")  # whatever an earlier request left active
    assert results_text(1) == "1 result"
    assert results_text(0) == "0 results"
    assert results_text(COUNT_CAP + 1) == "1,000+ results"
    with translation.override("sl"):
        assert results_text(COUNT_CAP + 1).startswith("1.000+")


def test_money_figures_and_periods_follow_the_readers_language() -> None:
    amount = Decimal("137476.00")
    for language, expected in {
        "en": "137,476.00\xa0EUR",
        "pl": "137\xa0476,00\xa0EUR",
        "sl": "137.476,00\xa0EUR",
    }.items():
        with translation.override(language):
            assert money(amount, "EUR") == expected
    assert money(None, "EUR") == "—"
    with translation.override("pl"):
        assert figure(Decimal("328.00")) == "328"
        assert figure(Decimal("12.50")) == "12,50"
        project = ProjectFactory.create()
        assert re.sub(r"<[^>]+>", "", period(project)) == "01-01-2024 – 31-12-2024"


def test_a_month_after_from_or_until_takes_the_languages_case() -> None:
    project = ProjectFactory.build(
        start=datetime.date(2014, 11, 1), end=None, period_precision=DatePrecision.MONTH
    )
    until = ProjectFactory.build(
        start=None, end=datetime.date(2016, 3, 31), period_precision=DatePrecision.MONTH
    )
    shown = {}
    for language in ("en", "pl"):
        with translation.override(language):
            shown[language] = [re.sub(r"<[^>]+>", "", period(p)) for p in (project, until)]
    assert shown["en"] == ["from November 2014", "until March 2016"]
    assert shown["pl"] == ["od listopada 2014", "do marca 2016"]


def test_every_page_shares_an_accessible_layout(client: Client) -> None:
    html = get(client, "/organisations/").content.decode()
    assert '<a class="skip-link" href="#content">' in html
    for landmark in ("<header", "<nav", '<main id="content"', "<footer"):
        assert landmark in html
    assert re.search(r'<script src="[^"]*vendor/htmx/htmx\.min\.js" defer></script>', html)
    # A strict Content-Security-Policy: no inline scripts, handlers or styles.
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "style=" not in html
    assert 'href="/open-data/"' in html and 'href="/api/"' in html
    for section in (
        "/partnerships/",
        "/projects/",
        "/projects/programmes/",
        "/events/",
        "/problems/",
    ):
        assert f'href="{section}"' in html
    assert 'aria-current="true">Organisations' in html


def test_the_language_switcher_works_without_javascript(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "pl", "next": "/organisations/"})
    assert response.status_code == 302 and response["Location"] == "/pl/organisations/"
    assert '<html lang="pl">' in get(client, "/pl/organisations/").content.decode()


def test_the_header_offers_sign_in_or_the_account(client: Client) -> None:
    user = UserFactory.create(username="citizen")
    client.force_login(user)
    assert "citizen" in text(get(client, "/organisations/"))
