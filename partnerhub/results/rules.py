"""Indicators, reported values and goals follow the record that owns them.

An indicator of a project is seen where the project is seen and changed by whoever manages
the project; likewise for programmes and partnerships. A goal of an organisation (a hub's
goal) is public and kept by that hub's staff.
"""

from __future__ import annotations

from django.db.models import Q

from partnerhub.access.predicates import add_under_changeable_parent, declare_permissions
from partnerhub.access.scope import Scope
from partnerhub.access.visibility import declare_access
from partnerhub.core.choices import Visibility
from partnerhub.partnerships.rules import internal_partnerships, managed_partnerships
from partnerhub.projects.rules import (
    internal_programmes,
    internal_projects,
    managed_programmes,
    managed_projects,
)
from partnerhub.results.models import Goal, Indicator, ReportedValue

PUBLISHED = Visibility.PUBLISHED


def _owner_public(prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}project__visibility": PUBLISHED})
        | Q(**{f"{prefix}programme__visibility": PUBLISHED})
        | Q(**{f"{prefix}partnership__visibility": PUBLISHED})
    )


def _owner_internal(scope: Scope, prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}project_id__in": internal_projects(scope)})
        | Q(**{f"{prefix}programme_id__in": internal_programmes(scope)})
        | Q(**{f"{prefix}partnership_id__in": internal_partnerships(scope)})
    )


def _owner_managed(scope: Scope, prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}project_id__in": managed_projects(scope)})
        | Q(**{f"{prefix}programme_id__in": managed_programmes(scope)})
        | Q(**{f"{prefix}partnership_id__in": managed_partnerships(scope)})
    )


declare_access(
    Indicator,
    public=_owner_public,
    internal=_owner_internal,
    editable=_owner_managed,
)
declare_permissions(
    Indicator, add=add_under_changeable_parent, parents=("project", "programme", "partnership")
)

declare_access(
    ReportedValue,
    public=lambda: _owner_public("indicator__"),
    internal=lambda scope: _owner_internal(scope, "indicator__"),
    editable=lambda scope: _owner_managed(scope, "indicator__"),
)
declare_permissions(ReportedValue, add=add_under_changeable_parent, parents=("indicator",))

declare_access(
    Goal,
    public=lambda: _owner_public() | Q(organisation__isnull=False),
    internal=_owner_internal,
    editable=lambda scope: _owner_managed(scope) | Q(organisation_id__in=scope.hub_ids),
)
declare_permissions(
    Goal,
    add=add_under_changeable_parent,
    parents=("project", "programme", "partnership", "organisation"),
)
