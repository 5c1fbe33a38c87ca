from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    """Stakeholders of the three sectors: organisations, people, affiliations."""

    name = "partnerhub.registry"
    label = "registry"
    verbose_name = _("Registry")
