"""``{% history_url record as url %}``: the address of a record's History tab, or "".

Empty for readers who may not see the history, so a page shows the link only to them::

    {% load audit_history %}
    {% history_url project as url %}{% if url %}<a href="{{ url }}">…</a>{% endif %}

or simply ``{% include "audit/_history_link.html" with record=project %}``.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models
from django.urls import reverse

from partnerhub.audit.selectors import may_see_history, tracked_model

register = template.Library()


@register.simple_tag(takes_context=True)
def history_url(context: template.Context, record: models.Model | None) -> str:
    """The History tab of ``record`` for the signed-in reader, or "" when they may not see it."""
    request = context.get("request")
    user: Any = getattr(request, "user", None) or context.get("user")
    if record is None or record.pk is None or user is None:
        return ""
    opts = record._meta
    if tracked_model(opts.app_label, opts.model_name or "") is None:
        return ""
    if not may_see_history(user, record):
        return ""
    return reverse(
        "audit:history",
        kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": record.pk},
    )
