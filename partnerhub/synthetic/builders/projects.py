"""Synthetic funded projects with partners, money that adds up, and indicators."""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import models

from partnerhub.projects.models import Project, ProjectPartner
from partnerhub.results.models import Indicator
from partnerhub.synthetic import distributions as dist
from partnerhub.synthetic.builders.funding import pick_programme
from partnerhub.synthetic.context import (
    GenerationContext,
    WeightedChoice,
    random_date,
    with_precision,
)
from partnerhub.synthetic.conventions import REFERENCE_DATE, mark
from partnerhub.synthetic.writer import BatchWriter

ActivityTypesThrough = Project.activity_types.through
TargetGroupsThrough = Project.target_groups.through
AreasThrough = Project.areas.through
FIRST_START = datetime.date(2007, 1, 1)
CENT = Decimal("0.01")
PLN_PER_EUR = 4.3
# A plausible target per indicator unit: (lowest, highest).
TARGETS = {
    "persons": (20, 500),
    "organisations": (3, 60),
    "hours": (20, 2_000),
    "events": (2, 40),
    "places": (1, 15),
    "percent": (50, 90),
    "partnerships": (1, 10),
}


@dataclass
class DrawnProject:
    project: Project
    region: int
    partners: list[tuple[int, str]]  # organisation index, role
    activity_types: list[int]
    target_groups: list[int]
    areas: list[int]
    indicators: list[Indicator]


def _money(value: float) -> Decimal:
    return Decimal(value).quantize(CENT)


class ProjectDraw:
    def __init__(self, ctx: GenerationContext, rng: random.Random) -> None:
        self.ctx, self.rng = ctx, rng
        self.reach = WeightedChoice(dist.REACH)
        self.precision = WeightedChoice(dist.DATE_PRECISIONS)
        self.area_ids = sorted(ctx.vocabulary.area_ids.values())

    def draw(self) -> DrawnProject:
        rng, ctx = self.rng, self.ctx
        orgs, partnerships = ctx.organisations, ctx.partnerships
        partnership_index = None
        if partnerships.ids and rng.random() < 0.3:
            partnership_index = rng.randrange(len(partnerships.ids))
            members = partnerships.members[partnership_index]
            lead, candidates = members[0], members[1:]
        else:
            lead = rng.randrange(len(orgs.ids))
            candidates = orgs.by_region[orgs.regions[lead]]
        others = rng.sample(candidates, min(len(candidates), rng.randint(0, 4)))
        partners = [(lead, "lead")] + [
            (i, rng.choices(("partner", "associated", "funder"), (80, 15, 5))[0])
            for i in dict.fromkeys(others)
            if i != lead
        ]
        region = ctx.places.regions[orgs.regions[lead]]
        lexicon = ctx.lexicons[region.country]
        start, end, precision = self._period()
        status = self._status(start, end)
        programme_id, instrument = pick_programme(ctx, rng, region.country, region.code, start.year)
        total = math.exp(rng.gauss(math.log(120_000), 1.1))
        total = min(max(total, 5_000), 20_000_000)
        if lexicon.currency == "EUR":
            total /= PLN_PER_EUR
        total_cost = _money(total)
        grant = min(total_cost, _money(total * rng.uniform(0.5, 1.0)))
        areas = rng.sample(self.area_ids, rng.randint(1, 2))
        target_groups = rng.sample(ctx.vocabulary.target_group_ids, rng.randint(1, 3))
        title = f"{rng.choice(lexicon.project_prefixes)} {rng.choice(lexicon.topics)}"
        if rng.random() < 0.3:
            title = f"{title} {start.year}"
        project = Project(
            title=title,
            acronym="".join(w[0] for w in title.split()[:3]).upper() if rng.random() < 0.25 else "",
            partnership_id=(
                partnerships.ids[partnership_index] if partnership_index is not None else None
            ),
            lead_organisation_id=orgs.ids[lead],
            support_area_id=areas[0],
            seat_id=orgs.seats[lead],
            start=start,
            end=end,
            period_precision=precision,
            status=status,
            currency=lexicon.currency,
            total_cost=total_cost,
            grant=grant,
            cofinancing=total_cost - grant,
            funding_programme_id=programme_id,
            reach="international" if instrument == "interreg" else self.reach(rng),
            problem=rng.choice(lexicon.project_problems) if rng.random() < 0.6 else "",
            beneficiaries=", ".join(
                ctx.vocabulary.target_group_names[g][lexicon.language] for g in target_groups
            ),
            description=mark(
                lexicon.areas_sentence.format(
                    areas=ctx.vocabulary.area_list(areas, lexicon.language)
                )
            ),
            declared_partner_count=len(partners) + rng.randint(1, 10)
            if rng.random() < 0.05
            else None,
            visibility="published" if rng.random() < 0.95 else "internal",
        )
        return DrawnProject(
            project=project,
            region=region.index,
            partners=partners,
            activity_types=rng.sample(ctx.vocabulary.activity_type_ids, rng.randint(1, 3)),
            target_groups=target_groups,
            areas=areas,
            indicators=self._indicators(lexicon.indicators, status),
        )

    def _period(self) -> tuple[datetime.date, datetime.date, str]:
        rng = self.rng
        precision = self.precision(rng)
        latest = REFERENCE_DATE + datetime.timedelta(days=365)
        start = with_precision(random_date(rng, FIRST_START, latest), precision)
        end = start + datetime.timedelta(days=30 * rng.randint(3, 36) - 1)
        return start, end, precision

    def _status(self, start: datetime.date, end: datetime.date) -> str:
        if start > REFERENCE_DATE:
            return "planned"
        if end < REFERENCE_DATE:
            return "terminated" if self.rng.random() < 0.02 else "completed"
        return "ongoing"

    def _indicators(
        self, templates: tuple[tuple[str, str, str], ...], status: str
    ) -> list[Indicator]:
        rng = self.rng
        found = []
        for position, (name, unit, kind) in enumerate(
            rng.sample(templates, rng.randint(1, min(4, len(templates))))
        ):
            low, high = TARGETS[unit]
            target = rng.randint(low, high)
            achieved = None
            if status in ("completed", "terminated"):
                achieved = round(target * rng.uniform(0.6, 1.3))
            elif status == "ongoing":
                achieved = round(target * rng.uniform(0.0, 0.8))
            if unit == "percent" and achieved is not None:
                achieved = min(achieved, 100)
            found.append(
                Indicator(
                    kind=kind,
                    name=name,
                    unit=unit,
                    baseline=Decimal(0) if rng.random() < 0.8 else Decimal(rng.randint(1, low)),
                    target=Decimal(target),
                    achieved=Decimal(achieved) if achieved is not None else None,
                    achieved_qualifier=rng.choices(("exact", "over", "at_least"), (90, 5, 5))[0],
                    position=position,
                )
            )
        return found


def _shares(rng: random.Random, total: Decimal, parts: int) -> list[Decimal | None]:
    """Budget shares that never add up to more than the total (or none at all)."""
    if rng.random() < 0.5:
        return [None] * parts
    cuts = sorted(rng.random() for _ in range(parts))
    weights = [b - a for a, b in zip([0.0, *cuts[:-1]], cuts, strict=True)]
    return [(total * Decimal(w)).quantize(CENT, rounding="ROUND_DOWN") for w in weights]


def generate_projects(ctx: GenerationContext, writer: BatchWriter, count: int) -> None:
    """Write ``count`` projects with partners, activity types, groups, areas and indicators."""
    rng = ctx.rng("projects")
    draw = ProjectDraw(ctx, rng)
    orgs = ctx.organisations
    with writer.phase("projects", count) as advance:
        for chunk in writer.chunks(count):
            rows = [draw.draw() for _ in chunk]
            with writer.batch():
                writer.insert([row.project for row in rows])
                partners: list[ProjectPartner] = []
                links: list[models.Model] = []
                indicators: list[Indicator] = []
                for row in rows:
                    pk = row.project.pk
                    shares = _shares(rng, row.project.total_cost or Decimal(0), len(row.partners))
                    partners += [
                        ProjectPartner(
                            project_id=pk,
                            organisation_id=orgs.ids[org],
                            role=role,
                            budget_share=share,
                        )
                        for (org, role), share in zip(row.partners, shares, strict=True)
                    ]
                    links += [
                        ActivityTypesThrough(project_id=pk, activitytype_id=a)
                        for a in row.activity_types
                    ]
                    links += [
                        TargetGroupsThrough(project_id=pk, targetgroup_id=g)
                        for g in row.target_groups
                    ]
                    links += [AreasThrough(project_id=pk, thematicarea_id=a) for a in row.areas]
                    for indicator in row.indicators:
                        indicator.project_id = pk
                    indicators += row.indicators
                    ctx.projects.add(pk, row.region)
                    start, end = row.project.start, row.project.end
                    assert start is not None and end is not None
                    ctx.projects.periods.append((start, end))
                    ctx.projects.organisers.append([org for org, _ in row.partners[:3]])
                writer.insert(partners)
                for through in (ActivityTypesThrough, TargetGroupsThrough, AreasThrough):
                    writer.insert([link for link in links if isinstance(link, through)])
                writer.insert(indicators)
            advance(len(rows))
