from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Personal data: consent per purpose, a person's data export, erasure and retention."""

    name = "partnerhub.privacy"
    label = "privacy"
    verbose_name = _("Personal data")
