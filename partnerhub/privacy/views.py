"""Personal data pages: consents, one's own data and its download, staff export, erasure."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partnerhub.access.predicates import permission_name
from partnerhub.access.scope import get_scope
from partnerhub.audit.models import AuditEventKind
from partnerhub.audit.services import record_event
from partnerhub.privacy import conf
from partnerhub.privacy.choices import ConsentPurpose
from partnerhub.privacy.forms import ConsentForm, ErasureForm
from partnerhub.privacy.models import Consent
from partnerhub.privacy.selectors import person_of, personal_data
from partnerhub.privacy.services import erase_person, give_consent, is_erased, withdraw_consent
from partnerhub.registry.models import Person


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def consents(request: HttpRequest) -> HttpResponse:
    """Each purpose with its consent in force (if any), a button to give or withdraw it,
    and every consent given before, with its dates."""
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            purpose = form.cleaned_data["purpose"]
            label = ConsentPurpose(purpose).label
            if form.cleaned_data["action"] == ConsentForm.GIVE:
                give_consent(request.user, purpose)
                messages.success(request, _("Consent given: %(purpose)s.") % {"purpose": label})
            else:
                withdraw_consent(request.user, purpose)
                messages.success(request, _("Consent withdrawn: %(purpose)s.") % {"purpose": label})
            return redirect("privacy:consents")
    user: Any = request.user
    rows = list(Consent.objects.filter(user=user).order_by("-given_at", "-pk"))
    in_force = {c.purpose: c for c in rows if c.in_force}
    purposes = [
        {"code": code, "label": label, "consent": in_force.get(code)}
        for code, label in ConsentPurpose.choices
    ]
    return render(
        request,
        "privacy/consents.html",
        {"purposes": purposes, "history": rows, "policy_version": conf.policy_version()},
    )


@login_required
@require_safe
def my_data(request: HttpRequest) -> HttpResponse:
    """What Partnerhub holds on the signed-in user, and the link to download all of it."""
    person = person_of(request.user)
    return render(request, "privacy/my_data.html", {"person": person})


@login_required
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    """Everything held on the signed-in user and their person record, as a JSON download."""
    user: Any = request.user
    person = person_of(user)
    record_event(AuditEventKind.DATA_EXPORT, "export-my-data", by=user, subject=person or user)
    return _json_download(personal_data(user=request.user, person=person), "my-data")


@login_required
@require_safe
def person_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The same download for one person, for site admins and whoever may change the person."""
    person = get_object_or_404(Person, pk=pk)
    if not request.user.has_perm(permission_name(Person, "change"), person):
        raise Http404(_("There is no such person."))
    record_event(AuditEventKind.DATA_EXPORT, "export-person", by=request.user, subject=person)
    return _json_download(personal_data(person=person), f"person-{person.pk}")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request: HttpRequest, pk: int) -> HttpResponse:
    """Erase a person's data, after confirmation (site administrators only)."""
    if not get_scope(request.user).is_site_admin:
        raise Http404(_("There is no such person."))
    person = get_object_or_404(Person, pk=pk)
    erased = is_erased(person)
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not erased and form.is_valid():
        erase_person(person, by=request.user)
        messages.success(request, _("The person's data has been erased."))
        return redirect("privacy:erase", pk=person.pk)
    context: dict[str, Any] = {"person": person, "form": form, "erased": erased}
    return render(request, "privacy/erase.html", context)


def _json_download(data: dict[str, Any], name: str) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="partnerhub-{name}-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response
