from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail: who changed what and when, for every domain record."""

    name = "partnerhub.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from partnerhub.audit.signals import stamp_history_row

        pre_create_historical_record.connect(
            stamp_history_row, dispatch_uid="partnerhub.audit.stamp_history_row"
        )
