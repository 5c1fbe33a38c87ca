"""Pages for one record that are not add, change or delete: attendance and moderation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from partnerhub.access.predicates import require
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.consultation.services import MODERATE, update_problem
from partnerhub.events.forms import AttendanceForm
from partnerhub.events.models import Event
from partnerhub.events.services import set_attendance
from partnerhub.workspace.editors.consultation import problems
from partnerhub.workspace.editors.events import attendance, events
from partnerhub.workspace.forms import ModerationForm
from partnerhub.workspace.views.base import (
    WorkspaceView,
    add_service_errors,
    is_htmx,
    visible_or_404,
)


class AttendanceView(WorkspaceView):
    """``event/<pk>/attendance/``: the event's attendance counts by sector, set at once."""

    def event(self, request: HttpRequest, pk: int) -> Event:
        event: Event = visible_or_404(Event, request.user, pk)
        require(request.user, attendance.permission, event)
        return event

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self.event(request, pk)
        return HttpResponseRedirect(events.change_url(event) + f"#{attendance.id}")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self.event(request, pk)
        form: AttendanceForm | None = attendance.form(event, request.POST)
        message = ""
        assert form is not None
        if form.is_valid():
            try:
                with transaction.atomic():
                    set_attendance(event, form.counts(), by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if not is_htmx(request):
                    messages.success(request, _("Attendance saved."))
                    return HttpResponseRedirect(events.change_url(event) + f"#{attendance.id}")
                form = None
                message = _("Attendance saved.")
        section = attendance.section_context(
            request.user, event, form=form, message=message, htmx=is_htmx(request)
        )
        if is_htmx(request):
            return render(request, section["template"], {"section": section})
        # Without JavaScript: the event's page, with the attendance form and its errors.
        return render(
            request,
            "workspace/attendance_form.html",
            {
                "attendance_section": section,
                "event": event,
                "cancel_url": events.change_url(event),
            },
        )


class ModerationView(WorkspaceView):
    """``localproblem/<pk>/moderate/``: the hub publishes a submitted problem or rejects it."""

    template_name = "workspace/localproblem_moderate.html"

    def problem(self, request: HttpRequest, pk: int) -> LocalProblem:
        problem: LocalProblem = visible_or_404(LocalProblem, request.user, pk)
        require(request.user, MODERATE, problem)
        return problem

    def render_page(
        self, request: HttpRequest, problem: LocalProblem, form: ModerationForm
    ) -> HttpResponse:
        context = {
            "problem": problem,
            "form": form,
            "title": _("Review: %(problem)s") % {"problem": problem},
            "change_url": problems.change_url(problem),
            "is_waiting": problem.status == ProblemStatus.SUBMITTED,
        }
        return render(request, self.template_name, context)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page(request, self.problem(request, pk), ModerationForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        problem = self.problem(request, pk)
        form = ModerationForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["decision"] == ModerationForm.PUBLISH:
                changes = {"status": ProblemStatus.PUBLISHED, "rejection_reason": ""}
                done = _("The problem is published.")
            else:
                changes = {
                    "status": ProblemStatus.REJECTED,
                    "rejection_reason": form.cleaned_data["rejection_reason"],
                }
                done = _("The problem is rejected; its submitter can read why.")
            try:
                with transaction.atomic():
                    update_problem(problem, by=request.user, **changes)
            except ValidationError as error:
                add_service_errors(form, error)
                problem.refresh_from_db()
            else:
                messages.success(request, done)
                return HttpResponseRedirect(problems.change_url(problem))
        return self.render_page(request, problem, form)
