from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    """Legal forms met in Polish and Slovenian partnerships (and abroad)."""

    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    SOCIAL_COOPERATIVE = "social_cooperative", _("Social cooperative")
    COOPERATIVE = "cooperative", _("Cooperative")
    INFORMAL_GROUP = "informal_group", _("Informal group")
    RELIGIOUS_ORGANISATION = "religious_organisation", _("Church or religious organisation")
    LIMITED_COMPANY = "limited_company", _("Limited liability company")
    JOINT_STOCK_COMPANY = "joint_stock_company", _("Joint-stock company")
    SOLE_TRADER = "sole_trader", _("Sole trader")
    BUSINESS_ASSOCIATION = "business_association", _("Chamber or employers' association")
    MUNICIPALITY = "municipality", _("Municipality")
    COUNTY = "county", _("County")
    REGIONAL_GOVERNMENT = "regional_government", _("Regional self-government")
    STATE_ADMINISTRATION = "state_administration", _("State administration office or agency")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    UNIVERSITY = "university", _("University")
    OTHER = "other", _("Other")


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DISSOLVED = "dissolved", _("Dissolved")
