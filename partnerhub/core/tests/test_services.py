"""save_validated / update_fields: a record and its links are written whole, or not at all."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.services import save_validated, update_fields
from partnerhub.core.tests.factories import OrganisationFactory, ThematicAreaFactory
from partnerhub.registry.models import Organisation, ThematicArea

pytestmark = pytest.mark.django_db


def test_a_valid_record_is_saved_with_its_many_to_many_links() -> None:
    areas = ThematicAreaFactory.create_batch(2)
    org = save_validated(Organisation(name="Fundacja", sector="civil"), m2m={"areas": areas})
    assert Organisation.objects.get(pk=org.pk).name == "Fundacja"
    assert set(org.areas.all()) == set(areas)


def test_an_invalid_record_writes_neither_itself_nor_its_links() -> None:
    area = ThematicAreaFactory.create()
    with pytest.raises(ValidationError):
        save_validated(Organisation(name="", sector="civil"), m2m={"areas": [area]})
    assert not Organisation.objects.exists()
    assert not Organisation.areas.through.objects.exists()


def test_a_failure_after_the_record_is_saved_undoes_the_record() -> None:
    """The links are set in the same transaction: if they fail, the record is rolled back."""
    unsaved_area = ThematicArea(code="never-saved", name_en="x", name_pl="x", name_sl="x")
    with pytest.raises(ValueError):
        save_validated(Organisation(name="Fundacja", sector="civil"), m2m={"areas": [unsaved_area]})
    assert not Organisation.objects.exists()


def test_update_fields_validates_and_keeps_the_stored_record_on_error() -> None:
    org = OrganisationFactory.create(name="Stara nazwa", founded_on=datetime.date(2010, 1, 1))
    area = ThematicAreaFactory.create()
    with pytest.raises(ValidationError):
        update_fields(org, {"name": "Nowa nazwa", "sector": "no-such-sector", "areas": [area]})
    stored = Organisation.objects.get(pk=org.pk)
    assert (stored.name, stored.sector) == ("Stara nazwa", "civil")
    assert not stored.areas.exists()


def test_update_fields_sets_fields_and_links() -> None:
    org = OrganisationFactory.create()
    area = ThematicAreaFactory.create()
    update_fields(org, {"name": "Nowa nazwa", "areas": [area]})
    stored = Organisation.objects.get(pk=org.pk)
    assert stored.name == "Nowa nazwa"
    assert list(stored.areas.all()) == [area]
