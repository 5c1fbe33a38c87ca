from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    """Partnership agreements: who does what, commitments, versions and sign-off."""

    name = "partnerhub.agreements"
    label = "agreements"
    verbose_name = _("Agreements")
