"""Writes of programmes and projects, and of the partners in them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partnerhub.core.services import Actor, save_validated, update_fields
from partnerhub.projects.choices import PartnerRole
from partnerhub.projects.models import (
    ActivityType,
    FundingProgramme,
    Programme,
    Project,
    ProjectPartner,
    TargetGroup,
)
from partnerhub.registry.models import Organisation, ThematicArea


def create_funding_programme(*, by: Actor = None, **fields: Any) -> FundingProgramme:
    return save_validated(FundingProgramme(**fields), by=by)


def create_programme(
    *,
    target_groups: Iterable[TargetGroup] = (),
    areas: Iterable[ThematicArea] = (),
    by: Actor = None,
    **fields: Any,
) -> Programme:
    """Write a programme from the sections of a standard fiche."""
    return save_validated(
        Programme(**fields), m2m={"target_groups": target_groups, "areas": areas}, by=by
    )


def create_project(
    *,
    activity_types: Iterable[ActivityType] = (),
    target_groups: Iterable[TargetGroup] = (),
    areas: Iterable[ThematicArea] = (),
    by: Actor = None,
    **fields: Any,
) -> Project:
    """Record a project; dates, money (grant ≤ total cost, nothing negative) are checked."""
    return save_validated(
        Project(**fields),
        m2m={"activity_types": activity_types, "target_groups": target_groups, "areas": areas},
        by=by,
    )


def update_project(project: Project, *, by: Actor = None, **changes: Any) -> Project:
    return update_fields(project, changes, by=by)


def add_project_partner(
    project: Project,
    organisation: Organisation,
    role: str = PartnerRole.PARTNER,
    *,
    by: Actor = None,
    **fields: Any,
) -> ProjectPartner:
    """Add an organisation to a project in a role (once per project)."""
    return save_validated(
        ProjectPartner(project=project, organisation=organisation, role=role, **fields), by=by
    )
