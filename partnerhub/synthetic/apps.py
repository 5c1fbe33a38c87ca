from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyntheticConfig(AppConfig):
    """A synthetic country-sized dataset and the ``partnerhub bench`` harness."""

    name = "partnerhub.synthetic"
    label = "synthetic"
    verbose_name = _("Synthetic data and benchmarks")
