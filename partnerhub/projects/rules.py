"""Who may see and change programmes, projects and their partners.

A programme or project belongs to a partnership (directly, or a project through its
programme): those who manage the partnership manage them, those who read its internal pages
read theirs. Representatives of a project's lead organisation or partners also read its
internal page. Funding programmes, activity types and target groups are public vocabularies.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q, QuerySet

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    declare_permissions,
    is_coordinator,
    is_hub_staff,
    no_parent,
)
from partnerhub.access.scope import Scope
from partnerhub.access.visibility import EVERYTHING, declare_access
from partnerhub.core.choices import Visibility
from partnerhub.partnerships.rules import internal_partnerships, managed_partnerships
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)

PUBLISHED = Visibility.PUBLISHED

for vocabulary in (FundingProgramme, ActivityType, TargetGroup):
    declare_access(vocabulary, public=lambda: EVERYTHING)
    declare_permissions(vocabulary, add=rules.always_deny)


def _programme_internal(scope: Scope) -> Q:
    return Q(partnership_id__in=internal_partnerships(scope))


def _programme_editable(scope: Scope) -> Q:
    return Q(partnership_id__in=managed_partnerships(scope))


def _project_internal(scope: Scope) -> Q:
    partnered = ProjectPartner.objects.filter(organisation_id__in=scope.organisation_ids)
    return (
        Q(partnership_id__in=internal_partnerships(scope))
        | Q(programme__partnership_id__in=internal_partnerships(scope))
        | Q(lead_organisation_id__in=scope.organisation_ids)
        | Q(pk__in=partnered.values("project_id"))
    )


def _project_editable(scope: Scope) -> Q:
    # Hub staff also manage the projects their hub leads, under a partnership or not.
    return (
        Q(partnership_id__in=managed_partnerships(scope))
        | Q(programme__partnership_id__in=managed_partnerships(scope))
        | Q(lead_organisation_id__in=scope.hub_ids)
    )


def _project_deletable(scope: Scope) -> Q:
    return (
        Q(partnership__hub_id__in=scope.hub_ids)
        | Q(programme__partnership__hub_id__in=scope.hub_ids)
        | Q(lead_organisation_id__in=scope.hub_ids)
    )


def internal_projects(scope: Scope) -> QuerySet[Project, Any]:
    return Project.objects.filter(_project_internal(scope) | _project_editable(scope)).values("pk")


def managed_projects(scope: Scope) -> QuerySet[Project, Any]:
    return Project.objects.filter(_project_editable(scope)).values("pk")


def internal_programmes(scope: Scope) -> QuerySet[Programme, Any]:
    return Programme.objects.filter(_programme_internal(scope)).values("pk")


def managed_programmes(scope: Scope) -> QuerySet[Programme, Any]:
    return Programme.objects.filter(_programme_editable(scope)).values("pk")


# Hub staff and coordinators start programmes and projects, standing alone or under a
# partnership (or programme) they manage.
starts_own_work = (is_hub_staff | is_coordinator) & no_parent

declare_access(
    Programme,
    public=lambda: Q(visibility=PUBLISHED),
    internal=_programme_internal,
    editable=_programme_editable,
)
declare_permissions(
    Programme, add=starts_own_work | add_under_changeable_parent, parents=("partnership",)
)

declare_access(
    Project,
    public=lambda: Q(visibility=PUBLISHED),
    internal=_project_internal,
    editable=_project_editable,
    deletable=_project_deletable,
)
declare_permissions(
    Project,
    add=starts_own_work | add_under_changeable_parent,
    parents=("programme", "partnership"),
)

declare_access(
    ProjectPartner,
    public=lambda: Q(project__visibility=PUBLISHED),
    internal=lambda scope: Q(project_id__in=internal_projects(scope)),
    editable=lambda scope: Q(project_id__in=managed_projects(scope)),
)
declare_permissions(ProjectPartner, add=add_under_changeable_parent, parents=("project",))
