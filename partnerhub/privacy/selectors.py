"""Reads of personal data: everything Partnerhub holds on one person, to hand to them.

``personal_data`` gathers the account, the person record and everything linked to either
(affiliations, memberships, registrations, problems raised or submitted, consents, roles,
API tokens without their keys, and the audit trail about them) as plain JSON-ready data.
One query per kind of record, whatever their number.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from partnerhub.access.models import RoleAssignment
from partnerhub.api.models import ApiToken
from partnerhub.audit.models import AuditEvent
from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import Registration
from partnerhub.partnerships.models import Membership
from partnerhub.privacy import conf
from partnerhub.privacy.models import Consent
from partnerhub.registry.models import Affiliation, Person

EXPORT_FORMAT_VERSION = 1


def person_of(user: Any) -> Person | None:
    """The person record of a user account, if it has one."""
    if user is None or user.pk is None:
        return None
    return Person.objects.filter(user_id=user.pk).first()


def personal_data(*, user: Any = None, person: Person | None = None) -> dict[str, Any]:
    """Everything held on ``user`` and ``person`` (either may be None), as JSON-ready data.

    Never includes API token keys or digests, nor data about anyone else beyond the names
    of the organisations, partnerships and events the person is linked to.
    """
    if person is not None and user is None:
        user = person.user
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "generated_at": timezone.now(),
        "privacy_policy_version": conf.policy_version(),
        "account": _account(user),
        "person": _person(person),
        "affiliations": _affiliations(person),
        "memberships": _memberships(person),
        "registrations": _registrations(person),
        "problems_raised": _problems(Q(raised_by_person=person) if person else None),
        "problems_submitted": _problems(Q(submitted_by=user) if user else None),
        "consents": _consents(user),
        "role_assignments": _roles(user),
        "api_tokens": _tokens(user),
        "audit_trail": _audit_trail(user, person),
    }


def _account(user: Any) -> dict[str, Any] | None:
    if user is None:
        return None
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def _person(person: Person | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "title": person.title,
        "email": person.email,
        "phone": person.phone,
        "address": person.address,
        "territory": str(person.territory) if person.territory_id else None,
        "areas_of_expertise": [area.code for area in person.areas.all()],
        "created_at": person.created_at,
        "updated_at": person.updated_at,
    }


def _affiliations(person: Person | None) -> list[dict[str, Any]]:
    if person is None:
        return []
    return [
        {
            "organisation": a.organisation.name,
            "role": a.role,
            "represents_the_organisation": a.is_representative,
            "start": a.start,
            "end": a.end,
        }
        for a in Affiliation.objects.filter(person=person).select_related("organisation")
    ]


def _memberships(person: Person | None) -> list[dict[str, Any]]:
    if person is None:
        return []
    return [
        {
            "partnership": m.partnership.name,
            "role": m.role,
            "joined": m.joined,
            "left": m.left,
            "responsibilities": m.responsibilities,
        }
        for m in Membership.objects.filter(person=person).select_related("partnership")
    ]


def _registrations(person: Person | None) -> list[dict[str, Any]]:
    if person is None:
        return []
    return [
        {
            "event": r.event.title,
            "event_start": r.event.start,
            "on_behalf_of": r.organisation.name if r.organisation else None,
            "sector": r.sector,
            "attended": r.attended,
        }
        for r in Registration.objects.filter(person=person).select_related("event", "organisation")
    ]


def _problems(condition: Q | None) -> list[dict[str, Any]]:
    if condition is None:
        return []
    return [
        {
            "id": p.pk,
            "title": p.title,
            "description": p.description,
            "status": p.status,
            "created_at": p.created_at,
        }
        for p in LocalProblem.objects.filter(condition).order_by("pk")
    ]


def _consents(user: Any) -> list[dict[str, Any]]:
    if user is None:
        return []
    return [
        {
            "purpose": c.purpose,
            "policy_version": c.policy_version,
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in Consent.objects.filter(user=user).order_by("given_at", "pk")
    ]


def _roles(user: Any) -> list[dict[str, Any]]:
    if user is None:
        return []
    return [
        {
            "role": r.role,
            "organisation": r.organisation.name if r.organisation else None,
            "partnership": r.partnership.name if r.partnership else None,
            "start": r.start,
            "end": r.end,
        }
        for r in RoleAssignment.objects.filter(user=user).select_related(
            "organisation", "partnership"
        )
    ]


def _tokens(user: Any) -> list[dict[str, Any]]:
    if user is None:
        return []
    # Metadata only: the key is never stored, and its digest is never handed out.
    return [
        {
            "name": t.name,
            "prefix": t.prefix,
            "created_at": t.created_at,
            "last_used_at": t.last_used_at,
            "expires_at": t.expires_at,
            "revoked_at": t.revoked_at,
        }
        for t in ApiToken.objects.filter(user=user).order_by("created_at", "pk")
    ]


def _audit_trail(user: Any, person: Person | None) -> dict[str, list[dict[str, Any]]]:
    """The history of their person record and of records about them, and audit events."""
    versions: list[dict[str, Any]] = []
    if person is not None:
        for model, condition in (
            (Person, Q(id=person.pk)),
            (Affiliation, Q(person_id=person.pk)),
            (Membership, Q(person_id=person.pk)),
            (Registration, Q(person_id=person.pk)),
            (LocalProblem, Q(raised_by_person_id=person.pk)),
        ):
            history = model.history.model
            for row in (
                history.objects.filter(condition)
                .select_related("history_user")
                .order_by("history_date", "history_id")
            ):
                versions.append(_version(model, row))
    events = AuditEvent.objects.none()
    subjects = Q()
    if person is not None:
        subjects |= Q(content_type=ContentType.objects.get_for_model(Person), object_id=person.pk)
    if user is not None:
        subjects |= Q(
            content_type=ContentType.objects.get_for_model(get_user_model()), object_id=user.pk
        )
    if subjects:
        events = AuditEvent.objects.filter(subjects)
    return {
        "record_versions": versions,
        "events": [
            {"when": e.occurred_at, "kind": e.kind, "action": e.name}
            for e in events.order_by("occurred_at", "pk")
        ],
    }


def _version(model: Any, row: Any) -> dict[str, Any]:
    values = {
        field.attname: getattr(row, field.attname)
        for field in row.tracked_fields
        if not field.primary_key
    }
    return {
        "record": model._meta.label_lower,
        "record_id": row.id,
        "when": row.history_date,
        "kind": {"+": "created", "~": "changed", "-": "deleted"}.get(row.history_type),
        "by": row.history_user.get_username() if row.history_user_id else None,
        "reason": row.history_change_reason or "",
        "values": values,
    }
