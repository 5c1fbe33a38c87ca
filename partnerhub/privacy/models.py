"""Consents given per purpose, and the record that a person's data was erased."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.privacy.choices import ConsentPurpose, ErasureReason


class ConsentQuerySet(models.QuerySet["Consent"]):
    def in_force(self) -> ConsentQuerySet:
        """Consents given and not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """A user's consent to one purpose under one version of the privacy policy.

    The rows are the consent's history: withdrawing sets ``withdrawn_at``; giving it again
    adds a new row. At most one consent per user and purpose is in force.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    policy_version = models.CharField(_("privacy policy version"), max_length=32)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["user", "purpose", "-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="privacy_consent_one_in_force",
                violation_error_message=_("This consent is already given."),
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("given_at")),
                name="privacy_consent_withdrawn_after_given",
                violation_error_message=_("A consent cannot be withdrawn before it was given."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.policy_version})"

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None


class Erasure(models.Model):
    """The record that a person's data was erased: when, by whom and why. Nothing personal.

    The person record itself stays, anonymised, so that counts and links (registrations,
    memberships) survive; ``account`` is the user account that was scrubbed with it.
    """

    person = models.OneToOneField(
        "registry.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="erasure",
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scrubbed account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    erased_at = models.DateTimeField(_("erased"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=16, choices=ErasureReason.choices)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"#{self.person_id} ({self.get_reason_display()})"
