from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    TERMINATED = "terminated", _("Terminated")


class Reach(models.TextChoices):
    """Territorial scope of a project (zasięg)."""

    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class Instrument(models.TextChoices):
    """The family of a funding programme."""

    ESF = "esf", _("European Social Fund")
    ERDF = "erdf", _("European Regional Development Fund")
    INTERREG = "interreg", _("Interreg")
    EEA_NORWAY_GRANTS = "eea_norway_grants", _("EEA and Norway Grants")
    EQUAL = "equal", _("EQUAL Community Initiative")
    NATIONAL = "national", _("National funds")
    REGIONAL = "regional", _("Regional or local public funds")
    PRIVATE = "private", _("Private funds")
    OWN = "own", _("Own funds")
    OTHER = "other", _("Other")


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_CONSULTATION = "in_consultation", _("In public consultation")
    ADOPTED = "adopted", _("Adopted")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    COMPLETED = "completed", _("Completed")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated partner")
    FUNDER = "funder", _("Funder")
