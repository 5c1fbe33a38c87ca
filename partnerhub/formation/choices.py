"""Choices of the formation of partnerships: invitations and health-check factors."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationStatus(models.TextChoices):
    """Where an invitation to join a partnership stands."""

    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class HealthFactor(models.TextChoices):
    """What a partnership health check asks about; each is scored 1 (poor) to 5 (strong).

    The values are the names of the score fields of ``HealthResponse``.
    """

    SHARED_GOALS = "shared_goals", _("Shared goals")
    TRUST = "trust", _("Trust")
    COMMUNICATION = "communication", _("Communication")
    FAIR_SHARE = "fair_share", _("Fair share of benefits and burdens")
    RESOURCES = "resources", _("Resources")
    LEADERSHIP = "leadership", _("Leadership")
    RESULTS = "results", _("Results")


#: The statement each member scores, in our own words (1 = strongly disagree, 5 = strongly agree).
HEALTH_QUESTIONS = {
    HealthFactor.SHARED_GOALS: _(
        "The partners agree on what this partnership wants to achieve, and why."
    ),
    HealthFactor.TRUST: _(
        "We can rely on the other partners to do what they have promised, and we speak openly."
    ),
    HealthFactor.COMMUNICATION: _(
        "We hear in good time what the other partners are doing, and we are heard."
    ),
    HealthFactor.FAIR_SHARE: _(
        "What our organisation puts in is in fair proportion to what it gets out of the "
        "partnership."
    ),
    HealthFactor.RESOURCES: _(
        "The partnership has the money, time, people and skills its activities need."
    ),
    HealthFactor.LEADERSHIP: _(
        "The partnership is led and facilitated well, and decisions are taken fairly."
    ),
    HealthFactor.RESULTS: _(
        "The partnership is making a visible difference to the local problem it took on."
    ),
}

#: The lowest and highest score of a factor.
MIN_SCORE, MAX_SCORE = 1, 5
