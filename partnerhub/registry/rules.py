"""Who may see and change organisations, people and affiliations.

The registry of organisations is public. People carry personal data and are never public:
a person is seen by themselves, by the representatives and hub staff of organisations they
are affiliated with, and by those who read the internal pages of a partnership they belong
to. Representatives edit their own organisation; hub staff register organisations and edit
the ones in their hub's partnerships.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    declare_permissions,
    is_hub_staff,
    no_parent,
)
from partnerhub.access.scope import Scope
from partnerhub.access.visibility import EVERYTHING, NOTHING, declare_access
from partnerhub.partnerships.models import Membership
from partnerhub.partnerships.rules import internal_partnerships
from partnerhub.registry.models import Affiliation, Organisation, Person, ThematicArea


def _organisation_editable(scope: Scope) -> Q:
    # Hub staff keep the registry of their partnerships' members; a coordinator edits the
    # partnership, not its members' profiles.
    in_hub_partnerships = Membership.objects.filter(
        partnership__hub_id__in=scope.hub_ids, organisation__isnull=False
    ).values("organisation_id")
    return (
        Q(pk__in=scope.organisation_ids) | Q(pk__in=scope.hub_ids) | Q(pk__in=in_hub_partnerships)
    )


def _own_person(scope: Scope) -> Q:
    return Q(pk=scope.person_id) if scope.person_id is not None else NOTHING


def _person_internal(scope: Scope) -> Q:
    own_organisations = scope.organisation_ids | scope.hub_ids
    affiliated = Affiliation.objects.filter(organisation_id__in=own_organisations)
    in_partnerships = Membership.objects.filter(
        partnership_id__in=internal_partnerships(scope), person__isnull=False
    )
    return (
        _own_person(scope)
        | Q(pk__in=affiliated.values("person_id"))
        | Q(pk__in=in_partnerships.values("person_id"))
    )


def _person_editable(scope: Scope) -> Q:
    affiliated_to_hub = Affiliation.objects.filter(organisation_id__in=scope.hub_ids)
    in_managed = Membership.objects.filter(
        partnership__hub_id__in=scope.hub_ids, person__isnull=False
    )
    return (
        _own_person(scope)
        | Q(pk__in=affiliated_to_hub.values("person_id"))
        | Q(pk__in=in_managed.values("person_id"))
    )


def _everything() -> Q:
    return EVERYTHING


# Thematic areas are a shared vocabulary: public, kept by site administrators.
declare_access(ThematicArea, public=_everything)
declare_permissions(ThematicArea, add=rules.always_deny)

declare_access(
    Organisation,
    public=_everything,
    editable=_organisation_editable,
    deletable=lambda scope: NOTHING,  # organisations are dissolved, not deleted
)
declare_permissions(Organisation, add=is_hub_staff & no_parent)

declare_access(
    Person,
    public=lambda: NOTHING,
    internal=_person_internal,
    editable=_person_editable,
    deletable=lambda scope: NOTHING,
)
declare_permissions(Person, add=is_hub_staff & no_parent)

declare_access(
    Affiliation,
    public=lambda: NOTHING,
    internal=lambda scope: Q(person__in=Person.objects.filter(_person_internal(scope))),
    editable=lambda scope: (
        Q(person__in=Person.objects.filter(_person_editable(scope)))
        | Q(organisation_id__in=scope.organisation_ids)
    ),
)
declare_permissions(
    Affiliation, add=add_under_changeable_parent, parents=("person", "organisation")
)
