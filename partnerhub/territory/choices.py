from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """The kind of a territorial unit, from country down to municipality."""

    COUNTRY = "country", _("Country")
    VOIVODESHIP = "voivodeship", _("Voivodeship")
    COUNTY = "county", _("County (powiat)")
    STATISTICAL_REGION = "statistical_region", _("Statistical region")
    MUNICIPALITY = "municipality", _("Municipality")
    LOCALITY = "locality", _("Locality")


class MunicipalityType(models.TextChoices):
    """The TERYT type digit (RODZ) of a Polish municipality or its part."""

    URBAN = "1", _("urban municipality")
    RURAL = "2", _("rural municipality")
    URBAN_RURAL = "3", _("urban-rural municipality")
    TOWN_IN_URBAN_RURAL = "4", _("town in an urban-rural municipality")
    RURAL_AREA_IN_URBAN_RURAL = "5", _("rural area of an urban-rural municipality")
    CAPITAL_DISTRICT = "8", _("district of the capital city of Warsaw")
    CITY_DELEGATION = "9", _("delegation (city district)")
