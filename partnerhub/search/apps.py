from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search that works for Polish and Slovenian, on SQLite and PostgreSQL."""

    name = "partnerhub.search"
    label = "search"
    verbose_name = _("Search")
