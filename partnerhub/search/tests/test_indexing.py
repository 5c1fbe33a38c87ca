"""Keeping the index in step with the records: single writes, bulk writes, rebuilds."""

from __future__ import annotations

from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
    ProjectFactory,
    TerritorialUnitFactory,
)
from partnerhub.core.tests.helpers import violates
from partnerhub.registry.models import Organisation, Person
from partnerhub.search import services
from partnerhub.search.choices import SearchKind, entry_id
from partnerhub.search.models import SearchEntry
from partnerhub.search.registry import is_searchable
from partnerhub.search.selectors import search
from partnerhub.search.services import (
    index_instance,
    index_queryset,
    index_records_in,
    rebuild,
    remove,
    remove_instance,
    remove_many,
)
from partnerhub.territory.choices import Level
from partnerhub.territory.services import save_unit

pytestmark = pytest.mark.django_db


def found(query: str, **options: Any) -> list[int]:
    return [hit.object_id for hit in search(query, **options)]


def test_an_entry_holds_the_normalised_names_and_text() -> None:
    seat = TerritorialUnitFactory.create(name="Wałbrzych")
    org = OrganisationFactory.create(
        name="Stowarzyszenie Forum Aktywności Lokalnej",
        short_name="FAL",
        description="Buduje partnerstwa.",
        seat=seat,
        nip="5252248481",
    )
    index_instance(org)
    entry = SearchEntry.objects.get()
    assert (entry.id, entry.kind, entry.object_id) == (
        entry_id(SearchKind.ORGANISATION, org.pk),
        SearchKind.ORGANISATION,
        org.pk,
    )
    assert entry.title == "stowarzyszenie forum aktywnosci lokalnej fal 5252248481"
    assert entry.body == "buduje partnerstwa walbrzych"
    assert (entry.territory_path, entry.is_public) == (seat.path, True)


def test_reindexing_a_changed_record_replaces_its_words() -> None:
    org = OrganisationFactory.create(name="Fundacja Łąka")
    index_instance(org)
    org.name = "Fundacja Źródło"
    org.save()
    index_instance(org)
    assert SearchEntry.objects.count() == 1
    assert found("laka") == []
    assert found("zrodlo") == [org.pk]


def test_publishing_and_withdrawing_follow_the_visibility() -> None:
    project = ProjectFactory.create(title="Akademia Lidera", visibility=Visibility.INTERNAL)
    index_instance(project)
    assert found("akademia") == []
    project.visibility = Visibility.PUBLISHED
    project.save()
    index_instance(project)
    assert found("akademia") == [project.pk]


def test_indexing_one_record_takes_two_queries(django_assert_num_queries: Any) -> None:
    org = OrganisationFactory.create(seat=TerritorialUnitFactory.create())
    with django_assert_num_queries(2):
        index_instance(org)


def test_renaming_a_unit_reindexes_what_is_placed_there() -> None:
    unit = TerritorialUnitFactory.create(name="Łódź")
    org = OrganisationFactory.create(name="Teatr", seat=unit)
    event = EventFactory.create(title="Festiwal", territory=unit)
    index_queryset(Organisation.objects.all())
    index_instance(event)
    unit.name = "Łódź-Bałuty"
    unit.save()
    assert index_records_in(unit) == 2
    assert sorted(found("baluty")) == sorted([org.pk, event.pk])


def test_only_the_registered_models_are_searchable() -> None:
    assert is_searchable(Organisation) and is_searchable(Person)
    assert not is_searchable(SearchEntry)
    with pytest.raises(LookupError):
        index_instance(SearchEntry(kind=SearchKind.EVENT, object_id=1))


def test_removing_drops_the_entry() -> None:
    org, person = OrganisationFactory.create(name="Klub Rowerowy"), PersonFactory.create()
    index_instance(org)
    index_instance(person)
    remove_instance(org)
    assert found("klub") == []
    remove(SearchKind.PERSON, person.pk)
    remove(SearchKind.PERSON, person.pk)  # nothing left: no error
    assert SearchEntry.objects.count() == 0
    org.delete()
    with pytest.raises(ValueError, match="before delete"):
        remove_instance(org)


def test_indexing_a_deleted_record_drops_its_entry() -> None:
    org = OrganisationFactory.create(name="Klub Rowerowy")
    index_instance(org)
    pk = org.pk
    Organisation.objects.filter(pk=pk).delete()
    index_instance(Organisation(pk=pk))
    assert SearchEntry.objects.count() == 0


def test_an_erased_person_is_found_by_nothing_they_were_called() -> None:
    person = PersonFactory.create(first_name="Bożena", last_name="Żmudzka")
    index_instance(person)
    assert found("zmudzka", public_only=False) == [person.pk]
    Person.objects.filter(pk=person.pk).update(first_name="—", last_name="Anonymised")
    index_instance(person)
    assert found("zmudzka", public_only=False) == []
    assert found("bozena", public_only=False) == []


def test_bulk_indexing_writes_in_batches(django_assert_max_num_queries: Any) -> None:
    OrganisationFactory.create_batch(25)
    with django_assert_max_num_queries(3 + 25 // 10):
        assert index_queryset(Organisation.objects.all(), batch_size=10) == 25
    assert SearchEntry.objects.count() == 25
    # Only the records of the queryset, and again without duplicates.
    assert index_queryset(Organisation.objects.order_by("pk")[:5]) == 5
    assert SearchEntry.objects.count() == 25


def test_remove_many_after_a_bulk_delete() -> None:
    orgs = OrganisationFactory.create_batch(3)
    index_queryset(Organisation.objects.all())
    assert remove_many(SearchKind.ORGANISATION, [o.pk for o in orgs[:2]]) == 2
    assert list(SearchEntry.objects.values_list("object_id", flat=True)) == [orgs[2].pk]


def test_rebuild_replaces_one_kind_and_drops_stale_entries() -> None:
    kept, gone = OrganisationFactory.create_batch(2)
    event = EventFactory.create()
    index_queryset(Organisation.objects.all())
    index_instance(event)
    Organisation.objects.filter(pk=gone.pk).delete()  # behind the services' back
    assert rebuild(SearchKind.ORGANISATION) == 1
    assert set(SearchEntry.objects.values_list("kind", "object_id")) == {
        (SearchKind.ORGANISATION, kept.pk),
        (SearchKind.EVENT, event.pk),
    }


def test_a_failed_rebuild_leaves_the_previous_entries() -> None:
    OrganisationFactory.create_batch(5, name="Spółdzielnia Socjalna")
    index_queryset(Organisation.objects.all())
    before = list(SearchEntry.objects.values_list("id", "title"))
    calls = 0

    def failing_entry(spec: Any, record: Any) -> SearchEntry:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("disk full")
        return original(spec, record)

    original = services._entry
    with (
        mock.patch.object(services, "_entry", failing_entry),
        pytest.raises(RuntimeError),
    ):
        rebuild(SearchKind.ORGANISATION, batch_size=2)
    assert list(SearchEntry.objects.values_list("id", "title")) == before
    assert len(found("spoldzielnia")) == 5


def test_reindex_command_rebuilds_every_kind() -> None:
    OrganisationFactory.create_batch(2, name="Fundacja Wałbrzyska")
    ProgrammeFactory.create(title="Program Wałbrzyski")
    PersonFactory.create(last_name="Wałbrzyski")
    out = StringIO()
    call_command("reindex", "--no-progress", stdout=out)
    assert "Search index rebuilt: 4 entries." in out.getvalue()
    assert len(found("walbrzy")) == 3
    assert len(found("walbrzy", public_only=False)) == 4


def test_reindex_command_can_rebuild_one_kind() -> None:
    OrganisationFactory.create(name="Fundacja Wałbrzyska")
    PersonFactory.create(last_name="Wałbrzyski")
    out = StringIO()
    call_command("reindex", "--kind", "person", "--no-progress", stdout=out)
    assert "Search index rebuilt: 1 entry." in out.getvalue()
    assert list(SearchEntry.objects.values_list("kind", flat=True)) == [SearchKind.PERSON]


def test_an_entry_id_always_follows_from_its_record() -> None:
    wrong = SearchEntry(id=entry_id(SearchKind.EVENT, 7), kind=SearchKind.PROJECT, object_id=7)
    with violates("search_entry_id_from_kind_and_record"):
        SearchEntry.objects.bulk_create([wrong])
    SearchEntry.objects.create(kind=SearchKind.PROJECT, object_id=7, title="x")  # id derived
    assert SearchEntry.objects.get().id == entry_id(SearchKind.PROJECT, 7)


def test_fulltext_schema() -> None:
    """The migration built the engine's structures (a later table rebuild would lose them)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'search_searchentry' "
                "AND type = 'trigger' ORDER BY name"
            )
            assert [row[0] for row in cursor.fetchall()] == [
                "search_entry_after_delete",
                "search_entry_after_insert",
                "search_entry_after_update",
            ]
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchentry' "
                "AND indexdef LIKE '%%USING gin%%' ORDER BY indexname"
            )
            assert [row[0] for row in cursor.fetchall()] == [
                "search_entry_document",
                "search_entry_title_document",
            ]
            cursor.execute(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "WHERE i.inhparent = 'search_searchentry'::regclass ORDER BY c.relname"
            )
            assert [row[0] for row in cursor.fetchall()] == sorted(
                [f"search_searchentry_{kind}" for kind in SearchKind.values]
                + ["search_searchentry_other"]
            )


def test_a_record_is_found_by_the_units_its_place_lies_within() -> None:
    """ "walbrzych" finds an organisation seated in a municipality of the Wałbrzych county."""
    country = TerritorialUnitFactory.create(level=Level.COUNTRY, code="PL", name="Polska")
    voivodeship = TerritorialUnitFactory.create(
        level=Level.VOIVODESHIP, code="02", name="dolnośląskie", parent=country
    )
    county = TerritorialUnitFactory.create(
        level=Level.COUNTY, code="0221", name="Wałbrzych", parent=voivodeship
    )
    municipality = TerritorialUnitFactory.create(
        level=Level.MUNICIPALITY, code="0221011", name="Boguszów-Gorce", parent=county
    )
    org = OrganisationFactory.create(name="Klub Sportowy Górnik", seat=municipality)
    index_queryset(Organisation.objects.all())

    assert found("walbrzych") == [org.pk]
    assert found("dolnoslaskie") == [org.pk]
    assert found("polska") == []  # the country is left out: it would match everything

    county.name = "Wałbrzych (powiat)"
    save_unit(county)
    assert found("powiat") == [org.pk]
