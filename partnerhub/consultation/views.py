"""Public pages of local problems: the list and a problem's page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from partnerhub.consultation import selectors
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.filters import LocalProblemFilterSet
from partnerhub.consultation.forms import BackingForm, ProblemLinkForm, ProblemModerationForm
from partnerhub.consultation.models import LocalProblem
from partnerhub.consultation.services import add_problem_link, back_problem, moderate_problem
from partnerhub.consultation.tables import LocalProblemTable
from partnerhub.core.directory import (
    ChoiceFacet,
    SortOption,
    VocabularyFacet,
    get_territory_picker,
)
from partnerhub.core.views import DirectoryListView, wants_partial
from partnerhub.registry.models import ThematicArea
from partnerhub.workspace.views.base import add_service_errors


class LocalProblemListView(DirectoryListView):
    """Local problems communities want solved, by status, territory and area."""

    title = _("Local problems")
    intro = _("Concrete problems of local communities that partnerships can take on.")
    filterset_class = LocalProblemFilterSet
    table_class = LocalProblemTable
    facets = (
        ChoiceFacet("status", _("Status"), field="status", choices=ProblemStatus.choices),
        VocabularyFacet("area", _("Thematic area"), relation="areas", vocabulary=ThematicArea),
    )
    sort_options = (
        SortOption("-created_at", _("Newest first"), ((F("created_at"), True),)),
        SortOption("title", _("Title A–Z"), ((F("title"), False),)),
        SortOption(
            "-support",
            _("Most backed first"),
            ((selectors.most_backed_key(), True), (F("created_at"), True)),
        ),
    )
    relevance_tiebreak = ((F("created_at"), True),)
    filters_template = "directory/_territory_filter.html"
    export_resource = "problems"

    def get_records(self) -> QuerySet[LocalProblem]:
        return selectors.visible_problems(self.request.user)

    def with_page_details(self, records: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.with_list_details(records)

    def get_filters_context(self) -> dict[str, Any]:
        return {"territory": get_territory_picker(self.request.GET.get("territory", ""))}


#: The forms of a problem's page, by the ``action`` each posts.
BACK, ADD_LINK, MODERATE_ACTION = "back", "link", "moderate"


def _backing_form(page: selectors.ProblemPage, data: Any = None) -> BackingForm:
    return BackingForm(data, organisations=page.own_organisations, person=page.own_person)


def _render_problem(
    request: HttpRequest,
    page: selectors.ProblemPage,
    *,
    backing: BackingForm | None = None,
    link: ProblemLinkForm | None = None,
    moderation: ProblemModerationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    problem = page.problem
    context = {
        "page": page,
        "backing_form": backing or _backing_form(page),
        "link_form": link or ProblemLinkForm(),
        "moderation_form": moderation or ProblemModerationForm(problem=problem, allowed=page.moves),
    }
    if wants_partial(request) and backing is not None:
        # htmx: the backing section alone, with the new count.
        return render(request, "consultation/_backing.html", context, status=status)
    return render(request, "consultation/problem_detail.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def problem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A local problem: where, who raised it and backs it, its evidence, the partnerships
    taking it on. Signed-in users back it here; the staff of its hub move it along its
    review. Each form posts an ``action`` to this address and is written by the
    consultation services, with the user as the author."""
    page = selectors.get_problem_page(request.user, pk)
    if request.method != "POST":
        return _render_problem(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    action = request.POST.get("action", "")
    if action == BACK:
        return _back(request, page)
    if action == ADD_LINK:
        return _add_link(request, page)
    if action == MODERATE_ACTION:
        return _moderate(request, page)
    return HttpResponseBadRequest(gettext("Unknown action."))


def _done(request: HttpRequest, page: selectors.ProblemPage, message: str) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseRedirect(reverse("consultation:problem-detail", args=[page.problem.pk]))


def _back(request: HttpRequest, page: selectors.ProblemPage) -> HttpResponse:
    if not page.may_back:
        raise PermissionDenied
    form = _backing_form(page, request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                back_problem(
                    page.problem,
                    form.backer_record(),
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if wants_partial(request):
                page = selectors.get_problem_page(request.user, page.problem.pk)
                form = _backing_form(page)
                form.saved = True  # type: ignore[attr-defined]
                return _render_problem(request, page, backing=form)
            return _done(request, page, gettext("Thank you: your backing is recorded."))
    return _render_problem(request, page, backing=form, status=400)


def _add_link(request: HttpRequest, page: selectors.ProblemPage) -> HttpResponse:
    if not page.may_add_link:
        raise PermissionDenied
    form = ProblemLinkForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                add_problem_link(
                    page.problem,
                    url=form.cleaned_data["url"],
                    title=form.cleaned_data["title"],
                    by=request.user,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, page, gettext("The link to evidence is added."))
    return _render_problem(request, page, link=form, status=400)


def _moderate(request: HttpRequest, page: selectors.ProblemPage) -> HttpResponse:
    if not page.may_moderate:
        raise PermissionDenied
    form = ProblemModerationForm(request.POST, problem=page.problem, allowed=page.moves)
    if form.is_valid():
        try:
            with transaction.atomic():
                moderate_problem(
                    page.problem,
                    form.cleaned_data["status"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            status = page.problem.get_status_display()
            return _done(
                request, page, gettext("The problem is now “%(status)s”.") % {"status": status}
            )
    return _render_problem(request, page, moderation=form, status=400)
