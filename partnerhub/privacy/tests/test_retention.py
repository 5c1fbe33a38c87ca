"""``apply-retention``: inactive people without accounts are erased; unconfirmed accounts go."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command

from partnerhub.audit.models import AuditEvent, AuditEventKind
from partnerhub.core.tests import factories as f
from partnerhub.partnerships.services import update_membership
from partnerhub.privacy.models import Erasure
from partnerhub.privacy.services import ERASED_FIRST_NAME, erase_person
from partnerhub.registry.models import Person

pytestmark = pytest.mark.django_db

LONG_AGO = "2020-03-01 12:00 +01:00"
LAST_YEAR = "2025-06-01 12:00 +02:00"
TODAY = "2026-11-20 12:00 +01:00"


@pytest.fixture
def people() -> dict[str, object]:
    with time_machine.travel(LONG_AGO, tick=False):
        forgotten = f.PersonFactory.create(first_name="Ewa", last_name="Zapomniana")
        f.RegistrationFactory.create(person=forgotten)
        still_member = f.PersonFactory.create(first_name="Piotr", last_name="Aktywny")
        membership = f.MembershipFactory.create(organisation=None, person=still_member)
        with_account = f.PersonFactory.create(
            first_name="Olga", last_name="Konto", user=f.UserFactory.create(username="olga")
        )
        already_erased = f.PersonFactory.create(first_name="Adam", last_name="Wymazany")
        erase_person(already_erased, by=None)
    with time_machine.travel(LAST_YEAR, tick=False):
        update_membership(membership, responsibilities="survey")
        unconfirmed = f.UserFactory.create(username="never-confirmed", is_active=False)
        deactivated = f.UserFactory.create(
            username="deactivated",
            is_active=False,
            last_login=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
        )
    with time_machine.travel("2026-11-10 12:00 +01:00", tick=False):
        recent = f.UserFactory.create(username="just-signed-up", is_active=False)
    return {
        "forgotten": forgotten,
        "still_member": still_member,
        "with_account": with_account,
        "unconfirmed": unconfirmed,
        "deactivated": deactivated,
        "recent": recent,
    }


def run(*args: str) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_lists_and_changes_nothing(people: dict[str, object]) -> None:
    with time_machine.travel(TODAY, tick=False):
        output = run("--dry-run")

    assert "Dry run: nothing was changed." in output
    assert f"1 person would be anonymised: #{people['forgotten'].pk}" in output  # type: ignore[attr-defined]
    assert f"1 unconfirmed account would be deleted: #{people['unconfirmed'].pk}" in output  # type: ignore[attr-defined]
    assert Person.objects.get(pk=people["forgotten"].pk).last_name == "Zapomniana"  # type: ignore[attr-defined]
    assert User.objects.filter(username="never-confirmed").exists()
    assert not AuditEvent.objects.filter(kind=AuditEventKind.RETENTION).exists()


def test_retention_erases_the_inactive_and_deletes_unconfirmed_accounts(
    people: dict[str, object],
) -> None:
    with time_machine.travel(TODAY, tick=False):
        output = run()
        again = run()

    forgotten = Person.objects.get(pk=people["forgotten"].pk)  # type: ignore[attr-defined]
    assert forgotten.first_name == ERASED_FIRST_NAME
    assert forgotten.registrations.count() == 1
    assert Erasure.objects.get(person=forgotten).reason == "retention"
    assert Person.objects.get(pk=people["still_member"].pk).last_name == "Aktywny"  # type: ignore[attr-defined]
    assert Person.objects.get(pk=people["with_account"].pk).last_name == "Konto"  # type: ignore[attr-defined]
    remaining = set(User.objects.values_list("username", flat=True))
    assert "never-confirmed" not in remaining
    assert {"deactivated", "just-signed-up", "olga"} <= remaining
    assert "1 person anonymised" in output and "1 unconfirmed account deleted" in output
    assert "0 people anonymised." in again and "0 unconfirmed accounts deleted." in again
    (event,) = AuditEvent.objects.filter(kind=AuditEventKind.RETENTION)
    assert event.summary == {"people_erased": 1, "accounts_deleted": 1}
    latest = Person.history.filter(id=forgotten.pk).latest("history_date")
    assert latest.history_change_reason == "retention"


def test_the_retention_period_is_a_setting(people: dict[str, object], settings: object) -> None:
    settings.PERSONAL_DATA_RETENTION_DAYS = 20 * 365  # type: ignore[attr-defined]

    with time_machine.travel(TODAY, tick=False):
        output = run()

    assert "0 people anonymised." in output
    assert Person.objects.get(pk=people["forgotten"].pk).last_name == "Zapomniana"  # type: ignore[attr-defined]
