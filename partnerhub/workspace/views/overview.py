""" "My workspace" and a hub's dashboard."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from partnerhub.access.predicates import may_add_any
from partnerhub.registry.models import Organisation
from partnerhub.workspace.editors import editor_for
from partnerhub.workspace.selectors import (
    get_hub_dashboard,
    get_workspace_overview,
    may_open_hub_dashboard,
)
from partnerhub.workspace.views.base import WorkspaceView


class IndexView(WorkspaceView):
    """``workspace:index``: the records the user may change, their roles, their hub's queue."""

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        overview = get_workspace_overview(user)
        lists: list[dict[str, Any]] = []
        for editable in overview.lists:
            editor = editor_for(editable.model)
            assert editor is not None
            lists.append(
                {
                    "title": editable.title,
                    "total": editable.total,
                    "rows": [
                        {"record": record, "change_url": editor.change_url(record)}
                        for record in editable.records
                    ],
                    "add_url": editor.add_url() if may_add_any(user, editable.model) else None,
                    "add_title": editor.add_title(),
                    "more": editable.total - len(editable.records),
                }
            )
        return render(
            request,
            "workspace/index.html",
            {"overview": overview, "lists": lists},
        )


class HubDashboardView(WorkspaceView):
    """``workspace:hub-dashboard``: a hub's partnerships, money, results and goals.

    Only the hub's staff and site administrators see it; for anyone else the page does not
    exist (404).
    """

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        hub = get_object_or_404(Organisation, pk=pk, is_hub=True)
        if not may_open_hub_dashboard(request.user, hub):
            raise Http404
        dashboard = get_hub_dashboard(hub, request.user)
        return render(request, "workspace/hub_dashboard.html", {"dashboard": dashboard})
