"""Editor of local problems (moderation has its own page: views/moderation.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from partnerhub.consultation.models import LocalProblem
from partnerhub.consultation.services import (
    MODERATE,
    delete_problem,
    record_problem,
    update_problem,
)
from partnerhub.workspace.editors.base import RecordEditor, register
from partnerhub.workspace.forms import LocalProblemForm


class LocalProblemEditor(RecordEditor[LocalProblem]):
    model = LocalProblem
    form_class = LocalProblemForm
    template_name = "workspace/localproblem_form.html"

    def create(self, data: dict[str, Any], *, by: Any) -> LocalProblem:
        return record_problem(by=by, **data)

    def update(self, record: LocalProblem, data: dict[str, Any], *, by: Any) -> LocalProblem:
        return update_problem(record, by=by, **data)

    def delete(self, record: LocalProblem, *, by: Any) -> None:
        delete_problem(record, by=by)

    def page_context(self, user: Any, record: LocalProblem | None) -> dict[str, Any]:
        if record is None or record.pk is None or not user.has_perm(MODERATE, record):
            return {}
        return {"moderate_url": reverse("workspace:localproblem-moderate", args=[record.pk])}


problems = register(LocalProblemEditor())
