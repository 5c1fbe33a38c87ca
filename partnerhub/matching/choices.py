from django.db import models
from django.utils.translation import gettext_lazy as _


class Component(models.TextChoices):
    """The parts of a recommendation's score, each shown with its reasons."""

    THEMATIC = "thematic", _("Thematic fit")
    TERRITORY = "territory", _("Territorial proximity")
    SECTOR = "sector", _("Sector complementarity")
    TRACK_RECORD = "track_record", _("Track record")
    NETWORK = "network", _("Network proximity")


class Radius(models.TextChoices):
    """How far from the territory candidates may be seated, from nearest to farthest."""

    MUNICIPALITY = "municipality", _("Same municipality")
    COUNTY = "county", _("Same county")
    REGION = "region", _("Same region")
    COUNTRY = "country", _("Same country")
    ANY = "any", _("Anywhere")


class TargetKind(models.TextChoices):
    """What partners are recommended for."""

    LOCAL_PROBLEM = "local_problem", _("Local problem")
    PARTNERSHIP = "partnership", _("Partnership")
