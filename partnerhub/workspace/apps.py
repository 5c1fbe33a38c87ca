from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The signed-in workspace: forms that create and edit records, and the hub dashboard."""

    name = "partnerhub.workspace"
    label = "workspace"
    verbose_name = _("Workspace")
