from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    """What a user may agree to, each given and withdrawn on its own."""

    TERMS = "terms", _("Terms of use and privacy policy")
    NEWSLETTER = "newsletter", _("Newsletter by e-mail")
    CONTACT_BY_PARTNERS = "contact_by_partners", _("Contact by partners of my partnerships")
    RESEARCH = "research", _("Use of my data for research and evaluation")


class ErasureReason(models.TextChoices):
    REQUEST = "request", _("at the person's request")
    RETENTION = "retention", _("retention period over")
