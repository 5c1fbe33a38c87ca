"""Reads behind the public directory's list pages: sorting, cursor pages, capped counts, facets.

Every list of the directory (organisations, partnerships, projects, …) answers the same
way, whatever the number of records:

* **pages by cursor** (keyset pagination): a page is "the next 25 records after this one"
  in the chosen order, found through the sort keys and the id, never by skipping rows
  (``OFFSET``), so the thousandth page costs what the first one does;
* **a capped count**: at most ``COUNT_CAP`` + 1 rows are counted ("1 000+ results"), so a
  list never counts a whole country;
* **facets**: how many records each option of a filter would give, one grouped query per
  facet over at most ``FACET_SCAN_LIMIT`` records; past that limit the counts are lower
  bounds and say so ("3 200+").

The number of queries a list page runs depends on its filters, never on its rows.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import django_tables2 as tables
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, QuerySet, Value
from django.db.models.expressions import BaseExpression, Combinable
from django.db.models.functions import Coalesce
from django.urls import reverse
from django_stubs_ext import StrOrPromise

from partnerhub.core.models import Vocabulary
from partnerhub.core.records import detail_url_name, record_url
from partnerhub.search.choices import SearchKind
from partnerhub.search.registry import get_spec
from partnerhub.search.selectors import search
from partnerhub.territory.choices import Level
from partnerhub.territory.filters import resolve_units
from partnerhub.territory.models import TerritorialUnit

PAGE_SIZE = 25
#: A list counts at most this many records, and one more to know there are more.
COUNT_CAP = 1000
#: Facet counts read at most this many records; beyond them counts are lower bounds.
FACET_SCAN_LIMIT = 10_000
#: A facet over a long list (funding programmes, …) shows its most frequent options only.
FACET_OPTION_LIMIT = 15
#: The sort that puts the best matches of a search first; offered only with a query.
RELEVANCE = "relevance"

SortExpression = str | Combinable | BaseExpression


# --- sorting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SortOption:
    """One way to sort a list: its value in the URL (``?sort=-start``), label and keys.

    ``keys`` are (expression, descending) pairs; the record id always ends the order, so
    records with equal keys keep one order and a cursor can point between them. A key must
    never be NULL (a cursor could not compare it): wrap nullable fields with
    ``nulls_last()``.
    """

    value: str
    label: StrOrPromise
    keys: tuple[tuple[SortExpression, bool], ...]


def nulls_last(field_name: str, *, descending: bool, empty: Any) -> tuple[Coalesce, bool]:
    """A sort key on a nullable field whose empty values come last in either direction.

    ``empty`` is a value beyond every real one on the side the list ends with, e.g.
    ``datetime.date.min`` for a newest-first list of dates.
    """
    return Coalesce(field_name, Value(empty)), descending


# --- cursor pages ----------------------------------------------------------------------------

AFTER = "a"
BEFORE = "b"


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | Decimal):
        return str(value) if not isinstance(value, datetime.datetime) else value.isoformat()
    return value


def encode_cursor(sort: str, direction: str, values: Sequence[Any]) -> str:
    """An opaque cursor: the sort, the direction and the sort keys of the boundary record."""
    payload = json.dumps([sort, direction, [_json_value(v) for v in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, arity: int) -> tuple[str, list[Any]] | None:
    """(direction, values) of a cursor made for ``sort``; None for anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, binascii.Error, UnicodeError):
        return None
    if not (isinstance(decoded, list) and len(decoded) == 3):
        return None
    cursor_sort, direction, values = decoded
    if cursor_sort != sort or direction not in (AFTER, BEFORE):
        return None
    if not isinstance(values, list) or len(values) != arity:
        return None
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        return None
    return direction, values


@dataclass(frozen=True)
class CursorPage:
    """One page of records and the cursors to the pages around it (None at either end)."""

    records: list[Any]
    next_cursor: str | None
    previous_cursor: str | None


def _key_names(sort: SortOption) -> list[str]:
    return [f"_sort_{i}" for i in range(len(sort.keys))]


def _beyond(names: list[str], descending: list[bool], values: list[Any], forward: bool) -> Q:
    """Rows after (``forward``) or before the row with these key values, in this order."""
    condition = Q(pk__in=[])
    equal = Q()
    for name, desc, value in zip(names, descending, values, strict=True):
        lookup = "lt" if desc == forward else "gt"
        condition |= equal & Q(**{f"{name}__{lookup}": value})
        equal &= Q(**{name: value})
    return condition


def paginate_by_cursor(
    records: QuerySet[Any],
    sort: SortOption,
    cursor: str | None,
    *,
    page_size: int = PAGE_SIZE,
) -> CursorPage:
    """The page of ``records`` a cursor points to (the first page without one). One query.

    A cursor that does not decode, or was made for another sort, gives the first page:
    a stale link still shows something sensible.
    """
    names = _key_names(sort)
    annotations = {
        name: models.F(expr) if isinstance(expr, str) else expr
        for name, (expr, _) in zip(names, sort.keys, strict=True)
    }
    descending = [desc for _, desc in sort.keys]
    ordered = records.annotate(**annotations)
    all_names = [*names, "pk"]
    all_descending = [*descending, descending[-1] if descending else False]

    def order(forward: bool) -> list[Any]:
        return [
            models.F(n).desc() if (d == forward) else models.F(n).asc()
            for n, d in zip(all_names, all_descending, strict=True)
        ]

    decoded = decode_cursor(cursor, sort.value, len(all_names)) if cursor else None
    direction = AFTER
    page_query = ordered.order_by(*order(True))
    if decoded is not None:
        direction, values = decoded
        forward = direction == AFTER
        try:
            page_query = ordered.filter(
                _beyond(all_names, all_descending, values, forward)
            ).order_by(*order(forward))
        except (ValidationError, ValueError, TypeError):
            decoded, direction, page_query = None, AFTER, ordered.order_by(*order(True))

    rows = list(page_query[: page_size + 1])
    more = len(rows) > page_size
    rows = rows[:page_size]
    if direction == BEFORE:
        rows.reverse()

    def keys_of(record: Any) -> list[Any]:
        return [getattr(record, n) for n in names] + [record.pk]

    has_next = more if direction == AFTER else True
    has_previous = decoded is not None and (more if direction == BEFORE else True)
    return CursorPage(
        records=rows,
        next_cursor=encode_cursor(sort.value, AFTER, keys_of(rows[-1]))
        if rows and has_next
        else None,
        previous_cursor=encode_cursor(sort.value, BEFORE, keys_of(rows[0]))
        if rows and has_previous
        else None,
    )


def capped_count(records: QuerySet[Any], cap: int = COUNT_CAP) -> int:
    """How many records there are, counting no further than ``cap`` + 1 (one query).

    A result above ``cap`` means "more than ``cap``".
    """
    return records.order_by().values("pk")[: cap + 1].count()


# --- facets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    """One option of a facet: its value in the URL, its label and how many records it gives.

    ``count`` is None when unknown (an option beyond the records read); ``at_least`` marks a
    lower bound.
    """

    value: str
    label: str
    count: int | None
    selected: bool
    at_least: bool = False


@dataclass(frozen=True)
class FacetResult:
    """A facet as the page shows it."""

    param: str
    label: StrOrPromise
    options: list[FacetOption]
    multiple: bool = True

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


def _scanned(records: QuerySet[Any]) -> QuerySet[Any]:
    """The first ``FACET_SCAN_LIMIT`` + 1 of ``records``, as a plain queryset of the model.

    Facets group these instead of the whole list, so a facet's cost has a ceiling.
    """
    limited = records.order_by().values("pk")[: FACET_SCAN_LIMIT + 1]
    return records.model._default_manager.filter(pk__in=limited)


@dataclass(frozen=True)
class Facet:
    """A filter offered with counts. ``param`` is the filterset's parameter.

    By default options of one facet combine with OR (any of the chosen sectors), so a
    facet's counts leave its own choice out; ``conjunctive`` facets (every chosen sector
    present) count within the whole selection instead.
    """

    param: str
    label: StrOrPromise
    multiple: bool = True
    conjunctive: bool = False
    #: List options that give no results too (a short, fixed list such as the sectors).
    show_empty: bool = False

    def result(self, records: QuerySet[Any], selected: list[str]) -> FacetResult:
        counts, exact = self.count(records)
        return FacetResult(
            param=self.param,
            label=self.label,
            options=self.options(counts, exact, selected),
            multiple=self.multiple,
        )

    def count(self, records: QuerySet[Any]) -> tuple[dict[str, int], bool]:
        """Counts by option value (one query), and whether they are exact."""
        raise NotImplementedError

    def labels(self, counts: dict[str, int], selected: list[str]) -> list[tuple[str, str]]:
        """(value, label) of every option to show, in display order."""
        raise NotImplementedError

    def options(
        self, counts: dict[str, int], exact: bool, selected: list[str]
    ) -> list[FacetOption]:
        """Every option that gives results (or may: counts beyond the limit), and the chosen."""
        options = [
            FacetOption(
                value=value,
                label=label,
                count=counts.get(value, 0) if exact or value in counts else None,
                selected=value in selected,
                at_least=not exact and value in counts,
            )
            for value, label in self.labels(counts, selected)
        ]
        if not self.show_empty:
            options = [o for o in options if o.count != 0 or o.selected]
        return options


def _grouped(records: QuerySet[Any], group_by: str, *extra: str) -> list[dict[str, Any]]:
    return list(
        _scanned(records).values(group_by, *extra).annotate(n=Count("pk", distinct=True)).order_by()
    )


@dataclass(frozen=True)
class ChoiceFacet(Facet):
    """Options of a field with choices (sector, status, …), every choice listed."""

    field: str = ""
    choices: Sequence[tuple[str, Any]] = ()

    def count(self, records: QuerySet[Any]) -> tuple[dict[str, int], bool]:
        rows = _grouped(records, self.field)
        counts = {str(row[self.field]): row["n"] for row in rows if row[self.field] is not None}
        return counts, sum(row["n"] for row in rows) <= FACET_SCAN_LIMIT

    def labels(self, counts: dict[str, int], selected: list[str]) -> list[tuple[str, str]]:
        return [(str(value), str(label)) for value, label in self.choices]


@dataclass(frozen=True)
class VocabularyFacet(Facet):
    """Terms of a trilingual vocabulary (thematic areas, target groups, …) by code.

    ``relation`` is the path to the term (``areas``, ``support_area``); every active term is
    listed (one query for the terms, one for the counts).
    """

    relation: str = ""
    vocabulary: type[Vocabulary] | None = None

    def count(self, records: QuerySet[Any]) -> tuple[dict[str, int], bool]:
        code = f"{self.relation}__code"
        rows = _grouped(records, code)
        counts = {row[code]: row["n"] for row in rows if row[code] is not None}
        # A record in two terms counts in both: a sum at or under the limit proves exactness.
        return counts, sum(row["n"] for row in rows) <= FACET_SCAN_LIMIT

    def labels(self, counts: dict[str, int], selected: list[str]) -> list[tuple[str, str]]:
        assert self.vocabulary is not None
        terms = self.vocabulary._default_manager.filter(Q(is_active=True) | Q(code__in=selected))
        return [(term.code, term.name) for term in terms]


@dataclass(frozen=True)
class RelatedFacet(Facet):
    """Records of a foreign key (a funding programme), the most frequent first.

    Only the ``FACET_OPTION_LIMIT`` most frequent are listed, with the chosen one; their
    names come with the counts, in the same query.
    """

    field: str = ""
    label_fields: tuple[str, ...] = ()

    def result(self, records: QuerySet[Any], selected: list[str]) -> FacetResult:
        lookups = [f"{self.field}__{name}" for name in self.label_fields]
        rows = _grouped(records, self.field, *lookups)
        exact = sum(row["n"] for row in rows) <= FACET_SCAN_LIMIT
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for row in rows:
            if row[self.field] is not None:
                value = str(row[self.field])
                counts[value] = row["n"]
                names[value] = next((str(row[k]) for k in lookups if row[k]), value)
        shown = sorted(counts, key=lambda v: (-counts[v], names[v]))[:FACET_OPTION_LIMIT]
        shown += [v for v in selected if v not in shown and v in names]
        options = [
            FacetOption(v, names[v], counts[v], v in selected, at_least=not exact) for v in shown
        ]
        return FacetResult(self.param, self.label, options, multiple=self.multiple)


@dataclass(frozen=True)
class ConditionFacet(Facet):
    """Options that are conditions (a partnership has a current member of a sector).

    Counted in one query with one conditional count per option; every option is listed.
    """

    show_empty: bool = True

    conditions: Sequence[tuple[str, Any, Any]] = field(default=())  # (value, label, condition)

    def count(self, records: QuerySet[Any]) -> tuple[dict[str, int], bool]:
        scanned = _scanned(records)
        totals = scanned.aggregate(
            _scanned=Count("pk"),
            **{
                f"_option_{i}": Count("pk", filter=condition)
                for i, (_, _, condition) in enumerate(self.conditions)
            },
        )
        counts = {value: totals[f"_option_{i}"] for i, (value, _, _) in enumerate(self.conditions)}
        return counts, totals["_scanned"] <= FACET_SCAN_LIMIT

    def labels(self, counts: dict[str, int], selected: list[str]) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label, _ in self.conditions]


# --- territory -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TerritoryOption:
    value: str
    label: str
    selected: bool = False


@dataclass(frozen=True)
class TerritoryPicker:
    """The territory filter as a drill-down: regions, then what lies within the chosen unit.

    ``regions`` are the units directly below a country (Polish voivodeships, Slovenian
    statistical regions), grouped by country; ``path`` the chosen unit and the units above
    it up to its region; ``children`` the units directly within the chosen one.
    """

    regions: list[tuple[str, list[TerritoryOption]]]
    path: list[TerritoryOption]
    children: list[TerritoryOption]
    selected: TerritorialUnit | None


def unit_value(unit: TerritorialUnit) -> str:
    """How the territory filter names a unit in a URL: ``PL:02``, ``SI:094``."""
    return f"{unit.country}:{unit.code}"


def get_territory_picker(value: str) -> TerritoryPicker:
    """The options of the territory drill-down for the current value (at most four queries)."""
    regions_by_country: dict[str, list[TerritoryOption]] = {}
    selected = next(iter(resolve_units(value)), None) if value else None
    chosen = unit_value(selected) if selected else ""
    for unit in TerritorialUnit.objects.filter(parent__level=Level.COUNTRY).order_by(
        "country", "name"
    ):
        regions_by_country.setdefault(unit.country, []).append(
            TerritoryOption(unit_value(unit), unit.name, unit_value(unit) == chosen)
        )
    path: list[TerritoryOption] = []
    children: list[TerritoryOption] = []
    if selected is not None:
        if selected.level == Level.COUNTRY:
            path = [TerritoryOption(chosen, selected.name, selected=True)]
        else:
            # Below a region: the units from the region down, named by their whole path.
            chain = [u for u in selected.ancestors() if u.level != Level.COUNTRY] + [selected]
            path = [
                TerritoryOption(
                    unit_value(unit),
                    " › ".join(u.name for u in chain[: i + 1]),
                    unit_value(unit) == chosen,
                )
                for i, unit in enumerate(chain)
                if i > 0
            ]
        children = [
            TerritoryOption(unit_value(unit), str(unit))
            for unit in selected.children.order_by("name")
        ]
    return TerritoryPicker(
        regions=sorted(regions_by_country.items()),
        path=path,
        children=children,
        selected=selected,
    )


def selected_values(data: Any, param: str) -> list[str]:
    """The values of a query parameter given once or several times."""
    return [v for v in data.getlist(param) if v] if hasattr(data, "getlist") else []


def without(data: Any, params: Iterable[str]) -> Any:
    """A copy of a QueryDict without ``params``."""
    copy = data.copy()
    for param in params:
        copy.pop(param, None)
    return copy


# --- tables ----------------------------------------------------------------------------------


class DirectoryTable(tables.Table):
    """A table of a directory list: the first column names the record and links to it.

    Sorting and pages are the list's own (``SortOption``, cursors), so columns do not sort.
    """

    class Meta:
        orderable = False
        template_name = "directory/_table.html"


def names(records: Iterable[Any]) -> str:
    """Names of related records, comma-separated ("" when there are none)."""
    return ", ".join(str(record) for record in records)


def link_to_record(record: Any) -> str:
    """``linkify`` for a table's first column (django-tables2 passes the row as ``record``)."""
    return record_url(record)


def visible_related(model: type[models.Model], user: Any, field: str) -> models.Exists:
    """Whether the record ``field`` points to is one ``user`` may see (for an annotation).

    A public project may belong to an internal partnership: its page must not name it.
    """
    return models.Exists(
        model._default_manager.visible_to(user).filter(pk=models.OuterRef(field))  # type: ignore[attr-defined]
    )


# --- the search across every kind ------------------------------------------------------------

#: Kinds the public search box looks in; people are never in the public directory.
DIRECTORY_KINDS = tuple(kind for kind in SearchKind.values if kind != SearchKind.PERSON)
#: The best matches of each kind the site search shows; the kind's list has the rest.
SITE_SEARCH_PER_KIND = 5


@dataclass(frozen=True)
class SearchGroup:
    """The best matches of one kind found by the site search, and where the rest are."""

    kind: str
    label: StrOrPromise
    records: list[Any]
    list_url: str


def search_directory(
    user: Any, query: str, *, per_kind: int = SITE_SEARCH_PER_KIND
) -> list[SearchGroup]:
    """The best matches of ``query`` of every public kind that ``user`` may see, by kind.

    Each kind is searched on its own, so one kind with many matches (organisations) does
    not crowd out the others: two queries per kind (the search, the records), at most six
    kinds.
    """
    public_only = not getattr(user, "is_authenticated", False)
    labels = dict(SearchKind.choices)
    groups = []
    for kind in DIRECTORY_KINDS:
        # A few more hits than shown, for the ones the user may not see.
        hits = search(query, kinds=[kind], public_only=public_only, limit=per_kind * 2)
        if not hits:
            continue
        model = get_spec(kind).model
        ids = [hit.object_id for hit in hits]
        found = model._default_manager.visible_to(user).in_bulk(ids)  # type: ignore[attr-defined]
        records = [found[pk] for pk in ids if pk in found][:per_kind]
        if records:
            url_name = detail_url_name(model) or ""
            list_url = reverse(url_name.replace("-detail", "-list")) if url_name else ""
            groups.append(SearchGroup(kind, labels[kind], records, list_url))
    return groups
