"""The API's read path answers byte for byte what DRF's own representation answers.

``RecordSerializer`` builds its fields once per class, reads stored values and ids straight
from the record and reads many-relations shown by code or id for a whole list in one
query (``partnerhub.api.representation``). Every collection and a sample of its records are
requested twice — as it is, and with DRF's standard ``ModelSerializer`` fields and
``to_representation`` put back — on the demo data and a small synthetic dataset (empty and
missing values, dates, times, amounts, records of every kind).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

import pytest
from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.test import override_settings
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, RelatedField
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from partnerhub.agreements.tests.factories import (
    AgreementVersionFactory,
    CommitmentFactory,
    ResponsibilityFactory,
    SignatureFactory,
)
from partnerhub.api.fields import RecordListSerializer, RecordSerializer
from partnerhub.api.urls import router
from partnerhub.core.tests import factories as f
from partnerhub.demo.services import load_demo_data
from partnerhub.formation.tests.factories import (
    HealthResponseFactory,
    InvitationFactory,
    StageTransitionFactory,
)
from partnerhub.registry.api.serializers import OrganisationSerializer
from partnerhub.registry.models import Organisation, ThematicArea
from partnerhub.synthetic.services import generate_synthetic_data
from partnerhub.synthetic.tests.helpers import TINY

pytestmark = pytest.mark.django_db

DETAILS_PER_COLLECTION = 25
PARTNERSHIP = re.compile(r"\(\?P<partnership_pk>[^)]*\)")


@pytest.fixture
def dataset() -> None:
    """The demo, a small synthetic dataset, and what neither has: reported values, invitations,
    stage transitions, health checks and agreements."""
    load_demo_data()
    generate_synthetic_data(TINY, seed=11)
    f.ReportedValueFactory.create(value=Decimal("12.50"), note="")
    f.ReportedValueFactory.create(value=Decimal("0"), reported_on=datetime.date(2025, 1, 31))
    InvitationFactory.create()
    StageTransitionFactory.create()
    HealthResponseFactory.create(comment="")
    version = AgreementVersionFactory.create()
    ResponsibilityFactory.create(activity__version=version)
    CommitmentFactory.create(version=version, money=None)
    SignatureFactory.create(version=version)


@pytest.fixture
def drf_standard(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Once called, record serializers work as a plain DRF ``ModelSerializer`` again."""

    def standard() -> None:
        monkeypatch.setattr(RecordSerializer, "get_fields", serializers.ModelSerializer.get_fields)
        monkeypatch.setattr(
            RecordSerializer, "to_representation", serializers.Serializer.to_representation
        )
        monkeypatch.setattr(
            RecordListSerializer, "to_representation", serializers.ListSerializer.to_representation
        )

    return standard


def is_record_serializer(serializer_class: Any) -> bool:
    return isinstance(serializer_class, type) and issubclass(serializer_class, RecordSerializer)


def record_collections(client: APIClient) -> list[tuple[str, str, str]]:
    """Every collection whose records a ``RecordSerializer`` shows: its route, its address
    (one under each partnership for those under a partnership) and its lookup field."""
    found = []
    partnerships: list[int] | None = None
    for prefix, viewset, _basename in router.registry:
        if not is_record_serializer(getattr(viewset, "serializer_class", None)):
            continue
        lookup = getattr(viewset, "lookup_field", "pk")
        if PARTNERSHIP.search(prefix) is None:
            found.append((prefix, prefix, lookup))
            continue
        if partnerships is None:
            rows = client.get("/api/partnerships/?page_size=200").json()["results"]
            partnerships = [row["id"] for row in rows]
        found += [(prefix, PARTNERSHIP.sub(str(pk), prefix), lookup) for pk in partnerships]
    return found


def answers(client: APIClient, shown: set[str] | None = None) -> dict[str, bytes]:
    """The bodies of every collection's first page and of a sample of its records; the
    routes with records are added to ``shown``."""
    bodies = {}
    for route, prefix, lookup in record_collections(client):
        url = f"/api/{prefix}/?page_size=200"
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        bodies[url] = response.content
        rows = response.json()["results"]
        if rows and shown is not None:
            shown.add(route)
        for row in rows[:DETAILS_PER_COLLECTION]:
            url = f"/api/{prefix}/{row[lookup if lookup != 'pk' else 'id']}/"
            response = client.get(url)
            assert response.status_code == 200, (url, response.content[:300])
            bodies[url] = response.content
    return bodies


def test_every_collection_and_record_reads_as_drf_shows_it(
    dataset: None, staff: APIClient, anonymous: APIClient, drf_standard: Callable[[], None]
) -> None:
    shown: set[str] = set()
    ours = {"staff": answers(staff, shown), "anonymous": answers(anonymous)}
    drf_standard()
    theirs = {"staff": answers(staff), "anonymous": answers(anonymous)}

    routes = {route for route, _prefix, _lookup in record_collections(staff)}
    assert shown == routes  # every collection had records to show
    assert len(ours["staff"]) > 400
    for client in ours:
        assert ours[client].keys() == theirs[client].keys()
        different = [url for url in ours[client] if ours[client][url] != theirs[client][url]]
        assert different == [], (client, different[:5])


@pytest.mark.parametrize("prefetched", [False, True], ids=["read-together", "prefetched"])
def test_a_list_reads_as_drf_shows_it_with_its_many_relations_prefetched_or_not(
    dataset: None, drf_standard: Callable[[], None], prefetched: bool
) -> None:
    """Each collection's records as its viewset loads them, and with no prefetch at all."""

    def rendered() -> dict[str, bytes]:
        bodies = {}
        for prefix, viewset, _basename in router.registry:
            serializer_class = getattr(viewset, "serializer_class", None)
            queryset = getattr(viewset, "queryset", None)
            if queryset is None or not is_record_serializer(serializer_class):
                continue
            assert serializer_class is not None
            records = queryset.order_by("pk")
            if not prefetched:
                records = records.prefetch_related(None)
            data = serializer_class(records[:200], many=True, context={"request": None}).data
            bodies[prefix] = JSONRenderer().render(data)
        return bodies

    ours = rendered()
    drf_standard()
    theirs = rendered()

    assert len(ours) > 20
    assert ours == theirs
    assert b'"areas":["' in ours["organisations"]


def test_records_with_a_prefetch_of_their_own_are_shown_from_it(
    dataset: None, drf_standard: Callable[[], None]
) -> None:
    """Half of the records come with their areas narrowed by a prefetch: DRF shows those."""
    records = list(Organisation.objects.filter(areas__isnull=False).distinct().order_by("pk")[:40])
    prefetch_related_objects(
        records[20:], Prefetch("areas", queryset=ThematicArea.objects.filter(code="tourism"))
    )
    ours = OrganisationSerializer(records, many=True).data
    drf_standard()

    assert ours == OrganisationSerializer(records, many=True).data
    assert {code for row in ours[:20] for code in row["areas"]} - {"tourism"}
    assert {code for row in ours[20:] for code in row["areas"]} <= {"tourism"}


def test_many_relations_of_a_list_are_read_in_one_query(
    dataset: None, django_assert_num_queries: Any
) -> None:
    organisations = list(Organisation.objects.order_by("pk")[:100])

    with django_assert_num_queries(1):
        rows = OrganisationSerializer(organisations, many=True).data

    assert sum(len(row["areas"]) for row in rows) > 100


def test_a_record_not_saved_yet_reads_as_drf_shows_it(drf_standard: Callable[[], None]) -> None:
    unsaved = Organisation(name="Not saved yet", sector="civil")
    ours = OrganisationSerializer(unsaved).data
    drf_standard()
    assert ours == OrganisationSerializer(unsaved).data
    assert ours["areas"] == [] and ours["id"] is None


class TestFieldsOfTheirOwn:
    """Fields are built once per class; each serializer binds copies nobody else holds."""

    def test_each_serializer_has_fields_of_its_own_bound_to_it(self) -> None:
        first = OrganisationSerializer(context={"request": "first"})
        second = OrganisationSerializer(context={"request": "second"})

        for name, field in first.fields.items():
            other = second.fields[name]
            assert field is not other
            assert field.parent is first and other.parent is second
            assert field.context == {"request": "first"}
            assert other.context == {"request": "second"}
            assert field.error_messages is not other.error_messages
            assert field.validators is not other.validators
        areas = cast(ManyRelatedField, first.fields["areas"])
        other_areas = cast(ManyRelatedField, second.fields["areas"])
        assert areas.child_relation is not other_areas.child_relation
        assert areas.child_relation.parent is areas
        assert areas.child_relation.context == {"request": "first"}
        assert areas.child_relation.queryset is not other_areas.child_relation.queryset

    def test_changing_one_serializers_fields_leaves_the_others_alone(self) -> None:
        changed = OrganisationSerializer()
        changed.fields.pop("nip")
        changed.fields["name"].error_messages["blank"] = "changed"
        changed.fields["name"].validators.append(lambda value: None)

        fresh = OrganisationSerializer()
        assert "nip" in fresh.fields
        assert fresh.fields["name"].error_messages["blank"] != "changed"
        assert len(fresh.fields["name"].validators) == len(changed.fields["name"].validators) - 1

    def test_the_class_template_stays_unbound(self) -> None:
        OrganisationSerializer(context={"request": "bound"}).data  # noqa: B018 - builds fields
        templates = RecordSerializer._fields_of_class[OrganisationSerializer]

        for template in templates.values():
            assert template.field.parent is None
            assert template.field.field_name is None

    def test_fields_follow_drf_settings_changed_after_they_were_first_built(self) -> None:
        """A relation's cut-off of choices is read from DRF's settings when it is made."""

        def cutoff() -> int | None:
            return cast(RelatedField, OrganisationSerializer().fields["seat"]).html_cutoff

        assert cutoff() == 1000
        with override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "HTML_SELECT_CUTOFF": 5}):
            assert cutoff() == 5
        assert cutoff() == 1000

    def test_labels_stay_translatable(self) -> None:
        from django.utils import translation

        with translation.override("pl"):
            polish = str(OrganisationSerializer().fields["areas"].label)
        with translation.override("en"):
            english = str(OrganisationSerializer().fields["areas"].label)
        assert english == "Areas of activity"
        assert polish != english
