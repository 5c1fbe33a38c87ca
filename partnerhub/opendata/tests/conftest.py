"""Fixtures of the open-data tests: the demo cases loaded once per module, and a person."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from pytest_django import DjangoDbBlocker

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.core.tests.factories import (
    AffiliationFactory,
    LocalProblemFactory,
    MembershipFactory,
    PersonFactory,
    RegistrationFactory,
)
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation, Person


@pytest.fixture(scope="module")
def demo_data(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """The five demo cases, loaded once for a module and rolled back after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_data: None, db: None) -> None:
    """The demo cases, for one test (its own writes are rolled back after it)."""


SECRET = {
    "first_name": "Zofia",
    "last_name": "Sekretna-Tajemnicza",
    "email": "zofia.sekretna@example.org",
    "phone": "+48 600 123 987",
    "address": "ul. Ukryta 13/7, 00-950 Warszawa",
}


@pytest.fixture
def person_with_personal_data(demo: None) -> Person:
    """A person with every kind of personal data, linked to published records every way."""
    person = PersonFactory.create(title="Sołtyska", **SECRET)
    partnership = Partnership.objects.published().first()
    MembershipFactory.create(partnership=partnership, organisation=None, person=person)
    AffiliationFactory.create(person=person, organisation=Organisation.objects.first())
    LocalProblemFactory.create(raised_by_person=person, status=ProblemStatus.PUBLISHED)
    RegistrationFactory.create(event=Event.objects.published().first(), person=person)
    return person
