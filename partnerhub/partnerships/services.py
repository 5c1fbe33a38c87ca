"""Writes of partnerships: creating them, members joining and leaving, lineage."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.partnerships.choices import MemberRole
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.registry.models import Organisation, Person, ThematicArea


def create_partnership(
    *,
    areas: Iterable[ThematicArea] = (),
    grew_out_of: Iterable[Partnership] = (),
    problems: Iterable[LocalProblem] = (),
    by: Actor = None,
    **fields: Any,
) -> Partnership:
    """Create a partnership of any kind: what it grew out of, the local problems it takes on."""
    return save_validated(
        Partnership(**fields),
        m2m={"areas": areas, "grew_out_of": grew_out_of, "problems": problems},
        by=by,
    )


def update_partnership(
    partnership: Partnership, *, by: Actor = None, **changes: Any
) -> Partnership:
    """Change a partnership's details, areas, problems and lineage — not its stage.

    A stage change is a step in the partnership's lifecycle, recorded with its date and
    author: it goes through ``partnerhub.formation.services.move_partnership_to_stage``.
    Passing the current stage unchanged (as a whole-record form does) is fine.
    """
    if "stage" in changes and changes["stage"] != partnership.stage:
        raise ValidationError(
            {
                "stage": ValidationError(
                    _(
                        "The lifecycle stage is changed as a stage transition (with its date "
                        "and a note), not by editing the partnership."
                    ),
                    code="stage_through_lifecycle",
                )
            }
        )
    return update_fields(partnership, changes, by=by)


def add_member(
    partnership: Partnership,
    member: Organisation | Person,
    role: str = MemberRole.PARTNER,
    *,
    joined: datetime.date | None = None,
    left: datetime.date | None = None,
    responsibilities: str = "",
    by: Actor = None,
) -> Membership:
    """Add an organisation or a person to a partnership.

    The partnership row is locked for the duration, so concurrent additions of the same
    member are serialised and the overlap check in ``Membership.clean()`` sees them all.
    """
    with transaction.atomic():
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        membership = Membership(
            partnership=partnership,
            organisation=member if isinstance(member, Organisation) else None,
            person=member if isinstance(member, Person) else None,
            role=role,
            joined=joined,
            left=left,
            responsibilities=responsibilities,
        )
        return save_validated(membership, by=by)


def end_membership(membership: Membership, left: datetime.date, *, by: Actor = None) -> Membership:
    """Record the day a member left; the membership stays in the partnership's history."""
    return update_fields(membership, {"left": left}, by=by)


def delete_partnership(partnership: Partnership, *, by: Actor = None) -> None:
    """Remove a partnership recorded by mistake, with its memberships.

    Programmes, projects and events that belonged to it stay and lose the link.
    """
    delete_record(partnership, by=by)


def update_membership(membership: Membership, *, by: Actor = None, **changes: Any) -> Membership:
    """Change a membership's role, period or responsibilities.

    Like ``add_member``, the partnership row is locked so the overlap check sees every
    concurrent change of the same member.
    """
    with transaction.atomic():
        Partnership.objects.select_for_update().filter(pk=membership.partnership_id).first()
        return update_fields(membership, changes, by=by)


def remove_membership(membership: Membership, *, by: Actor = None) -> None:
    """Delete a membership recorded by mistake (a member who left keeps it, with ``left``)."""
    delete_record(membership, by=by)
