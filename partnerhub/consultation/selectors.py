"""Reads of the public directory's pages of local problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from partnerhub.consultation.models import LocalProblem
from partnerhub.partnerships.models import Partnership


def visible_problems(user: Any) -> QuerySet[LocalProblem]:
    """The problems ``user`` may see: published ones, and those they raised or moderate."""
    return LocalProblem.objects.visible_to(user)


def with_list_details(problems: QuerySet[LocalProblem]) -> QuerySet[LocalProblem]:
    return problems.select_related("territory", "raised_by_organisation")


@dataclass(frozen=True)
class ProblemPage:
    """A local problem and the partnerships taking it on, as ``user`` may see them."""

    problem: LocalProblem
    partnerships: list[Partnership]


def get_problem_page(user: Any, pk: int) -> ProblemPage:
    """The page of problem ``pk`` (404 when ``user`` may not see it). Constant queries."""
    problem = get_object_or_404(
        visible_problems(user)
        .select_related("territory", "raised_by_organisation", "hub")
        .prefetch_related("areas"),
        pk=pk,
    )
    return ProblemPage(
        problem=problem,
        partnerships=list(
            Partnership.objects.visible_to(user)
            .filter(problems=problem)
            .select_related("territory")
            .order_by("name")
        ),
    )
