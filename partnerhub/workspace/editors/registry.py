"""Editors of the registry: organisations and people."""

from __future__ import annotations

from typing import Any

from partnerhub.registry.forms import OrganisationForm, PersonForm
from partnerhub.registry.models import Organisation, Person
from partnerhub.registry.services import (
    create_organisation,
    create_person,
    delete_organisation,
    delete_person,
    update_organisation,
    update_person,
)
from partnerhub.workspace.editors.base import RecordEditor, register


class OrganisationEditor(RecordEditor[Organisation]):
    model = Organisation
    form_class = OrganisationForm

    def create(self, data: dict[str, Any], *, by: Any) -> Organisation:
        return create_organisation(by=by, **data)

    def update(self, record: Organisation, data: dict[str, Any], *, by: Any) -> Organisation:
        return update_organisation(record, by=by, **data)

    def delete(self, record: Organisation, *, by: Any) -> None:
        delete_organisation(record, by=by)


class PersonEditor(RecordEditor[Person]):
    model = Person
    form_class = PersonForm

    def create(self, data: dict[str, Any], *, by: Any) -> Person:
        return create_person(by=by, **data)

    def update(self, record: Person, data: dict[str, Any], *, by: Any) -> Person:
        return update_person(record, by=by, **data)

    def delete(self, record: Person, *, by: Any) -> None:
        delete_person(record, by=by)


organisations = register(OrganisationEditor())
people = register(PersonEditor())
