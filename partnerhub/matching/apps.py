from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    """Ranks organisations worth inviting, with the reasons, and builds balanced shortlists."""

    name = "partnerhub.matching"
    label = "matching"
    verbose_name = _("Partner recommendations")

    def ready(self) -> None:
        from partnerhub.matching import signals

        signals.connect()
