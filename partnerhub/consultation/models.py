"""Local problems: what a community wants solved, raised by an organisation or a person."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import raise_if

#: Statuses in which a problem is shown to the public.
PUBLIC_PROBLEM_STATUSES = (
    ProblemStatus.PUBLISHED,
    ProblemStatus.BEING_ADDRESSED,
    ProblemStatus.ADDRESSED,
)


class LocalProblemQuerySet(AccessQuerySet["LocalProblem"]):
    def public(self) -> LocalProblemQuerySet:
        return self.filter(status__in=PUBLIC_PROBLEM_STATUSES)


class LocalProblem(TimeStampedModel):
    """A concrete problem of a local community that a partnership could take on."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    territory = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="problems",
    )
    areas = models.ManyToManyField(
        "registry.ThematicArea",
        verbose_name=_("thematic areas"),
        blank=True,
        related_name="problems",
    )
    raised_by_organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("raised by (organisation)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_problems",
    )
    raised_by_person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("raised by (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_problems",
    )
    submitted_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("submitted by (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="submitted_problems",
    )
    hub = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("moderating hub"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderated_problems",
        help_text=_("The hub whose staff review, publish and take up this problem."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProblemStatus.choices,
        default=ProblemStatus.SUBMITTED,
        db_index=True,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    history = HistoricalRecords()
    objects = LocalProblemQuerySet.as_manager()

    class Meta:
        verbose_name = _("local problem")
        verbose_name_plural = _("local problems")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if self.status == ProblemStatus.REJECTED and not self.rejection_reason.strip():
            errors.setdefault("rejection_reason", []).append(
                ValidationError(
                    _("Give the reason for rejecting this problem."), code="reason_required"
                )
            )
        raise_if(errors)
