from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnershipKind(models.TextChoices):
    LOCAL_PARTNERSHIP = "local_partnership", _("Local partnership")
    NETWORK = "network", _("Network")
    CLUSTER = "cluster", _("Cluster")
    PLATFORM = "platform", _("Platform")
    UMBRELLA_ORGANISATION = "umbrella_organisation", _("Umbrella organisation")
    FUND = "fund", _("Fund")
    INFORMAL_GROUP = "informal_group", _("Informal group")
    PUBLIC_PRIVATE_PARTNERSHIP = "public_private_partnership", _("Public-private partnership")
    PROJECT_CONSORTIUM = "project_consortium", _("Project consortium")


class Stage(models.TextChoices):
    """Lifecycle of a partnership, in order."""

    SCOPING = "scoping", _("Scoping")
    BUILDING = "building", _("Building")
    FORMALISED = "formalised", _("Formalised")
    IMPLEMENTING = "implementing", _("Implementing")
    REVIEWING = "reviewing", _("Reviewing")
    SUSTAINING = "sustaining", _("Sustaining")
    CLOSED = "closed", _("Closed")


class MemberRole(models.TextChoices):
    LEADER = "leader", _("Leader / coordinator")
    PARTNER = "partner", _("Partner")
    FACILITATOR = "facilitator", _("Facilitator")
    EXPERT = "expert", _("Expert")
    OBSERVER = "observer", _("Observer")
    ASSOCIATED = "associated", _("Associated partner")
