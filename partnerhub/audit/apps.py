from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail: who changed what and when, for every domain record."""

    name = "partnerhub.audit"
    label = "audit"
    verbose_name = _("Audit trail")
