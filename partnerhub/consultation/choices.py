from django.db import models
from django.utils.translation import gettext_lazy as _


class ProblemStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    BEING_ADDRESSED = "being_addressed", _("Being addressed")
    ADDRESSED = "addressed", _("Addressed")
    REJECTED = "rejected", _("Rejected")


class SupportKind(models.TextChoices):
    """How an organisation or a person backs a local problem."""

    SEES_IT_TOO = "sees_it_too", _("We see this too")
    CAN_HELP = "can_help", _("We can help")
