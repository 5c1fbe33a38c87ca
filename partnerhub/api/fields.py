"""Serializer building blocks shared by every domain's API."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from django.core.signals import setting_changed
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.dispatch import receiver
from django.utils.functional import cached_property
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject

from partnerhub.api.representation import FieldReader, ManyRelation, field_reader
from partnerhub.core.filters import CODE
from partnerhub.core.models import Vocabulary


class FieldTemplate:
    """An unbound field kept as the model for the fields of every serializer of a class.

    ``copy()`` gives what DRF's ``copy.deepcopy`` of the field gives (DRF makes the field anew
    from the arguments it was made with) for a fraction of the cost: a field whose state is
    its own — lists and dictionaries copied, querysets cloned unevaluated, cached properties
    left out — and whose own fields (a relation's child, a nested serializer) are copies
    made the same way, bound to it. Copies share only what a field reads and never changes:
    texts, validators, the model's fields and managers. Which attributes need what is
    worked out once, here.
    """

    def __init__(self, field: serializers.Field) -> None:
        self.field = field
        self.children: list[tuple[str, FieldTemplate, bool]] = []
        self.querysets: list[str] = []
        self.containers: list[str] = []
        self.cached: list[str] = []
        for name, value in vars(field).items():
            if name == "parent":
                continue
            if isinstance(getattr(type(field), name, None), cached_property):
                self.cached.append(name)
            elif isinstance(value, serializers.Field):
                self.children.append((name, FieldTemplate(value), value.parent is field))
            elif isinstance(value, models.QuerySet):
                self.querysets.append(name)
            elif isinstance(value, list | dict | set):
                self.containers.append(name)

    def copy(self) -> serializers.Field:
        clone = object.__new__(type(self.field))
        state = clone.__dict__
        state.update(self.field.__dict__)
        for name, template, owned in self.children:
            child = template.copy()
            if owned:  # a relation's child belongs to a field, not only to a serializer
                child.parent = clone  # type: ignore[assignment]
            state[name] = child
        for name in self.querysets:
            state[name] = state[name].all()
        for name in self.containers:
            state[name] = state[name].copy()
        for name in self.cached:
            del state[name]
        return clone


class RecordIdField(serializers.PrimaryKeyRelatedField):
    """A reference to another record by its id; an id too large for the database is refused."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            return super().to_internal_value(data)
        except OverflowError:
            self.fail("does_not_exist", pk_value=data)


class VocabularyCodeField(serializers.SlugRelatedField):
    """A term of a controlled vocabulary, given and shown by its stable code.

    A value that cannot be a code is refused before the database is asked (PostgreSQL
    refuses text with NUL characters outright).
    """

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or not CODE.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:64])
        return super().to_internal_value(data)


class RecordSerializer(serializers.ModelSerializer):
    """A model's fields and their types; the record's own rules are its service's job.

    Unique and cross-field rules (constraints, ``clean()``) are checked once, by the
    service's ``full_clean()``, with the model's translated messages, so no validator is
    generated here for them.
    """

    serializer_related_field = RecordIdField

    #: The fields of each serializer class as ``get_fields()`` first built them, never bound,
    #: and the many-relations among them that lists read together.
    _fields_of_class: ClassVar[dict[type[serializers.Serializer], dict[str, FieldTemplate]]] = {}
    _many_relations_of_class: ClassVar[dict[type[serializers.Serializer], list[ManyRelation]]] = {}

    def get_fields(self) -> dict[str, Any]:
        """The declared and generated fields, worked out from the model once per class.

        Which fields a serializer has and how they are built depend on its class alone
        (``Meta`` and the declared fields), but DRF works them out again for every
        serializer: the model's introspection and the choice of field and arguments for
        each of its fields. Each serializer still gets fields of its own (copies of the
        class's ``FieldTemplate``), since binding them ties them to it and to its context.
        """
        templates = RecordSerializer._fields_of_class.get(type(self))
        if templates is None:
            fields = super().get_fields()
            model = self.Meta.model
            found = (ManyRelation.of(name, field, model) for name, field in fields.items())
            RecordSerializer._many_relations_of_class[type(self)] = [
                relation for relation in found if relation is not None
            ]
            templates = {name: FieldTemplate(field) for name, field in fields.items()}
            RecordSerializer._fields_of_class[type(self)] = templates
        return {name: template.copy() for name, template in templates.items()}

    # --- reading: DRF's representation, the short way (partnerhub.api.representation) ----

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Lists of a record serializer read their many-relations together."""
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and not hasattr(meta, "list_serializer_class"):
            meta.list_serializer_class = RecordListSerializer

    @cached_property
    def field_readers(self) -> list[FieldReader]:
        """How each readable field reads a record (worked out once per serializer: the rows
        of a list share one)."""
        model = self.Meta.model
        return [field_reader(field, model) for field in self._readable_fields]

    @property
    def many_relations(self) -> list[ManyRelation]:
        """The many-to-many fields shown by code or id, which a list reads in one query."""
        fields = self.fields  # the class's many-relations are found with its first fields
        found = RecordSerializer._many_relations_of_class.get(type(self), [])
        return [
            relation for relation in found if relation.shown_by(fields.get(relation.field_name))
        ]

    def read_many_relations(self, records: list[Any]) -> dict[str, dict[Any, list[Any]]]:
        """The values of the many-relations shown by code or id, by field and by record:
        one query per relation for all the records, except those whose queryset prefetched
        the relation (they are shown from the prefetch, as DRF would)."""
        model = self.Meta.model
        values_read = {}
        for relation in self.many_relations:
            unread = [
                record
                for record in records
                if isinstance(record, model) and not relation.prefetched(record)
            ]
            if unread:
                values_read[relation.field_name] = relation.values_of(unread)
        return values_read

    #: While a list is shown: what ``read_many_relations`` read for all its records.
    _values_read: dict[str, dict[Any, list[Any]]] | None = None

    @contextmanager
    def reading_together(self, records: list[Any]) -> Iterator[None]:
        """While the records are shown, their many-relations come from one query each."""
        self._values_read = self.read_many_relations(records)
        try:
            yield
        finally:
            self._values_read = None

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """The record as DRF's ``Serializer.to_representation()`` shows it, key for key and
        value for value; stored values and ids are read from their attributes, many-relations
        shown by code or id with one query for a whole list."""
        model: type[models.Model] = self.Meta.model
        if not isinstance(instance, model):
            shown: dict[str, Any] = super().to_representation(instance)
            return shown
        values_read = self._values_read
        if values_read is None:
            values_read = self.read_many_relations([instance])
        representation: dict[str, Any] = {}
        for name, attribute, show, field in self.field_readers:
            if attribute is not None:
                value = getattr(instance, attribute)
                representation[name] = value if value is None or show is None else show(value)
                continue
            read = values_read[name].get(instance.pk) if name in values_read else None
            if read is not None:
                representation[name] = read
                continue
            try:
                value = field.get_attribute(instance)
            except SkipField:
                continue
            stored = value.pk if isinstance(value, PKOnlyObject) else value
            representation[name] = None if stored is None else field.to_representation(value)
        return representation

    # --- writing ----------------------------------------------------------------------

    def get_validators(self) -> list[Any]:
        return []

    def build_standard_field(
        self, field_name: str, model_field: models.Field
    ) -> tuple[type[serializers.Field], dict[str, Any]]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if isinstance(model_field, models.IntegerField) and not isinstance(
            model_field, models.AutoField
        ):
            # The same range on every database (SQLite's integers are wider than
            # PostgreSQL's), so the schema and what is accepted never depend on the engine.
            low, high = BaseDatabaseOperations.integer_field_ranges[model_field.get_internal_type()]
            kwargs["min_value"] = max(low, kwargs.get("min_value", low))
            kwargs["max_value"] = min(high, kwargs.get("max_value", high))
        return field_class, kwargs

    def build_relational_field(
        self, field_name: str, relation_info: Any
    ) -> tuple[type[serializers.Field], dict[str, Any]]:
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        related = relation_info.related_model
        if isinstance(related, type) and issubclass(related, Vocabulary):
            kwargs.pop("queryset", None)
            kwargs["slug_field"] = "code"
            kwargs["queryset"] = related.objects.all()
            return VocabularyCodeField, kwargs
        return field_class, kwargs


@receiver(setting_changed)
def forget_fields_of_classes(*, setting: str, **kwargs: Any) -> None:
    """DRF's settings shape the fields as they are made (tests change them)."""
    if setting == "REST_FRAMEWORK":
        RecordSerializer._fields_of_class.clear()
        RecordSerializer._many_relations_of_class.clear()


class RecordListSerializer(serializers.ListSerializer):
    """Records of one serializer, shown as DRF shows them; many-relations shown by code or
    id are read for all of them in one query each (``RecordSerializer.reading_together``)."""

    child: RecordSerializer

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        records = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        with self.child.reading_together(records):
            return [self.child.to_representation(record) for record in records]
