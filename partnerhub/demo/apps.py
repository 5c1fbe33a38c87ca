from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The five real cases, loaded as demo data by ``partnerhub load-demo``."""

    name = "partnerhub.demo"
    label = "demo"
    verbose_name = _("Demo data")
