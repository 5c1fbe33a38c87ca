"""Where each kind of record has its public page.

Templates and views link records through ``record_url(obj)`` (the ``record_url`` template
filter in ``core/templatetags/directory``), which also answers "" for records without a page;
the models with a page also have ``get_absolute_url()`` with the same URL names (the admin's
"view on site").
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse

#: model label → URL name of its detail page (which takes the record's ``pk``).
DETAIL_URL_NAMES: dict[str, str] = {
    "registry.organisation": "registry:organisation-detail",
    "partnerships.partnership": "partnerships:partnership-detail",
    "projects.project": "projects:project-detail",
    "projects.programme": "projects:programme-detail",
    "events.event": "events:event-detail",
    "consultation.localproblem": "consultation:problem-detail",
}


def detail_url_name(model: type[models.Model]) -> str | None:
    """The URL name of the public page of ``model``'s records (None when they have none)."""
    concrete = model._meta.concrete_model or model
    return DETAIL_URL_NAMES.get(concrete._meta.label_lower)


def record_url(obj: Any) -> str:
    """The public page of a record, or "" for a record without one (a person, a term)."""
    if not isinstance(obj, models.Model) or obj.pk is None:
        return ""
    name = detail_url_name(type(obj))
    return reverse(name, kwargs={"pk": obj.pk}) if name else ""
