from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared building blocks: base models, vocabularies, choices used by every domain."""

    name = "partnerhub.core"
    label = "core"
    verbose_name = _("Core")
