"""Every write through the services leaves a history entry: who, when, what changed."""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from partnerhub.audit.context import acting
from partnerhub.audit.models import AuditEvent, AuditEventKind
from partnerhub.audit.services import command_run
from partnerhub.core.tests import factories as f
from partnerhub.events.choices import AttendanceSector
from partnerhub.events.models import AttendanceCount
from partnerhub.events.services import set_attendance
from partnerhub.registry.choices import OrganisationStatus
from partnerhub.registry.models import Organisation
from partnerhub.registry.services import (
    create_organisation,
    delete_affiliation,
    update_organisation,
    update_person,
)
from partnerhub.territory.models import TerritorialUnit
from partnerhub.territory.services import save_unit

pytestmark = pytest.mark.django_db

TERC_CSV = Path(__file__).resolve().parents[2] / "territory" / "tests" / "fixtures" / "TERC.csv"


def latest(record: object) -> object:
    return record.history.order_by("-history_date", "-history_id").first()  # type: ignore[attr-defined]


def test_a_change_through_a_service_records_who_and_before_and_after() -> None:
    author, editor = f.UserFactory.create(), f.UserFactory.create()
    organisation = create_organisation(name="Fundacja Stara", sector="civil", by=author)
    update_organisation(
        organisation,
        name="Fundacja Nowa",
        status=OrganisationStatus.DISSOLVED,
        dissolved_on=datetime.date(2025, 1, 31),
        by=editor,
    )

    created, changed = organisation.history.order_by("history_date", "history_id")
    assert (created.history_type, created.history_user) == ("+", author)
    assert (changed.history_type, changed.history_user) == ("~", editor)
    delta = changed.diff_against(created)
    assert {c.field: (c.old, c.new) for c in delta.changes} == {
        "name": ("Fundacja Stara", "Fundacja Nowa"),
        "status": (OrganisationStatus.ACTIVE, OrganisationStatus.DISSOLVED),
        "dissolved_on": (None, datetime.date(2025, 1, 31)),
    }


def test_a_delete_through_a_service_records_who() -> None:
    editor = f.UserFactory.create()
    affiliation = f.AffiliationFactory.create()
    pk = affiliation.pk

    delete_affiliation(affiliation, by=editor)

    deleted = type(affiliation).history.filter(id=pk).latest("history_date")
    assert (deleted.history_type, deleted.history_user) == ("-", editor)


def test_the_system_acting_in_a_command_is_named_by_the_command() -> None:
    person = f.PersonFactory.create()

    with command_run("fix-phones") as run:
        update_person(person, phone="+48 600 100 200")
        run.summary = {"people": 1}

    entry = latest(person)
    assert entry.history_user is None  # type: ignore[attr-defined]
    assert entry.history_change_reason == "command: fix-phones"  # type: ignore[attr-defined]
    event = AuditEvent.objects.get()
    assert (event.kind, event.name, event.summary) == (
        AuditEventKind.COMMAND,
        "fix-phones",
        {"people": 1},
    )


def test_the_user_named_to_a_service_wins_over_an_outer_block() -> None:
    outer, inner = f.UserFactory.create(), f.UserFactory.create()
    organisation = f.OrganisationFactory.create()

    with acting(outer, reason="bulk edit"):
        update_organisation(organisation, short_name="FAL", by=inner)
        update_organisation(organisation, short_name="F.A.L.")

    first, second = organisation.history.filter(history_type="~").order_by("history_date")
    assert (first.history_user, first.history_change_reason) == (inner, "bulk edit")
    assert (second.history_user, second.history_change_reason) == (outer, "bulk edit")


def test_a_bulk_delete_through_a_service_leaves_an_entry_per_record() -> None:
    editor = f.UserFactory.create()
    event = f.EventFactory.create()
    civil = f.AttendanceCountFactory.create(event=event, sector=AttendanceSector.CIVIL, count=3)
    f.AttendanceCountFactory.create(event=event, sector=AttendanceSector.PUBLIC, count=4)

    set_attendance(event, {AttendanceSector.PUBLIC: 5}, by=editor)

    removed = AttendanceCount.history.get(id=civil.pk, history_type="-")
    assert removed.history_user == editor
    assert AttendanceCount.history.filter(history_type="~", history_user=editor).count() == 1


def test_a_bulk_update_through_a_service_leaves_an_entry_per_record() -> None:
    editor = f.UserFactory.create()
    old_region = f.TerritorialUnitFactory.create(level="voivodeship", code="02", name="Old")
    new_region = f.TerritorialUnitFactory.create(level="voivodeship", code="28", name="New")
    county = f.TerritorialUnitFactory.create(level="county", code="0221", parent=old_region)
    town = f.TerritorialUnitFactory.create(code="0221011", parent=county)
    for unit in (old_region, new_region, county, town):
        unit.path = unit.build_path()
        unit.save()

    county.parent = new_region
    save_unit(county, by=editor)

    town.refresh_from_db()
    moved = TerritorialUnit.history.filter(id=town.pk).latest("history_date")
    assert moved.path == town.path == "PL/28/0221/0221011"
    assert (moved.history_type, moved.history_user) == ("~", editor)


def test_a_teryt_import_leaves_entries_marked_with_the_file_and_one_event() -> None:
    call_command("import_teryt", str(TERC_CSV), stdout=StringIO(), stderr=StringIO())

    units = TerritorialUnit.objects.count()
    entries = TerritorialUnit.history.filter(history_type="+")
    assert entries.count() == units == 22
    assert set(entries.values_list("history_change_reason", flat=True)) == {"import: TERC.csv"}
    event = AuditEvent.objects.get(name="import-teryt")
    assert event.summary == {"file": "TERC.csv", "created": 22, "updated": 0, "unchanged": 0}
    assert event.actor is None


def test_a_repeated_load_territories_records_only_the_run_that_wrote() -> None:
    call_command("load_territories", stdout=StringIO())
    call_command("load_territories", stdout=StringIO())

    (event,) = AuditEvent.objects.filter(name="load-territories")
    assert event.summary["changed"] > 0
    reasons = set(TerritorialUnit.history.values_list("history_change_reason", flat=True))
    assert reasons == {"command: load-territories"}


def test_a_failed_command_records_no_event(tmp_path: Path) -> None:
    bad = tmp_path / "TERC.csv"
    bad.write_text("not a TERC file\n", encoding="utf-8")

    with pytest.raises(Exception, match="Nothing was imported"):
        call_command("import_teryt", str(bad), stdout=StringIO(), stderr=StringIO())

    assert not AuditEvent.objects.exists()
    assert not Organisation.history.exists()


def test_a_request_user_is_recorded_when_the_service_is_not_told(client: object) -> None:
    user: User = f.SuperuserFactory.create()
    organisation = f.OrganisationFactory.create(name="Fundacja")
    client.force_login(user)  # type: ignore[attr-defined]
    url = f"/admin/registry/organisation/{organisation.pk}/delete/"

    response = client.post(url, {"post": "yes"})  # type: ignore[attr-defined]

    assert response.status_code == 302
    deleted = Organisation.history.get(id=organisation.pk, history_type="-")
    assert deleted.history_user == user
