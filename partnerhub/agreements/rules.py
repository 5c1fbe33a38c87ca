"""Who may see and change partnership agreements, and who signs them.

An agreement is internal to its partnership: its members (through their representatives, or
in person) read it, and whoever manages the partnership — the staff of its hub, its
coordinator — drafts it, opens it for signature and revises it. A representative of a
member organisation signs for that organisation. Signatures are never changed.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q
from django.utils import timezone

from partnerhub.access.predicates import (
    add_under_changeable_parent,
    declare_permissions,
    is_site_admin,
)
from partnerhub.access.scope import Scope, get_scope
from partnerhub.access.visibility import NOTHING, declare_access
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.partnerships.models import Membership, current_membership_q
from partnerhub.partnerships.rules import internal_partnerships, managed_partnerships

SIGN = "agreements.sign_agreementversion"

#: The path from each model to its partnership's id.
PARTNERSHIP_OF = {
    Agreement: "partnership_id",
    AgreementVersion: "agreement__partnership_id",
    AgreementActivity: "version__agreement__partnership_id",
    Responsibility: "activity__version__agreement__partnership_id",
    Commitment: "version__agreement__partnership_id",
    Signature: "version__agreement__partnership_id",
}
#: The record a new one of each kind is added under.
PARENT_OF = {
    Agreement: ("partnership",),
    AgreementVersion: ("agreement",),
    AgreementActivity: ("version",),
    Responsibility: ("activity",),
    Commitment: ("version",),
}


def _declare(model: type[Any], path: str) -> None:
    def internal(scope: Scope) -> Q:
        return Q(**{f"{path}__in": internal_partnerships(scope)})

    def managed(scope: Scope) -> Q:
        return Q(**{f"{path}__in": managed_partnerships(scope)})

    declare_access(model, public=lambda: NOTHING, internal=internal, editable=managed)
    declare_permissions(model, add=add_under_changeable_parent, parents=PARENT_OF[model])


for _model, _path in PARTNERSHIP_OF.items():
    if _model is not Signature:
        _declare(_model, _path)

declare_access(
    Signature,
    public=lambda: NOTHING,
    internal=lambda scope: Q(version__agreement__partnership_id__in=internal_partnerships(scope)),
    # A signature is given once and never changed or withdrawn.
    editable=lambda scope: NOTHING,
)


@rules.predicate
def represents_a_member(user: Any, version: AgreementVersion | None) -> bool:
    """The user represents a current member organisation of the version's partnership."""
    if version is None:
        return False
    organisations = get_scope(user).organisation_ids
    if not organisations:
        return False
    return (
        Membership.objects.filter(
            partnership__agreements__versions=version, organisation_id__in=organisations
        )
        .filter(current_membership_q(timezone.localdate()))
        .exists()
    )


# A signature is added under its version, by a member organisation's representative.
declare_permissions(Signature, add=represents_a_member, parents=("version",))
rules.set_perm(SIGN, is_site_admin | represents_a_member)
