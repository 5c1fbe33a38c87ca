"""Reads of the public directory's pages of local problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from partnerhub.access.predicates import permission_name
from partnerhub.access.scope import get_scope
from partnerhub.consultation.models import (
    BACKABLE_PROBLEM_STATUSES,
    LocalProblem,
    LocalProblemQuerySet,
    ProblemLink,
    ProblemSupport,
)
from partnerhub.consultation.services import MODERATE, PROBLEM_TRANSITIONS
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation, Person


def visible_problems(user: Any) -> QuerySet[LocalProblem]:
    """The problems ``user`` may see: published ones, and those they raised or moderate."""
    return LocalProblem.objects.visible_to(user)


def with_list_details(problems: QuerySet[LocalProblem]) -> QuerySet[LocalProblem]:
    return problems.select_related("territory", "raised_by_organisation")


def support_count() -> Subquery:
    """How many organisations and people back each problem, as a sort key (a subquery,
    so filters across many-to-many relations never multiply it)."""
    supports = (
        ProblemSupport.objects.filter(problem=OuterRef("pk"))
        .order_by()
        .values("problem")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Subquery(supports, output_field=IntegerField())


def most_backed_key() -> Coalesce:
    """The "most backed first" sort key: problems nobody backs count 0 (never NULL)."""
    return Coalesce(support_count(), Value(0))


@dataclass(frozen=True)
class ProblemPage:
    """A local problem and the partnerships taking it on, as ``user`` may see them.

    ``backing_organisations`` are the organisations backing it that ``user`` may see (people
    backing it are counted in ``problem.support_count``, never listed to the public);
    ``own_organisations`` are those ``user`` may back it for, ``own_person`` their person.
    """

    problem: LocalProblem
    partnerships: list[Partnership]
    links: list[ProblemLink]
    backing_organisations: list[ProblemSupport]
    own_organisations: list[Organisation]
    own_person: Person | None
    is_backable: bool
    may_back: bool
    may_add_link: bool
    may_moderate: bool
    may_find_partners: bool
    moves: tuple[str, ...]


def get_problem_page(user: Any, pk: int) -> ProblemPage:
    """The page of problem ``pk`` (404 when ``user`` may not see it). Constant queries."""
    problems = cast(LocalProblemQuerySet, visible_problems(user))
    problem = get_object_or_404(
        problems.with_support_counts()
        .select_related("territory", "raised_by_organisation", "hub")
        .prefetch_related("areas"),
        pk=pk,
    )
    scope = get_scope(user)
    is_backable = problem.status in BACKABLE_PROBLEM_STATUSES
    may_back = scope.is_authenticated and is_backable
    own_organisations: list[Organisation] = []
    own_person = None
    if may_back:
        acts_for = scope.organisation_ids | scope.hub_ids
        own_organisations = list(Organisation.objects.filter(pk__in=acts_for).order_by("name"))
        if scope.user_id is not None:
            own_person = Person.objects.filter(user_id=scope.user_id).first()
    may_moderate = bool(user.has_perm(MODERATE, problem))
    return ProblemPage(
        problem=problem,
        partnerships=list(
            Partnership.objects.visible_to(user)
            .filter(problems=problem)
            .select_related("territory")
            .order_by("name")
        ),
        links=list(ProblemLink.objects.visible_to(user).filter(problem=problem)),
        backing_organisations=list(
            ProblemSupport.objects.visible_to(user)
            .filter(problem=problem, organisation__isnull=False)
            .select_related("organisation")
            .order_by("organisation__name")
        ),
        own_organisations=own_organisations,
        own_person=own_person,
        is_backable=is_backable,
        may_back=may_back,
        may_add_link=bool(user.has_perm(permission_name(ProblemLink, "add"), problem)),
        may_moderate=may_moderate,
        may_find_partners=bool(user.has_perm(permission_name(LocalProblem, "change"), problem)),
        moves=PROBLEM_TRANSITIONS.get(problem.status, ()) if may_moderate else (),
    )
