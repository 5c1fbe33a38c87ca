"""Synthetic local problems, raised by organisations or people of the same region."""

from __future__ import annotations

from partnerhub.consultation.models import LocalProblem
from partnerhub.synthetic import distributions as dist
from partnerhub.synthetic.context import GenerationContext, WeightedChoice
from partnerhub.synthetic.conventions import mark
from partnerhub.synthetic.writer import BatchWriter

AreasThrough = LocalProblem.areas.through


def generate_problems(ctx: GenerationContext, writer: BatchWriter, count: int) -> None:
    """Write ``count`` local problems; a rejected one always gives its reason."""
    rng = ctx.rng("problems")
    orgs, persons = ctx.organisations, ctx.persons
    status_choice = WeightedChoice(dist.PROBLEM_STATUSES)
    area_ids = sorted(ctx.vocabulary.area_ids.values())
    with writer.phase("problems", count) as advance:
        for chunk in writer.chunks(count):
            rows = []
            for _ in chunk:
                org_index = rng.randrange(len(orgs.ids))
                region = ctx.places.regions[orgs.regions[org_index]]
                lexicon, pools = ctx.lexicons[region.country], ctx.pools[region.country]
                seat = region.pick_seat(rng)
                place = seat.name if seat.is_municipality else rng.choice(pools.towns)
                status = status_choice(rng)
                raised_by = rng.random()
                person_pool = persons.by_region.get(region.index) or []
                problem = LocalProblem(
                    title=rng.choice(lexicon.problem_titles).format(place=place),
                    description=mark(" ".join(rng.sample(lexicon.problem_descriptions, 2))),
                    territory_id=seat.unit_id,
                    raised_by_organisation_id=orgs.ids[org_index] if raised_by < 0.6 else None,
                    raised_by_person_id=(
                        persons.ids[rng.choice(person_pool)]
                        if 0.6 <= raised_by < 0.85 and person_pool
                        else None
                    ),
                    status=status,
                    rejection_reason=(
                        rng.choice(lexicon.rejection_reasons) if status == "rejected" else ""
                    ),
                )
                rows.append((problem, rng.sample(area_ids, rng.randint(1, 2)), region.index))
            with writer.batch():
                writer.insert([problem for problem, _, _ in rows])
                writer.insert(
                    [
                        AreasThrough(localproblem_id=problem.pk, thematicarea_id=area)
                        for problem, areas, _ in rows
                        for area in areas
                    ]
                )
            for problem, _, region_index in rows:
                ctx.problems.add(problem.pk, region_index)
            advance(len(rows))
