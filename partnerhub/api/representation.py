"""How the API shows records: DRF's representation, with its values read the short way where
that is provably the same.

DRF's ``Serializer.to_representation()`` finds each value through ``field.get_attribute()``:
a chain of checks (mapping or object, callable or not, a relation's id wrapped in an object)
that costs more than showing the value. A list of 50 organisations reads some 1 250 values,
and ``prefetch_related`` builds a model instance for every term of every row's to-many
relations and a related manager per row, only for their codes to be shown. Here:

- a value the record stores, and a reference by id, are read from the record's attribute
  and shown by the field's own ``to_representation()`` (``field_reader``);
- a to-many relation shown by code or id (``areas`` → ``["tourism", "education"]``) is read
  for a whole list in one query of ``(record, code)`` pairs, in the related model's order
  (``ManyRelation``), unless the records come with it prefetched;
- everything else (nested records, relations shown by a related record's field, computed
  fields) goes through DRF as before.

``partnerhub/api/tests/test_representation.py`` compares the result with DRF's own for
every record serializer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, PKOnlyObject

#: How a serializer reads one of its fields from a record: the key, the model attribute
#: that holds the value as stored (None: DRF's ``get_attribute()`` finds it), how a value
#: that is not None is shown (None: as it is), and the field.
FieldReader = tuple[str, str | None, Callable[[Any], Any] | None, serializers.Field]


#: Fields' ways of showing a value that are a plain conversion, called without the field.
CONVERSIONS: dict[Callable[..., Any], Callable[[Any], Any]] = {
    serializers.CharField.to_representation: str,
    serializers.IntegerField.to_representation: int,
}


@functools.cache
def stored_attributes(model: type[models.Model]) -> dict[str, str]:
    """The model's concrete fields by name, each with the attribute its value is stored in
    (``seat`` → ``seat_id``)."""
    return {field.name: field.attname for field in model._meta.concrete_fields}


def _uses(field: serializers.Field, base: type[serializers.Field], method: str) -> bool:
    """Whether ``field`` does ``method`` as ``base`` does (no subclass changed it)."""
    return bool(getattr(type(field), method) is getattr(base, method))


def _shows_id_as_is(field: serializers.Field) -> bool:
    """Whether the field is a primary-key relation that shows the related record's id."""
    return (
        isinstance(field, serializers.PrimaryKeyRelatedField)
        and _uses(field, serializers.PrimaryKeyRelatedField, "to_representation")
        and field.pk_field is None
    )


def _source(field: serializers.Field) -> str:
    """The one attribute the field reads, or "" when it reads a path or the whole record."""
    return field.source_attrs[0] if len(field.source_attrs) == 1 else ""


def field_reader(field: serializers.Field, model: type[models.Model]) -> FieldReader:
    """How ``field`` reads a ``model`` record: straight from the attribute when that is
    exactly what DRF's ``get_attribute()`` would come to, else through it."""
    name = field.field_name
    assert name is not None, "the field is bound to its serializer"
    attributes = stored_attributes(model)
    source = _source(field)
    if source not in attributes:
        return name, None, None, field
    if attributes[source] == source and _uses(field, serializers.Field, "get_attribute"):
        # A value the record stores (not a relation): DRF comes to getattr(record, source),
        # which is never callable and never fails for a concrete field.
        show = CONVERSIONS.get(type(field).to_representation, field.to_representation)
        return name, source, show, field
    if (
        isinstance(field, serializers.RelatedField)
        and _uses(field, serializers.RelatedField, "get_attribute")
        and field.use_pk_only_optimization()
    ):
        # A reference by id: DRF reads the id the record stores (``serializable_value``)
        # and wraps it in a PKOnlyObject, which a primary-key field shows as it is.
        if _shows_id_as_is(field):
            return name, attributes[source], None, field
        return name, attributes[source], lambda pk: field.to_representation(PKOnlyObject(pk)), field
    return name, None, None, field


def _shown_value(child: serializers.Field) -> str | None:
    """What a many-relation's child shows of a related record, as a ``values_list`` name:
    its primary key or one of its own fields; None for anything else."""
    if _shows_id_as_is(child):
        return "pk"
    if (
        isinstance(child, serializers.SlugRelatedField)
        and _uses(child, serializers.SlugRelatedField, "to_representation")
        and "__" not in child.slug_field
    ):
        return child.slug_field
    return None


@dataclass(frozen=True)
class ManyRelation:
    """A many-to-many field of the model that a serializer shows by code or id, read for many
    records at once: what ``record.<relation>.all()`` would give each record, in the same
    order (the related model's default manager and ordering), as ``[value, ...]``."""

    field_name: str
    relation: str
    related_model: type[models.Model]
    query_name: str
    value: str

    @classmethod
    def of(
        cls, name: str, field: serializers.Field, model: type[models.Model]
    ) -> ManyRelation | None:
        """The relation the field ``name`` shows, when it is one that can be read this way
        (the field bound to its serializer or not)."""
        if type(field) is not ManyRelatedField or field.write_only:
            return None
        try:
            model_field = model._meta.get_field(str(field.source or name))
        except FieldDoesNotExist:
            return None
        value = _shown_value(field.child_relation)
        if (
            value is None
            or not isinstance(model_field, models.ManyToManyField)
            or model_field.m2m_target_field_name() != model._meta.pk.name
        ):
            return None
        related_model = model_field.related_model
        assert isinstance(related_model, type)
        return cls(
            field_name=name,
            relation=model_field.name,
            related_model=related_model,
            query_name=model_field.related_query_name(),
            value=value,
        )

    def shown_by(self, field: serializers.Field | None) -> bool:
        """Whether ``field`` (a serializer's own, bound) shows this relation as found."""
        return (
            type(field) is ManyRelatedField
            and not field.write_only
            and field.source_attrs == [self.relation]
            and _shown_value(field.child_relation) == self.value
        )

    def prefetched(self, record: models.Model) -> bool:
        """Whether the record's queryset prefetched the relation (then it is used as it is)."""
        return self.relation in getattr(record, "_prefetched_objects_cache", {})

    def values_of(self, records: Iterable[models.Model]) -> dict[Any, list[Any]]:
        """The shown values of each record's related records, by the record's primary key
        (records not saved yet have none, and are left out)."""
        values: dict[Any, list[Any]] = {
            record.pk: [] for record in records if record.pk is not None
        }
        if values:
            related = self.related_model._default_manager.filter(
                **{f"{self.query_name}__in": list(values)}
            ).values_list(self.query_name, self.value)
            for pk, value in related:
                values[pk].append(value)
        return values
