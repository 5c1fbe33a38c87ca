from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    """Territorial units with official codes (TERYT, občina codes, NUTS)."""

    name = "partnerhub.territory"
    label = "territory"
    verbose_name = _("Territory")
