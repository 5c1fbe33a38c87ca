"""Writes of the formation of partnerships: invitations, lifecycle stages, health checks.

Every function checks that ``by`` may do what it asks (``by=None`` is the system: imports,
commands, demo data), validates completely and writes in one transaction: a refused
request raises ``ValidationError`` or ``PermissionDenied`` and changes nothing.
"""

from partnerhub.formation.services.health import (
    answer_health_survey,
    delete_health_survey,
    open_health_survey,
    update_health_response,
    update_health_survey,
)
from partnerhub.formation.services.invitations import (
    CLOSED_INVITATION,
    INVITATION_VALIDITY,
    TOKEN_PREFIX,
    IssuedInvitation,
    accept_invitation,
    check_can_invite,
    decline_invitation,
    expire_overdue_invitations,
    get_invitation_for_token,
    invite_organisation,
    revoke_invitation,
    token_digest,
)
from partnerhub.formation.services.lifecycle import (
    STAGE_ORDER,
    allowed_next_stages,
    check_stage_transition,
    move_partnership_to_stage,
)

__all__ = [
    "CLOSED_INVITATION",
    "INVITATION_VALIDITY",
    "STAGE_ORDER",
    "TOKEN_PREFIX",
    "IssuedInvitation",
    "accept_invitation",
    "allowed_next_stages",
    "answer_health_survey",
    "check_can_invite",
    "check_stage_transition",
    "decline_invitation",
    "delete_health_survey",
    "expire_overdue_invitations",
    "get_invitation_for_token",
    "invite_organisation",
    "move_partnership_to_stage",
    "open_health_survey",
    "revoke_invitation",
    "token_digest",
    "update_health_response",
    "update_health_survey",
]
