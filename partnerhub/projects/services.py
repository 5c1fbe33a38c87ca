"""Writes of programmes and projects, and of the partners in them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
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


def update_funding_programme(
    funding_programme: FundingProgramme, *, by: Actor = None, **changes: Any
) -> FundingProgramme:
    """Change a funding programme's name, instrument or period (names stay unique)."""
    return update_fields(funding_programme, changes, by=by)


def delete_funding_programme(funding_programme: FundingProgramme, *, by: Actor = None) -> None:
    """Remove a funding programme that funds no project (one that does is protected)."""
    delete_record(funding_programme, by=by)


def update_programme(programme: Programme, *, by: Actor = None, **changes: Any) -> Programme:
    """Change a programme's fiche under the same rules as writing it."""
    return update_fields(programme, changes, by=by)


def delete_programme(programme: Programme, *, by: Actor = None) -> None:
    """Remove a programme with its indicators and goals; its projects stay, unlinked."""
    delete_record(programme, by=by)


def delete_project(project: Project, *, by: Actor = None) -> None:
    """Remove a project recorded by mistake, with its partners, indicators and goals."""
    delete_record(project, by=by)


def update_project_partner(
    partner: ProjectPartner, *, by: Actor = None, **changes: Any
) -> ProjectPartner:
    """Change a partner's role or budget share in a project."""
    return update_fields(partner, changes, by=by)


def remove_project_partner(partner: ProjectPartner, *, by: Actor = None) -> None:
    """Take an organisation out of a project's partners."""
    delete_record(partner, by=by)
