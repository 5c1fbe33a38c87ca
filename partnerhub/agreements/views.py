"""A partnership's agreement in the workspace: drafting it, signing it, its versions.

The agreement is internal to its partnership: its members and its facilitator read it (for
anyone else it does not exist: 404). The facilitator drafts the current version — its
activities, the responsibility matrix (a whole grid, or one cell at a time with htmx) and
the members' commitments — opens it for signature and revises it; a representative of a
member organisation signs for it. Every write goes through ``agreements.services`` with the
user as ``by``; a refused write changes nothing and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnerhub.access.predicates import permission_name, require
from partnerhub.access.scope import get_scope
from partnerhub.agreements import services
from partnerhub.agreements.choices import ResponsibilityLevel, VersionStatus
from partnerhub.agreements.exports import (
    SignatoryStatus,
    agreement_as_dict,
    load_for_export,
    render_agreement_pdf,
    signatory_statuses,
)
from partnerhub.agreements.forms import (
    LEVEL_CHOICES,
    NO_PART,
    ActivityForm,
    CommitmentForm,
    MatrixForm,
    ReviseForm,
    StartAgreementForm,
    cell_field,
    cell_name,
)
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
)
from partnerhub.agreements.rules import SIGN
from partnerhub.core.views import wants_partial
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.workspace.views.base import add_service_errors, visible_or_404


def _agreement_url(agreement: Agreement, anchor: str = "") -> str:
    return reverse("agreements:agreement", args=[agreement.pk]) + (f"#{anchor}" if anchor else "")


# --- reads ---------------------------------------------------------------------------------


def matrix_members(version: AgreementVersion) -> list[Membership]:
    """The matrix's columns: the members who sign it now, and any other member the version
    names (a member that has left since), by name."""
    members = {m.pk: m for m in services.signatories(version)}
    for activity in version.activities.all():
        for responsibility in activity.responsibilities.all():
            members.setdefault(responsibility.membership_id, responsibility.membership)
    for commitment in version.commitments.all():
        members.setdefault(commitment.membership_id, commitment.membership)
    return sorted(members.values(), key=lambda m: (str(m.member), m.pk))


def current_parts(version: AgreementVersion) -> dict[tuple[int, int], str]:
    """(activity, member) → the member's part in it, from the prefetched matrix."""
    return {
        (activity.pk, r.membership_id): r.level
        for activity in version.activities.all()
        for r in activity.responsibilities.all()
    }


@dataclass(frozen=True)
class AgreementPage:
    """One version of an agreement as ``user`` sees it, with what they may do to it."""

    agreement: Agreement
    version: AgreementVersion
    versions: list[AgreementVersion]
    members: list[Membership]
    parts: dict[tuple[int, int], str]
    commitments: dict[int, Commitment]
    signatories: list[SignatoryStatus]
    is_current: bool
    may_edit: bool
    may_open: bool
    may_revise: bool
    sign_for: list[Membership]
    not_ready: list[str]

    @property
    def matrix(self) -> list[tuple[AgreementActivity, list[str]]]:
        """Read-only grid: each activity with each member's part label (or "")."""
        labels = dict(ResponsibilityLevel.choices)
        return [
            (
                activity,
                [
                    str(labels.get(self.parts.get((activity.pk, m.pk), ""), ""))
                    for m in self.members
                ],
            )
            for activity in self.version.activities.all()
        ]

    @property
    def commitment_rows(self) -> list[tuple[Membership, Commitment | None]]:
        return [(m, self.commitments.get(m.pk)) for m in self.members]


def get_agreement_page(user: Any, agreement: Agreement, number: int | None = None) -> AgreementPage:
    """The page of the current version of ``agreement`` (or of version ``number``)."""
    versions = list(agreement.versions.order_by("-number"))
    current = next((v for v in versions if v.status != VersionStatus.SUPERSEDED), versions[0])
    chosen = current if number is None else next((v for v in versions if v.number == number), None)
    if chosen is None:
        raise Http404
    version = load_for_export(chosen)
    is_current = version.pk == current.pk
    may_manage = bool(user.has_perm(permission_name(AgreementVersion, "change"), version))
    is_draft = version.status == VersionStatus.DRAFT
    not_ready: list[str] = []
    if is_draft and may_manage:
        try:
            services.check_ready_for_signature(version)
        except ValidationError as error:
            not_ready = list(error.messages)
    statuses = signatory_statuses(version)
    sign_for: list[Membership] = []
    if version.status == VersionStatus.OPEN and user.has_perm(SIGN, version):
        scope = get_scope(user)
        sign_for = [
            status.membership
            for status in statuses
            if status.signature is None
            and (scope.is_site_admin or status.membership.organisation_id in scope.organisation_ids)
        ]
    return AgreementPage(
        agreement=agreement,
        version=version,
        versions=versions,
        members=matrix_members(version),
        parts=current_parts(version),
        commitments={c.membership_id: c for c in version.commitments.all()},
        signatories=statuses,
        is_current=is_current,
        may_edit=may_manage and is_draft and is_current,
        may_open=may_manage and is_draft and is_current and not not_ready,
        may_revise=may_manage and is_current and not is_draft,
        sign_for=sign_for,
        not_ready=not_ready,
    )


def _agreement(user: Any, pk: int) -> Agreement:
    agreement: Agreement = get_object_or_404(
        Agreement.objects.visible_to(user).select_related("partnership"), pk=pk
    )
    return agreement


def _version(user: Any, pk: int) -> AgreementVersion:
    version: AgreementVersion = get_object_or_404(
        AgreementVersion.objects.visible_to(user).select_related("agreement__partnership"), pk=pk
    )
    return version


def render_agreement(
    request: HttpRequest,
    agreement: Agreement,
    *,
    number: int | None = None,
    activity_form: ActivityForm | None = None,
    matrix_form: MatrixForm | None = None,
    commitment_form: CommitmentForm | None = None,
    revise_form: ReviseForm | None = None,
    errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    page = get_agreement_page(request.user, agreement, number)
    # Errors about the whole version (it is no longer a draft…) head the page, where they are
    # seen even when the form's section is not shown.
    errors = list(errors or [])
    for form in (activity_form, matrix_form, commitment_form, revise_form):
        if form is not None:
            errors.extend(str(error) for error in form.non_field_errors())
    context = {
        "page": page,
        "agreement": agreement,
        "version": page.version,
        "partnership": agreement.partnership,
        "activity_form": activity_form or ActivityForm(),
        "matrix_form": matrix_form
        or MatrixForm(
            activities=page.version.activities.all(), members=page.members, current=page.parts
        ),
        "commitment_form": commitment_form or CommitmentForm(members=page.members),
        "revise_form": revise_form or ReviseForm(),
        "errors": errors,
        "level_choices": LEVEL_CHOICES,
    }
    return render(request, "agreements/agreement_page.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partnership_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """``partnership/<pk>/``: the partnership's agreement, or the form to start drafting it."""
    user = request.user
    partnership: Partnership = visible_or_404(Partnership, user, pk)
    require(user, permission_name(Partnership, "view_internal"), partnership)
    existing = Agreement.objects.visible_to(user).filter(partnership=partnership).order_by("-pk")
    first = existing.first()
    if first is not None and request.method != "POST":
        return HttpResponseRedirect(_agreement_url(first))
    may_start = user.has_perm(permission_name(Agreement, "add"), partnership)
    form = StartAgreementForm(
        request.POST if request.method == "POST" else None,
        initial={"title": _("Agreement of %(partnership)s") % {"partnership": partnership.name}},
    )
    if request.method == "POST":
        require(user, permission_name(Agreement, "add"), partnership)
        if form.is_valid():
            try:
                agreement = services.create_agreement(
                    partnership,
                    title=form.cleaned_data["title"],
                    note=form.cleaned_data["note"],
                    by=user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The agreement is started: list its activities."))
                return HttpResponseRedirect(_agreement_url(agreement))
    return render(
        request,
        "agreements/start.html",
        {"partnership": partnership, "form": form, "may_start": may_start},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_safe
def agreement_page(request: HttpRequest, pk: int) -> HttpResponse:
    """``<pk>/``: the current version of an agreement."""
    return render_agreement(request, _agreement(request.user, pk))


@login_required
@require_safe
def version_page(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """``<pk>/version/<number>/``: any version, earlier ones as they were."""
    return render_agreement(request, _agreement(request.user, pk), number=number)


# --- drafting ------------------------------------------------------------------------------


@login_required
@require_POST
def add_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/activities/``: add an activity to a draft."""
    version = _version(request.user, pk)
    require(request.user, permission_name(AgreementActivity, "add"), version)
    form = ActivityForm(request.POST)
    if form.is_valid():
        try:
            services.add_activity(
                version,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return HttpResponseRedirect(_agreement_url(version.agreement, "matrix"))
    return render_agreement(request, version.agreement, activity_form=form, status=400)


@login_required
@require_POST
def remove_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """``activity/<pk>/remove/``: take an activity (and its responsibilities) off a draft."""
    activity: AgreementActivity = visible_or_404(AgreementActivity, request.user, pk)
    agreement = activity.version.agreement
    require(request.user, permission_name(AgreementActivity, "delete"), activity)
    try:
        services.remove_activity(activity, by=request.user)
    except ValidationError as error:
        return render_agreement(request, agreement, errors=error.messages, status=400)
    messages.success(request, _("The activity is removed."))
    return HttpResponseRedirect(_agreement_url(agreement, "matrix"))


def _apply_part(
    version: AgreementVersion,
    activity: AgreementActivity,
    membership: Membership,
    level: str,
    *,
    by: Any,
) -> None:
    """Give ``membership`` the part ``level`` in ``activity`` ("" takes its part away)."""
    if level == NO_PART:
        existing = Responsibility.objects.filter(activity=activity, membership=membership).first()
        if existing is not None:
            services.remove_responsibility(existing, by=by)
        return
    services.assign_responsibility(activity, membership, level, by=by)


def _leads_last(
    changes: list[tuple[AgreementActivity, Membership, str]],
) -> list[tuple[AgreementActivity, Membership, str]]:
    """Moving the lead from one member to another: the old lead steps down first."""
    return sorted(changes, key=lambda change: change[2] == ResponsibilityLevel.LEAD)


@login_required
@require_POST
def save_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/matrix/``: the whole responsibility matrix of a draft, at once.

    Every changed cell is written in one transaction: when one is refused (two leads for an
    activity), none is, and the grid comes back with the error.
    """
    user = request.user
    version = load_for_export(_version(user, pk))
    require(user, permission_name(AgreementVersion, "change"), version)
    members = matrix_members(version)
    current = current_parts(version)
    form = MatrixForm(
        request.POST, activities=version.activities.all(), members=members, current=current
    )
    if form.is_valid():
        try:
            with transaction.atomic():
                for activity, membership, level in _leads_last(form.changes(current)):
                    _apply_part(version, activity, membership, level, by=user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The responsibilities are saved."))
            return HttpResponseRedirect(_agreement_url(version.agreement, "matrix"))
    return render_agreement(request, version.agreement, matrix_form=form, status=400)


@login_required
@require_POST
def save_cell(request: HttpRequest, pk: int, activity_pk: int, membership_pk: int) -> HttpResponse:
    """``version/<pk>/cell/<activity>/<member>/``: one cell of the matrix (htmx); without
    htmx, back to the agreement's page."""
    user = request.user
    version = _version(user, pk)
    activity = get_object_or_404(AgreementActivity, pk=activity_pk, version=version)
    membership = get_object_or_404(
        Membership, pk=membership_pk, partnership_id=version.agreement.partnership_id
    )
    require(user, permission_name(AgreementVersion, "change"), version)
    name = cell_name(activity.pk, membership.pk)
    before = (
        Responsibility.objects.filter(activity=activity, membership=membership)
        .values_list("level", flat=True)
        .first()
    ) or NO_PART
    field = cell_field(before)
    message, saved = "", False
    try:
        level = field.clean(request.POST.get(name, NO_PART))
        with transaction.atomic():
            _apply_part(version, activity, membership, level or NO_PART, by=user)
    except ValidationError as error:
        message = " ".join(error.messages)
        level = before
    else:
        saved = True
    if not wants_partial(request):
        if message:
            messages.error(request, message)
        return HttpResponseRedirect(_agreement_url(version.agreement, "matrix"))
    return render(
        request,
        "agreements/_cell.html",
        {
            "version": version,
            "activity": activity,
            "membership": membership,
            "name": name,
            "value": level,
            "choices": field.choices,
            "message": message,
            "saved": saved,
        },
        status=400 if message else 200,
    )


@login_required
@require_POST
def save_commitment(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/commitment/``: what one member commits in a draft."""
    user = request.user
    version = load_for_export(_version(user, pk))
    require(user, permission_name(Commitment, "add"), version)
    form = CommitmentForm(request.POST, members=matrix_members(version))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.set_commitment(
                version,
                data["membership"],
                money=data["money"],
                currency=data["currency"],
                in_kind=data["in_kind"],
                hours=data["hours"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The commitment is saved."))
            return HttpResponseRedirect(_agreement_url(version.agreement, "commitments"))
    return render_agreement(request, version.agreement, commitment_form=form, status=400)


# --- sign-off and versions -----------------------------------------------------------------


@login_required
@require_POST
def open_for_signature(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/open/``: freeze the draft and open it for the members to sign."""
    version = _version(request.user, pk)
    require(request.user, permission_name(AgreementVersion, "change"), version)
    try:
        services.open_for_signature(version, by=request.user)
    except ValidationError as error:
        return render_agreement(request, version.agreement, errors=error.messages, status=400)
    messages.success(request, _("The agreement is open for signature."))
    return HttpResponseRedirect(_agreement_url(version.agreement, "signatures"))


@login_required
@require_POST
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/sign/``: a representative signs for a member organisation."""
    user = request.user
    version = _version(user, pk)
    require(user, SIGN, version)
    raw = request.POST.get("membership", "")
    membership = get_object_or_404(
        Membership,
        pk=int(raw) if raw.isdigit() else 0,
        partnership_id=version.agreement.partnership_id,
    )
    try:
        services.sign_agreement(version, membership, by=user)
    except ValidationError as error:
        return render_agreement(request, version.agreement, errors=error.messages, status=400)
    messages.success(request, _("Signed for %(member)s.") % {"member": membership.member})
    return HttpResponseRedirect(_agreement_url(version.agreement, "signatures"))


@login_required
@require_POST
def revise(request: HttpRequest, pk: int) -> HttpResponse:
    """``<pk>/revise/``: start a new draft from the current version."""
    agreement = _agreement(request.user, pk)
    require(request.user, permission_name(Agreement, "change"), agreement)
    form = ReviseForm(request.POST)
    if form.is_valid():
        try:
            services.revise_agreement(agreement, note=form.cleaned_data["note"], by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("A new draft version is started."))
            return HttpResponseRedirect(_agreement_url(agreement))
    return render_agreement(request, agreement, revise_form=form, status=400)


def _filename(version: AgreementVersion, extension: str) -> str:
    return f"agreement-{version.agreement_id}-v{version.number}.{extension}"


@login_required
@require_safe
def export_json(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/agreement.json``: the version as a JSON document."""
    version = _version(request.user, pk)
    response = JsonResponse(
        agreement_as_dict(version), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(version, "json")}"'
    return response


@login_required
@require_safe
def export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """``version/<pk>/agreement.pdf``: the version as a printable PDF."""
    version = _version(request.user, pk)
    response = HttpResponse(render_agreement_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(version, "pdf")}"'
    return response
