from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Programmes written from a fiche, and the funded projects that carry them out."""

    name = "partnerhub.projects"
    label = "projects"
    verbose_name = _("Programmes and projects")
