from django.db import models
from django.utils.translation import gettext_lazy as _


class ProblemStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    BEING_ADDRESSED = "being_addressed", _("Being addressed")
    ADDRESSED = "addressed", _("Addressed")
    REJECTED = "rejected", _("Rejected")
