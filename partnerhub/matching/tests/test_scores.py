"""Scores of small hand-made cases against numbers worked out by hand (see each docstring)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    LocalProblemFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)
from partnerhub.matching.choices import Component
from partnerhub.matching.options import SearchOptions, Weights
from partnerhub.matching.scoring import sector_complementarity, track_record_score
from partnerhub.matching.selectors import recommend_partners
from partnerhub.matching.targets import partnership_target, problem_target
from partnerhub.matching.tests.conftest import Areas, Places
from partnerhub.registry.models import Organisation
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

ONLY = dict.fromkeys(Component.values, 0.0)


def only(component: str) -> SearchOptions:
    """A search that scores one component alone (weight 1, the others 0)."""
    return SearchOptions(weights=Weights.from_mapping({**ONLY, component: 1.0}), limit=100)


def scores_by_name(result: Any) -> dict[str, float]:
    return {r.organisation.name: r.score for r in result.results}


def org(name: str, sector: str = Sector.CIVIL, **fields: Any) -> Organisation:
    return OrganisationFactory.create(name=name, sector=sector, **fields)


@pytest.mark.django_db
def test_text_similarity_is_the_cosine_of_tf_idf_vectors() -> None:
    """Target "Kolesarji" has one term, kolesa; the organisations' names are their texts.

    N = 4; df(kolesa) = 2, df(vrtnar) = 2, df(ribici) = 1.
    "Kolesarji": vector (kolesa) → cosine 1.
    "Kolesarji Vrtnarji": (kolesa, vrtnar) with equal weights (same count and df):
    cosine = w / √(w² + w²) = 1/√2 = 0.707107.
    "Vrtnarji", "Ribiči": no shared term → 0; equal scores are ordered by id.
    """
    first = org("Kolesarji")
    org("Kolesarji Vrtnarji")
    third = org("Vrtnarji")
    fourth = org("Ribiči")
    problem = LocalProblemFactory.create(title="Kolesarji", description="")

    result = recommend_partners(problem_target(problem), only(Component.THEMATIC))

    assert scores_by_name(result) == pytest.approx(
        {"Kolesarji": 1.0, "Kolesarji Vrtnarji": 1 / math.sqrt(2), "Vrtnarji": 0.0, "Ribiči": 0.0}
    )
    order = [r.organisation.pk for r in result.results]
    assert order[0] == first.pk
    assert order[2:] == sorted([third.pk, fourth.pk])


@pytest.mark.django_db
def test_area_fit_is_the_share_of_the_targets_areas(areas: Areas) -> None:
    """Problem areas {seniors, local development}; its words are in no organisation's text,
    so thematic fit is the area share alone: {seniors} 1/2 = 0.5; {seniors, local
    development, tourism} 2/2 = 1; {tourism} 0/2 = 0."""
    org("Društvo Ena", areas=[areas.seniors])
    org("Društvo Dva", areas=[areas.seniors, areas.local_development, areas.tourism])
    org("Društvo Tri", areas=[areas.tourism])
    problem = LocalProblemFactory.create(title="Starejši brez prevoza", description="")
    problem.areas.set([areas.seniors, areas.local_development])

    result = recommend_partners(problem_target(problem), only(Component.THEMATIC))

    assert scores_by_name(result) == pytest.approx(
        {"Društvo Dva": 1.0, "Društvo Ena": 0.5, "Društvo Tri": 0.0}
    )
    best = result.results[0].explanations[0]
    assert best.reasons == [
        "Works in 2 of the problem's areas: Local and regional development, Older people"
    ]


@pytest.mark.django_db
def test_territorial_proximity_follows_the_tree(places: Places) -> None:
    """Target Postojna: same municipality 1, Pivka (same region) 0.5, Ljubljana (same
    country) 0.25, no seat but Slovenian 0.25, a locality within Postojna 1, Polish 0."""
    locality = TerritorialUnit.objects.create(
        country="SI", level=Level.LOCALITY, code="094-1", name="Studeno", parent=places.postojna
    )
    org("V Postojni", seat=places.postojna, country="SI")
    org("V Studenem", seat=locality, country="SI")
    org("V Pivki", seat=places.pivka, country="SI")
    org("V Ljubljani", seat=places.ljubljana, country="SI")
    org("Brez sedeža", seat=None, country="SI")
    org("W Walimiu", seat=places.walim, country="PL")
    problem = LocalProblemFactory.create(title="x", territory=places.postojna)

    result = recommend_partners(problem_target(problem), only(Component.TERRITORY))

    assert scores_by_name(result) == {
        "V Postojni": 1.0,
        "V Studenem": 1.0,
        "V Pivki": 0.5,
        "V Ljubljani": 0.25,
        "Brez sedeža": 0.25,
        "W Walimiu": 0.0,
    }
    reasons = {r.organisation.name: r.explanations[1].reasons for r in result.results}
    assert reasons["V Postojni"] == ["Seated in the same municipality (Postojna)"]
    assert reasons["V Pivki"] == ["Seated in the same region (Primorsko-notranjska)"]
    assert reasons["V Ljubljani"] == ["Seated in the same country (Slovenija)"]


@pytest.mark.django_db
def test_same_county_scores_three_quarters(places: Places) -> None:
    """Target Walim (powiat wałbrzyski): Głuszyca, same county, 0.75; Wrocław, same
    voivodeship, 0.5."""
    org("W Głuszycy", seat=places.gluszyca)
    org("We Wrocławiu", seat=places.wroclaw)
    problem = LocalProblemFactory.create(title="x", territory=places.walim)

    result = recommend_partners(problem_target(problem), only(Component.TERRITORY))

    assert scores_by_name(result) == {"W Głuszycy": 0.75, "We Wrocławiu": 0.5}
    assert result.results[0].explanations[1].reasons == [
        "Seated in the same county (powiat wałbrzyski)"
    ]


def test_sector_complementarity_by_hand() -> None:
    """2 civil + 1 public of 3: civil 2/3 ≥ 1/2 dominates → 0; public 0.5 − 1/3 = 0.166667;
    private missing → 1. With 1 civil, 1 public, 2 private: 0.5 − 1/4 = 0.25 each, and
    private 0.5 − 2/4 = 0. No members: every sector 1."""
    assert sector_complementarity({"civil": 2, "public": 1, "private": 0}) == pytest.approx(
        {"civil": 0.0, "public": 1 / 6, "private": 1.0}
    )
    assert sector_complementarity({"civil": 1, "public": 1, "private": 2}) == pytest.approx(
        {"civil": 0.25, "public": 0.25, "private": 0.0}
    )
    assert sector_complementarity({"civil": 0, "public": 0, "private": 0}) == {
        "public": 1.0,
        "private": 1.0,
        "civil": 1.0,
    }


def test_track_record_is_on_a_log_scale() -> None:
    """ln(1 + n) / ln(11): 0 → 0; 1 → 0.693147 / 2.397895 = 0.289065; 3 → 0.578129;
    10 → 1; more than 10 stays 1."""
    assert track_record_score(0) == 0.0
    assert track_record_score(1) == pytest.approx(0.289065, abs=1e-6)
    assert track_record_score(3) == pytest.approx(0.578129, abs=1e-6)
    assert track_record_score(10) == 1.0
    assert track_record_score(40) == 1.0


@pytest.mark.django_db
def test_the_postojna_pilot_worked_example(places: Places, areas: Areas) -> None:
    """A partnership in Postojna on seniors and local development; its text is "Pilot"
    and "Prevoz." (only "prevoz" is a term any organisation has). Members: the hub
    (civil), Društvo upokojencev (civil), Občina Postojna (public) → 2 civil, 1 public.

    Prevoz Kombi (private, Pivka, areas {seniors}):
      thematic   = 0.5 × 1/2 (areas) + 0.5 × 1/√2 (its terms prevoz and kombi are each in
                   one text, so equal weights) = 0.25 + 0.353553 = 0.603553
      territory  = 0.5 (same region)
      sector     = 1 (private is missing)
      track      = 2 partnerships on seniors + 1 project on local development = 3 (the
                   tourism project does not count) → ln 4 / ln 11 = 0.578129
      network    = worked with 1 of 3 members (the municipality, in that project) → 1/3
      score      = 0.35 × 0.603553 + 0.25 × 0.5 + 0.15 × 1 + 0.15 × 0.578129 + 0.10 × 1/3
                 = 0.211244 + 0.125 + 0.15 + 0.086719 + 0.033333 = 0.606297
    Zdravstveni dom (public, Postojna, both areas): thematic 0.5 × 1 = 0.5, territory 1,
      sector 0.5 − 1/3 = 1/6 → 0.175 + 0.25 + 0.025 = 0.45
    Društvo Sonce (civil, Ljubljana, no areas): territory 0.25, civil dominates → 0;
      score 0.25 × 0.25 = 0.0625
    """
    hub = org("Stičišče", is_hub=True, seat=places.postojna, country="SI")
    municipality = org("Občina Postojna", Sector.PUBLIC, seat=places.postojna, country="SI")
    ngo = org("Društvo upokojencev", seat=places.postojna, country="SI")
    kombi = org("Prevoz Kombi", Sector.PRIVATE, seat=places.pivka, country="SI")
    kombi.areas.set([areas.seniors])
    org(
        "Zdravstveni dom",
        Sector.PUBLIC,
        seat=places.postojna,
        country="SI",
        areas=[areas.seniors, areas.local_development],
    )
    org("Društvo Sonce", seat=places.ljubljana, country="SI")
    pilot = PartnershipFactory.create(
        name="Pilot",
        goal="Prevoz.",
        territory=places.postojna,
        hub=hub,
        areas=[areas.seniors, areas.local_development],
    )
    for member in (hub, municipality, ngo):
        MembershipFactory.create(partnership=pilot, organisation=member)
    for _ in range(2):
        earlier = PartnershipFactory.create(areas=[areas.seniors])
        MembershipFactory.create(partnership=earlier, organisation=kombi)
    shared = ProjectFactory.create(lead_organisation=municipality)
    shared.areas.set([areas.local_development])
    ProjectPartnerFactory.create(project=shared, organisation=kombi)
    tourism = ProjectFactory.create()
    tourism.areas.set([areas.tourism])
    ProjectPartnerFactory.create(project=tourism, organisation=kombi)

    result = recommend_partners(partnership_target(pilot))

    assert [(r.organisation.name, r.score) for r in result.results] == [
        ("Prevoz Kombi", pytest.approx(0.606297, abs=1e-6)),
        ("Zdravstveni dom", pytest.approx(0.45, abs=1e-9)),
        ("Društvo Sonce", pytest.approx(0.0625, abs=1e-9)),
    ]
    best = {e.component: e for e in result.results[0].explanations}
    assert {name: e.value for name, e in best.items()} == pytest.approx(
        {
            "thematic": 0.603553,
            "territory": 0.5,
            "sector": 1.0,
            "track_record": 0.578129,
            "network": 1 / 3,
        },
        abs=1e-6,
    )
    assert best["thematic"].reasons == [
        "Works in 1 of the partnership's areas: Older people",
        "Its name or description shares words with the partnership: prevoz",
    ]
    assert best["territory"].reasons == ["Seated in the same region (Primorsko-notranjska)"]
    assert best["sector"].reasons == ["Brings the private sector, which the partnership lacks"]
    assert best["track_record"].reasons == [
        "Took part in 3 partnerships or projects in the same areas"
    ]
    assert best["network"].reasons == [
        "Has worked with 1 of the organisations involved: Občina Postojna"
    ]
    assert best["track_record"].points == pytest.approx(0.15 * 0.578129, abs=1e-6)
    sonce = {e.component: e for e in result.results[2].explanations}
    assert sonce["sector"].reasons == [
        "Civil sector (NGO): already 2 of the 3 organisations involved, half or more"
    ]


@pytest.mark.django_db
def test_network_counts_members_worked_with_up_to_three(places: Places) -> None:
    """A partnership with 1 member: having worked with it is 1 / min(1, 3) = 1.
    With 4 members, worked with 2 of them: 2 / 3 = 0.666667."""
    members = [org(f"Član {i}") for i in range(4)]
    alone = PartnershipFactory.create(name="Alone")
    MembershipFactory.create(partnership=alone, organisation=members[0])
    four = PartnershipFactory.create(name="Four")
    for member in members:
        MembershipFactory.create(partnership=four, organisation=member)
    candidate = org("Kandidat")
    for member in members[:2]:
        project = ProjectFactory.create(lead_organisation=member)
        ProjectPartnerFactory.create(project=project, organisation=candidate)

    one = recommend_partners(partnership_target(alone), only(Component.NETWORK))
    many = recommend_partners(partnership_target(four), only(Component.NETWORK))

    assert scores_by_name(one)["Kandidat"] == 1.0
    assert scores_by_name(many) == pytest.approx({"Kandidat": 2 / 3})
