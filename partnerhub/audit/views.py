"""The History tab of a record: its audit trail, for those who may read its internal page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partnerhub.audit.models import AuditEvent
from partnerhub.audit.selectors import (
    HISTORY_PAGE_SIZE,
    history_page,
    history_queryset,
    may_see_deleted_history,
    may_see_history,
    tracked_model,
)


@require_safe
def record_history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    """Who changed what and when in one record, newest first, 50 entries a page.

    Anyone who may not read the record's internal page gets 404, as if it did not exist;
    the history of a deleted record is for site administrators.
    """
    model = tracked_model(app_label, model_name)
    if model is None:
        raise Http404(_("There is no such record."))
    record: models.Model | None = model._default_manager.filter(pk=pk).first()
    if record is not None:
        if not may_see_history(request.user, record):
            raise Http404(_("There is no such record."))
    elif not may_see_deleted_history(request.user) or not history_queryset(model, pk).exists():
        raise Http404(_("There is no such record."))
    page = history_page(request.user, model, pk, record=record, page_number=request.GET.get("page"))
    context: dict[str, Any] = {
        "model_name": model._meta.verbose_name,
        "record": record,
        "record_id": pk,
        "page": page,
        "entries": page.object_list,
    }
    return render(request, "audit/history.html", context)


@require_safe
def audit_events(request: HttpRequest) -> HttpResponse:
    """Commands run, erasures, retention runs and data exports, newest first (site admins)."""
    if not may_see_deleted_history(request.user):
        raise Http404(_("There is no such page."))
    events = AuditEvent.objects.select_related("actor", "content_type")
    page = Paginator(events, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/events.html", {"page": page, "events": page.object_list})
