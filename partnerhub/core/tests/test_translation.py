"""Validation messages are translated when shown, in the language of whoever reads them."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from partnerhub.core.tests.helpers import error_messages
from partnerhub.projects.models import Project
from partnerhub.registry.models import Person

pytestmark = pytest.mark.django_db

END_BEFORE_START = "The end date cannot be before the start date."


def _project_ending_before_it_starts() -> None:
    Project(title="X", start=datetime.date(2024, 2, 1), end=datetime.date(2024, 1, 1)).full_clean()


@pytest.mark.parametrize("language", ["pl", "sl"])
def test_rule_messages_are_translated_when_read_not_when_defined(language: str) -> None:
    with translation.override(language):
        translated = translation.gettext(END_BEFORE_START)
        errors = error_messages(_project_ending_before_it_starts)
    assert translated != END_BEFORE_START  # the catalogue has it
    assert errors == {"end": [translated]}
    assert error_messages(_project_ending_before_it_starts) == {"end": [END_BEFORE_START]}


def test_django_field_messages_follow_the_language_too() -> None:
    person = Person(first_name="Ana", last_name="Novak", email="not-an-address")
    with translation.override("pl"):
        polish = error_messages(person.full_clean)["email"]
        expected = translation.gettext("Enter a valid email address.")
    assert polish == [expected]
    assert expected != "Enter a valid email address."
