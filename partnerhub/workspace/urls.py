"""Pages of the workspace app: ``/workspace/`` (inside the language prefix)."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.workspace.editors import registered_editors
from partnerhub.workspace.sources import SOURCES
from partnerhub.workspace.views.base import RecordAddView, RecordChangeView, RecordDeleteView
from partnerhub.workspace.views.options import record_options
from partnerhub.workspace.views.overview import HubDashboardView, IndexView
from partnerhub.workspace.views.records import AttendanceView, ModerationView

app_name = "workspace"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", IndexView.as_view(), name="index"),
    path("hub/<int:pk>/", HubDashboardView.as_view(), name="hub-dashboard"),
    path("event/<int:pk>/attendance/", AttendanceView.as_view(), name="event-attendance"),
    path(
        "localproblem/<int:pk>/moderate/",
        ModerationView.as_view(),
        name="localproblem-moderate",
    ),
]

# add / change / delete for every kind of record with an editor (workspace/editors/).
for editor in registered_editors():
    name = editor.name
    urlpatterns += [
        path(f"{name}/add/", RecordAddView.as_view(editor=editor), name=f"{name}-add"),
        path(
            f"{name}/<int:pk>/edit/",
            RecordChangeView.as_view(editor=editor),
            name=f"{name}-change",
        ),
        path(
            f"{name}/<int:pk>/delete/",
            RecordDeleteView.as_view(editor=editor),
            name=f"{name}-delete",
        ),
    ]

# The options of searchable selects: workspace:organisation-options?q=…
urlpatterns += [
    path(f"options/{source}/", record_options, {"source": source}, name=f"{source}-options")
    for source in SOURCES
]
