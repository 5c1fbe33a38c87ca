from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    """Output and result indicators, reported values, priorities and goals."""

    name = "partnerhub.results"
    label = "results"
    verbose_name = _("Results")
