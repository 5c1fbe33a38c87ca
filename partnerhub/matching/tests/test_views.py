"""The recommendations page: who may open it, weights and filters, the balanced shortlist,
and choosing organisations to invite."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector, Visibility
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    SuperuserFactory,
    UserFactory,
)
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.tests.factories import InvitationFactory
from partnerhub.matching.tests.conftest import Areas, Places
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@dataclass
class Hub:
    hub: Organisation
    problem: LocalProblem
    internal_problem: LocalProblem
    partnership: Partnership
    ngo: Organisation
    municipality: Organisation
    firm: Organisation
    staff: User
    coordinator: User
    representative: User
    citizen: User
    admin: User


@pytest.fixture
def hub(places: Places, areas: Areas) -> Hub:
    """The Postojna hub with a published problem, a problem of another hub it cannot see, its
    pilot partnership, and candidates of the three sectors around Postojna."""
    hub = OrganisationFactory.create(name="Stičišče", is_hub=True, seat=places.postojna)
    other_hub = OrganisationFactory.create(name="Drugo stičišče", is_hub=True)
    ngo = OrganisationFactory.create(
        name="Društvo sosedov", sector=Sector.CIVIL, seat=places.postojna, areas=[areas.seniors]
    )
    municipality = OrganisationFactory.create(
        name="Občina Postojna", sector=Sector.PUBLIC, seat=places.postojna, areas=[areas.seniors]
    )
    firm = OrganisationFactory.create(
        name="Prevozi Kombi", sector=Sector.PRIVATE, seat=places.pivka, areas=[areas.seniors]
    )
    OrganisationFactory.create(name="Klub iz Wrocławia", seat=places.wroclaw)
    problem = LocalProblemFactory.create(
        title="Starejši težko pridejo do zdravnika",
        territory=places.postojna,
        hub=hub,
        status=ProblemStatus.PUBLISHED,
    )
    problem.areas.set([areas.seniors])
    internal_problem = LocalProblemFactory.create(
        title="Čaka na pregled", hub=other_hub, status=ProblemStatus.SUBMITTED
    )
    partnership = PartnershipFactory.create(
        name="Pilot", hub=hub, territory=places.postojna, visibility=Visibility.INTERNAL
    )
    partnership.areas.set([areas.seniors])
    users = {name: UserFactory.create(username=name) for name in ("staff", "coord", "rep", "cit")}
    grant_role(users["staff"], Role.HUB_STAFF, organisation=hub)
    grant_role(users["coord"], Role.COORDINATOR, partnership=partnership)
    grant_role(users["rep"], Role.REPRESENTATIVE, organisation=ngo)
    return Hub(
        hub=hub,
        problem=problem,
        internal_problem=internal_problem,
        partnership=partnership,
        ngo=ngo,
        municipality=municipality,
        firm=firm,
        staff=users["staff"],
        coordinator=users["coord"],
        representative=users["rep"],
        citizen=users["cit"],
        admin=SuperuserFactory.create(),
    )


def problem_page(problem: LocalProblem) -> str:
    return reverse("matching:problem-recommendations", args=[problem.pk])


def partnership_page(partnership: Partnership) -> str:
    return reverse("matching:partnership-recommendations", args=[partnership.pk])


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def names(response: object) -> list[str]:
    return [r.organisation.name for r in response.context["result"].results]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("who", "problem_status", "partnership_status"),
    [
        ("staff", 200, 200),
        ("admin", 200, 200),
        ("coordinator", 403, 200),  # sees the published problem, may not change it
        ("representative", 403, 404),  # the internal partnership is not theirs
        ("citizen", 403, 404),
    ],
)
def test_who_may_look_for_partners(
    hub: Hub, who: str, problem_status: int, partnership_status: int
) -> None:
    client = signed_in(getattr(hub, who))
    assert client.get(problem_page(hub.problem)).status_code == problem_status
    assert client.get(partnership_page(hub.partnership)).status_code == partnership_status


def test_anonymous_visitors_are_sent_to_sign_in_and_invisible_problems_are_404(hub: Hub) -> None:
    response = Client().get(problem_page(hub.problem))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert signed_in(hub.staff).get(problem_page(hub.internal_problem)).status_code == 404


def test_the_ranked_list_shows_each_component_with_its_reasons(hub: Hub) -> None:
    response = signed_in(hub.staff).get(problem_page(hub.problem))

    assert response.status_code == 200
    # The three working on seniors around Postojna first, the one in Wrocław last.
    assert set(names(response)[:3]) == {"Občina Postojna", "Društvo sosedov", "Prevozi Kombi"}
    assert names(response)[-1] == "Klub iz Wrocławia"
    html = response.content.decode()
    assert "Seated in the same municipality (Postojna)" in html
    assert "Seated in the same region (Primorsko-notranjska)" in html
    assert "Works in 1 of the problem&#x27;s areas: Older people" in html
    assert "No organisation is involved yet: every sector is still missing" in html
    for component in ("thematic", "territory", "sector", "track_record", "network"):
        assert f'data-component="{component}"' in html
    assert "Sector complementarity" in html


def test_weights_and_filters_change_the_search(hub: Hub) -> None:
    client = signed_in(hub.staff)
    private = client.get(problem_page(hub.problem), {"sector": "private", "view": "list"})
    assert names(private) == ["Prevozi Kombi"]

    near = client.get(problem_page(hub.problem), {"radius": "municipality", "view": "list"})
    assert set(names(near)) == {"Občina Postojna", "Društvo sosedov"}

    territory_only = client.get(
        problem_page(hub.problem),
        {
            "weight_thematic": "0",
            "weight_territory": "1",
            "weight_sector": "0",
            "weight_track_record": "0",
            "weight_network": "0",
            "view": "list",
        },
    )
    weights = territory_only.context["result"].options.weights
    assert weights["territory"] == 1.0
    assert names(territory_only)[-1] == "Klub iz Wrocławia"


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (
            dict.fromkeys(("thematic", "territory", "sector", "track_record", "network"), "0"),
            "At least one weight must be above zero.",
        ),
        ({"thematic": "-1"}, "Weights cannot be negative (thematic: -1)."),
    ],
)
def test_bad_weights_give_the_engines_error_and_no_results(
    hub: Hub, weights: dict[str, str], message: str
) -> None:
    params = {f"weight_{name}": value for name, value in weights.items()}
    response = signed_in(hub.staff).get(problem_page(hub.problem), params)
    assert response.status_code == 400
    assert response.context["result"] is None
    assert message in response.content.decode()


def test_a_radius_around_a_problem_without_territory_is_refused(hub: Hub) -> None:
    hub.problem.territory = None
    hub.problem.save()
    response = signed_in(hub.staff).get(problem_page(hub.problem), {"radius": "county"})
    assert response.status_code == 400
    assert "This problem has no territory" in response.content.decode()


def test_the_balanced_shortlist_covers_the_three_sectors_and_is_preticked(hub: Hub) -> None:
    response = signed_in(hub.staff).get(partnership_page(hub.partnership), {"view": "shortlist"})

    result = response.context["result"]
    assert response.context["is_shortlist"]
    assert {r.organisation.sector for r in result.results} == {"public", "private", "civil"}
    html = response.content.decode()
    assert "covers the private sector" in html
    for organisation in (hub.ngo, hub.municipality, hub.firm):
        assert f'value="{organisation.pk}" id="pick-{organisation.pk}" checked' in html
    # The invitation form goes to the partnership.
    assert reverse("formation:invite") in html
    assert f'name="partnership" value="{hub.partnership.pk}"' in html


def test_organisations_already_invited_are_left_out_unless_asked(hub: Hub) -> None:
    InvitationFactory.create(partnership=hub.partnership, organisation=hub.firm)
    InvitationFactory.create(
        partnership=hub.partnership,
        organisation=hub.municipality,
        status=InvitationStatus.REVOKED,
        decided_at="2024-01-01T10:00Z",
    )
    client = signed_in(hub.staff)
    first = client.get(partnership_page(hub.partnership))
    assert "Prevozi Kombi" not in names(first)
    assert "Občina Postojna" in names(first)  # a revoked invitation does not count
    everyone = client.get(partnership_page(hub.partnership), {"view": "list", "limit": "10"})
    assert "Prevozi Kombi" in names(everyone)  # the box left unticked: nobody left out


def test_current_members_are_never_recommended(hub: Hub) -> None:
    MembershipFactory.create(partnership=hub.partnership, organisation=hub.ngo)
    response = signed_in(hub.staff).get(partnership_page(hub.partnership))
    assert "Društvo sosedov" not in names(response)
    assert "Društvo sosedov" in response.content.decode()  # listed as already involved


def test_htmx_swaps_only_the_results(hub: Hub) -> None:
    client = signed_in(hub.staff)
    response = client.get(problem_page(hub.problem), {"view": "shortlist"}, headers=HTMX)
    html = response.content.decode()
    assert html.startswith('<section id="recommendations"')
    assert "<html" not in html
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_a_problem_without_partnership_offers_the_hub_to_start_one(hub: Hub) -> None:
    staff = signed_in(hub.staff).get(problem_page(hub.problem))
    html = staff.content.decode()
    assert reverse("formation:start-partnership", args=[hub.problem.pk]) in html
    # Without a partnership there is nothing to invite to: no checkboxes.
    assert 'name="organisations"' not in html

    hub.partnership.problems.add(hub.problem)
    with_partnership = signed_in(hub.staff).get(problem_page(hub.problem))
    assert with_partnership.context["partnership"] == hub.partnership
    assert 'name="organisations"' in with_partnership.content.decode()
