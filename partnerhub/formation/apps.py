from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormationConfig(AppConfig):
    """Forming partnerships: invitations, lifecycle stages and health checks."""

    name = "partnerhub.formation"
    label = "formation"
    verbose_name = _("Formation")
