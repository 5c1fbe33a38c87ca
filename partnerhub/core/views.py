"""The home page, a health check, and the list page every directory list is built on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import django_tables2 as tables
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.http import require_safe
from django_filters import FilterSet
from django_stubs_ext import StrOrPromise

from partnerhub.core.directory import (
    COUNT_CAP,
    RELEVANCE,
    CursorPage,
    Facet,
    FacetResult,
    SortExpression,
    SortOption,
    capped_count,
    paginate_by_cursor,
    search_directory,
    selected_values,
    without,
)
from partnerhub.core.ranking import BestMatches, best_matches
from partnerhub.core.selectors import get_record_counts
from partnerhub.search.selectors import count_matching_records, filter_queryset_by_search

#: Parameters a list reads itself; every other parameter goes to the filterset.
LIST_PARAMS = ("q", "sort", "cursor", "facets")
#: ``?facets=only`` answers the facets alone (what the page loads after its results);
#: ``?facets=all`` the whole page with its facets (the page's link without JavaScript).
FACETS_ONLY, FACETS_INLINE = "only", "all"
MAX_QUERY_LENGTH = 200


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request that swaps part of the page (not one restoring browser history)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


def without_duplicates(records: QuerySet[Any]) -> QuerySet[Any]:
    """``records`` without ``DISTINCT``: filters across many-to-many relations ask for it,
    and sorting a page out of a distinct set means de-duplicating every match first."""
    if not records.query.distinct:
        return records
    return records.model._default_manager.filter(pk__in=records.values("pk"))


def results_text(count: int) -> str:
    """ "25 results", "1 000+ results" — in the reader's language and plural form."""
    if count > COUNT_CAP:
        shown = _("%(count)s+") % {"count": number_format(COUNT_CAP, force_grouping=True)}
        number = COUNT_CAP
    else:
        shown = number_format(count, force_grouping=True)
        number = count
    return ngettext("%(count)s result", "%(count)s results", number) % {"count": shown}


@dataclass(frozen=True)
class Listing:
    """What a list page shows for one request: the page of records and how to narrow it."""

    query: str
    sort: SortOption
    sort_options: list[SortOption]
    page: CursorPage
    count: int
    #: None when the page loads its facets in a second request (``?facets=only``).
    facets: list[FacetResult] | None
    filterset: FilterSet
    table: tables.Table

    @property
    def count_text(self) -> str:
        return results_text(self.count)


class DirectoryListView(View):
    """A list of one kind of record: search, filters with counts, sorting, cursor pages.

    Subclasses name the filterset (shared with the API), the table, the facets and the
    sorts, and give ``get_records()`` (the records the user may see) and
    ``with_page_details()`` (what the table reads, fetched for one page at once). The page
    works without JavaScript (a GET form); with htmx, changing a filter fetches only the
    results and the facets (``directory/_results.html``) and pushes the URL.
    """

    title: ClassVar[StrOrPromise] = ""
    intro: ClassVar[StrOrPromise] = ""
    filterset_class: ClassVar[type[FilterSet]]
    table_class: ClassVar[type[tables.Table]]
    facets: ClassVar[tuple[Facet, ...]] = ()
    sort_options: ClassVar[tuple[SortOption, ...]]
    #: Keys that order records with the same relevance to a search.
    relevance_tiebreak: ClassVar[tuple[tuple[SortExpression, bool], ...]] = ()
    #: Filters shown above the facets (a territory drill-down, date and amount ranges).
    filters_template: ClassVar[str | None] = None
    #: The open-data export of the same records (``opendata:list-export`` resource).
    export_resource: ClassVar[str] = ""
    template_name: ClassVar[str] = "directory/list.html"
    results_template: ClassVar[str] = "directory/_results.html"

    def get_records(self) -> QuerySet[Any]:
        """The records the user may see (``visible_to``), before any filter."""
        raise NotImplementedError

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        """``records`` with what one page of the table reads (``select_related`` …)."""
        return records

    def get_filters_context(self) -> dict[str, Any]:
        """What ``filters_template`` needs beyond the filterset."""
        return {}

    @staticmethod
    def search(records: QuerySet[Any], query: str) -> QuerySet[Any]:
        return filter_queryset_by_search(records, query) if query else records

    def filterset(self, data: Any, records: QuerySet[Any]) -> FilterSet:
        return self.filterset_class(data=data, queryset=records, request=self.request)

    def choose_sort(
        self, records: QuerySet[Any], query: str
    ) -> tuple[SortOption, list[SortOption], BestMatches | None]:
        """The sort asked for (the first option by default) and the options offered.

        ``records`` are the filtered records before the search; with words to search for,
        "Best match" comes first and ranks them (``core.ranking``).
        """
        options = list(self.sort_options)
        best = best_matches(records, query)
        if best is not None:
            relevance = SortOption(
                RELEVANCE, _("Best match"), ((best.key, False), *self.relevance_tiebreak)
            )
            options.insert(0, relevance)
        wanted = self.request.GET.get("sort", "")
        chosen = next((option for option in options if option.value == wanted), options[0])
        return chosen, options, best

    def narrow(self) -> tuple[str, Any, QuerySet[Any], FilterSet, QuerySet[Any]]:
        """The request's search, filter data, visible records, filterset and matches."""
        params = self.request.GET
        query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        data = without(params, LIST_PARAMS)
        records = self.get_records()
        filterset = self.filterset(data, records)
        return query, data, records, filterset, self.search(filterset.qs, query)

    def build_listing(self, *, with_facets: bool = True) -> Listing:
        query, data, records, filterset, filtered = self.narrow()
        sort, sort_options, best = self.choose_sort(filterset.qs, query)
        listed = without_duplicates(filtered)
        if best is not None and best.condition is not None and sort.value == RELEVANCE:
            # The ranked records match the search already: no need to search all of them.
            listed = without_duplicates(filterset.qs).filter(best.condition)
        page = paginate_by_cursor(
            self.with_page_details(listed), sort, self.request.GET.get("cursor") or None
        )
        if best is not None:
            count = count_matching_records(filterset.qs, query, cap=COUNT_CAP)
        else:
            count = capped_count(filtered)
        return Listing(
            query=query,
            sort=sort,
            sort_options=sort_options,
            page=page,
            count=count,
            facets=self.build_facets(query, data, records, filtered) if with_facets else None,
            filterset=filterset,
            table=self.table_class(page.records),
        )

    def build_facets(
        self, query: str, data: Any, records: QuerySet[Any], filtered: QuerySet[Any]
    ) -> list[FacetResult]:
        """Every facet with its counts within the matching records (one query each)."""
        facets = []
        for facet in self.facets:
            selected = selected_values(data, facet.param)
            base = filtered
            if selected and not facet.conjunctive:
                # Options of one facet combine with OR: count as if none of them were chosen.
                base = self.search(self.filterset(without(data, [facet.param]), records).qs, query)
            facets.append(facet.result(base, selected))
        return facets

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The page answers with its results first; the facets come in a second request.

        Counting the facets costs a grouped query per facet over the matching records
        (most of a page's time at national scale, docs/benchmarks.md), so the page holds a
        placeholder that htmx replaces with ``?facets=only`` once the results are shown.
        Without JavaScript the placeholder links to ``?facets=all``: the same page with
        its facets counted in place.
        """
        mode = request.GET.get("facets", "")
        context: dict[str, Any] = {"view": self, "title": self.title, "intro": self.intro}
        if mode == FACETS_ONLY:
            query, data, records, _, filtered = self.narrow()
            context["facets"] = self.build_facets(query, data, records, filtered)
            response = render(request, "directory/_facet_options.html", context)
        else:
            listing = self.build_listing(with_facets=mode == FACETS_INLINE)
            context.update({"listing": listing, **self.get_filters_context()})
            if wants_partial(request):
                response = render(request, self.results_template, {**context, "oob": True})
            else:
                response = render(request, self.template_name, context)
        patch_vary_headers(response, ("HX-Request",))
        return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """What the directory holds, a search across every kind of record, and what is new."""
    # Imported here: the domain apps' views import this module for DirectoryListView.
    from partnerhub.partnerships.selectors import latest_partnerships
    from partnerhub.projects.selectors import latest_projects

    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {
        "query": query,
        "results": search_directory(request.user, query) if query else [],
        "counts": get_record_counts(),
        "latest_partnerships": latest_partnerships(request.user),
        "latest_projects": latest_projects(request.user),
    }
    return render(request, "core/home.html", context)


def health(request: HttpRequest) -> JsonResponse:
    """200 when the database answers; used by ``make run`` and load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
