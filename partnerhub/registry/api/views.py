"""The registry through the API: organisations, people, affiliations, thematic areas."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from partnerhub.api.viewsets import RecordViewSet
from partnerhub.api.vocabularies import VocabularyViewSet
from partnerhub.core.services import Actor
from partnerhub.registry import services
from partnerhub.registry.api.serializers import (
    AffiliationSerializer,
    OrganisationSerializer,
    PersonSerializer,
    ThematicAreaSerializer,
)
from partnerhub.registry.filters import (
    AffiliationFilterSet,
    OrganisationFilterSet,
    PersonFilterSet,
    ThematicAreaFilterSet,
)
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea


class ThematicAreaViewSet(VocabularyViewSet):
    """Areas of activity (social economy, education, tourism, …)."""

    queryset = ThematicArea.objects.all()
    serializer_class = ThematicAreaSerializer
    filterset_class = ThematicAreaFilterSet


class OrganisationViewSet(RecordViewSet):
    """Organisations of the three sectors, with registry ids, seat and areas of activity."""

    queryset = Organisation.objects.all()  # many-to-many codes: api.representation
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    ordering_fields = ["id", "name", "created_at", "updated_at"]
    ordering = ["name"]
    create_service = services.create_organisation
    update_service = services.update_organisation
    delete_service = services.delete_organisation


class PersonViewSet(RecordViewSet):
    """People taking part: never public; seen as far as the access rules allow.

    Contact details (e-mail, phone, address) come only to those who may change the person
    (themselves, staff of a hub they work for, site administrators): ``shows_contacts``.
    """

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    ordering_fields = ["id", "last_name", "created_at", "updated_at"]
    ordering = ["last_name"]
    create_service = services.create_person
    update_service = services.update_person
    delete_service = services.delete_person

    def base_queryset(self) -> QuerySet[Person]:
        editable = Person.objects.editable_by(self.request.user).values("pk")
        return (
            super()
            .base_queryset()
            .annotate(
                shows_contacts=ExpressionWrapper(Q(pk__in=editable), output_field=BooleanField())
            )
        )


class AffiliationViewSet(RecordViewSet):
    """Who works for or represents which organisation, over which period."""

    queryset = Affiliation.objects.all()
    serializer_class = AffiliationSerializer
    filterset_class = AffiliationFilterSet
    ordering_fields = ["id", "created_at"]
    ordering = ["id"]
    update_service = services.update_affiliation
    delete_service = services.delete_affiliation

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        return services.create_affiliation(
            data.pop("person"), data.pop("organisation"), by=by, **data
        )
