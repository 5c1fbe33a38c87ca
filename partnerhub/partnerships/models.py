"""Partnerships: who works together, in what role, since when, and what grew from what."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.choices import DatePrecision, Sector, Visibility
from partnerhub.core.models import TimeStampedModel
from partnerhub.core.validation import END_BEFORE_START, check_period, raise_if
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage


def balance_date(end: Any) -> Any:
    """The day members are counted on: today, or the last day of a partnership that has ended.

    ``end`` is a date (Python) or an expression such as ``F("end")`` / ``OuterRef("end")``
    (database); the one definition serves ``sector_balance()``, list annotations and filters.
    """
    today = timezone.localdate()
    if end is None or isinstance(end, datetime.date):
        return min(today, end) if end else today
    return Least(Value(today), Coalesce(end, Value(today)), output_field=models.DateField())


def current_membership_q(on: Any, prefix: str = "") -> Q:
    """Memberships in force on ``on`` (a date or an expression); ``prefix`` e.g. "memberships__"."""
    return (Q(**{f"{prefix}joined__isnull": True}) | Q(**{f"{prefix}joined__lte": on})) & (
        Q(**{f"{prefix}left__isnull": True}) | Q(**{f"{prefix}left__gte": on})
    )


def member_count_annotations() -> dict[str, Any]:
    """Member counts as annotations, so a list needs no query per row.

    ``members_listed``; ``member_total`` (listed, or the declared number when a source
    states more — as ``Partnership.member_count``); ``members_<sector>`` and
    ``members_individual`` for current members, counted as ``sector_balance()`` counts them.
    """
    current = current_membership_q(balance_date(F("end")), prefix="memberships__")
    listed = Count("memberships", distinct=True)
    per_sector = {
        f"members_{sector}": Count(
            "memberships",
            filter=current & Q(memberships__organisation__sector=sector),
            distinct=True,
        )
        for sector in Sector.values
    }
    return {
        "members_listed": listed,
        "member_total": Greatest(
            listed, Coalesce("declared_member_count", 0), output_field=models.IntegerField()
        ),
        "members_individual": Count(
            "memberships", filter=current & Q(memberships__person__isnull=False), distinct=True
        ),
        **per_sector,
    }


class PartnershipQuerySet(AccessQuerySet["Partnership"]):
    def with_member_counts(self) -> PartnershipQuerySet:
        """Annotate ``member_count_annotations()`` in the list's own query."""
        return self.annotate(**member_count_annotations())

    def published(self) -> PartnershipQuerySet:
        return self.filter(visibility=Visibility.PUBLISHED)

    def of_kind(self, kind: str) -> PartnershipQuerySet:
        return self.filter(kind=kind)

    def with_member(self, organisation_id: int) -> PartnershipQuerySet:
        return self.filter(memberships__organisation_id=organisation_id).distinct()


@dataclass(frozen=True)
class SectorBalance:
    """Which of the three sectors a partnership's members come from, and in what share.

    ``counts`` has one entry per sector (organisations only); individuals are counted apart,
    because a person as such belongs to no sector. ``shares`` are fractions of the
    organisations (0 when there are none).
    """

    counts: dict[str, int]
    individuals: int = 0
    shares: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, counts: dict[str, int], individuals: int = 0) -> SectorBalance:
        full = {sector: counts.get(sector, 0) for sector in Sector.values}
        total = sum(full.values())
        shares = {s: (n / total if total else 0.0) for s, n in full.items()}
        return cls(counts=full, individuals=individuals, shares=shares)

    @property
    def organisations(self) -> int:
        return sum(self.counts.values())

    @property
    def present(self) -> list[str]:
        return [s for s in Sector.values if self.counts[s] > 0]

    @property
    def missing(self) -> list[str]:
        return [s for s in Sector.values if self.counts[s] == 0]

    @property
    def is_three_sector(self) -> bool:
        return not self.missing


class Partnership(TimeStampedModel):
    """Organisations (and people) acting together on a shared goal.

    Covers every form met in the field: a local partnership of the three sectors, a network,
    a cluster, a loan fund, an informal group, a consortium. ``hub`` is the organisation that
    facilitates it. ``declared_member_count`` keeps the number of members a source states
    when not all of them are known by name.
    """

    name = models.CharField(_("name"), max_length=300, db_index=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=PartnershipKind.choices, db_index=True
    )
    stage = models.CharField(
        _("lifecycle stage"),
        max_length=16,
        choices=Stage.choices,
        default=Stage.SCOPING,
        db_index=True,
    )
    territory = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnerships",
    )
    goal = models.TextField(_("goal"), blank=True)
    description = models.TextField(_("description"), blank=True)
    areas = models.ManyToManyField(
        "registry.ThematicArea",
        verbose_name=_("thematic areas"),
        blank=True,
        related_name="partnerships",
    )
    problems = models.ManyToManyField(
        "consultation.LocalProblem",
        verbose_name=_("local problems addressed"),
        blank=True,
        related_name="partnerships",
    )
    hub = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("facilitating hub"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_partnerships",
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    period_precision = models.CharField(
        _("dates known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    grew_out_of = models.ManyToManyField(
        "self",
        verbose_name=_("grew out of"),
        symmetrical=False,
        blank=True,
        related_name="gave_rise_to",
    )
    declared_member_count = models.PositiveIntegerField(
        _("declared number of members"),
        null=True,
        blank=True,
        help_text=_("The number of members a source states, when not all are listed by name."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLISHED
    )

    history = HistoricalRecords(m2m_fields=["areas", "problems", "grew_out_of"])
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="partnerships_partnership_end_after_start",
                violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partnership-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_period(errors, self.start, self.end)
        raise_if(errors)

    def current_memberships(self, on: datetime.date | None = None) -> models.QuerySet[Membership]:
        """Memberships in force on ``on``.

        By default: today, or the last day of a partnership that has ended.
        """
        return self.memberships.filter(current_membership_q(on or balance_date(self.end)))

    def sector_balance(self, on: datetime.date | None = None) -> SectorBalance:
        """Which sectors the current members come from, and their shares.

        One query; none when the memberships (with their organisations) were prefetched,
        so a list of partnerships costs no query per row.
        """
        on = on or balance_date(self.end)
        if "memberships" in getattr(self, "_prefetched_objects_cache", {}):
            sectors = Counter(
                m.organisation.sector if m.organisation is not None else None
                for m in self.memberships.all()
                if m.is_current_on(on)
            )
        else:
            sectors = Counter(
                {
                    row["organisation__sector"]: row["n"]
                    for row in self.current_memberships(on)
                    .values("organisation__sector")
                    .annotate(n=Count("pk"))
                    .order_by()
                }
            )
        individuals = sectors.pop(None, 0)
        return SectorBalance.from_counts({s: n for s, n in sectors.items() if s}, individuals)

    @property
    def member_count(self) -> int:
        """Listed members, or the declared number when a source states more than are listed."""
        listed = self.memberships.count()
        return max(listed, self.declared_member_count or 0)


class Membership(TimeStampedModel):
    """An organisation or a person in a partnership, with a role and a period.

    Exactly one of ``organisation`` and ``person`` is set. A member has at most one open
    membership per partnership, and its periods never overlap (checked in ``clean()`` and by
    the services; the database guarantees the open-membership and same-start rules).
    """

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,  # an organisation's history in partnerships is kept
        null=True,
        blank=True,
        related_name="memberships",
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MemberRole.choices, default=MemberRole.PARTNER
    )
    joined = models.DateField(_("joined"), null=True, blank=True)
    left = models.DateField(_("left"), null=True, blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["Membership"].as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["partnership", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(person__isnull=True))
                | (Q(organisation__isnull=True) & Q(person__isnull=False)),
                name="partnerships_membership_one_member",
                violation_error_message=_(
                    "A member is either an organisation or a person, not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(left__isnull=True) | Q(joined__isnull=True) | Q(left__gte=F("joined")),
                name="partnerships_membership_left_after_joined",
                violation_error_message=_("A member cannot leave before joining."),
            ),
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                condition=Q(left__isnull=True, organisation__isnull=False),
                name="partnerships_membership_one_open_per_organisation",
                violation_error_message=_(
                    "This organisation is already a member of this partnership."
                ),
            ),
            models.UniqueConstraint(
                fields=["partnership", "person"],
                condition=Q(left__isnull=True, person__isnull=False),
                name="partnerships_membership_one_open_per_person",
                violation_error_message=_("This person is already a member of this partnership."),
            ),
            models.UniqueConstraint(
                fields=["partnership", "organisation", "joined"],
                condition=Q(organisation__isnull=False, joined__isnull=False),
                name="partnerships_membership_unique_organisation_start",
                violation_error_message=_(
                    "This organisation already has a membership starting that day."
                ),
            ),
            models.UniqueConstraint(
                fields=["partnership", "person", "joined"],
                condition=Q(person__isnull=False, joined__isnull=False),
                name="partnerships_membership_unique_person_start",
                violation_error_message=_(
                    "This person already has a membership starting that day."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.partnership}"

    @property
    def member(self) -> object:
        return self.organisation if self.organisation_id else self.person

    def is_current_on(self, on: datetime.date) -> bool:
        """In force on ``on`` (the Python side of ``current_membership_q``)."""
        return (self.joined is None or self.joined <= on) and (self.left is None or self.left >= on)

    @property
    def sector(self) -> str | None:
        return self.organisation.sector if self.organisation_id and self.organisation else None

    def overlapping(self) -> models.QuerySet[Membership]:
        """Other memberships of the same member in the same partnership whose periods overlap."""
        if self.organisation_id:
            same_member = Q(organisation_id=self.organisation_id)
        elif self.person_id:
            same_member = Q(person_id=self.person_id)
        else:
            return Membership.objects.none()
        qs = Membership.objects.filter(same_member, partnership_id=self.partnership_id).exclude(
            pk=self.pk
        )
        if self.left is not None:
            qs = qs.filter(Q(joined__isnull=True) | Q(joined__lte=self.left))
        if self.joined is not None:
            qs = qs.filter(Q(left__isnull=True) | Q(left__gte=self.joined))
        return qs

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        if bool(self.organisation_id) == bool(self.person_id):
            errors.setdefault("organisation", []).append(
                ValidationError(
                    _("Choose either an organisation or a person as the member."), code="one_member"
                )
            )
        check_period(errors, self.joined, self.left, end_field="left")
        if not errors and self.partnership_id and self.overlapping().exists():
            errors.setdefault("joined", []).append(
                ValidationError(
                    _("This member already belongs to the partnership in an overlapping period."),
                    code="overlap",
                )
            )
        raise_if(errors)
