"""Choices of partnership agreements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionStatus(models.TextChoices):
    """Where a version of an agreement stands. Only a draft may be changed."""

    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for signature")
    SIGNED = "signed", _("Signed")
    SUPERSEDED = "superseded", _("Superseded")


class ResponsibilityLevel(models.TextChoices):
    """A member's part in an activity, from leading it to being kept informed."""

    LEAD = "lead", _("Leads")
    RESPONSIBLE = "responsible", _("Responsible")
    CONTRIBUTES = "contributes", _("Contributes")
    INFORMED = "informed", _("Kept informed")
