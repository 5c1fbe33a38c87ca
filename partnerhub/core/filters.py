"""Filter building blocks shared by every domain's filtersets.

A domain's ``filters.py`` declares one filterset per model; the HTML lists, the API and the
exports all use it, so the three never disagree about what a filter means.
"""

from __future__ import annotations

import copy
import datetime
import re
from typing import Any, ClassVar

import django_filters as filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models
from django.db.models import Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelMultipleChoiceField
from django_stubs_ext import StrOrPromise
from drf_spectacular.drainage import set_override

from partnerhub.core.models import Vocabulary

CODE = re.compile(r"[-a-zA-Z0-9_]{1,64}")  # the shape of a vocabulary code (a slug)
MAX_ID = 2**63 - 1  # database ids are 64-bit; a larger number would overflow the query


class IdFilter(filters.Filter):
    """A record given by its id (an integer): ``?organisation=12``."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class CodeChoiceField(ModelMultipleChoiceField):
    """Terms chosen by code; a value that cannot be a code is refused without a query."""

    def _check_values(self, value: Any) -> Any:
        for code in value:
            if not isinstance(code, str) or not CODE.fullmatch(code):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(code)[:64]},
                )
        return super()._check_values(value)


class VocabularyFilter(filters.ModelMultipleChoiceFilter):
    """Records with any of the given terms of a vocabulary, named by code (``?area=tourism``).

    An unknown code is bad input (the list offers only the vocabulary's terms).
    """

    field_class = CodeChoiceField


def vocabulary_filter(
    field_name: str, model: type[Vocabulary], label: StrOrPromise
) -> VocabularyFilter:
    """A ``VocabularyFilter`` on the relation ``field_name`` to terms of ``model``."""
    help_text = format_lazy(
        _("Codes of {vocabulary}; records with any of them."),
        vocabulary=model._meta.verbose_name_plural,
    )
    vocabulary = VocabularyFilter(
        # The chosen terms are compared by code: ``areas__code=tourism``.
        field_name=f"{field_name}__code",
        to_field_name="code",
        queryset=model.objects.all(),
        label=label,
        help_text=help_text,
        distinct=True,
    )
    # The schema shows a code as a string (the codes themselves are data, not an enum).
    set_override(vocabulary, "field", {"type": "string", "description": help_text})
    return vocabulary


def crosses_to_many(model: type[models.Model], field_name: str) -> bool:
    """Whether ``field_name`` (``areas__code``, ``seat__path``) passes a to-many relation,
    where one record can match several times."""
    opts = model._meta
    for part in field_name.split(LOOKUP_SEP):
        try:
            field = opts.get_field(part)
        except FieldDoesNotExist:
            return False  # a lookup such as ``in`` or ``gte`` ends the path
        if field.many_to_many or field.one_to_many:
            return True
        related = field.related_model
        if not field.is_relation or not (
            isinstance(related, type) and issubclass(related, models.Model)
        ):
            return False
        opts = related._meta
    return False


class RecordFilterSet(filters.FilterSet):
    """A filterset with ``q``: the site's full-text search, plus simple containment.

    A record matches when its search-index entry matches (case- and diacritics-insensitive
    word prefixes, as the HTML lists search), or when a field in ``search_fields`` contains
    the words (``icontains``), or when a field in ``exact_search_fields`` (registry ids)
    equals them.

    A filter de-duplicates (``DISTINCT``) only when its field crosses a to-many relation:
    django-filter marks every multiple-choice filter distinct, and a distinct list must
    de-duplicate every match before it can sort out one page (a sector in a region: ~150 ms
    instead of ~30 ms at 200 000 organisations, see docs/benchmarks.md).
    """

    search_fields: ClassVar[tuple[str, ...]] = ()
    exact_search_fields: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def get_filters(cls) -> dict[str, filters.Filter]:
        found = super().get_filters()
        model = cls._meta.model
        if model is None:
            return found
        for name, declared in list(found.items()):
            if declared.method is not None or not declared.distinct:
                continue
            if not crosses_to_many(model, declared.field_name):
                # A copy: declared filters are shared by the filtersets that inherit them.
                found[name] = copy.deepcopy(declared)
                found[name].distinct = False
        return found

    q = filters.CharFilter(
        method="filter_search",
        label=_("Search"),
        help_text=_("Words contained in the name or title (case-insensitive)."),
    )

    def filter_search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        term = value.strip()
        if not term:
            return queryset
        condition = self.text_condition(queryset, term)
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": term})
        for field in self.exact_search_fields:
            condition |= Q(**{field: self.exact_term(term)})
        return queryset.filter(condition)

    def text_condition(self, queryset: QuerySet[Any], term: str) -> Q:
        """Records whose full-text entry matches ``term``, as the HTML lists search them.

        The search index folds case and diacritics (ł, č, …) and matches word prefixes, so
        "lodz" finds Łódź in the API and the exports as on the pages. Models without an
        index entry fall back to the ``search_fields`` containment alone.
        """
        from partnerhub.search.engines import record_match
        from partnerhub.search.registry import get_spec_for_model, is_searchable
        from partnerhub.search.text import query_terms

        terms = query_terms(term)
        if not terms or not is_searchable(queryset.model):
            return Q(pk__in=[])
        kind = get_spec_for_model(queryset.model).kind
        return record_match(connections[queryset.db].vendor, terms, kind)

    def exact_term(self, term: str) -> str:
        """How a search term reads when compared with ``exact_search_fields``."""
        return term


def overlapping_period(
    queryset: QuerySet[Any],
    *,
    start_after: datetime.date | None = None,
    end_before: datetime.date | None = None,
    start_field: str = "start",
    end_field: str = "end",
) -> QuerySet[Any]:
    """Records whose period overlaps [``start_after``, ``end_before``] (open dates count as open).

    A record without a start is taken as having begun long ago; without an end, as going on.
    """
    if start_after is not None:
        queryset = queryset.filter(
            Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gte": start_after})
        )
    if end_before is not None:
        queryset = queryset.filter(
            Q(**{f"{start_field}__isnull": True}) | Q(**{f"{start_field}__lte": end_before})
        )
    return queryset


class PeriodFilterSet(RecordFilterSet):
    """A filterset for records with a period: ``active_from`` and ``active_to``.

    Both together find what ran at any time within the range, e.g. projects active in 2022:
    ``active_from=2022-01-01&active_to=2022-12-31``.
    """

    active_from = filters.DateFilter(
        method="filter_active_from",
        label=_("Active on or after"),
        help_text=_("Records whose period has not ended before this date (YYYY-MM-DD)."),
    )
    active_to = filters.DateFilter(
        method="filter_active_to",
        label=_("Active on or before"),
        help_text=_("Records whose period has begun by this date (YYYY-MM-DD)."),
    )

    def filter_active_from(
        self, queryset: QuerySet[Any], name: str, value: datetime.date
    ) -> QuerySet[Any]:
        return overlapping_period(queryset, start_after=value)

    def filter_active_to(
        self, queryset: QuerySet[Any], name: str, value: datetime.date
    ) -> QuerySet[Any]:
        return overlapping_period(queryset, end_before=value)


class VocabularyFilterSet(RecordFilterSet):
    """Terms of a vocabulary by whether they are in use, or by words in any of their names.

    Subclasses set ``Meta.model``.
    """

    search_fields = ("code", "name_en", "name_pl", "name_sl")

    class Meta:
        fields = ["is_active"]
