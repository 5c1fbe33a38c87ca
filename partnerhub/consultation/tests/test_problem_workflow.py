"""Local problems from submission to "addressed": moderation, evidence, backing and ranking."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus, SupportKind
from partnerhub.consultation.models import LocalProblem, ProblemLink, ProblemSupport
from partnerhub.consultation.services import (
    add_problem_link,
    back_problem,
    moderate_problem,
    record_problem,
    remove_problem_link,
    update_problem,
    withdraw_support,
)
from partnerhub.consultation.tests.factories import ProblemLinkFactory, ProblemSupportFactory
from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub() -> Organisation:
    return OrganisationFactory.create(name="Regionalno stičišče NVO", is_hub=True)


@pytest.fixture
def hub_staff(hub: Organisation) -> User:
    user = UserFactory.create()
    grant_role(user, Role.HUB_STAFF, organisation=hub)
    return user


@pytest.fixture
def problem(hub: Organisation) -> LocalProblem:
    return LocalProblemFactory.create(hub=hub, status=ProblemStatus.SUBMITTED)


def _status(problem: LocalProblem) -> str:
    return LocalProblem.objects.get(pk=problem.pk).status


# --- moderation ------------------------------------------------------------------------


def test_hub_staff_take_a_problem_from_submitted_to_addressed(
    problem: LocalProblem, hub_staff: User
) -> None:
    for status in (ProblemStatus.PUBLISHED, ProblemStatus.BEING_ADDRESSED, ProblemStatus.ADDRESSED):
        moderate_problem(problem, status, by=hub_staff)
        assert _status(problem) == status
    history = problem.history.filter(history_type="~").order_by("history_date")
    assert [h.status for h in history] == ["published", "being_addressed", "addressed"]
    assert {h.history_user for h in history} == {hub_staff}


def test_a_rejection_needs_a_reason_and_keeps_it(problem: LocalProblem, hub_staff: User) -> None:
    errors = error_messages(
        lambda: moderate_problem(problem, ProblemStatus.REJECTED, reason="  ", by=hub_staff)
    )
    assert errors == {"rejection_reason": ["Give the reason for rejecting this problem."]}
    assert _status(problem) == ProblemStatus.SUBMITTED

    moderate_problem(problem, ProblemStatus.REJECTED, reason="Not a local problem.", by=hub_staff)
    assert (problem.status, problem.rejection_reason) == ("rejected", "Not a local problem.")


def test_a_reconsidered_rejection_publishes_the_problem_and_clears_the_reason(
    problem: LocalProblem, hub_staff: User
) -> None:
    moderate_problem(problem, ProblemStatus.REJECTED, reason="Duplicate.", by=hub_staff)
    moderate_problem(problem, ProblemStatus.PUBLISHED, by=hub_staff)
    assert (problem.status, problem.rejection_reason) == ("published", "")


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (ProblemStatus.SUBMITTED, ProblemStatus.ADDRESSED),
        (ProblemStatus.SUBMITTED, ProblemStatus.BEING_ADDRESSED),
        (ProblemStatus.PUBLISHED, ProblemStatus.SUBMITTED),
        (ProblemStatus.ADDRESSED, ProblemStatus.PUBLISHED),
        (ProblemStatus.REJECTED, ProblemStatus.ADDRESSED),
        (ProblemStatus.PUBLISHED, ProblemStatus.PUBLISHED),
    ],
)
def test_an_illegal_move_is_refused_and_changes_nothing(
    hub: Organisation, hub_staff: User, start: str, target: str
) -> None:
    problem = LocalProblemFactory.create(hub=hub, status=start, rejection_reason="Old reason.")
    errors = error_messages(lambda: moderate_problem(problem, target, by=hub_staff))
    assert errors["status"][0].startswith("A problem that is")
    assert _status(problem) == start
    assert not problem.history.filter(history_type="~").exists()


@pytest.mark.parametrize("who", ["registered", "other_hub", "anonymous", "submitter"])
def test_only_the_staff_of_the_problems_hub_moderate_it(problem: LocalProblem, who: str) -> None:
    user: User | AnonymousUser = AnonymousUser() if who == "anonymous" else UserFactory.create()
    if who == "other_hub":
        grant_role(user, Role.HUB_STAFF, organisation=OrganisationFactory.create(is_hub=True))
    if who == "submitter":
        assert isinstance(user, User)
        problem.submitted_by = user
        problem.save()
    with pytest.raises(PermissionDenied):
        moderate_problem(problem, ProblemStatus.PUBLISHED, by=user)
    assert _status(problem) == ProblemStatus.SUBMITTED


def test_editing_a_problem_moves_its_status_along_the_same_transitions(
    problem: LocalProblem, hub_staff: User
) -> None:
    errors = error_messages(
        lambda: update_problem(problem, status=ProblemStatus.ADDRESSED, by=hub_staff)
    )
    assert list(errors) == ["status"]
    assert _status(problem) == ProblemStatus.SUBMITTED
    update_problem(problem, status=ProblemStatus.PUBLISHED, title="Changed", by=hub_staff)
    assert _status(problem) == ProblemStatus.PUBLISHED


def test_a_problem_in_an_unknown_territory_is_refused() -> None:
    errors = error_messages(lambda: record_problem(title="Ni avtobusa", territory_id=987654321))
    assert list(errors) == ["territory"]
    assert not LocalProblem.objects.exists()


# --- evidence --------------------------------------------------------------------------


def test_hub_staff_add_evidence_links_and_the_public_sees_them_once_published(
    problem: LocalProblem, hub_staff: User
) -> None:
    link = add_problem_link(
        problem, url="https://postojna.si/studija.pdf", title="Študija prevozov", by=hub_staff
    )
    assert list(problem.links.all()) == [link]
    assert not ProblemLink.objects.visible_to(None).exists()
    moderate_problem(problem, ProblemStatus.PUBLISHED, by=hub_staff)
    assert list(ProblemLink.objects.visible_to(None)) == [link]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.pdf", "not a url"])
def test_only_web_addresses_are_accepted_as_evidence(
    problem: LocalProblem, hub_staff: User, url: str
) -> None:
    errors = error_messages(lambda: add_problem_link(problem, url=url, title="X", by=hub_staff))
    assert list(errors) == ["url"]
    assert not ProblemLink.objects.exists()


def test_a_stranger_may_not_add_or_remove_evidence(problem: LocalProblem) -> None:
    stranger = UserFactory.create()
    with pytest.raises(PermissionDenied):
        add_problem_link(problem, url="https://example.org", title="Spam", by=stranger)
    link = ProblemLinkFactory.create(problem=problem)
    with pytest.raises(PermissionDenied):
        remove_problem_link(link, by=stranger)
    assert ProblemLink.objects.filter(pk=link.pk).exists()


# --- backing -----------------------------------------------------------------------------


@pytest.fixture
def published(hub: Organisation) -> LocalProblem:
    return LocalProblemFactory.create(hub=hub, status=ProblemStatus.PUBLISHED)


@pytest.fixture
def representative() -> tuple[User, Organisation]:
    user = UserFactory.create()
    firm = OrganisationFactory.create(name="Prevozi d.o.o.", sector=Sector.PRIVATE)
    grant_role(user, Role.REPRESENTATIVE, organisation=firm)
    return user, firm


def test_a_representative_backs_a_problem_for_the_organisation_once(
    published: LocalProblem, representative: tuple[User, Organisation]
) -> None:
    user, firm = representative
    support = back_problem(published, firm, kind=SupportKind.SEES_IT_TOO, by=user)
    again = back_problem(published, firm, kind=SupportKind.CAN_HELP, note="Kombi", by=user)

    assert again.pk == support.pk
    assert list(published.supports.values_list("kind", "note")) == [("can_help", "Kombi")]
    assert support.created_by == user


def test_a_person_backs_a_problem_in_person(published: LocalProblem) -> None:
    user = UserFactory.create()
    person = PersonFactory.create(user=user)
    support = back_problem(published, kind=SupportKind.CAN_HELP, by=user)
    assert (support.person, support.organisation) == (person, None)


def test_backing_without_a_person_or_for_someone_else_is_refused(
    published: LocalProblem, representative: tuple[User, Organisation]
) -> None:
    user, _firm = representative
    with pytest.raises(ValidationError) as caught:
        back_problem(published, by=user)
    assert caught.value.code == "no_backer"
    with pytest.raises(PermissionDenied):
        back_problem(published, OrganisationFactory.create(), by=user)
    with pytest.raises(PermissionDenied):
        back_problem(published, PersonFactory.create(), by=user)
    assert not ProblemSupport.objects.exists()


@pytest.mark.parametrize(
    "status", [ProblemStatus.SUBMITTED, ProblemStatus.REJECTED, ProblemStatus.ADDRESSED]
)
def test_only_a_published_problem_or_one_being_addressed_is_backed(
    hub: Organisation, hub_staff: User, status: str
) -> None:
    problem = LocalProblemFactory.create(hub=hub, status=status, rejection_reason="r")
    with pytest.raises(ValidationError) as caught:
        back_problem(problem, hub, by=hub_staff)  # hub staff see every problem of their hub
    assert caught.value.code == "not_backable"
    assert not ProblemSupport.objects.exists()


def test_a_problem_the_user_may_not_see_cannot_be_backed(
    problem: LocalProblem, representative: tuple[User, Organisation]
) -> None:
    user, firm = representative
    with pytest.raises(PermissionDenied):
        back_problem(problem, firm, by=user)


def test_a_backer_withdraws_their_support_and_a_stranger_may_not(
    published: LocalProblem, representative: tuple[User, Organisation], hub_staff: User
) -> None:
    user, firm = representative
    support = back_problem(published, firm, by=user)
    with pytest.raises(PermissionDenied):
        withdraw_support(support, by=UserFactory.create())
    withdraw_support(support, by=user)
    assert not ProblemSupport.objects.exists()

    abusive = ProblemSupportFactory.create(problem=published)
    withdraw_support(abusive, by=hub_staff)  # the hub's staff remove an abusive backing
    assert not ProblemSupport.objects.exists()


def test_the_public_sees_organisations_backing_a_problem_never_people(
    published: LocalProblem,
) -> None:
    organisation_support = ProblemSupportFactory.create(problem=published)
    person = PersonFactory.create(user=UserFactory.create())
    person_support = ProblemSupportFactory.create(
        problem=published, organisation=None, person=person
    )
    assert list(ProblemSupport.objects.visible_to(None)) == [organisation_support]
    assert set(ProblemSupport.objects.visible_to(person.user)) == {
        organisation_support,
        person_support,
    }


def test_the_database_keeps_one_backing_per_backer(published: LocalProblem) -> None:
    first = ProblemSupportFactory.create(problem=published)
    with violates("consultation_support_once_per_organisation"):
        ProblemSupportFactory.create(problem=published, organisation=first.organisation)
    with violates("consultation_support_one_backer"):
        ProblemSupportFactory.create(problem=published, person=PersonFactory.create())


# --- ranking -------------------------------------------------------------------------------


def _problem_backed_by(count: int, created: datetime.datetime) -> LocalProblem:
    problem = LocalProblemFactory.create(status=ProblemStatus.PUBLISHED)
    LocalProblem.objects.filter(pk=problem.pk).update(created_at=created)
    ProblemSupportFactory.create_batch(count, problem=problem)
    return problem


def test_problems_rank_by_backing_then_recency(django_assert_num_queries: object) -> None:
    now = timezone.now()
    old_popular = _problem_backed_by(3, now - datetime.timedelta(days=30))
    new_unbacked = _problem_backed_by(0, now)
    old_unbacked = _problem_backed_by(0, now - datetime.timedelta(days=60))
    new_popular = _problem_backed_by(3, now - datetime.timedelta(days=1))
    helped = _problem_backed_by(1, now - datetime.timedelta(days=90))

    ranked: list[Any] = list(LocalProblem.objects.ranked())

    assert ranked == [new_popular, old_popular, helped, new_unbacked, old_unbacked]
    assert [p.support_count for p in ranked] == [3, 3, 1, 0, 0]


def test_ranking_costs_one_query_however_many_problems(django_assert_num_queries: object) -> None:
    for count in range(8):
        _problem_backed_by(count % 3, timezone.now())
    with django_assert_num_queries(1):  # type: ignore[operator]
        problems: list[Any] = list(LocalProblem.objects.public().ranked())
        counts = [(p.support_count, p.can_help_count) for p in problems]
    assert len(counts) == 8
