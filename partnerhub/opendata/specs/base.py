"""Field specs: which columns an export of one model has, and where each value comes from.

One ``ExportSpec`` per record type serves every export format (CSV, XLSX, JSON), the data
package and, later, the ``?format=`` of the API and HTML lists: a caller passes its own
(filtered) queryset and the spec decides the columns, the query shape and the public scope.

Public exports are safe by construction:

* the queryset is narrowed to the records the public may see (``visible_to`` an anonymous
  visitor, the declared access of partnerhub.access), whatever the caller passed;
* columns marked ``staff_only`` are dropped;
* a column's ``public_value`` replaces its value (a link to a record that is not published
  is left blank, so the export neither reveals it nor breaks the data package's foreign keys);
* a spec marked ``staff_only`` refuses a public export.

No spec reads a field listed in ``Person.PERSONAL_DATA_FIELDS`` (e-mail, phone, address):
those stay in the admin, staff exports included (a test checks every spec).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

FieldType = Literal["string", "integer", "number", "boolean", "date", "datetime"]
Getter = Callable[[Any], Any]

DEFAULT_CHUNK_SIZE = 2000
LIST_SEPARATOR = ";"


class StaffOnlyExportError(PermissionError):
    """A public export was asked of a record type that only staff may export (people)."""


def attribute(path: str) -> Getter:
    """Read ``a.b.c`` from a record; a missing link anywhere on the way reads as None."""
    parts = path.split(".")

    def get(obj: Any) -> Any:
        for part in parts:
            if obj is None:
                return None
            obj = getattr(obj, part)
        return obj

    return get


def prefetched(relation: str, queryset: models.QuerySet[Any]) -> Prefetch:
    """Prefetch ``relation`` into a plain list, ``<relation>_list`` (cheaper than a manager)."""
    return Prefetch(relation, queryset=queryset, to_attr=f"{relation}_list")


def codes(relation: str, attr: str = "code") -> Getter:
    """The codes of a relation loaded by ``prefetched``, in the relation's order."""

    def get(obj: Any) -> list[str]:
        return [str(getattr(item, attr)) for item in getattr(obj, f"{relation}_list")]

    return get


def ids(relation: str) -> Getter:
    """The ids of prefetched related records (a manager, or a ``to_attr`` list)."""

    def get(obj: Any) -> list[int]:
        related = getattr(obj, relation)
        items = related if isinstance(related, list) else related.all()
        return [item.pk for item in items]

    return get


def published(queryset: Any) -> Any:
    """The records the public may see: what the model's declared access shows anonymously."""
    return queryset.visible_to(None)


@dataclass(frozen=True)
class Column:
    """One exported field: its stable name, its title, its type and how to read it.

    ``name`` is the CSV header and the JSON key; it never changes with the language.
    ``value`` defaults to the record's attribute of the same name. ``many`` marks a list
    (JSON array; in CSV and XLSX the items joined by ``;``).
    """

    name: str
    title: StrOrPromise
    type: FieldType = "string"
    value: Getter | None = None
    public_value: Getter | None = None
    many: bool = False
    staff_only: bool = False
    description: StrOrPromise = ""

    def read(self, obj: Any, *, public: bool) -> Any:
        getter = (self.public_value if public else None) or self.value or attribute(self.name)
        return getter(obj)


@dataclass(frozen=True)
class ForeignKey:
    """A column that refers to another exported resource (for the data package)."""

    column: str
    resource: str
    resource_column: str = "id"


@dataclass(frozen=True)
class ExportSpec:
    """How to export one record type: columns, query shape, references."""

    name: str
    title: StrOrPromise
    model: type[models.Model]
    columns: tuple[Column, ...]
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str | Prefetch, ...] = ()
    annotations: Callable[[], Mapping[str, Any]] | None = None
    foreign_keys: tuple[ForeignKey, ...] = ()
    staff_only: bool = False
    description: StrOrPromise = ""
    primary_key: str = "id"
    _names: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())

    def __post_init__(self) -> None:
        names = [column.name for column in self.columns]
        if len(names) != len(set(names)):
            raise ValueError(f"Duplicate column names in export spec {self.name!r}")
        object.__setattr__(self, "_names", frozenset(names))

    def columns_for(self, *, public: bool) -> tuple[Column, ...]:
        """The columns of a public or a staff export."""
        self.check_audience(public=public)
        if not public:
            return self.columns
        return tuple(column for column in self.columns if not column.staff_only)

    def check_audience(self, *, public: bool) -> None:
        if public and self.staff_only:
            raise StaffOnlyExportError(f"{self.name} may only be exported for staff")

    def restrict(self, queryset: models.QuerySet[Any], *, public: bool) -> models.QuerySet[Any]:
        """The caller's queryset narrowed to what the audience may see."""
        self.check_audience(public=public)
        if queryset.model is not self.model:
            raise TypeError(f"{self.name} exports {self.model.__name__}, not {queryset.model}")
        if public:
            return published(queryset)
        return queryset

    def prepare(self, queryset: models.QuerySet[Any], *, public: bool) -> models.QuerySet[Any]:
        """The caller's queryset, narrowed to the audience's scope and shaped for the columns."""
        queryset = self.restrict(queryset, public=public)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        if self.annotations is not None:
            queryset = queryset.annotate(**self.annotations())
        return queryset

    def records(
        self,
        queryset: models.QuerySet[Any],
        *,
        public: bool,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> Iterator[list[Any]]:
        """One list of values per record, read chunk by chunk (memory stays flat)."""
        columns = self.columns_for(public=public)
        prepared = self.prepare(queryset, public=public)
        for obj in prepared.iterator(chunk_size=chunk_size):
            yield [column.read(obj, public=public) for column in columns]

    def table_schema(self, *, public: bool) -> dict[str, Any]:
        """The Frictionless Table Schema of this export's CSV."""
        columns = self.columns_for(public=public)
        fields = []
        for column in columns:
            entry: dict[str, Any] = {
                "name": column.name,
                "title": str(column.title),
                "type": "string" if column.many else column.type,
            }
            description = str(column.description)
            if column.many:
                separated = gettext("Values separated by “%(separator)s”.") % {
                    "separator": LIST_SEPARATOR
                }
                description = " ".join(filter(None, [description, separated]))
            if description:
                entry["description"] = description
            fields.append(entry)
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if self.primary_key in self._names:
            schema["primaryKey"] = self.primary_key
        keys = [key for key in self.foreign_keys if key.column in {c.name for c in columns}]
        if keys:
            schema["foreignKeys"] = [
                {
                    "fields": key.column,
                    "reference": {"resource": key.resource, "fields": key.resource_column},
                }
                for key in keys
            ]
        return schema


def published_links(**models_by_relation: type[models.Model]) -> Callable[[], dict[str, Any]]:
    """Annotations ``<relation>_published`` used by ``published_link`` columns.

    Each asks the related model's declared access (``visible_to`` an anonymous visitor), so
    "what the public may see" keeps one definition.
    """

    def annotations() -> dict[str, Any]:
        return {
            f"{relation}_published": Exists(
                published(model._default_manager.all()).filter(pk=OuterRef(f"{relation}_id"))
            )
            for relation, model in models_by_relation.items()
        }

    return annotations


def published_link(relation: str, title: StrOrPromise) -> Column:
    """The id of a related record with its own visibility: blank in public exports unless public.

    The spec must annotate ``<relation>_published`` (see ``published_links``).
    """

    def public_value(obj: Any) -> int | None:
        if not getattr(obj, f"{relation}_published"):
            return None
        return getattr(obj, f"{relation}_id")

    return Column(
        f"{relation}_id",
        title,
        "integer",
        value=attribute(f"{relation}_id"),
        public_value=public_value,
    )


def combine(*factories: Callable[[], Mapping[str, Any]]) -> Callable[[], dict[str, Any]]:
    """Several annotation factories as one."""

    def annotations() -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for factory in factories:
            merged.update(factory())
        return merged

    return annotations


def territory_columns(relation: str, title: StrOrPromise) -> tuple[Column, ...]:
    """A territorial unit as its id, official code and name (the spec selects ``relation``)."""
    return (
        Column(f"{relation}_id", title, "integer", value=attribute(f"{relation}_id")),
        Column(
            f"{relation}_code",
            format_lazy("{} ({})", title, _("official code")),
            value=attribute(f"{relation}.code"),
            description=_("TERYT, Slovenian municipality number, NUTS or ISO 3166 code."),
        ),
        Column(
            f"{relation}_name",
            format_lazy("{} ({})", title, _("name")),
            value=attribute(f"{relation}.name"),
        ),
    )
