from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (/api/): viewsets over every domain, personal API tokens."""

    name = "partnerhub.api"
    label = "api"
    verbose_name = _("API")
