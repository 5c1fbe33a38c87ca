"""Controlled vocabularies through the API: read-only, identified by their stable code."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.api.viewsets import CODE_PATTERN, RecordReadViewSet

VOCABULARY_FIELDS = ["code", "name", "name_en", "name_pl", "name_sl", "is_active", "position"]


class VocabularySerializer(RecordSerializer):
    """A term: its code (used to refer to it everywhere) and its name in three languages.

    Subclasses set ``Meta.model``.
    """

    name = serializers.CharField(read_only=True, help_text=_("The name in the request's language."))

    class Meta:
        fields = VOCABULARY_FIELDS


class VocabularyViewSet(RecordReadViewSet):
    """The terms of one vocabulary, looked up by code (``/api/thematic-areas/tourism/``)."""

    lookup_field = "code"
    lookup_value_regex = CODE_PATTERN
    ordering_fields = ["position", "code"]
    ordering = ["position", "code"]
