"""Writes of partnership agreements: drafting, opening for signature, signing, revising.

Every function checks that ``by`` may do what it asks (``by=None`` is the system), validates
completely and writes in one transaction: a refused request raises ``ValidationError`` or
``PermissionDenied`` and changes nothing. Only a draft version changes; a version opened
for signature is frozen, and a later change is a new version (``revise_agreement``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from partnerhub.access.predicates import permission_name, require
from partnerhub.access.scope import get_scope
from partnerhub.agreements.choices import ResponsibilityLevel, VersionStatus
from partnerhub.agreements.models import (
    VERSION_FROZEN,
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.agreements.rules import SIGN
from partnerhub.core.services import Actor, delete_record, save_validated, update_fields
from partnerhub.partnerships.models import Membership, Partnership


def _user(by: Actor) -> User | None:
    return by if isinstance(by, User) and by.pk is not None else None


def _lock_version(version: AgreementVersion) -> AgreementVersion:
    """The version's row, locked: its status is read again under the lock."""
    return (
        AgreementVersion.objects.select_for_update()
        .select_related("agreement__partnership")
        .get(pk=version.pk)
    )


def _require_draft(version: AgreementVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(VERSION_FROZEN, code="frozen")


def _may_manage(by: Actor, version: AgreementVersion, message: str | Promise) -> None:
    require(by, permission_name(AgreementVersion, "change"), version, message)


MANAGERS_ONLY = _("Only the partnership's facilitator or coordinator changes its agreement.")


# --- the agreement and its versions --------------------------------------------------------


def create_agreement(
    partnership: Partnership, *, title: str, note: str = "", by: Actor
) -> Agreement:
    """Start an agreement for a partnership, with its first version as an empty draft."""
    require(by, permission_name(Agreement, "add"), partnership, MANAGERS_ONLY)
    with transaction.atomic():
        agreement = save_validated(
            Agreement(partnership=partnership, title=title.strip(), created_by=_user(by)), by=by
        )
        save_validated(
            AgreementVersion(
                agreement=agreement, number=1, note=note.strip(), created_by=_user(by)
            ),
            by=by,
        )
    return agreement


def update_agreement(agreement: Agreement, *, by: Actor, **changes: Any) -> Agreement:
    """Change an agreement's title (it stays with its partnership)."""
    require(by, permission_name(Agreement, "change"), agreement, MANAGERS_ONLY)
    if "partnership" in changes and changes["partnership"] != agreement.partnership:
        raise ValidationError(
            {"partnership": _("An agreement stays with the partnership it was made for.")}
        )
    return update_fields(agreement, {k: v for k, v in changes.items() if k == "title"}, by=by)


def delete_agreement(agreement: Agreement, *, by: Actor) -> None:
    """Remove an agreement started by mistake: only while it has never been opened for signature."""
    require(by, permission_name(Agreement, "delete"), agreement, MANAGERS_ONLY)
    with transaction.atomic():
        if agreement.versions.exclude(status=VersionStatus.DRAFT).exists():
            raise ValidationError(
                _("This agreement has been opened for signature: it stays on record."),
                code="on_record",
            )
        delete_record(agreement, by=by)


def update_version_note(version: AgreementVersion, *, note: str, by: Actor) -> AgreementVersion:
    """Change what a draft version says about itself."""
    _may_manage(by, version, MANAGERS_ONLY)
    with transaction.atomic():
        locked = _lock_version(version)
        _require_draft(locked)
        return update_fields(locked, {"note": note.strip()}, by=by)


def signatories(version: AgreementVersion) -> QuerySet[Membership]:
    """The members who sign a version: the partnership's current member organisations."""
    return (
        version.agreement.partnership.current_memberships()
        .filter(organisation__isnull=False)
        .select_related("organisation")
    )


def check_ready_for_signature(version: AgreementVersion) -> None:
    """Raise ``ValidationError`` listing what keeps a draft from being opened for signature.

    It needs at least one activity, exactly one lead for each activity, and members to sign.
    """
    problems: list[ValidationError] = []
    activities = version.activities.annotate(
        leads=Count("responsibilities", filter=Q(responsibilities__level=ResponsibilityLevel.LEAD))
    )
    if not activities:
        problems.append(
            ValidationError(_("List at least one activity before opening for signature."), "empty")
        )
    without_lead = [activity.title for activity in activities if activity.leads != 1]
    if without_lead:
        problems.append(
            ValidationError(
                ngettext(
                    "Give this activity exactly one lead: %(activities)s.",
                    "Give these activities exactly one lead each: %(activities)s.",
                    len(without_lead),
                ),
                code="lead_required",
                params={"activities": ", ".join(without_lead)},
            )
        )
    if not signatories(version).exists():
        problems.append(
            ValidationError(
                _("The partnership has no member organisations to sign the agreement."),
                code="no_signatories",
            )
        )
    if problems:
        raise ValidationError(problems)


def open_for_signature(version: AgreementVersion, *, by: Actor) -> AgreementVersion:
    """Freeze a draft and open it for the member organisations to sign."""
    _may_manage(by, version, MANAGERS_ONLY)
    with transaction.atomic():
        locked = _lock_version(version)
        _require_draft(locked)
        check_ready_for_signature(locked)
        update_fields(locked, {"status": VersionStatus.OPEN, "opened_at": timezone.now()}, by=by)
    version.refresh_from_db()
    return version


def revise_agreement(agreement: Agreement, *, note: str = "", by: Actor) -> AgreementVersion:
    """Start a new draft from the current version, which is superseded and stays as it was.

    The activities, responsibilities and commitments are copied; signatures are not (the
    new version is signed anew). A current version that is still a draft is changed
    directly instead.
    """
    require(by, permission_name(Agreement, "change"), agreement, MANAGERS_ONLY)
    with transaction.atomic():
        current = (
            AgreementVersion.objects.select_for_update()
            .filter(agreement=agreement)
            .exclude(status=VersionStatus.SUPERSEDED)
            .first()
        )
        if current is None:  # pragma: no cover - every agreement has a current version
            raise ValidationError(_("This agreement has no current version."), code="no_current")
        if current.status == VersionStatus.DRAFT:
            raise ValidationError(
                _("The current version is still a draft: change it directly."), code="draft"
            )
        update_fields(current, {"status": VersionStatus.SUPERSEDED}, by=by)
        draft = save_validated(
            AgreementVersion(
                agreement=agreement,
                number=current.number + 1,
                note=note.strip(),
                created_by=_user(by),
            ),
            by=by,
        )
        _copy_content(current, draft, by=by)
    return draft


def _copy_content(source: AgreementVersion, draft: AgreementVersion, *, by: Actor) -> None:
    activities = source.activities.prefetch_related("responsibilities")
    for activity in activities:
        copy = save_validated(
            AgreementActivity(
                version=draft,
                title=activity.title,
                description=activity.description,
                position=activity.position,
            ),
            by=by,
        )
        for responsibility in activity.responsibilities.all():
            save_validated(
                Responsibility(
                    activity=copy,
                    membership_id=responsibility.membership_id,
                    level=responsibility.level,
                ),
                by=by,
            )
    for commitment in source.commitments.all():
        save_validated(
            Commitment(
                version=draft,
                membership_id=commitment.membership_id,
                money=commitment.money,
                currency=commitment.currency,
                in_kind=commitment.in_kind,
                hours=commitment.hours,
            ),
            by=by,
        )


# --- activities, the responsibility matrix and commitments ---------------------------------


def add_activity(
    version: AgreementVersion,
    *,
    title: str,
    description: str = "",
    position: int | None = None,
    by: Actor,
) -> AgreementActivity:
    """Add an activity to a draft (at the end, unless a position is given)."""
    require(by, permission_name(AgreementActivity, "add"), version, MANAGERS_ONLY)
    with transaction.atomic():
        locked = _lock_version(version)
        _require_draft(locked)
        if position is None:
            last = locked.activities.order_by("-position").values_list("position", flat=True)
            position = (last.first() or 0) + 1
        return save_validated(
            AgreementActivity(
                version=locked, title=title.strip(), description=description, position=position
            ),
            by=by,
        )


def update_activity(activity: AgreementActivity, *, by: Actor, **changes: Any) -> AgreementActivity:
    """Change an activity of a draft: its title, description or position."""
    require(by, permission_name(AgreementActivity, "change"), activity, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(activity.version))
        _refuse_moving(activity, changes, "version")
        return update_fields(activity, changes, by=by)


def remove_activity(activity: AgreementActivity, *, by: Actor) -> None:
    """Remove an activity from a draft, with its responsibilities."""
    require(by, permission_name(AgreementActivity, "delete"), activity, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(activity.version))
        delete_record(activity, by=by)


def _refuse_moving(record: Any, changes: dict[str, Any], *fields: str) -> None:
    moved = [f for f in fields if f in changes and changes[f] != getattr(record, f)]
    if moved:
        raise ValidationError(
            {f: _("This cannot be changed; remove the row and add another.") for f in moved}
        )


def assign_responsibility(
    activity: AgreementActivity, membership: Membership, level: str, *, by: Actor
) -> Responsibility:
    """Give a member a part in an activity of a draft (or change the part it has).

    An activity has at most one lead (exactly one by the time the version is opened).
    """
    require(by, permission_name(Responsibility, "add"), activity, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(activity.version))
        existing = Responsibility.objects.filter(activity=activity, membership=membership).first()
        if existing is not None:
            return update_fields(existing, {"level": level}, by=by)
        return save_validated(
            Responsibility(activity=activity, membership=membership, level=level), by=by
        )


def update_responsibility(
    responsibility: Responsibility, *, by: Actor, **changes: Any
) -> Responsibility:
    """Change a member's part in an activity of a draft."""
    require(by, permission_name(Responsibility, "change"), responsibility, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(responsibility.activity.version))
        _refuse_moving(responsibility, changes, "activity", "membership")
        return update_fields(responsibility, changes, by=by)


def remove_responsibility(responsibility: Responsibility, *, by: Actor) -> None:
    """Take a member's part in an activity of a draft away."""
    require(by, permission_name(Responsibility, "delete"), responsibility, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(responsibility.activity.version))
        delete_record(responsibility, by=by)


def set_commitment(
    version: AgreementVersion,
    membership: Membership,
    *,
    money: Decimal | None = None,
    currency: str = "",
    in_kind: str = "",
    hours: Decimal | None = None,
    by: Actor,
) -> Commitment:
    """Record what a member commits in a draft (or replace what it committed)."""
    require(by, permission_name(Commitment, "add"), version, MANAGERS_ONLY)
    values = {"money": money, "currency": currency, "in_kind": in_kind.strip(), "hours": hours}
    with transaction.atomic():
        _require_draft(_lock_version(version))
        existing = Commitment.objects.filter(version=version, membership=membership).first()
        if existing is not None:
            return update_fields(existing, values, by=by)
        return save_validated(Commitment(version=version, membership=membership, **values), by=by)


def update_commitment(commitment: Commitment, *, by: Actor, **changes: Any) -> Commitment:
    """Change a member's commitment in a draft."""
    require(by, permission_name(Commitment, "change"), commitment, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(commitment.version))
        _refuse_moving(commitment, changes, "version", "membership")
        return update_fields(commitment, changes, by=by)


def remove_commitment(commitment: Commitment, *, by: Actor) -> None:
    """Remove a member's commitment from a draft."""
    require(by, permission_name(Commitment, "delete"), commitment, MANAGERS_ONLY)
    with transaction.atomic():
        _require_draft(_lock_version(commitment.version))
        delete_record(commitment, by=by)


# --- sign-off ----------------------------------------------------------------------------------


def _signer_name(by: Actor) -> str:
    user = _user(by)
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def sign_agreement(version: AgreementVersion, membership: Membership, *, by: Actor) -> Signature:
    """Sign a version open for signature, for a member organisation, by its representative.

    A member signs once: signing again is refused with a clear error. When every member
    organisation has signed, the version is signed.
    """
    require(by, SIGN, version, _("Only a representative of a member organisation signs."))
    scope = get_scope(by)
    if (
        by is not None
        and not scope.is_site_admin
        and membership.organisation_id not in scope.organisation_ids
    ):
        raise PermissionDenied(_("You sign only for an organisation you represent."))
    with transaction.atomic():
        locked = _lock_version(version)
        if locked.status != VersionStatus.OPEN:
            raise ValidationError(
                _("Only a version open for signature can be signed."), code="not_open"
            )
        if not signatories(locked).filter(pk=membership.pk).exists():
            raise ValidationError(
                {
                    "membership": ValidationError(
                        _("Only the partnership's current member organisations sign."),
                        code="not_a_signatory",
                    )
                }
            )
        already = Signature.objects.filter(version=locked, membership=membership).first()
        if already is not None:
            raise ValidationError(
                _("%(member)s already signed this version on %(date)s."),
                code="already_signed",
                params={
                    "member": membership.member,
                    "date": timezone.localtime(already.signed_at).date().isoformat(),
                },
            )
        now = timezone.now()
        signature = save_validated(
            Signature(
                version=locked,
                membership=membership,
                signed_by=_user(by),
                signer_name=_signer_name(by) or str(membership.member),
                signed_at=now,
            ),
            by=by,
        )
        unsigned = signatories(locked).exclude(agreement_signatures__version=locked)
        if not unsigned.exists():
            update_fields(locked, {"status": VersionStatus.SIGNED, "signed_at": now}, by=by)
    version.refresh_from_db()
    return signature
