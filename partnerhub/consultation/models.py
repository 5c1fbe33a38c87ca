"""Local problems: what a community wants solved, raised by an organisation or a person."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.consultation.choices import ProblemStatus, SupportKind
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import raise_if
from partnerhub.registry.validators import validate_http_url

#: Statuses in which a problem is shown to the public.
PUBLIC_PROBLEM_STATUSES = (
    ProblemStatus.PUBLISHED,
    ProblemStatus.BEING_ADDRESSED,
    ProblemStatus.ADDRESSED,
)
#: Statuses in which a problem may be backed: public and not yet solved.
BACKABLE_PROBLEM_STATUSES = (ProblemStatus.PUBLISHED, ProblemStatus.BEING_ADDRESSED)


class LocalProblemQuerySet(AccessQuerySet["LocalProblem"]):
    def public(self) -> LocalProblemQuerySet:
        return self.filter(status__in=PUBLIC_PROBLEM_STATUSES)

    def with_support_counts(self) -> LocalProblemQuerySet:
        """Annotate ``support_count`` (every backing) and ``can_help_count`` ("we can help")."""
        return self.annotate(
            support_count=Count("supports", distinct=True),
            can_help_count=Count(
                "supports", filter=Q(supports__kind=SupportKind.CAN_HELP), distinct=True
            ),
        )

    def ranked(self) -> LocalProblemQuerySet:
        """Most backed first, then the most recent: one query however many problems."""
        return self.with_support_counts().order_by("-support_count", "-created_at", "-pk")


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


class ProblemLink(models.Model):
    """Evidence for a problem: a web page (a study, an article, a council resolution)."""

    problem = models.ForeignKey(
        LocalProblem,
        verbose_name=_("local problem"),
        on_delete=models.CASCADE,
        related_name="links",
    )
    url = models.URLField(_("web address"), max_length=500, validators=[validate_http_url])
    title = models.CharField(_("title"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["ProblemLink"].as_manager()

    class Meta:
        verbose_name = _("link to evidence")
        verbose_name_plural = _("links to evidence")
        ordering = ["problem", "created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class ProblemSupport(models.Model):
    """An organisation or a person backing a problem: "we see this too" or "we can help".

    Exactly one of ``organisation`` and ``person`` is set, and each backer backs a problem
    once (backing again changes the kind and the note). A backer removed from the registry
    takes its backing along.
    """

    problem = models.ForeignKey(
        LocalProblem,
        verbose_name=_("local problem"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="problem_supports",
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="problem_supports",
    )
    kind = models.CharField(_("kind of support"), max_length=16, choices=SupportKind.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("recorded by (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["ProblemSupport"].as_manager()

    class Meta:
        verbose_name = _("support for a problem")
        verbose_name_plural = _("support for problems")
        ordering = ["problem", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(person__isnull=True))
                | (Q(organisation__isnull=True) & Q(person__isnull=False)),
                name="consultation_support_one_backer",
                violation_error_message=_(
                    "A problem is backed either by an organisation or by a person, not both."
                ),
            ),
            models.UniqueConstraint(
                fields=["problem", "organisation"],
                condition=Q(organisation__isnull=False),
                name="consultation_support_once_per_organisation",
                violation_error_message=_("This organisation already backs this problem."),
            ),
            models.UniqueConstraint(
                fields=["problem", "person"],
                condition=Q(person__isnull=False),
                name="consultation_support_once_per_person",
                violation_error_message=_("This person already backs this problem."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.backer} — {self.problem}"

    @property
    def backer(self) -> object:
        return self.organisation if self.organisation_id else self.person
