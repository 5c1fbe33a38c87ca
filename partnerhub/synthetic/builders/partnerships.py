"""Synthetic partnerships of 3–40 members, mostly from one region and of all three sectors."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import models

from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.synthetic import distributions as dist
from partnerhub.synthetic.context import (
    GenerationContext,
    PartnershipRefs,
    WeightedChoice,
    fill,
    random_date,
    with_precision,
)
from partnerhub.synthetic.conventions import REFERENCE_DATE, mark
from partnerhub.synthetic.places import Region
from partnerhub.synthetic.writer import BatchWriter

AreasThrough = Partnership.areas.through
ProblemsThrough = Partnership.problems.through
LineageThrough = Partnership.grew_out_of.through
MIN_MEMBERS, MAX_MEMBERS = 3, 40
SECTORS = ("civil", "public", "private")
FIRST_START = datetime.date(2005, 1, 1)


@dataclass
class DrawnPartnership:
    """A partnership not yet written, with what goes with it."""

    partnership: Partnership
    region: int
    areas: list[int]
    memberships: list[Membership]
    members: list[int]  # organisation indexes, leader first


class PartnershipDraw:
    """Draws a partnership and its members from the organisations already written."""

    def __init__(self, ctx: GenerationContext, rng: random.Random) -> None:
        self.ctx, self.rng = ctx, rng
        self.kind = WeightedChoice(dist.PARTNERSHIP_KINDS)
        self.stage = WeightedChoice(dist.STAGES)
        self.role = WeightedChoice(dist.MEMBER_ROLES)
        self.leader_sector = WeightedChoice(dist.LEADER_SECTORS)
        self.precision = WeightedChoice(dist.DATE_PRECISIONS)
        self.areas = WeightedChoice(
            {str(ctx.vocabulary.area_ids[c]): w for c, w in dist.AREAS_BY_SECTOR["civil"].items()}
        )
        self._hubs_by_region: dict[int, list[int]] | None = None

    def members(self, region: Region, kind: str) -> list[int]:
        """Organisation indexes, the leader first, without repeats."""
        rng, orgs = self.rng, self.ctx.organisations
        size = MIN_MEMBERS + min(MAX_MEMBERS - MIN_MEMBERS, int(rng.expovariate(1 / 6)))
        size = min(size, len(orgs.ids))
        pool = orgs.by_region.get(region.index, [])
        if len(pool) < size:
            pool = list(range(len(orgs.ids)))
        leaders = orgs.by_region_sector.get((region.index, self.leader_sector(rng))) or pool
        leader = rng.choice(leaders)
        others = [i for i in rng.sample(pool, min(size, len(pool))) if i != leader][: size - 1]
        chosen = [leader, *others]
        if kind == "local_partnership":  # a local partnership brings the three sectors together
            slot = len(chosen) - 1
            for sector in SECTORS:
                candidates = orgs.by_region_sector.get((region.index, sector))
                if slot < 1 or not candidates or any(orgs.sectors[i] == sector for i in chosen):
                    continue
                extra = rng.choice(candidates)
                if extra not in chosen:
                    chosen[slot] = extra
                    slot -= 1
        return chosen

    def draw(self) -> DrawnPartnership:
        rng, ctx = self.rng, self.ctx
        org_index = rng.randrange(len(ctx.organisations.ids))
        region = ctx.places.regions[ctx.organisations.regions[org_index]]
        lexicon, pools = ctx.lexicons[region.country], ctx.pools[region.country]
        kind, stage = self.kind(rng), self.stage(rng)
        seat = region.pick_seat(rng)
        place = seat.name if seat.is_municipality else rng.choice(pools.towns)
        precision = self.precision(rng)
        start = with_precision(
            random_date(rng, FIRST_START, REFERENCE_DATE - datetime.timedelta(days=60)), precision
        )
        end = None
        if stage == "closed":
            end = random_date(rng, start + datetime.timedelta(days=180), REFERENCE_DATE)
        members = self.members(region, kind)
        hub = self._hub(region) if rng.random() < 0.3 else None
        if hub is not None and hub not in members and len(members) < MAX_MEMBERS:
            members.append(hub)
        area_ids = [int(a) for a in self.areas.several(rng, 1, 3)]
        values = {
            "place": lambda: place,
            "motto": lambda: rng.choice(lexicon.mottos),
            "cause": lambda: rng.choice(lexicon.causes),
        }
        partnership = Partnership(
            name=fill(rng.choice(lexicon.partnership_names), values),
            kind=kind,
            stage=stage,
            territory_id=seat.unit_id,
            goal=rng.choice(lexicon.partnership_goals),
            description=mark(
                lexicon.areas_sentence.format(
                    areas=ctx.vocabulary.area_list(area_ids, lexicon.language)
                )
            ),
            hub_id=ctx.organisations.ids[hub] if hub is not None else None,
            start=start,
            end=end,
            period_precision=precision,
            declared_member_count=(
                len(members) + rng.randint(1, 30) if rng.random() < 0.1 else None
            ),
            visibility="published" if rng.random() < 0.92 else "internal",
        )
        memberships = [
            self._membership(i, org, hub, start, end, lexicon.responsibilities)
            for i, org in enumerate(members)
        ]
        memberships += self._individuals(region, start, end, MAX_MEMBERS - len(memberships))
        return DrawnPartnership(partnership, region.index, area_ids, memberships, members)

    def _hub(self, region: Region) -> int | None:
        """A facilitating hub of the region, or of anywhere when the region has none."""
        orgs = self.ctx.organisations
        if self._hubs_by_region is None:
            self._hubs_by_region = {}
            for i in orgs.hubs:
                self._hubs_by_region.setdefault(orgs.regions[i], []).append(i)
        pool = self._hubs_by_region.get(region.index) or orgs.hubs
        return self.rng.choice(pool) if pool else None

    def _membership(
        self,
        position: int,
        org: int,
        hub: int | None,
        start: datetime.date,
        end: datetime.date | None,
        responsibilities: tuple[str, ...],
    ) -> Membership:
        rng = self.rng
        role = "leader" if position == 0 else "facilitator" if org == hub else self.role(rng)
        joined, left = self._period(start, end)
        return Membership(
            organisation_id=self.ctx.organisations.ids[org],
            role=role,
            joined=joined,
            left=left,
            responsibilities=rng.choice(responsibilities) if rng.random() < 0.4 else "",
        )

    def _period(
        self, start: datetime.date, end: datetime.date | None
    ) -> tuple[datetime.date, datetime.date | None]:
        rng = self.rng
        last = end or REFERENCE_DATE
        joined = min(start + datetime.timedelta(days=rng.choice((0, 0, 0, 30, 90, 180))), last)
        left = None
        if rng.random() < 0.08:
            left = random_date(rng, joined, last)
        return joined, left

    def _individuals(
        self, region: Region, start: datetime.date, end: datetime.date | None, room: int
    ) -> list[Membership]:
        """Sometimes one or two residents join as individuals (within the 40 members)."""
        persons = self.ctx.persons
        pool = persons.by_region.get(region.index) or []
        if not pool or room < 1 or self.rng.random() >= 0.15:
            return []
        chosen = self.rng.sample(pool, min(len(pool), room, self.rng.randint(1, 2)))
        found = []
        for index in chosen:
            joined, left = self._period(start, end)
            found.append(
                Membership(person_id=persons.ids[index], role="partner", joined=joined, left=left)
            )
        return found


def generate_partnerships(ctx: GenerationContext, writer: BatchWriter, count: int) -> None:
    """Write ``count`` partnerships with members, areas, problems addressed and lineage."""
    rng = ctx.rng("partnerships")
    draw = PartnershipDraw(ctx, rng)
    refs: PartnershipRefs = ctx.partnerships
    with writer.phase("partnerships", count) as advance:
        for chunk in writer.chunks(count):
            rows = [draw.draw() for _ in chunk]
            with writer.batch():
                writer.insert([row.partnership for row in rows])
                memberships: list[Membership] = []
                links: list[models.Model] = []
                for row in rows:
                    pk = row.partnership.pk
                    for membership in row.memberships:
                        membership.partnership_id = pk
                    memberships += row.memberships
                    links += [AreasThrough(partnership_id=pk, thematicarea_id=a) for a in row.areas]
                    local_problems = ctx.problems.by_region.get(row.region) or []
                    if local_problems and rng.random() < 0.3:
                        links += [
                            ProblemsThrough(partnership_id=pk, localproblem_id=ctx.problems.ids[i])
                            for i in rng.sample(local_problems, min(2, len(local_problems)))
                        ]
                    earlier = refs.by_region.get(row.region) or []
                    if earlier and rng.random() < 0.05:
                        links.append(
                            LineageThrough(
                                from_partnership_id=pk,
                                to_partnership_id=refs.ids[rng.choice(earlier)],
                            )
                        )
                    refs.add(pk, row.region)
                    start = row.partnership.start
                    assert start is not None
                    refs.periods.append((start, row.partnership.end))
                    refs.members.append(row.members)
                writer.insert(memberships)
                for through in (AreasThrough, ProblemsThrough, LineageThrough):
                    writer.insert([link for link in links if isinstance(link, through)])
            advance(len(rows))
