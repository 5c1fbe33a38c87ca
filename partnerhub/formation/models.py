"""Forming a partnership: invitations to join, the stages it goes through, health checks."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import END_BEFORE_START, check_period, raise_if
from partnerhub.formation.choices import MAX_SCORE, MIN_SCORE, HealthFactor, InvitationStatus
from partnerhub.partnerships.choices import MemberRole, Stage

# --- invitations ---------------------------------------------------------------------------


class InvitationQuerySet(AccessQuerySet["Invitation"]):
    def pending(self, now: datetime.datetime | None = None) -> InvitationQuerySet:
        """Invitations that can still be answered: pending and not past their expiry."""
        return self.filter(status=InvitationStatus.PENDING, expires_at__gt=now or timezone.now())

    def overdue(self, now: datetime.datetime | None = None) -> InvitationQuerySet:
        """Invitations still marked pending although their expiry has passed."""
        return self.filter(status=InvitationStatus.PENDING, expires_at__lte=now or timezone.now())

    def in_status(self, status: str, now: datetime.datetime | None = None) -> InvitationQuerySet:
        """Invitations whose ``effective_status`` is ``status`` (overdue ones count as expired)."""
        if status == InvitationStatus.PENDING:
            return self.pending(now)
        if status == InvitationStatus.EXPIRED:
            return self.filter(
                Q(status=InvitationStatus.EXPIRED)
                | Q(status=InvitationStatus.PENDING, expires_at__lte=now or timezone.now())
            )
        return self.filter(status=status)


class Invitation(models.Model):
    """A partnership's invitation to an organisation to join it, in a proposed role.

    Sent by the partnership's facilitator (the staff of its hub, or its coordinator) and
    answered once by the organisation's representatives: accepting makes the organisation
    a member. The invitation carries a token, shown (and e-mailed) once and stored only as
    its SHA-256 digest, that lets its holder answer it until it expires. An organisation has
    at most one pending invitation to a partnership.
    """

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partnership_invitations",
    )
    role = models.CharField(
        _("proposed role"), max_length=16, choices=MemberRole.choices, default=MemberRole.PARTNER
    )
    message = models.TextField(_("message"), blank=True)
    token_digest = models.CharField(
        _("token digest (SHA-256)"), max_length=64, unique=True, editable=False
    )
    expires_at = models.DateTimeField(_("expires"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
        db_index=True,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name=_("membership created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["token_digest"])
    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                condition=Q(status=InvitationStatus.PENDING),
                name="formation_invitation_one_pending",
                violation_error_message=_(
                    "This organisation already has a pending invitation to this partnership."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[InvitationStatus.PENDING, InvitationStatus.EXPIRED])
                | Q(decided_at__isnull=False),
                name="formation_invitation_decision_dated",
                violation_error_message=_("An answered or revoked invitation needs a date."),
            ),
            models.CheckConstraint(
                condition=~Q(status=InvitationStatus.DECLINED) | ~Q(decline_reason=""),
                name="formation_invitation_decline_has_reason",
                violation_error_message=_("Give the reason for declining the invitation."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.partnership}"

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at <= (now or timezone.now())

    @property
    def effective_status(self) -> str:
        """The status as it stands now: a pending invitation past its expiry has expired."""
        if self.status == InvitationStatus.PENDING and self.is_expired():
            return InvitationStatus.EXPIRED
        return self.status

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if self.status == InvitationStatus.DECLINED and not self.decline_reason.strip():
            errors.setdefault("decline_reason", []).append(
                ValidationError(
                    _("Give the reason for declining the invitation."), code="reason_required"
                )
            )
        raise_if(errors)


# --- lifecycle -------------------------------------------------------------------------------


class StageTransition(models.Model):
    """A partnership moved from one lifecycle stage to another, on a day, by someone.

    Written only by the lifecycle service (``formation.services.move_partnership_to_stage``),
    together with the partnership's new stage; the rows are the partnership's stage history.
    """

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="stage_transitions",
    )
    from_stage = models.CharField(_("from stage"), max_length=16, choices=Stage.choices)
    to_stage = models.CharField(_("to stage"), max_length=16, choices=Stage.choices)
    date = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["StageTransition"].as_manager()

    class Meta:
        verbose_name = _("stage transition")
        verbose_name_plural = _("stage transitions")
        ordering = ["partnership", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_stage=F("to_stage")),
                name="formation_transition_changes_stage",
                violation_error_message=_("A transition moves to another stage."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.partnership}: {self.get_from_stage_display()} → {self.get_to_stage_display()}"
        )


# --- health checks ---------------------------------------------------------------------------

FACTORS: tuple[str, ...] = tuple(HealthFactor.values)


def score_field(factor: HealthFactor) -> models.PositiveSmallIntegerField[Any, Any]:
    return models.PositiveSmallIntegerField(
        factor.label, validators=[MinValueValidator(MIN_SCORE), MaxValueValidator(MAX_SCORE)]
    )


class HealthSurveyQuerySet(AccessQuerySet["HealthSurvey"]):
    def with_results(self) -> HealthSurveyQuerySet:
        """Annotate ``response_count`` and ``mean_<factor>`` for each factor, in the same query."""
        means = {f"mean_{factor}": Avg(f"responses__{factor}") for factor in FACTORS}
        return self.annotate(response_count=Count("responses"), **means)

    def open_on(self, day: datetime.date) -> HealthSurveyQuerySet:
        return self.filter(opened_on__lte=day, closes_on__gte=day)


class HealthSurvey(TimeStampedModel):
    """A round of a partnership's health check: members score it between two dates."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="health_surveys",
    )
    opened_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = HealthSurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("health survey")
        verbose_name_plural = _("health surveys")
        ordering = ["partnership", "opened_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opened_on")),
                name="formation_survey_closes_after_opening",
                violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partnership} — {self.opened_on:%Y-%m-%d}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_period(errors, self.opened_on, self.closes_on, end_field="closes_on")
        raise_if(errors)

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opened_on <= day <= self.closes_on


class HealthResponse(TimeStampedModel):
    """One member's answers to a health survey: a score from 1 to 5 for each factor.

    A member answers a survey once (answering again changes the answer while it is open).
    """

    survey = models.ForeignKey(
        HealthSurvey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="responses"
    )
    membership = models.ForeignKey(
        "partnerships.Membership",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="health_responses",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    shared_goals = score_field(HealthFactor.SHARED_GOALS)
    trust = score_field(HealthFactor.TRUST)
    communication = score_field(HealthFactor.COMMUNICATION)
    fair_share = score_field(HealthFactor.FAIR_SHARE)
    resources = score_field(HealthFactor.RESOURCES)
    leadership = score_field(HealthFactor.LEADERSHIP)
    results = score_field(HealthFactor.RESULTS)
    comment = models.TextField(_("comment"), blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["HealthResponse"].as_manager()

    class Meta:
        verbose_name = _("health response")
        verbose_name_plural = _("health responses")
        ordering = ["survey", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "membership"],
                name="formation_response_once_per_member",
                violation_error_message=_("This member has already answered this survey."),
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{factor}__gte": MIN_SCORE, f"{factor}__lte": MAX_SCORE}),
                    name=f"formation_response_{factor}_in_range",
                    violation_error_message=_("A score is a whole number from 1 to 5."),
                )
                for factor in FACTORS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.member} — {self.survey}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if (
            self.survey_id
            and self.membership_id
            and self.membership.partnership_id != self.survey.partnership_id
        ):
            errors.setdefault("membership", []).append(
                ValidationError(
                    _("Only members of the surveyed partnership answer its survey."),
                    code="not_a_member",
                )
            )
        raise_if(errors)

    @property
    def scores(self) -> dict[str, int]:
        return {factor: getattr(self, factor) for factor in FACTORS}
