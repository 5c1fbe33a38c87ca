from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    """Partnerships of every kind, their members, roles and lineage."""

    name = "partnerhub.partnerships"
    label = "partnerships"
    verbose_name = _("Partnerships")
