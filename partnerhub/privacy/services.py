"""Writes of the privacy app: consents, erasure of a person's data, and retention.

Consent rows are never deleted or edited back: withdrawing dates the row, giving again adds
one. Erasure anonymises a person everywhere at once, in one transaction, and leaves an
``Erasure`` record and an audit event that name no one. Retention erases what nobody needs
any more, on a schedule (``partnerhub apply-retention``).
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.audit.context import acting, real_user
from partnerhub.audit.models import AuditEventKind
from partnerhub.audit.services import bulk_update_with_history, record_event
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.services import Actor, save_validated
from partnerhub.events.models import Registration
from partnerhub.partnerships.models import Membership
from partnerhub.privacy import conf
from partnerhub.privacy.choices import ConsentPurpose, ErasureReason
from partnerhub.privacy.models import Consent, Erasure
from partnerhub.privacy.scrub import Needles, historical_models, rows_holding, tracked_models
from partnerhub.registry.models import Affiliation, Person

#: The first name every erased person gets; the last name is a random marker.
ERASED_FIRST_NAME = "Erased person"
ERASURE_REASON = "erasure"
RETENTION_REASON = "retention"

# --- Consent --------------------------------------------------------------------------


def give_consent(
    user: Any, purpose: ConsentPurpose | str, *, policy_version: str | None = None
) -> Consent:
    """Record that ``user`` agrees to ``purpose`` under the policy version in force.

    Giving a consent already in force under the same version changes nothing; one in
    force under an older version is withdrawn and a new one given, so the rows show under
    which version each consent was given.
    """
    version = policy_version or conf.policy_version()
    now = timezone.now()
    with transaction.atomic():
        current = (
            Consent.objects.select_for_update()
            .in_force()
            .filter(user=user, purpose=purpose)
            .first()
        )
        if current is not None:
            if current.policy_version == version:
                return current
            current.withdrawn_at = now
            save_validated(current, by=user)
        return save_validated(
            Consent(user=user, purpose=purpose, policy_version=version, given_at=now), by=user
        )


def withdraw_consent(user: Any, purpose: ConsentPurpose | str) -> Consent | None:
    """Withdraw ``user``'s consent to ``purpose`` now; None when none was in force."""
    with transaction.atomic():
        current = (
            Consent.objects.select_for_update()
            .in_force()
            .filter(user=user, purpose=purpose)
            .first()
        )
        if current is None:
            return None
        current.withdrawn_at = timezone.now()
        return save_validated(current, by=user)


# --- Erasure --------------------------------------------------------------------------


@dataclass
class ErasureSummary:
    """What an erasure rewrote (counts only: it names no one)."""

    person_id: int
    account_scrubbed: bool = False
    problems_unlinked: int = 0
    records_scrubbed: int = 0
    history_rows_scrubbed: int = 0
    log_entries_scrubbed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def is_erased(person: Person) -> bool:
    return Erasure.objects.filter(person=person).exists()


def erase_person(
    person: Person, *, by: Actor, reason: ErasureReason | str = ErasureReason.REQUEST
) -> ErasureSummary:
    """Anonymise ``person`` everywhere, in one transaction.

    * the person: name "Erased person" and a random marker (not the id), no title,
      contact details, territory or areas, no user account;
    * their user account: deactivated, unusable password, username, e-mail and name
      replaced, API tokens revoked, consents withdrawn, sign-in logs deleted;
    * their registrations stay, with their sector, so attendance by sector is unchanged
      (attendance counts are aggregates and are not touched); memberships and
      affiliations stay, attached to the anonymous record;
    * problems they raised or submitted stay, without the link to them;
    * their name, e-mail, phone and address are replaced in every text of every domain
      record, in every history row, and in the admin's action log;
    * the search index follows, and the open-data package built before (which may quote
      them in a public problem's text) is deleted once the erasure is committed; the next
      download or ``export-open-data`` builds it anew.

    Raises ``ValidationError`` for a person already erased.
    """
    if is_erased(person):
        raise ValidationError(_("This person's data has already been erased."), code="erased")
    account = person.user
    erased_by: Any = real_user(by)
    summary = ErasureSummary(person_id=person.pk)
    needles = _identifying_values(person, account)
    marker = secrets.token_hex(4)
    marker_reason = RETENTION_REASON if reason == ErasureReason.RETENTION else ERASURE_REASON
    with transaction.atomic(), acting(by, reason=marker_reason):
        summary.problems_unlinked = _unlink_problems(person, account)
        person.first_name = ERASED_FIRST_NAME
        person.last_name = marker
        person.title = person.email = person.phone = person.address = ""
        person.territory = None
        person.user = None
        save_validated(person, m2m={"areas": []}, by=by)
        if account is not None:
            _scrub_account(account, marker, by=by)
            summary.account_scrubbed = True
        summary.history_rows_scrubbed = _scrub_history(person, needles, marker)
        summary.records_scrubbed = _scrub_records(needles)
        summary.log_entries_scrubbed = _scrub_admin_log(person, needles)
        Erasure.objects.create(
            person=person,
            account=account,
            erased_by=erased_by,
            reason=reason,
        )
        record_event(
            AuditEventKind.ERASURE,
            "erase-person",
            by=by,
            subject=person,
            summary={"reason": str(reason), **summary.as_dict()},
        )
        transaction.on_commit(_drop_stale_data_package)
    return summary


def _drop_stale_data_package() -> None:
    from partnerhub.opendata.conf import data_package_path

    data_package_path().unlink(missing_ok=True)


def _identifying_values(person: Person, account: Any) -> Needles:
    candidates = [
        person.full_name,
        f"{person.last_name} {person.first_name}",
        *(getattr(person, name) for name in Person.PERSONAL_DATA_FIELDS),
    ]
    if account is not None:
        candidates += [account.email, account.get_full_name()]
    return Needles.of(candidates)


def _unlink_problems(person: Person, account: Any) -> int:
    problems = list(LocalProblem.objects.filter(raised_by_person=person))
    for problem in problems:
        problem.raised_by_person = None
    submitted = []
    if account is not None:
        submitted = list(LocalProblem.objects.filter(submitted_by=account))
        for problem in submitted:
            problem.submitted_by = None
    bulk_update_with_history(LocalProblem, problems, ["raised_by_person"])
    bulk_update_with_history(LocalProblem, submitted, ["submitted_by"])
    # Their earlier versions lose the link too.
    history = LocalProblem.history.model
    history.objects.filter(raised_by_person_id=person.pk).update(raised_by_person_id=None)
    if account is not None:
        history.objects.filter(submitted_by_id=account.pk).update(submitted_by_id=None)
    return len({p.pk for p in [*problems, *submitted]})


def _scrub_account(account: Any, marker: str, *, by: Actor) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from partnerhub.api.models import ApiToken

    old_names = [account.get_username(), account.email]
    now = timezone.now()
    account.username = f"erased-{marker}"
    account.email = ""
    if isinstance(account, AbstractUser):
        account.first_name = account.last_name = ""
    account.is_active = False
    account.is_staff = False
    account.set_unusable_password()
    save_validated(account, by=by)
    ApiToken.objects.filter(user=account, revoked_at__isnull=True).update(revoked_at=now)
    Consent.objects.in_force().filter(user=account).update(withdrawn_at=now)
    for log in (AccessAttempt, AccessFailureLog, AccessLog):
        log.objects.filter(username__in=[name for name in old_names if name]).delete()


def _scrub_history(person: Person, needles: Needles, marker: str) -> int:
    """Rewrite every past version of the person, and the person's values in all history."""
    person_history = Person.history.model
    rows = person_history.objects.filter(id=person.pk).update(
        first_name=ERASED_FIRST_NAME,
        last_name=marker,
        title="",
        email="",
        phone="",
        address="",
        territory_id=None,
        user_id=None,
    )
    for model in historical_models():
        changed, fields = rows_holding(model, needles)
        if changed:
            model._default_manager.bulk_update(changed, fields)
            rows += len(changed)
    return int(rows)


def _scrub_records(needles: Needles) -> int:
    """Replace the person's values in the text of current records (with a history entry)."""
    from partnerhub.search.registry import is_searchable
    from partnerhub.search.services import index_instance

    count = 0
    for model in tracked_models():
        changed, fields = rows_holding(model, needles, whole_rows=True)
        if changed:
            bulk_update_with_history(model, changed, fields)
            count += len(changed)
            if is_searchable(model):
                for record in changed:
                    index_instance(record)
    return count


def _scrub_admin_log(person: Person, needles: Needles) -> int:
    """The admin's "recent actions" name records as they were called then."""
    if not needles:
        return 0
    entries = list(LogEntry.objects.filter(needles.condition(["object_repr", "change_message"])))
    for entry in entries:
        entry.object_repr = needles.scrub(entry.object_repr)
        entry.change_message = needles.scrub(entry.change_message)
    LogEntry.objects.bulk_update(entries, ["object_repr", "change_message"])
    return len(entries)


# --- Retention ------------------------------------------------------------------------


@dataclass
class RetentionReport:
    """What a retention run erased (or, in a dry run, would erase)."""

    cutoff: datetime.datetime
    people: list[int] = field(default_factory=list)
    accounts: list[int] = field(default_factory=list)
    dry_run: bool = False


def people_past_retention(cutoff: datetime.datetime) -> models.QuerySet[Person]:
    """People without an account, not erased, with nothing about them changed since ``cutoff``.

    "Nothing changed" covers the person record and their memberships, affiliations and
    registrations.
    """
    recent = {"person": OuterRef("pk"), "updated_at__gte": cutoff}
    return (
        Person.objects.filter(user__isnull=True, erasure__isnull=True, updated_at__lt=cutoff)
        .exclude(Exists(Membership.objects.filter(**recent)))
        .exclude(Exists(Affiliation.objects.filter(**recent)))
        .exclude(Exists(Registration.objects.filter(**recent)))
        .order_by("pk")
    )


def unconfirmed_accounts_before(cutoff: datetime.datetime) -> models.QuerySet[Any]:
    """Accounts signed up before ``cutoff`` whose e-mail address was never confirmed.

    An account is confirmed by opening the sign-up link, which activates it; one never
    activated and never used to sign in is unconfirmed. Staff accounts and the accounts
    scrubbed by an erasure are never among them.
    """
    return (
        get_user_model()
        ._default_manager.filter(
            is_active=False,
            last_login__isnull=True,
            date_joined__lt=cutoff,
            is_staff=False,
            is_superuser=False,
        )
        .exclude(pk__in=Erasure.objects.filter(account__isnull=False).values("account_id"))
        .order_by("pk")
    )


def apply_retention(
    *, dry_run: bool = False, now: datetime.datetime | None = None
) -> RetentionReport:
    """Erase people kept past the retention period; delete accounts never confirmed.

    People: without a user account and inactive for ``PERSONAL_DATA_RETENTION_DAYS`` days
    (``people_past_retention``), each erased as by ``erase_person``. Accounts: never
    confirmed, signed up more than 30 days ago, deleted. A dry run writes nothing and
    reports what would be done. One audit event records a run that did something.
    """
    now = now or timezone.now()
    report = RetentionReport(
        cutoff=now - datetime.timedelta(days=conf.retention_days()), dry_run=dry_run
    )
    people = list(people_past_retention(report.cutoff))
    accounts = list(
        unconfirmed_accounts_before(now - datetime.timedelta(days=conf.UNCONFIRMED_ACCOUNT_DAYS))
    )
    report.people = [person.pk for person in people]
    report.accounts = [account.pk for account in accounts]
    if dry_run or not (people or accounts):
        return report
    with transaction.atomic(), acting(reason=RETENTION_REASON):
        for person in people:
            erase_person(person, by=None, reason=ErasureReason.RETENTION)
        for account in accounts:
            account.delete()
        record_event(
            AuditEventKind.RETENTION,
            "apply-retention",
            summary={"people_erased": len(people), "accounts_deleted": len(accounts)},
        )
    return report
