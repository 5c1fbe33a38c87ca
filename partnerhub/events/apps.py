from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Meetings, trainings, workshops and seminars, with attendance by sector."""

    name = "partnerhub.events"
    label = "events"
    verbose_name = _("Events")
