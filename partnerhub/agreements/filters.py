"""Filters of agreements and their parts (the API and the lists)."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from partnerhub.agreements.choices import ResponsibilityLevel, VersionStatus
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.core.filters import IdFilter, RecordFilterSet


class AgreementFilterSet(RecordFilterSet):
    search_fields = ("title",)

    partnership = IdFilter(field_name="partnership", label=_("Partnership (id)"))

    class Meta:
        model = Agreement
        fields: list[str] = []


class AgreementVersionFilterSet(filters.FilterSet):
    agreement = IdFilter(field_name="agreement", label=_("Agreement (id)"))
    partnership = IdFilter(field_name="agreement__partnership", label=_("Partnership (id)"))
    status = filters.ChoiceFilter(choices=VersionStatus.choices, label=_("Status"))

    class Meta:
        model = AgreementVersion
        fields: list[str] = []


class AgreementActivityFilterSet(filters.FilterSet):
    version = IdFilter(field_name="version", label=_("Agreement version (id)"))

    class Meta:
        model = AgreementActivity
        fields: list[str] = []


class ResponsibilityFilterSet(filters.FilterSet):
    activity = IdFilter(field_name="activity", label=_("Activity (id)"))
    version = IdFilter(field_name="activity__version", label=_("Agreement version (id)"))
    membership = IdFilter(field_name="membership", label=_("Member (membership id)"))
    level = filters.ChoiceFilter(choices=ResponsibilityLevel.choices, label=_("Part"))

    class Meta:
        model = Responsibility
        fields: list[str] = []


class CommitmentFilterSet(filters.FilterSet):
    version = IdFilter(field_name="version", label=_("Agreement version (id)"))
    membership = IdFilter(field_name="membership", label=_("Member (membership id)"))

    class Meta:
        model = Commitment
        fields: list[str] = []


class SignatureFilterSet(filters.FilterSet):
    version = IdFilter(field_name="version", label=_("Agreement version (id)"))
    membership = IdFilter(field_name="membership", label=_("Member (membership id)"))

    class Meta:
        model = Signature
        fields: list[str] = []
