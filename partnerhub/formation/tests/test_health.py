"""Health checks: members score seven factors; means per factor, overall, and over time."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.core.tests.factories import MembershipFactory, PersonFactory, UserFactory
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.formation.choices import HEALTH_QUESTIONS, HealthFactor
from partnerhub.formation.models import FACTORS, HealthResponse, HealthSurvey
from partnerhub.formation.selectors import get_health_series, get_survey_results
from partnerhub.formation.services import (
    answer_health_survey,
    open_health_survey,
    update_health_response,
)
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import HealthResponseFactory, HealthSurveyFactory
from partnerhub.partnerships.models import Membership

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _scores(value: int, **overrides: int) -> dict[str, int]:
    return dict.fromkeys(FACTORS, value) | overrides


@pytest.fixture
def member(pilot: Pilot) -> Membership:
    """The firm, a member of the pilot, answering through its representative."""
    return MembershipFactory.create(partnership=pilot.partnership, organisation=pilot.firm)


@pytest.fixture
def survey(pilot: Pilot) -> HealthSurvey:
    return open_health_survey(
        pilot.partnership,
        opened_on=TODAY() - datetime.timedelta(days=1),
        closes_on=TODAY() + datetime.timedelta(days=13),
        by=pilot.coordinator,
    )


def test_every_factor_has_a_question_in_our_own_words() -> None:
    assert set(HEALTH_QUESTIONS) == set(HealthFactor)
    assert tuple(HealthFactor.values) == FACTORS


def test_the_facilitator_opens_a_survey_and_members_may_not(pilot: Pilot) -> None:
    survey = open_health_survey(
        pilot.partnership, opened_on=TODAY(), closes_on=TODAY(), by=pilot.hub_staff
    )
    assert survey.created_by == pilot.hub_staff
    with pytest.raises(PermissionDenied):
        open_health_survey(
            pilot.partnership, opened_on=TODAY(), closes_on=TODAY(), by=pilot.firm_representative
        )
    errors = error_messages(
        lambda: open_health_survey(
            pilot.partnership,
            opened_on=TODAY(),
            closes_on=TODAY() - datetime.timedelta(days=1),
            by=pilot.hub_staff,
        )
    )
    assert errors == {"closes_on": ["The end date cannot be before the start date."]}
    assert HealthSurvey.objects.count() == 1


def test_a_representative_answers_for_the_member_once(
    pilot: Pilot, survey: HealthSurvey, member: Membership
) -> None:
    answer = answer_health_survey(
        survey,
        member,
        _scores(4, trust=2),
        comment="Premalo sestankov.",
        by=pilot.firm_representative,
    )
    again = answer_health_survey(survey, member, _scores(5), by=pilot.firm_representative)

    assert again.pk == answer.pk
    assert HealthResponse.objects.get().scores == _scores(5)
    assert again.answered_by == pilot.firm_representative


@pytest.mark.parametrize("who", ["stranger", "hub_staff", "coordinator"])
def test_no_one_answers_for_a_member_they_do_not_represent(
    pilot: Pilot, survey: HealthSurvey, member: Membership, who: str
) -> None:
    with pytest.raises(PermissionDenied):
        answer_health_survey(survey, member, _scores(3), by=getattr(pilot, who))
    assert not HealthResponse.objects.exists()


def test_a_person_member_answers_in_person(pilot: Pilot, survey: HealthSurvey) -> None:
    user = UserFactory.create()
    person = PersonFactory.create(user=user)
    membership = MembershipFactory.create(
        partnership=pilot.partnership, organisation=None, person=person
    )
    answer = answer_health_survey(survey, membership, _scores(3), by=user)
    assert answer.membership == membership


@pytest.mark.parametrize(
    ("scores", "field"),
    [
        (_scores(3, trust=0), "trust"),
        (_scores(3, results=6), "results"),
        ({factor: 3 for factor in FACTORS if factor != "leadership"}, "leadership"),
        (_scores(3) | {"happiness": 5}, "happiness"),
    ],
)
def test_a_score_outside_one_to_five_or_missing_is_refused(
    pilot: Pilot, survey: HealthSurvey, member: Membership, scores: dict[str, int], field: str
) -> None:
    errors = error_messages(
        lambda: answer_health_survey(survey, member, scores, by=pilot.firm_representative)
    )
    assert field in errors
    assert not HealthResponse.objects.exists()


def test_a_closed_survey_takes_no_answers(pilot: Pilot, member: Membership) -> None:
    closed = HealthSurveyFactory.create(
        partnership=pilot.partnership,
        opened_on=datetime.date(2024, 1, 1),
        closes_on=datetime.date(2024, 1, 31),
    )
    with pytest.raises(ValidationError) as caught:
        answer_health_survey(closed, member, _scores(3), by=pilot.firm_representative)
    assert caught.value.messages == ["This survey is open from 2024-01-01 to 2024-01-31."]


def test_members_of_another_partnership_or_former_members_do_not_answer(
    pilot: Pilot, survey: HealthSurvey
) -> None:
    outsider = MembershipFactory.create(organisation=pilot.firm)  # another partnership
    errors = error_messages(
        lambda: answer_health_survey(survey, outsider, _scores(3), by=pilot.firm_representative)
    )
    assert errors == {"membership": ["Only members of the surveyed partnership answer its survey."]}
    former = MembershipFactory.create(partnership=pilot.partnership, left=datetime.date(2021, 1, 1))
    grant_role(pilot.firm_representative, Role.REPRESENTATIVE, organisation=former.organisation)
    errors = error_messages(
        lambda: answer_health_survey(survey, former, _scores(3), by=pilot.firm_representative)
    )
    assert errors == {"membership": ["Only current members answer the health survey."]}
    assert not HealthResponse.objects.exists()


def test_an_answer_is_changed_while_the_survey_is_open_not_moved(
    pilot: Pilot, survey: HealthSurvey, member: Membership
) -> None:
    answer = answer_health_survey(survey, member, _scores(3), by=pilot.firm_representative)
    update_health_response(answer, trust=5, by=pilot.firm_representative)
    assert HealthResponse.objects.get().trust == 5
    other = HealthSurveyFactory.create(partnership=pilot.partnership)
    assert list(
        error_messages(
            lambda: update_health_response(answer, survey=other, by=pilot.firm_representative)
        )
    ) == ["survey"]


def test_the_database_keeps_one_answer_per_member_and_scores_in_range(
    survey: HealthSurvey, member: Membership
) -> None:
    HealthResponseFactory.create(survey=survey, membership=member)
    with violates("formation_response_once_per_member"):
        HealthResponseFactory.create(survey=survey, membership=member)
    with violates("formation_response_trust_in_range"):
        HealthResponseFactory.create(survey=survey, trust=9)


def test_results_are_the_mean_per_factor_and_overall(
    pilot: Pilot, survey: HealthSurvey, member: Membership
) -> None:
    HealthResponseFactory.create(survey=survey, membership=member, **_scores(4, trust=2))
    HealthResponseFactory.create(survey=survey, **_scores(5, trust=3))

    results = get_survey_results(survey)

    assert results.responses == 2
    assert results.means["trust"] == 2.5
    assert results.means["shared_goals"] == 4.5
    assert results.overall == pytest.approx((2.5 + 4.5 * 6) / 7)


def test_a_survey_without_answers_has_no_means(survey: HealthSurvey) -> None:
    results = get_survey_results(survey)
    assert (results.responses, results.overall) == (0, None)
    assert set(results.means.values()) == {None}


def test_the_series_over_time_is_one_query(pilot: Pilot, django_assert_num_queries: object) -> None:
    for year, trust in ((2022, 2), (2023, 3), (2024, 5)):
        survey = HealthSurveyFactory.create(
            partnership=pilot.partnership,
            opened_on=datetime.date(year, 3, 1),
            closes_on=datetime.date(year, 3, 31),
        )
        HealthResponseFactory.create_batch(2, survey=survey, trust=trust)
    HealthSurveyFactory.create()  # another partnership's

    with django_assert_num_queries(1):  # type: ignore[operator]
        series = get_health_series(pilot.partnership)

    assert [(r.opened_on.year, r.means["trust"], r.responses) for r in series] == [
        (2022, 2.0, 2),
        (2023, 3.0, 2),
        (2024, 5.0, 2),
    ]


def test_members_read_their_own_answers_and_the_facilitator_reads_all(
    pilot: Pilot, survey: HealthSurvey, member: Membership
) -> None:
    own = HealthResponseFactory.create(survey=survey, membership=member)
    other = HealthResponseFactory.create(survey=survey)

    assert list(HealthResponse.objects.visible_to(pilot.firm_representative)) == [own]
    assert set(HealthResponse.objects.visible_to(pilot.hub_staff)) == {own, other}
    assert list(HealthResponse.objects.visible_to(pilot.stranger)) == []
    assert list(HealthSurvey.objects.visible_to(pilot.firm_representative)) == [survey]
    assert list(HealthSurvey.objects.visible_to(None)) == []
