"""Writes of the registry: organisations, people and affiliations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea


def create_organisation(
    *, areas: Iterable[ThematicArea] = (), by: Actor = None, **fields: Any
) -> Organisation:
    """Register an organisation; registry ids are checked (checksum, country, uniqueness)."""
    return save_validated(Organisation(**fields), m2m={"areas": areas}, by=by)


def update_organisation(
    organisation: Organisation, *, by: Actor = None, **changes: Any
) -> Organisation:
    """Change an organisation's profile under the same rules as registration."""
    return update_fields(organisation, changes, by=by)


def create_person(*, areas: Iterable[ThematicArea] = (), by: Actor = None, **fields: Any) -> Person:
    """Record a person (contact details are personal data)."""
    return save_validated(Person(**fields), m2m={"areas": areas}, by=by)


def create_affiliation(
    person: Person, organisation: Organisation, *, by: Actor = None, **fields: Any
) -> Affiliation:
    """Record that a person works for or represents an organisation over a period."""
    return save_validated(Affiliation(person=person, organisation=organisation, **fields), by=by)


def delete_organisation(organisation: Organisation, *, by: Actor = None) -> None:
    """Remove an organisation registered by mistake.

    An organisation with a history (memberships, project partnerships, projects led) is
    protected: ``ProtectedError`` is raised and nothing is deleted; mark it dissolved instead.
    """
    delete_record(organisation, by=by)


def update_person(person: Person, *, by: Actor = None, **changes: Any) -> Person:
    """Change a person's record (contact details are personal data)."""
    return update_fields(person, changes, by=by)


def delete_person(person: Person, *, by: Actor = None) -> None:
    """Remove a person's record; a person who is or was a member of a partnership is protected."""
    delete_record(person, by=by)


def update_affiliation(
    affiliation: Affiliation, *, by: Actor = None, **changes: Any
) -> Affiliation:
    """Change a person's role or period in an organisation."""
    return update_fields(affiliation, changes, by=by)


def delete_affiliation(affiliation: Affiliation, *, by: Actor = None) -> None:
    """Remove an affiliation recorded by mistake (to record that it ended, set its end)."""
    delete_record(affiliation, by=by)
