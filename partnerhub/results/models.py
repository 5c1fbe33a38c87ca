"""What was produced and what changed: indicators with targets, reported values, goals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import NEGATIVE_AMOUNT, check_not_negative, raise_if
from partnerhub.partnerships.choices import Stage
from partnerhub.results.choices import (
    GoalKind,
    GoalMeasure,
    GoalStatus,
    IndicatorKind,
    Qualifier,
    Unit,
)


def figure_field(verbose_name: Any, *, optional: bool = True) -> models.DecimalField:
    """A measured quantity (hours, organisations, money…) with two decimals."""
    return models.DecimalField(
        verbose_name, max_digits=16, decimal_places=2, null=optional, blank=optional
    )


ACHIEVED_IS_SUM = _(
    "This indicator has reported values: what was achieved is their sum. "
    "Change the reported values instead."
)
ONE_OWNER = _("Attach this to exactly one project, programme, partnership or organisation.")
MEASURE_INCOMPLETE = _(
    "A goal counted from the records needs both what is counted and a target count of at "
    "least 1 (and belongs to an organisation)."
)


def _one_owner_constraint(prefix: str, owners: tuple[str, ...]) -> models.CheckConstraint:
    """Exactly one of the ``owners`` foreign keys is set."""
    condition = Q()
    for owner in owners:
        only_this = Q(**{f"{owner}__isnull": False})
        for other in owners:
            if other != owner:
                only_this &= Q(**{f"{other}__isnull": True})
        condition |= only_this
    return models.CheckConstraint(
        condition=condition, name=f"{prefix}_one_owner", violation_error_message=ONE_OWNER
    )


def _not_negative(prefix: str, field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=f"{prefix}_{field}_not_negative",
        violation_error_message=NEGATIVE_AMOUNT,
    )


def _owner_fk(related_name: str, model: str, verbose_name: StrOrPromise) -> models.ForeignKey:
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=related_name,
    )


class OwnedByOne(models.Model):
    """A record that belongs to exactly one project, programme or partnership."""

    OWNER_FIELDS: tuple[str, ...] = ("project", "programme", "partnership")

    class Meta:
        abstract = True

    @property
    def owner(self) -> object:
        return next((getattr(self, f) for f in self.OWNER_FIELDS if getattr(self, f"{f}_id")), None)

    def check_one_owner(self, errors: dict[str, list[ValidationError]]) -> None:
        if sum(1 for f in self.OWNER_FIELDS if getattr(self, f"{f}_id")) != 1:
            errors.setdefault(self.OWNER_FIELDS[0], []).append(
                ValidationError(ONE_OWNER, code="one_owner")
            )


class Indicator(OwnedByOne, TimeStampedModel):
    """An output or result indicator with a unit, a baseline, a target and what was achieved.

    ``achieved`` is the figure on record. When values are reported over time, the reporting
    service keeps ``achieved`` equal to their sum.
    """

    project = _owner_fk("indicators", "projects.Project", _("project"))
    programme = _owner_fk("indicators", "projects.Programme", _("programme"))
    partnership = _owner_fk("indicators", "partnerships.Partnership", _("partnership"))
    kind = models.CharField(
        _("kind"), max_length=8, choices=IndicatorKind.choices, default=IndicatorKind.OUTPUT
    )
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    baseline = figure_field(_("baseline"))
    target = figure_field(_("target"))
    achieved = figure_field(_("achieved"))
    achieved_qualifier = models.CharField(
        _("achieved reads as"), max_length=8, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["Indicator"].as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["kind", "position", "pk"]
        constraints = [
            _one_owner_constraint("results_indicator", ("project", "programme", "partnership")),
            _not_negative("results_indicator", "baseline"),
            _not_negative("results_indicator", "target"),
            _not_negative("results_indicator", "achieved"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        self.check_one_owner(errors)
        check_not_negative(
            errors, {"baseline": self.baseline, "target": self.target, "achieved": self.achieved}
        )
        if self.pk is not None and "achieved" not in errors:
            reported = self.reported_values.aggregate(total=Sum("value"))["total"]
            if reported is not None and self.achieved != reported:
                errors.setdefault("achieved", []).append(
                    ValidationError(ACHIEVED_IS_SUM, code="achieved_is_sum")
                )
        raise_if(errors)

    @property
    def progress(self) -> Decimal | None:
        """Achieved as a share of the target (1 = met), or None without both figures."""
        if self.achieved is None or not self.target:
            return None
        return self.achieved / self.target


class ReportedValue(TimeStampedModel):
    """A value of an indicator reported for a date (a monitoring report, an event)."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="reported_values",
    )
    reported_on = models.DateField(_("date"))
    value = figure_field(_("value"), optional=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["ReportedValue"].as_manager()

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        ordering = ["indicator", "reported_on", "pk"]
        constraints = [_not_negative("results_reported_value", "value")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.reported_on})"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_not_negative(errors, {"value": self.value})
        raise_if(errors)


#: Lifecycle stages that come after implementation began (a partnership closed afterwards
#: is recognised by its stage history).
IMPLEMENTED_STAGES = (Stage.IMPLEMENTING, Stage.REVIEWING, Stage.SUSTAINING)


def reached_implementation_q(prefix: str = "") -> Q:
    """Partnerships that have reached the implementing stage: they are in it or a later
    stage, or their stage history records the move to it (closed since)."""
    return Q(**{f"{prefix}stage__in": IMPLEMENTED_STAGES}) | Q(
        **{f"{prefix}stage_transitions__to_stage": Stage.IMPLEMENTING}
    )


class GoalQuerySet(AccessQuerySet["Goal"]):
    def with_measured_value(self) -> GoalQuerySet:
        """Annotate ``measured_value``: what the records count towards each goal with a
        ``measure`` (None for the others), in the same query whatever the number of goals."""
        from partnerhub.partnerships.models import Partnership

        implementing = (
            Partnership.objects.filter(reached_implementation_q(), hub_id=OuterRef("organisation"))
            .order_by()
            .values("hub_id")
            .annotate(count=Count("pk", distinct=True))
            .values("count")
        )
        return self.annotate(
            measured_value=models.Case(
                models.When(
                    measure=GoalMeasure.PARTNERSHIPS_IMPLEMENTING,
                    then=Coalesce(Subquery(implementing), Value(0)),
                ),
                default=None,
                output_field=models.IntegerField(),
            )
        )


class Goal(OwnedByOne, TimeStampedModel):
    """A structured, trackable aim: a policy priority, an action-plan goal, a hub's own goal.

    Owned by a project, programme, partnership or organisation (a hub's goal such as "at
    least one pilot partnership"), optionally measured by an indicator. An organisation's
    goal may instead be counted from the records themselves (``measure``, e.g. the
    partnerships it facilitates that have reached implementation) against
    ``measure_target``: no one reports that figure, and the count decides whether it is met.
    """

    OWNER_FIELDS = ("project", "programme", "partnership", "organisation")

    project = _owner_fk("goals", "projects.Project", _("project"))
    programme = _owner_fk("goals", "projects.Programme", _("programme"))
    partnership = _owner_fk("goals", "partnerships.Partnership", _("partnership"))
    organisation = _owner_fk("goals", "registry.Organisation", _("organisation"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=GoalKind.choices, default=GoalKind.OBJECTIVE
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    territory = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=GoalStatus.choices, default=GoalStatus.OPEN
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("measured by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    measure = models.CharField(
        _("counted from the records"),
        max_length=32,
        choices=GoalMeasure.choices,
        blank=True,
        help_text=_(
            "What Partnerhub counts towards this goal by itself (an organisation's goal only)."
        ),
    )
    measure_target = models.PositiveIntegerField(
        _("target count"),
        null=True,
        blank=True,
        help_text=_("The goal is met when the count reaches this number."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()
    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["kind", "position", "pk"]
        constraints = [
            _one_owner_constraint(
                "results_goal", ("project", "programme", "partnership", "organisation")
            ),
            # NULLs spelt out: a CHECK whose result is unknown (NULL) lets the row in.
            models.CheckConstraint(
                condition=(Q(measure="") & Q(measure_target__isnull=True))
                | (
                    ~Q(measure="")
                    & Q(measure_target__isnull=False, measure_target__gte=1)
                    & Q(organisation__isnull=False)
                ),
                name="results_goal_measure_complete",
                violation_error_message=MEASURE_INCOMPLETE,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        self.check_one_owner(errors)
        self.check_measure(errors)
        raise_if(errors)

    def check_measure(self, errors: dict[str, list[ValidationError]]) -> None:
        """A counted goal names what is counted and a target of at least one, and belongs to
        an organisation (whose facilitated partnerships are counted)."""
        if not self.measure:
            if self.measure_target is not None:
                errors.setdefault("measure", []).append(
                    ValidationError(MEASURE_INCOMPLETE, code="measure_missing")
                )
            return
        if not self.measure_target:
            errors.setdefault("measure_target", []).append(
                ValidationError(MEASURE_INCOMPLETE, code="target_missing")
            )
        if not self.organisation_id:
            errors.setdefault("measure", []).append(
                ValidationError(
                    _("Only an organisation's own goal is counted from the records."),
                    code="measure_owner",
                )
            )
