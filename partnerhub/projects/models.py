"""Programmes (multi-year, from a standard fiche) and the funded projects under them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.choices import Currency, DatePrecision, Visibility
from partnerhub.core.models import TimeStampedModel, Vocabulary
from partnerhub.core.validation import (
    END_BEFORE_START,
    NEGATIVE_AMOUNT,
    check_not_negative,
    check_period,
    raise_if,
)
from partnerhub.projects.choices import (
    Instrument,
    PartnerRole,
    ProgrammeStatus,
    ProjectStatus,
    Reach,
)
from partnerhub.registry.validators import validate_http_url


def money_field(verbose_name: Any) -> models.DecimalField:
    """An optional amount of money with two decimals, up to a trillion."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, null=True, blank=True)


GRANT_ABOVE_COST = _("The grant cannot exceed the total cost.")


def _period_constraint(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
        name=f"{prefix}_end_after_start",
        violation_error_message=END_BEFORE_START,
    )


def _not_negative(prefix: str, field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=f"{prefix}_{field}_not_negative",
        violation_error_message=NEGATIVE_AMOUNT,
    )


class ActivityType(Vocabulary):
    """A kind of project activity (training, advisory, expert opinion, …)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")


class TargetGroup(Vocabulary):
    """Who a project or programme is for (NGOs, residents, local government, …)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class FundingProgramme(models.Model):
    """Where the money comes from: a funding programme and the instrument it belongs to."""

    name = models.CharField(_("name"), max_length=300, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices)
    period = models.CharField(_("financial period"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["FundingProgramme"].as_manager()

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class ProgrammeQuerySet(AccessQuerySet["Programme"]):
    def published(self) -> ProgrammeQuerySet:
        return self.filter(visibility=Visibility.PUBLISHED)


class Programme(TimeStampedModel):
    """A multi-year programme written from a standard project fiche.

    The fiche's sections are fields: the problem it answers, objectives, actions, target
    groups, territory and period. Projects carry a programme out.
    """

    title = models.CharField(_("title"), max_length=300, db_index=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
    )
    status = models.CharField(
        _("status"), max_length=24, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    problem = models.TextField(_("problem"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    actions = models.TextField(_("actions"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="programmes"
    )
    target_groups_text = models.TextField(_("target groups (description)"), blank=True)
    areas = models.ManyToManyField(
        "registry.ThematicArea",
        verbose_name=_("thematic areas"),
        blank=True,
        related_name="programmes",
    )
    territory = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    period_precision = models.CharField(
        _("dates known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLISHED
    )

    history = HistoricalRecords(m2m_fields=["target_groups", "areas"])
    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        constraints = [_period_constraint("projects_programme")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:programme-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_period(errors, self.start, self.end)
        raise_if(errors)


class ProjectQuerySet(AccessQuerySet["Project"]):
    def published(self) -> ProjectQuerySet:
        return self.filter(visibility=Visibility.PUBLISHED)


class Project(TimeStampedModel):
    """A funded project, with every field of a public grants database's project card.

    Money is in one currency per project. ``grant`` is the funder's share and never exceeds
    ``total_cost``; ``cofinancing`` is the beneficiaries' own contribution.
    """

    title = models.CharField(_("title"), max_length=300, db_index=True)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    lead_organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    support_area = models.ForeignKey(
        "registry.ThematicArea",
        verbose_name=_("support area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supported_projects",
    )
    seat = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    period_precision = models.CharField(
        _("dates known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProjectStatus.choices,
        default=ProjectStatus.PLANNED,
        db_index=True,
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.PLN
    )
    total_cost = money_field(_("total cost"))
    grant = money_field(_("grant"))
    cofinancing = money_field(_("co-financing (own contribution)"))
    funding_programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("funding programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    reach = models.CharField(
        _("reach"), max_length=16, choices=Reach.choices, blank=True, db_index=True
    )
    activity_types = models.ManyToManyField(
        ActivityType, verbose_name=_("activity types"), blank=True, related_name="projects"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="projects"
    )
    areas = models.ManyToManyField(
        "registry.ThematicArea",
        verbose_name=_("thematic areas"),
        blank=True,
        related_name="projects",
    )
    problem = models.TextField(_("problem"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    beneficiaries = models.TextField(_("beneficiaries (description)"), blank=True)
    description = models.TextField(_("description"), blank=True)
    declared_partner_count = models.PositiveIntegerField(
        _("declared number of partners"),
        null=True,
        blank=True,
        help_text=_("The number of partners a source states, when not all are listed by name."),
    )
    source_url = models.URLField(_("source"), blank=True, validators=[validate_http_url])
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLISHED
    )

    history = HistoricalRecords(m2m_fields=["activity_types", "target_groups", "areas"])
    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start", "title"]
        constraints = [
            _period_constraint("projects_project"),
            _not_negative("projects_project", "total_cost"),
            _not_negative("projects_project", "grant"),
            _not_negative("projects_project", "cofinancing"),
            models.CheckConstraint(
                condition=Q(grant__isnull=True)
                | Q(total_cost__isnull=True)
                | Q(grant__lte=F("total_cost")),
                name="projects_project_grant_within_cost",
                violation_error_message=GRANT_ABOVE_COST,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_period(errors, self.start, self.end)
        check_not_negative(
            errors,
            {"total_cost": self.total_cost, "grant": self.grant, "cofinancing": self.cofinancing},
        )
        if (
            "grant" not in errors
            and self.grant is not None
            and self.total_cost is not None
            and self.grant > self.total_cost
        ):
            errors.setdefault("grant", []).append(
                ValidationError(GRANT_ABOVE_COST, code="grant_above_cost")
            )
        raise_if(errors)

    @property
    def grant_rate(self) -> Decimal | None:
        """The funder's share of the total cost, from 0 to 1."""
        if self.grant is None or not self.total_cost:
            return None
        return self.grant / self.total_cost

    @property
    def partner_count(self) -> int:
        return max(self.partners.count(), self.declared_partner_count or 0)


class ProjectPartner(TimeStampedModel):
    """An organisation taking part in a project, in a role."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(
        _("role"), max_length=16, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    budget_share = money_field(_("budget share"))

    history = HistoricalRecords()
    objects = AccessQuerySet["ProjectPartner"].as_manager()

    class Meta:
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        ordering = ["project", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="projects_partner_unique",
                violation_error_message=_(
                    "This organisation is already a partner of this project."
                ),
            ),
            _not_negative("projects_partner", "budget_share"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.project}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_not_negative(errors, {"budget_share": self.budget_share})
        raise_if(errors)
