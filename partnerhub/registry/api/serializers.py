"""Organisations, people, affiliations and thematic areas as the API shows and takes them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerhub.api.fields import RecordSerializer
from partnerhub.api.vocabularies import VocabularySerializer
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea
from partnerhub.registry.validators import validate_country_code

RECORD_FIELDS = ["created_at", "updated_at"]


class ThematicAreaSerializer(VocabularySerializer):
    class Meta(VocabularySerializer.Meta):
        model = ThematicArea


class CountryCodeField(serializers.CharField):
    """An ISO country code, read in capitals as the model stores it ("pl" is "PL")."""

    def to_internal_value(self, data: Any) -> str:
        return str(super().to_internal_value(data)).upper()


class OrganisationSerializer(RecordSerializer):
    """An organisation of any sector; ``areas`` are thematic-area codes."""

    country = CountryCodeField(
        max_length=2,
        required=False,
        validators=[validate_country_code],
        help_text=_("ISO 3166-1 alpha-2 code"),
    )

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "short_name",
            "sector",
            "legal_form",
            "country",
            "krs",
            "nip",
            "regon",
            "si_registration_number",
            "si_tax_number",
            "seat",
            "address",
            "postal_code",
            "website",
            "email",
            "phone",
            "areas",
            "description",
            "founded_on",
            "status",
            "dissolved_on",
            "is_hub",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS


class PersonSerializer(RecordSerializer):
    """A person; contact details are personal data, left empty for whoever may not see them."""

    class Meta:
        model = Person
        fields = [
            "id",
            "first_name",
            "last_name",
            "title",
            "email",
            "phone",
            "address",
            "territory",
            "areas",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not getattr(instance, "shows_contacts", False):
            for field in Person.PERSONAL_DATA_FIELDS:
                data[field] = ""
        return data


class AffiliationSerializer(RecordSerializer):
    """A person's role in an organisation over a period."""

    class Meta:
        model = Affiliation
        fields = [
            "id",
            "person",
            "organisation",
            "role",
            "is_representative",
            "start",
            "end",
            *RECORD_FIELDS,
        ]
        read_only_fields = RECORD_FIELDS
