"""Forming a partnership in the workspace: starting it for a problem, inviting organisations,
answering invitations, moving it along its lifecycle, and its health check.

Every write goes through ``partnerhub.formation.services`` (or ``create_partnership``) with
the signed-in user as ``by``; the services decide who may act and refuse bad requests with
a ``ValidationError`` shown on the form, changing nothing. A record the user may not see is
404; one they see but may not act on is 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnerhub.access.predicates import permission_name
from partnerhub.access.scope import get_scope
from partnerhub.agreements.models import Agreement
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.views import wants_partial
from partnerhub.formation import services
from partnerhub.formation.charts import health_chart, health_table
from partnerhub.formation.forms import (
    DeclineForm,
    HealthAnswerForm,
    InviteForm,
    OpenSurveyForm,
    StageMoveForm,
    StartPartnershipForm,
)
from partnerhub.formation.models import (
    HealthResponse,
    HealthSurvey,
    Invitation,
    StageTransition,
)
from partnerhub.formation.rules import RESPOND
from partnerhub.formation.selectors import (
    BalanceWarning,
    SurveyResults,
    check_balance,
    get_health_series,
    get_pending_invitations,
)
from partnerhub.partnerships.models import Membership, Partnership, current_membership_q
from partnerhub.partnerships.services import create_partnership
from partnerhub.workspace.views.base import add_service_errors, visible_or_404


def safe_next(request: HttpRequest, default: str) -> str:
    """The ``next`` address posted with a form, when it stays on this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


def with_param(url: str, name: str, value: Any) -> str:
    """``url`` with one query parameter set (replacing an earlier value)."""
    parts = urlsplit(url)
    kept = [p for p in parts.query.split("&") if p and not p.startswith(f"{name}=")]
    query = "&".join([*kept, urlencode({name: value})])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _require(user: Any, permission: str, obj: Any) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _partnership(user: Any, pk: int) -> Partnership:
    partnership: Partnership = visible_or_404(Partnership, user, pk)
    return partnership


def respond_url(request: HttpRequest) -> Any:
    """Makes the absolute link an invitation e-mail carries, from its token."""
    return lambda token: request.build_absolute_uri(reverse("invitations:respond", args=[token]))


# --- a problem's partnership ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def start_partnership(request: HttpRequest, pk: int) -> HttpResponse:
    """``problem/<pk>/start/``: the staff of a problem's hub start the partnership that takes
    it on (its territory, areas and hub are the problem's)."""
    user = request.user
    problem: LocalProblem = visible_or_404(LocalProblem, user, pk)
    if problem.hub is None:
        raise Http404(_("This problem has no hub to facilitate a partnership."))
    _require(user, permission_name(Partnership, "add"), problem.hub)
    form = StartPartnershipForm(
        request.POST if request.method == "POST" else None,
        initial={"name": problem.title, "goal": problem.title},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                partnership = create_partnership(
                    name=data["name"],
                    kind=data["kind"],
                    goal=data["goal"],
                    visibility=data["visibility"],
                    territory=problem.territory,
                    hub=problem.hub,
                    areas=list(problem.areas.all()),
                    problems=[problem],
                    by=user,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The partnership “%(name)s” is started: invite its members.")
                % {"name": partnership.name},
            )
            default = reverse("matching:problem-recommendations", args=[problem.pk])
            return HttpResponseRedirect(
                with_param(safe_next(request, default), "partnership", partnership.pk)
            )
    status = 400 if form.is_bound else 200
    return render(
        request,
        "formation/start_partnership.html",
        {"problem": problem, "form": form, "next": safe_next(request, "")},
        status=status,
    )


# --- a partnership's internal page ----------------------------------------------------------


@dataclass(frozen=True)
class AgreementSummary:
    """An agreement of the partnership and where its current version stands."""

    agreement: Agreement
    number: int | None
    status: str
    signatures: int


@dataclass(frozen=True)
class FormationPage:
    """What the internal page of a partnership shows to ``user``."""

    partnership: Partnership
    warnings: list[BalanceWarning]
    may_manage: bool
    may_move: bool
    transitions: list[StageTransition]
    invitations: list[Invitation]
    agreements: list[AgreementSummary]
    may_start_agreement: bool
    may_open_survey: bool
    health: list[SurveyResults]
    health_rows: list[tuple[str, list[float | None]]]
    open_surveys: list[HealthSurvey]
    answerable: set[int]
    chart: dict[str, Any]


def _agreements(user: Any, partnership: Partnership) -> list[AgreementSummary]:
    summaries = []
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(partnership=partnership)
        .prefetch_related("versions__signatures")
    )
    for agreement in agreements:
        current = agreement.current_version()
        summaries.append(
            AgreementSummary(
                agreement=agreement,
                number=current.number if current else None,
                status=current.get_status_display() if current else "",
                signatures=len(current.signatures.all()) if current else 0,
            )
        )
    return summaries


def answerable_surveys(user: Any, surveys: list[HealthSurvey]) -> set[int]:
    """The surveys among ``surveys`` (of one partnership) the user may answer for a member.

    Whether one answers is decided by the partnership the surveys share, so it is asked
    once, whatever the number of surveys open.
    """
    if not surveys:
        return set()
    if user.has_perm(permission_name(HealthResponse, "add"), surveys[0]):
        return {survey.pk for survey in surveys}
    return set()


def get_formation_page(user: Any, partnership: Partnership) -> FormationPage:
    """The internal page of ``partnership`` as ``user`` may see it."""
    may_manage = bool(user.has_perm(permission_name(Partnership, "change"), partnership))
    series = get_health_series(partnership)
    surveys = list(
        HealthSurvey.objects.visible_to(user)
        .filter(partnership=partnership)
        .order_by("-opened_on", "-pk")
    )
    today = timezone.localdate()
    open_surveys = [survey for survey in surveys if survey.is_open_on(today)]
    return FormationPage(
        partnership=partnership,
        warnings=check_balance(partnership),
        may_manage=may_manage,
        may_move=bool(user.has_perm(permission_name(StageTransition, "add"), partnership)),
        transitions=list(
            StageTransition.objects.visible_to(user)
            .filter(partnership=partnership)
            .select_related("by")
            .order_by("date", "pk")
        ),
        invitations=(
            list(
                Invitation.objects.filter(partnership=partnership)
                .select_related("organisation", "invited_by", "decided_by")
                .order_by("-created_at", "-pk")
            )
            if may_manage
            else []
        ),
        agreements=_agreements(user, partnership),
        may_start_agreement=bool(user.has_perm(permission_name(Agreement, "add"), partnership)),
        may_open_survey=bool(user.has_perm(permission_name(HealthSurvey, "add"), partnership)),
        health=series,
        health_rows=health_table(series),
        open_surveys=open_surveys,
        answerable=answerable_surveys(user, open_surveys),
        chart=health_chart(series),
    )


def _internal_partnership(user: Any, pk: int) -> Partnership:
    partnership = _partnership(user, pk)
    _require(user, permission_name(Partnership, "view_internal"), partnership)
    return partnership


def render_formation_page(
    request: HttpRequest,
    partnership: Partnership,
    *,
    move_form: StageMoveForm | None = None,
    invite_form: InviteForm | None = None,
    survey_form: OpenSurveyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page = get_formation_page(request.user, partnership)
    context = {
        "page": page,
        "partnership": partnership,
        "move_form": move_form or StageMoveForm(partnership=partnership),
        "invite_form": invite_form
        or InviteForm(user=request.user, initial={"partnership": partnership.pk}),
        "survey_form": survey_form or OpenSurveyForm(),
    }
    return render(request, "formation/partnership.html", context, status=status)


@login_required
@require_safe
def partnership_page(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/``: a partnership's internal page — its balance, stage and history,
    invitations, agreement and health check."""
    return render_formation_page(request, _internal_partnership(request.user, pk))


# --- lifecycle -------------------------------------------------------------------------------


@login_required
@require_POST
def move_stage(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/stage/``: move the partnership to one of its allowed next stages."""
    user = request.user
    partnership = _partnership(user, pk)
    _require(user, permission_name(StageTransition, "add"), partnership)
    form = StageMoveForm(request.POST, partnership=partnership)
    if form.is_valid():
        try:
            services.move_partnership_to_stage(
                partnership,
                form.cleaned_data["stage"],
                note=form.cleaned_data["note"],
                on=form.cleaned_data["date"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The partnership is now in the stage “%(stage)s”.")
                % {"stage": partnership.get_stage_display()},
            )
            default = reverse("formation:partnership", args=[partnership.pk]) + "#lifecycle"
            return HttpResponseRedirect(safe_next(request, default))
    partnership.refresh_from_db()
    return render_formation_page(request, partnership, move_form=form, status=400)


# --- invitations -----------------------------------------------------------------------------


def _check_invitable(form: InviteForm) -> bool:
    """Check every chosen organisation before inviting any: all are invited, or none."""
    partnership = form.cleaned_data["partnership"]
    refused = []
    for organisation in form.cleaned_data["organisations"]:
        try:
            services.check_can_invite(partnership, organisation)
        except ValidationError as error:
            for message in error.messages:
                refused.append(
                    _("%(organisation)s: %(message)s")
                    % {"organisation": organisation.name, "message": message}
                )
    for message in refused:
        form.add_error("organisations", message)
    return not refused


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """``invite/``: invite organisations to a partnership the user facilitates, in one role.

    All the organisations chosen are invited, or — when one of them may not be (dissolved,
    already a member or invited) — none, with the reason for each refused one. The links of
    the new invitations are shown once, to pass on.
    """
    user = request.user
    if request.method != "POST":
        raw = request.GET.get("partnership", "")
        if not raw.isdigit():
            raise Http404
        partnership = _partnership(user, int(raw))
        _require(user, permission_name(Invitation, "add"), partnership)
        form = InviteForm(user=user, initial={"partnership": partnership.pk})
        return render(request, "formation/invite.html", {"form": form, "next": ""})
    form = InviteForm(request.POST, user=user)
    if form.is_valid():
        partnership = form.cleaned_data["partnership"]
        _require(user, permission_name(Invitation, "add"), partnership)
        if _check_invitable(form):
            try:
                with transaction.atomic():
                    issued = [
                        services.invite_organisation(
                            partnership,
                            organisation,
                            form.cleaned_data["role"],
                            message=form.cleaned_data["message"],
                            respond_url=respond_url(request),
                            by=user,
                        )
                        for organisation in form.cleaned_data["organisations"]
                    ]
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(
                    request,
                    "formation/invitations_sent.html",
                    {
                        "partnership": partnership,
                        "issued": [
                            (item.invitation, respond_url(request)(item.token)) for item in issued
                        ],
                        "next": safe_next(request, ""),
                    },
                )
    return render(
        request,
        "formation/invite.html",
        {"form": form, "next": safe_next(request, "")},
        status=400,
    )


def _invitation(user: Any, pk: int) -> Invitation:
    invitation: Invitation = visible_or_404(Invitation, user, pk)
    return invitation


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """``invitation/<pk>/revoke/``: the facilitator withdraws a pending invitation."""
    user = request.user
    invitation = _invitation(user, pk)
    partnership = invitation.partnership
    message = ""
    try:
        services.revoke_invitation(invitation, by=user)
    except ValidationError as error:
        message = " ".join(error.messages)
        if not wants_partial(request):
            messages.error(request, message)
    else:
        if not wants_partial(request):
            messages.success(request, _("The invitation is withdrawn."))
    if wants_partial(request):
        page = get_formation_page(user, partnership)
        return render(
            request,
            "formation/_invitations.html",
            {"page": page, "partnership": partnership, "message": message},
        )
    default = reverse("formation:partnership", args=[partnership.pk]) + "#invitations"
    return HttpResponseRedirect(safe_next(request, default))


def _pending_section(request: HttpRequest, message: str = "") -> HttpResponse:
    return render(
        request,
        "formation/_pending_invitations.html",
        {"pending_invitations": list(get_pending_invitations(request.user)), "message": message},
    )


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """``invitation/<pk>/accept/``: a representative accepts, in the role proposed."""
    user = request.user
    invitation = _invitation(user, pk)
    try:
        membership = services.accept_invitation(invitation, by=user)
    except ValidationError as error:
        message = " ".join(error.messages)
        level = messages.ERROR
    else:
        message = _("%(organisation)s is now a member of “%(partnership)s”.") % {
            "organisation": invitation.organisation.name,
            "partnership": membership.partnership.name,
        }
        level = messages.SUCCESS
    if wants_partial(request):
        return _pending_section(request, message)
    messages.add_message(request, level, message)
    return HttpResponseRedirect(safe_next(request, reverse("workspace:index")))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    """``invitation/<pk>/decline/``: a representative declines, saying why."""
    user = request.user
    invitation = _invitation(user, pk)
    _require(user, RESPOND, invitation)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decline_invitation(invitation, reason=form.cleaned_data["reason"], by=user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The invitation is declined; the partnership is told why."))
            return HttpResponseRedirect(safe_next(request, reverse("workspace:index")))
    return render(
        request,
        "formation/decline.html",
        {"invitation": invitation, "form": form, "next": safe_next(request, "")},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def respond_by_token(request: HttpRequest, token: str) -> HttpResponse:
    """``/invitations/<token>/``: the link an invitation e-mail carries. A signed-in user
    holding it accepts or declines the invitation (a stranger sees that it exists only after
    signing in)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    invitation = services.get_invitation_for_token(token)
    if invitation is None:
        raise Http404
    form = DeclineForm()
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decline":
            form = DeclineForm(request.POST)
        try:
            if action == "accept":
                services.accept_invitation(invitation, token=token, by=request.user)
                done = _("%(organisation)s is now a member of “%(partnership)s”.")
            elif action == "decline" and form.is_valid():
                services.decline_invitation(
                    invitation, reason=form.cleaned_data["reason"], token=token, by=request.user
                )
                done = _("%(organisation)s declined the invitation to “%(partnership)s”.")
            elif action != "decline":
                errors.append(_("Choose to accept or to decline the invitation."))
        except ValidationError as error:
            errors.extend(error.messages)
        if not errors and not form.errors:
            names = {
                "organisation": invitation.organisation.name,
                "partnership": invitation.partnership.name,
            }
            messages.success(request, done % names)
            return HttpResponseRedirect(reverse("workspace:index"))
        invitation.refresh_from_db()
    return render(
        request,
        "formation/respond.html",
        {
            "invitation": invitation,
            "closed": services.CLOSED_INVITATION.get(invitation.effective_status, ""),
            "form": form,
            "errors": errors,
        },
        status=400 if request.method == "POST" else 200,
    )


# --- health checks ---------------------------------------------------------------------------


@login_required
@require_POST
def open_survey(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/health/open/``: the facilitator opens a round of the health check."""
    user = request.user
    partnership = _partnership(user, pk)
    _require(user, permission_name(HealthSurvey, "add"), partnership)
    form = OpenSurveyForm(request.POST)
    if form.is_valid():
        try:
            services.open_health_survey(
                partnership,
                opened_on=form.cleaned_data["opened_on"],
                closes_on=form.cleaned_data["closes_on"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The health survey is open: members can answer it."))
            return HttpResponseRedirect(
                reverse("formation:partnership", args=[partnership.pk]) + "#health"
            )
    return render_formation_page(request, partnership, survey_form=form, status=400)


def _answering_for(user: Any, survey: HealthSurvey) -> list[Membership]:
    """The current memberships of the survey's partnership the user answers for."""
    scope = get_scope(user)
    own = Q(organisation_id__in=scope.organisation_ids)
    if scope.person_id is not None:
        own |= Q(person_id=scope.person_id)
    return list(
        Membership.objects.filter(partnership_id=survey.partnership_id)
        .filter(current_membership_q(timezone.localdate()))
        .filter(own)
        .select_related("organisation", "person")
        .order_by("pk")
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_survey(request: HttpRequest, pk: int) -> HttpResponse:
    """``survey/<pk>/answer/``: a member scores each statement of the health check."""
    user = request.user
    survey: HealthSurvey = visible_or_404(HealthSurvey, user, pk)
    _require(user, permission_name(HealthResponse, "add"), survey)
    memberships = _answering_for(user, survey)
    if not memberships:
        raise PermissionDenied
    initial: dict[str, Any] = {}
    existing = (
        HealthResponse.objects.filter(survey=survey, membership__in=memberships)
        .order_by("pk")
        .first()
    )
    if existing is not None:
        initial = {
            **existing.scores,
            "comment": existing.comment,
            "membership": existing.membership_id,
        }
    form = HealthAnswerForm(
        request.POST if request.method == "POST" else None,
        memberships=memberships,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_health_survey(
                survey,
                form.cleaned_data["membership"],
                form.scores(),
                comment=form.cleaned_data["comment"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your answers are recorded."))
            return HttpResponseRedirect(
                reverse("formation:partnership", args=[survey.partnership_id]) + "#health"
            )
    return render(
        request,
        "formation/answer_survey.html",
        {"survey": survey, "partnership": survey.partnership, "form": form},
        status=400 if form.is_bound else 200,
    )
