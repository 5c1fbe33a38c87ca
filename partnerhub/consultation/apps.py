from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    """Local problems raised by the community, and consultations about them."""

    name = "partnerhub.consultation"
    label = "consultation"
    verbose_name = _("Consultation")
