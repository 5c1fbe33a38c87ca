"""A problem's page in use: backing it, its evidence, its review by the hub, and the list
sorted by support."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus, SupportKind
from partnerhub.consultation.models import LocalProblem, ProblemLink, ProblemSupport
from partnerhub.consultation.tests.factories import ProblemLinkFactory, ProblemSupportFactory
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from partnerhub.core.tests.pages import index, row_names
from partnerhub.registry.models import Organisation, Person

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@dataclass
class Setting:
    hub: Organisation
    ngo: Organisation
    problem: LocalProblem
    staff: User
    representative: User
    resident: User
    resident_person: Person
    nobody: User  # registered, no person and no role


@pytest.fixture
def setting() -> Setting:
    hub = OrganisationFactory.create(name="Stičišče", is_hub=True)
    ngo = OrganisationFactory.create(name="Društvo sosedov")
    problem = LocalProblemFactory.create(
        title="Ni prevoza do zdravnika", hub=hub, status=ProblemStatus.PUBLISHED
    )
    staff, representative, resident, nobody = (
        UserFactory.create(username=name) for name in ("staff", "rep", "resident", "nobody")
    )
    grant_role(staff, Role.HUB_STAFF, organisation=hub)
    grant_role(representative, Role.REPRESENTATIVE, organisation=ngo)
    person = PersonFactory.create(user=resident, first_name="Ana", last_name="Novak")
    return Setting(hub, ngo, problem, staff, representative, resident, person, nobody)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(problem: LocalProblem) -> str:
    return reverse("consultation:problem-detail", args=[problem.pk])


# --- backing ---------------------------------------------------------------------------------


def test_the_page_counts_supporters_and_lists_only_organisations(setting: Setting) -> None:
    ProblemSupportFactory.create(problem=setting.problem, organisation=setting.ngo)
    ProblemSupportFactory.create(
        problem=setting.problem,
        organisation=None,
        person=setting.resident_person,
        kind=SupportKind.CAN_HELP,
    )
    html = Client().get(url(setting.problem)).content.decode()
    assert 'data-support-count="2"' in html
    assert "2 supporters" in html and "1 can help" in html
    assert "Društvo sosedov" in html
    assert "Ana Novak" not in html  # people are counted, never listed
    assert "Sign in to back this problem" in html


def test_a_representative_backs_it_for_the_organisation(setting: Setting) -> None:
    client = signed_in(setting.representative)
    response = client.post(
        url(setting.problem),
        {
            "action": "back",
            "backer": f"organisation-{setting.ngo.pk}",
            "kind": SupportKind.CAN_HELP,
            "note": "Imamo prostovoljce.",
        },
    )
    assert response.status_code == 302
    support = ProblemSupport.objects.get()
    assert (support.organisation, support.kind, support.note, support.created_by) == (
        setting.ngo,
        SupportKind.CAN_HELP,
        "Imamo prostovoljce.",
        setting.representative,
    )


def test_a_resident_backs_it_as_themselves_with_htmx(setting: Setting) -> None:
    response = signed_in(setting.resident).post(
        url(setting.problem),
        {"action": "back", "backer": "me", "kind": SupportKind.SEES_IT_TOO},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<section id="backing"')
    assert 'data-support-count="1"' in html
    assert ProblemSupport.objects.get().person == setting.resident_person


def test_nobody_backs_for_an_organisation_they_do_not_represent(setting: Setting) -> None:
    other = OrganisationFactory.create()
    response = signed_in(setting.representative).post(
        url(setting.problem),
        {"action": "back", "backer": f"organisation-{other.pk}", "kind": SupportKind.CAN_HELP},
    )
    assert response.status_code == 400  # not among the choices offered
    assert not ProblemSupport.objects.exists()


def test_a_user_without_person_or_role_is_told_how_to_back(setting: Setting) -> None:
    client = signed_in(setting.nobody)
    html = client.get(url(setting.problem)).content.decode()
    assert "your account needs a person or a role" in html
    response = client.post(url(setting.problem), {"action": "back", "backer": "me", "kind": "x"})
    assert response.status_code == 400
    assert not ProblemSupport.objects.exists()


def test_an_addressed_problem_is_not_backed(setting: Setting) -> None:
    setting.problem.status = ProblemStatus.ADDRESSED
    setting.problem.save()
    client = signed_in(setting.resident)
    assert "Back this problem" not in client.get(url(setting.problem)).content.decode()
    response = client.post(
        url(setting.problem), {"action": "back", "backer": "me", "kind": "sees_it_too"}
    )
    assert response.status_code == 403
    assert not ProblemSupport.objects.exists()


def test_anonymous_posts_are_sent_to_sign_in(setting: Setting) -> None:
    response = Client().post(url(setting.problem), {"action": "back"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not ProblemSupport.objects.exists()


# --- evidence ----------------------------------------------------------------------------------


def test_the_hub_adds_evidence_and_everyone_sees_it(setting: Setting) -> None:
    client = signed_in(setting.staff)
    bad = client.post(
        url(setting.problem), {"action": "link", "url": "javascript:alert(1)", "title": "X"}
    )
    assert bad.status_code == 400
    assert not ProblemLink.objects.exists()

    client.post(
        url(setting.problem),
        {"action": "link", "url": "https://example.org/study", "title": "Študija prevozov"},
    )
    html = Client().get(url(setting.problem)).content.decode()
    assert (
        '<a href="https://example.org/study" rel="nofollow noopener">Študija prevozov</a>' in html
    )


def test_outsiders_add_no_evidence(setting: Setting) -> None:
    ProblemLinkFactory.create(problem=setting.problem, title="Obstoječa")
    client = signed_in(setting.resident)
    assert "Add a link to evidence" not in client.get(url(setting.problem)).content.decode()
    response = client.post(
        url(setting.problem), {"action": "link", "url": "https://x.org", "title": "Y"}
    )
    assert response.status_code == 403
    assert ProblemLink.objects.count() == 1


# --- review by the hub -------------------------------------------------------------------------


def test_the_hub_takes_the_problem_along_its_review(setting: Setting) -> None:
    problem = LocalProblemFactory.create(hub=setting.hub, status=ProblemStatus.SUBMITTED)
    client = signed_in(setting.staff)
    page = client.get(url(problem))
    assert [v for v, _ in page.context["moderation_form"].actions] == [
        ProblemStatus.PUBLISHED,
        ProblemStatus.REJECTED,
    ]
    for status in (ProblemStatus.PUBLISHED, ProblemStatus.BEING_ADDRESSED, ProblemStatus.ADDRESSED):
        assert (
            client.post(url(problem), {"action": "moderate", "status": status}).status_code == 302
        )
        problem.refresh_from_db()
        assert problem.status == status
    assert "its review is complete" in client.get(url(problem)).content.decode()


def test_rejecting_needs_a_reason(setting: Setting) -> None:
    problem = LocalProblemFactory.create(hub=setting.hub, status=ProblemStatus.SUBMITTED)
    client = signed_in(setting.staff)
    without = client.post(url(problem), {"action": "moderate", "status": "rejected"})
    assert without.status_code == 400
    assert "Give the reason for rejecting this problem." in without.content.decode()
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.SUBMITTED

    client.post(url(problem), {"action": "moderate", "status": "rejected", "reason": "Podvojen."})
    problem.refresh_from_db()
    assert (problem.status, problem.rejection_reason) == (ProblemStatus.REJECTED, "Podvojen.")


def test_an_illegal_move_is_refused(setting: Setting) -> None:
    response = signed_in(setting.staff).post(
        url(setting.problem), {"action": "moderate", "status": ProblemStatus.ADDRESSED}
    )
    assert response.status_code == 400
    setting.problem.refresh_from_db()
    assert setting.problem.status == ProblemStatus.PUBLISHED


def test_only_the_hubs_staff_moderate(setting: Setting) -> None:
    other_staff = UserFactory.create()
    grant_role(other_staff, Role.HUB_STAFF, organisation=OrganisationFactory.create(is_hub=True))
    for user in (setting.representative, setting.resident, other_staff):
        client = signed_in(user)
        assert "Review by the hub" not in client.get(url(setting.problem)).content.decode()
        response = client.post(url(setting.problem), {"action": "moderate", "status": "rejected"})
        assert response.status_code == 403
    setting.problem.refresh_from_db()
    assert setting.problem.status == ProblemStatus.PUBLISHED
    staff_page = signed_in(setting.staff).get(url(setting.problem)).content.decode()
    assert reverse("matching:problem-recommendations", args=[setting.problem.pk]) in staff_page


def test_a_submitted_problem_stays_404_for_others(setting: Setting) -> None:
    problem = LocalProblemFactory.create(hub=setting.hub, status=ProblemStatus.SUBMITTED)
    assert signed_in(setting.resident).post(url(problem), {"action": "back"}).status_code == 404
    assert Client().get(url(problem)).status_code == 404


def test_an_unknown_action_is_a_bad_request(setting: Setting) -> None:
    assert signed_in(setting.staff).post(url(setting.problem), {"action": "x"}).status_code == 400


# --- the list, most backed first ---------------------------------------------------------------


def test_the_list_sorts_by_support(setting: Setting) -> None:
    backed = LocalProblemFactory.create(title="Najbolj podprt", status=ProblemStatus.PUBLISHED)
    for _ in range(3):
        ProblemSupportFactory.create(problem=backed)
    once = LocalProblemFactory.create(title="Enkrat podprt", status=ProblemStatus.PUBLISHED)
    ProblemSupportFactory.create(problem=once)
    index(LocalProblem)
    response = Client().get(reverse("consultation:problem-list"), {"sort": "-support"})
    assert row_names(response) == ["Najbolj podprt", "Enkrat podprt", "Ni prevoza do zdravnika"]
