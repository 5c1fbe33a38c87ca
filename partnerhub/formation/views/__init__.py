"""Forming a partnership in the workspace: starting it for a problem, inviting organisations,
answering invitations, moving it along its lifecycle, and its health check.

Every write goes through ``partnerhub.formation.services`` (or ``create_partnership``) with
the signed-in user as ``by``; the services decide who may act and refuse bad requests with
a ``ValidationError`` shown on the form, changing nothing. A record the user may not see is
404; one they see but may not act on is 403.
"""

from partnerhub.formation.views.health import answer_survey, open_survey
from partnerhub.formation.views.invitations import accept, decline, invite, respond_by_token, revoke
from partnerhub.formation.views.partnerships import move_stage, partnership_page, start_partnership

__all__ = [
    "accept",
    "answer_survey",
    "decline",
    "invite",
    "move_stage",
    "open_survey",
    "partnership_page",
    "respond_by_token",
    "revoke",
    "start_partnership",
]
