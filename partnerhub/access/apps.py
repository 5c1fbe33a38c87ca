from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """Who may see and do what: roles held by users, visibility of records, permission rules."""

    name = "partnerhub.access"
    label = "access"
    verbose_name = _("Access")
