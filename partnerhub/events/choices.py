from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    SEMINAR = "seminar", _("Seminar")
    ADVISORY = "advisory", _("Advisory session")
    CONSULTATION_MEETING = "consultation_meeting", _("Consultation meeting")
    COMMUNITY_SESSION = "community_session", _("Community session")


class AttendanceSector(models.TextChoices):
    """Sectors for counting attendance; people who came on their own count apart."""

    PUBLIC = "public", _("Public sector")
    PRIVATE = "private", _("Private sector")
    CIVIL = "civil", _("Civil sector (NGO)")
    INDIVIDUAL = "individual", _("Individuals")
    UNSPECIFIED = "unspecified", _("Not specified")
