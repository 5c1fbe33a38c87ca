from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """Exports and open data: CSV/XLSX/JSON, Popolo, IATI, the data package."""

    name = "partnerhub.opendata"
    label = "opendata"
    verbose_name = _("Open data")
