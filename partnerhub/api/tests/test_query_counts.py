"""Lists and nested details run the same number of queries for 10 rows as for 100."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.core.tests import factories as f
from partnerhub.projects.models import ActivityType, TargetGroup
from partnerhub.registry.models import ThematicArea

pytestmark = pytest.mark.django_db


def _areas() -> list[ThematicArea]:
    return list(ThematicArea.objects.all()[:2])


def organisation() -> None:
    f.OrganisationFactory.create(areas=_areas(), seat=f.TerritorialUnitFactory.create())


def partnership() -> None:
    p = f.PartnershipFactory.create(areas=_areas(), hub=f.OrganisationFactory.create())
    p.problems.set([f.LocalProblemFactory.create()])
    for _ in range(3):
        f.MembershipFactory.create(partnership=p)
    f.MembershipFactory.create(partnership=p, organisation=None, person=f.PersonFactory.create())


def project() -> None:
    p = f.ProjectFactory.create(
        funding_programme=f.FundingProgrammeFactory.create(),
        support_area=ThematicArea.objects.first(),
        activity_types=list(ActivityType.objects.all()[:2]),
    )
    p.target_groups.set(TargetGroup.objects.all()[:2])
    p.areas.set(_areas())
    f.ProjectPartnerFactory.create_batch(2, project=p)
    f.IndicatorFactory.create_batch(2, project=p)


def event() -> None:
    e = f.EventFactory.create()
    e.organisers.set([f.OrganisationFactory.create()])
    f.AttendanceCountFactory.create(event=e, sector="civil")
    f.AttendanceCountFactory.create(event=e, sector="public")


def programme() -> None:
    p = f.ProgrammeFactory.create()
    p.areas.set(_areas())
    p.target_groups.set(TargetGroup.objects.all()[:2])


def local_problem() -> None:
    problem = f.LocalProblemFactory.create(status=ProblemStatus.PUBLISHED)
    problem.areas.set(_areas())


def indicator() -> None:
    f.ReportedValueFactory.create()


LISTS: dict[str, Callable[[], object]] = {
    "organisations": organisation,
    "partnerships": partnership,
    "projects": project,
    "events": event,
    "programmes": programme,
    "local-problems": local_problem,
    "memberships": lambda: f.MembershipFactory.create(),
    "project-partners": lambda: f.ProjectPartnerFactory.create(),
    "indicators": indicator,
    "reported-values": indicator,
    "goals": lambda: f.GoalFactory.create(),
    "attendance-counts": lambda: f.AttendanceCountFactory.create(),
    "territories": lambda: f.TerritorialUnitFactory.create(),
}


def queries_for(client: APIClient, url: str, **params: Any) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


@pytest.mark.parametrize("collection", LISTS)
def test_a_list_of_100_runs_the_queries_of_a_list_of_10(
    anonymous: APIClient, collection: str, django_assert_num_queries: Any
) -> None:
    add_row = LISTS[collection]
    for _ in range(10):
        add_row()
    url = f"/api/{collection}/"
    count_for_10, body = queries_for(anonymous, url, page_size=200)
    assert len(body["results"]) >= 10
    for _ in range(90):
        add_row()

    with django_assert_num_queries(count_for_10):
        response = anonymous.get(url, {"page_size": 200})

    assert len(response.json()["results"]) >= 100


def test_a_project_with_100_partners_and_indicators_costs_what_one_with_10_does(
    anonymous: APIClient, django_assert_num_queries: Any
) -> None:
    project = f.ProjectFactory.create(funding_programme=f.FundingProgrammeFactory.create())
    f.ProjectPartnerFactory.create_batch(10, project=project)
    f.IndicatorFactory.create_batch(10, project=project)
    url = f"/api/projects/{project.pk}/"
    count_for_10, body = queries_for(anonymous, url)
    assert len(body["partners"]) == 10
    f.ProjectPartnerFactory.create_batch(90, project=project)
    f.IndicatorFactory.create_batch(90, project=project)

    with django_assert_num_queries(count_for_10):
        body = anonymous.get(url).json()

    assert len(body["partners"]) == 100
    assert len(body["indicators"]) == 100
    assert {"name", "sector"} <= set(body["partners"][0]["organisation"])


def test_a_partnership_with_100_members_costs_what_one_with_10_does(
    anonymous: APIClient, django_assert_num_queries: Any
) -> None:
    partnership = f.PartnershipFactory.create()
    f.MembershipFactory.create_batch(10, partnership=partnership)
    url = f"/api/partnerships/{partnership.pk}/"
    count_for_10, body = queries_for(anonymous, url)
    assert body["sector_balance"]["counts"]["civil"] == 10
    f.MembershipFactory.create_batch(90, partnership=partnership)

    with django_assert_num_queries(count_for_10):
        body = anonymous.get(url).json()

    assert len(body["members"]) == 100
    assert body["sector_balance"]["counts"]["civil"] == 100
