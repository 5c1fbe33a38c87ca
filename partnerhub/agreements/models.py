"""Partnership agreements: who does what, who commits what, and who signed which version."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.agreements.choices import ResponsibilityLevel, VersionStatus
from partnerhub.core.choices import Currency
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import NEGATIVE_AMOUNT, check_not_negative, raise_if

#: Said of any change to a version that is no longer a draft.
VERSION_FROZEN = _(
    "This version is no longer a draft: revise the agreement to change it in a new version."
)
OTHER_PARTNERSHIP = _("Only members of the agreement's partnership take part in it.")


def check_draft(errors: dict[str, list[ValidationError]], version: AgreementVersion) -> None:
    """Add an error when ``version`` may no longer be changed."""
    if version.status != VersionStatus.DRAFT:
        errors.setdefault("__all__", []).append(ValidationError(VERSION_FROZEN, code="frozen"))


def check_member(
    errors: dict[str, list[ValidationError]], membership: object, partnership_id: int | None
) -> None:
    """Add an error when ``membership`` belongs to another partnership."""
    if getattr(membership, "partnership_id", None) != partnership_id:
        errors.setdefault("membership", []).append(
            ValidationError(OTHER_PARTNERSHIP, code="other_partnership")
        )


class Agreement(TimeStampedModel):
    """A partnership's agreement: the activities, responsibilities and commitments its members
    sign up to. Its content lives in numbered versions; the current one is the version not
    superseded."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    title = models.CharField(_("title"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = AccessQuerySet["Agreement"].as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["partnership", "pk"]

    def __str__(self) -> str:
        return self.title

    def current_version(self) -> AgreementVersion | None:
        """The version not superseded (uses prefetched versions when there are)."""
        return next((v for v in self.versions.all() if v.status != VersionStatus.SUPERSEDED), None)


class AgreementVersion(models.Model):
    """One numbered version of an agreement: a draft, open for signature, signed or superseded.

    Only a draft changes. Opening it for signature freezes it; when every member
    organisation has signed it, it is signed. A later change is a new version
    (``revise_agreement``), and the earlier one stays as it was, superseded.
    """

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=VersionStatus.choices,
        default=VersionStatus.DRAFT,
        db_index=True,
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What this version changes."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened for signature"), null=True, blank=True)
    signed_at = models.DateTimeField(_("signed by all"), null=True, blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["AgreementVersion"].as_manager()

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"],
                name="agreements_version_unique_number",
                violation_error_message=_("This agreement already has a version with this number."),
            ),
            models.UniqueConstraint(
                fields=["agreement"],
                condition=~Q(status=VersionStatus.SUPERSEDED),
                name="agreements_version_one_current",
                violation_error_message=_("An agreement has one current version."),
            ),
            models.CheckConstraint(
                condition=Q(status=VersionStatus.DRAFT) | Q(opened_at__isnull=False),
                name="agreements_version_opened_when_not_draft",
                violation_error_message=_(
                    "A version past its draft has been opened for signature."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("%(agreement)s, version %(number)d") % {
            "agreement": self.agreement,
            "number": self.number,
        }

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class AgreementActivity(models.Model):
    """An activity the partners agree to carry out, in the order they list them."""

    version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("agreement version"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()
    objects = AccessQuerySet["AgreementActivity"].as_manager()

    class Meta:
        verbose_name = _("agreed activity")
        verbose_name_plural = _("agreed activities")
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if self.version_id:
            check_draft(errors, self.version)
        raise_if(errors)


class ResponsibilityQuerySet(AccessQuerySet["Responsibility"]):
    def in_matrix_order(self) -> ResponsibilityQuerySet:
        """Leads first, then responsible, contributing and informed members."""
        rank = models.Case(
            *(
                models.When(level=level, then=models.Value(position))
                for position, level in enumerate(ResponsibilityLevel.values)
            ),
            output_field=models.IntegerField(),
        )
        return self.order_by("activity", rank, "pk")


class Responsibility(models.Model):
    """A member's part in an activity (the responsibility matrix): lead, responsible,
    contributes or kept informed. One row per member and activity; one lead per activity."""

    activity = models.ForeignKey(
        AgreementActivity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="responsibilities",
    )
    # Protected: a member recorded in an agreement is ended (``left``), not deleted.
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="agreed_responsibilities",
    )
    level = models.CharField(_("part"), max_length=16, choices=ResponsibilityLevel.choices)

    history = HistoricalRecords()
    objects = ResponsibilityQuerySet.as_manager()

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["activity", "level", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "membership"],
                name="agreements_responsibility_once_per_member",
                violation_error_message=_("This member already has a part in this activity."),
            ),
            models.UniqueConstraint(
                fields=["activity"],
                condition=Q(level=ResponsibilityLevel.LEAD),
                name="agreements_responsibility_one_lead",
                violation_error_message=_("This activity already has a lead."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.member} — {self.activity} ({self.get_level_display()})"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if self.activity_id:
            version = self.activity.version
            check_draft(errors, version)
            if self.membership_id:
                check_member(errors, self.membership, version.agreement.partnership_id)
        raise_if(errors)


class Commitment(models.Model):
    """What a member commits to the agreement: money, something in kind, hours of work."""

    version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("agreement version"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="agreement_commitments",
    )
    money = models.DecimalField(_("money"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    in_kind = models.TextField(
        _("in kind"), blank=True, help_text=_("Rooms, vehicles, equipment, services…")
    )
    hours = models.DecimalField(
        _("hours of work"), max_digits=8, decimal_places=1, null=True, blank=True
    )

    history = HistoricalRecords()
    objects = AccessQuerySet["Commitment"].as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["version", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "membership"],
                name="agreements_commitment_once_per_member",
                violation_error_message=_("This member's commitment is already recorded."),
            ),
            models.CheckConstraint(
                condition=Q(money__isnull=True) | Q(money__gte=0),
                name="agreements_commitment_money_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0),
                name="agreements_commitment_hours_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
            models.CheckConstraint(
                condition=Q(money__isnull=True) | ~Q(currency=""),
                name="agreements_commitment_money_has_currency",
                violation_error_message=_("Give the currency of the money committed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.member} — {self.version}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_not_negative(errors, {"money": self.money, "hours": self.hours})
        if self.money is not None and not self.currency:
            errors.setdefault("currency", []).append(
                ValidationError(_("Give the currency of the money committed."), code="currency")
            )
        if self.money is None and self.hours is None and not self.in_kind.strip():
            errors.setdefault("__all__", []).append(
                ValidationError(
                    _("A commitment names money, something in kind or hours of work."),
                    code="empty",
                )
            )
        if self.version_id:
            check_draft(errors, self.version)
            if self.membership_id:
                check_member(errors, self.membership, self.version.agreement.partnership_id)
        raise_if(errors)


class Signature(models.Model):
    """A member organisation's signature on a version, given by one of its representatives.

    A member signs a version once. Signatures are never changed or removed; the version and
    the membership they name are protected.
    """

    version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("agreement version"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="agreement_signatures",
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signer_name = models.CharField(
        _("signed by"), max_length=300, help_text=_("The signer's name as it was when signing.")
    )
    signed_at = models.DateTimeField(_("signed at"))

    history = HistoricalRecords()
    objects = AccessQuerySet["Signature"].as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["version", "signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "membership"],
                name="agreements_signature_once_per_member",
                violation_error_message=_("This member has already signed this version."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.member} — {self.version}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if self.version_id and self.membership_id:
            check_member(errors, self.membership, self.version.agreement.partnership_id)
            if self.membership.organisation_id is None:
                errors.setdefault("membership", []).append(
                    ValidationError(
                        _("Member organisations sign the agreement; people do not."),
                        code="not_an_organisation",
                    )
                )
        raise_if(errors)
