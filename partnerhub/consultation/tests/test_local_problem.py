"""Local problems: a rejection always says why."""

from __future__ import annotations

import pytest

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.consultation.services import record_problem
from partnerhub.core.tests.factories import OrganisationFactory, ThematicAreaFactory
from partnerhub.core.tests.helpers import error_messages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_rejected_problem_needs_a_reason(reason: str) -> None:
    errors = error_messages(
        lambda: record_problem(
            title="Brak transportu", status=ProblemStatus.REJECTED, rejection_reason=reason
        )
    )
    assert errors == {"rejection_reason": ["Give the reason for rejecting this problem."]}
    assert not LocalProblem.objects.exists()


def test_a_rejected_problem_with_a_reason_is_recorded() -> None:
    problem = record_problem(
        title="Brak transportu",
        status=ProblemStatus.REJECTED,
        rejection_reason="Outside the municipality's competence.",
    )
    assert LocalProblem.objects.get(pk=problem.pk).status == ProblemStatus.REJECTED


def test_a_problem_is_recorded_with_who_raised_it_and_its_areas() -> None:
    organisation, area = OrganisationFactory.create(), ThematicAreaFactory.create()
    problem = record_problem(
        title="Brak miejsc w przedszkolu", raised_by_organisation=organisation, areas=[area]
    )
    assert problem.raised_by_organisation == organisation
    assert list(problem.areas.all()) == [area]
    assert list(LocalProblem.objects.public()) == []  # submitted problems wait for review
