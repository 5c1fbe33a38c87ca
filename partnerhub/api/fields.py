"""Serializer building blocks shared by every domain's API."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from rest_framework import serializers

from partnerhub.core.filters import CODE
from partnerhub.core.models import Vocabulary


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
