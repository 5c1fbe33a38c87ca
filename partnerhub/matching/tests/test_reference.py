"""The vectorised index gives exactly the plain-Python reference's answers on varied data."""

from __future__ import annotations

import random

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
from partnerhub.matching.choices import Radius
from partnerhub.matching.index import get_index
from partnerhub.matching.options import SearchOptions, Weights
from partnerhub.matching.reference import ReferenceScorer
from partnerhub.matching.scoring import score
from partnerhub.matching.snapshot import load_snapshot
from partnerhub.matching.targets import MatchTarget, partnership_target, problem_target
from partnerhub.matching.tests.conftest import Areas, Places
from partnerhub.registry.choices import OrganisationStatus

WORDS = [
    *("starejši", "prevoz", "vas", "zdravnik", "trgovina", "mladi", "šola", "kultura"),
    *("turizem", "kolesarji", "seniorzy", "transport", "młodzież", "szkoła", "turystyka"),
    *("rowerzyści", "społeczność"),
]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))


@pytest.fixture
def varied(places: Places, areas: Areas) -> list[MatchTarget]:
    """Sixty organisations, partnerships and projects drawn at random (fixed seed)."""
    rng = random.Random(7)
    seats = [places.postojna, places.pivka, places.ljubljana, places.walim, places.gluszyca,
             places.wroclaw, places.dolnoslaskie, None]  # fmt: skip
    vocabulary = [areas.seniors, areas.local_development, areas.tourism, areas.culture]
    organisations = []
    for i in range(60):
        seat = rng.choice(seats)
        dissolved = rng.random() < 0.1
        organisations.append(
            OrganisationFactory.create(
                name=f"{_text(rng)} {i}",
                description=_text(rng),
                sector=rng.choice(Sector.values),
                seat=seat,
                country=seat.country if seat else rng.choice(["PL", "SI"]),
                status=OrganisationStatus.DISSOLVED if dissolved else OrganisationStatus.ACTIVE,
                areas=rng.sample(vocabulary, rng.randint(0, 3)),
            )
        )
    partnerships = []
    for _ in range(8):
        partnership = PartnershipFactory.create(
            goal=_text(rng),
            territory=rng.choice(seats),
            areas=rng.sample(vocabulary, rng.randint(0, 2)),
        )
        for member in rng.sample(organisations, rng.randint(0, 5)):
            MembershipFactory.create(partnership=partnership, organisation=member)
        partnerships.append(partnership)
    for _ in range(15):
        project = ProjectFactory.create(lead_organisation=rng.choice([None, *organisations]))
        project.areas.set(rng.sample(vocabulary, rng.randint(0, 2)))
        for partner in rng.sample(organisations, rng.randint(0, 4)):
            if partner != project.lead_organisation:
                ProjectPartnerFactory.create(project=project, organisation=partner)
    problems = [
        LocalProblemFactory.create(
            title=_text(rng),
            description=_text(rng),
            territory=rng.choice(seats),
            raised_by_organisation=rng.choice([None, *organisations]),
        )
        for _ in range(8)
    ]
    for problem in problems:
        problem.areas.set(rng.sample(vocabulary, rng.randint(0, 2)))
    return [problem_target(p) for p in problems] + [partnership_target(p) for p in partnerships]


@pytest.mark.django_db
def test_the_index_and_the_reference_agree(varied: list[MatchTarget]) -> None:
    index = get_index()
    reference = ReferenceScorer(load_snapshot())
    weights = ["", "network:1", "thematic:0", "territory:0,sector:0", "track_record:2"]
    checked = 0
    for i, target in enumerate(varied):
        for radius in (Radius.ANY, Radius.COUNTRY):
            if radius != Radius.ANY and target.territory is None:
                continue
            options = SearchOptions(
                weights=Weights.parse(weights[i % len(weights)]),
                sector=[None, *Sector.values][i % 4],
                radius=radius,
                limit=60,
            )
            scores = score(index, target, options)
            ids = index.snapshot.organisation_ids
            ours = [(int(ids[p]), float(scores.total[p])) for p in scores.ranked(options.limit)]
            theirs = [(r.organisation_id, r.score) for r in reference.rank(target, options)]
            assert ours == theirs, (target.kind, target.pk, options)
            for result in reference.score_all(target, options):
                if result is None:
                    continue
                position = int(index.snapshot.positions([result.organisation_id])[0])
                for name, value in result.components.items():
                    assert scores.components[name][position] == pytest.approx(value, abs=1e-12)
            checked += 1
    assert checked >= 20
