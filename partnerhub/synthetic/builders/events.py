"""Synthetic events with attendance counted by sector, and named registrations.

The plan's ``attendance`` is the number of AttendanceCount rows: each event counts the
people of 3–5 sectors, so about a quarter as many events are created. Events belong to a
project (organised by its partners, within its dates), a partnership, or stand alone.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import models

from partnerhub.events.choices import AttendanceSector
from partnerhub.events.models import AttendanceCount, Event, Registration
from partnerhub.synthetic import distributions as dist
from partnerhub.synthetic.context import (
    GenerationContext,
    WeightedChoice,
    fill,
    lower_first,
    random_date,
)
from partnerhub.synthetic.conventions import REFERENCE_DATE, mark
from partnerhub.synthetic.writer import BatchWriter

OrganisersThrough = Event.organisers.through
SECTORS = AttendanceSector.values
FIRST_EVENT = datetime.date(2012, 1, 1)
LONG_HOURS = ("1.5", "2", "3", "4", "6", "8", "16")
SHORT_HOURS = ("1", "1.5", "2", "3")


@dataclass
class DrawnEvent:
    event: Event
    region: int
    organisers: list[int]  # organisation indexes
    attendance: list[AttendanceCount]


class EventDraw:
    def __init__(self, ctx: GenerationContext, rng: random.Random) -> None:
        self.ctx, self.rng = ctx, rng
        self.event_type = WeightedChoice(dist.EVENT_TYPES)
        self.area_ids = sorted(ctx.vocabulary.area_ids.values())

    def draw(self, counts_left: int) -> DrawnEvent:
        rng, ctx = self.rng, self.ctx
        orgs, projects, partnerships = ctx.organisations, ctx.projects, ctx.partnerships
        project_id = partnership_id = None
        first, last = FIRST_EVENT, REFERENCE_DATE
        kind = rng.random()
        if projects.ids and kind < 0.45:
            i = rng.randrange(len(projects.ids))
            project_id, region_index = projects.ids[i], projects.regions[i]
            organisers = projects.organisers[i][: rng.randint(1, 2)]
            first, last = projects.periods[i]
        elif partnerships.ids and kind < 0.7:
            i = rng.randrange(len(partnerships.ids))
            partnership_id, region_index = partnerships.ids[i], partnerships.regions[i]
            organisers = partnerships.members[i][:1]
            first, last = partnerships.periods[i][0], partnerships.periods[i][1] or last
        else:
            lead = rng.randrange(len(orgs.ids))
            region_index = orgs.regions[lead]
            organisers = [lead]
        region = ctx.places.regions[region_index]
        lexicon, pools = ctx.lexicons[region.country], ctx.pools[region.country]
        seat = region.pick_seat(rng)
        place = seat.name if seat.is_municipality else rng.choice(pools.towns)
        event_type = self.event_type(rng)
        topic_area = rng.choice(self.area_ids)
        topic = lower_first(ctx.vocabulary.area_names[topic_area][lexicon.language])
        start = random_date(rng, first, max(first, last))
        long = event_type in ("training", "seminar")
        event = Event(
            title=fill(
                rng.choice(lexicon.event_titles[event_type]),
                {"topic": lambda: topic, "place": lambda: place, "region": lambda: region.name},
            ),
            event_type=event_type,
            start=start,
            end=start
            + datetime.timedelta(days=rng.choice((1, 2)) if long and rng.random() < 0.3 else 0),
            duration_hours=Decimal(rng.choice(LONG_HOURS if long else SHORT_HOURS)),
            place=place,
            territory_id=seat.unit_id,
            partnership_id=partnership_id,
            project_id=project_id,
            description=mark(lexicon.areas_sentence.format(areas=topic)),
            visibility="published" if rng.random() < 0.9 else "internal",
        )
        sectors = rng.sample(SECTORS, min(counts_left, rng.randint(3, 5)))
        attendance = [
            AttendanceCount(sector=sector, count=rng.randint(*dist.ATTENDANCE_RANGES[sector]))
            for sector in sectors
        ]
        return DrawnEvent(event, region.index, list(dict.fromkeys(organisers)), attendance)


def generate_events(ctx: GenerationContext, writer: BatchWriter, attendance: int) -> None:
    """Write events until exactly ``attendance`` attendance counts are written."""
    rng = ctx.rng("events")
    draw = EventDraw(ctx, rng)
    orgs = ctx.organisations
    left = attendance
    with writer.phase("attendance counts", attendance) as advance:
        while left > 0:
            rows = []
            batch_counts = 0
            while left - batch_counts > 0 and batch_counts < writer.batch_size:
                row = draw.draw(left - batch_counts)
                rows.append(row)
                batch_counts += len(row.attendance)
            with writer.batch():
                writer.insert([row.event for row in rows])
                counts: list[AttendanceCount] = []
                organisers: list[models.Model] = []
                for row in rows:
                    pk = row.event.pk
                    for count in row.attendance:
                        count.event_id = pk
                    counts += row.attendance
                    organisers += [
                        OrganisersThrough(event_id=pk, organisation_id=orgs.ids[i])
                        for i in row.organisers
                    ]
                    ctx.events.add(pk, row.region)
                    ctx.event_organisers.append(row.organisers[0])
                writer.insert(organisers)
                writer.insert(counts)
            left -= batch_counts
            advance(batch_counts)


def generate_registrations(ctx: GenerationContext, writer: BatchWriter, count: int) -> None:
    """Write ``count`` registrations: a person once per event, some on behalf of an organiser."""
    rng = ctx.rng("registrations")
    events, persons, orgs = ctx.events, ctx.persons, ctx.organisations
    capacity = len(events.ids) * len(persons.ids)
    count = min(count, capacity)
    seen: set[tuple[int, int]] = set()
    with writer.phase("registrations", count) as advance:
        for chunk in writer.chunks(count):
            rows = []
            for _ in chunk:
                while True:
                    e, p = rng.randrange(len(events.ids)), rng.randrange(len(persons.ids))
                    if (e, p) not in seen:
                        seen.add((e, p))
                        break
                organiser = ctx.event_organisers[e] if rng.random() < 0.5 else None
                rows.append(
                    Registration(
                        event_id=events.ids[e],
                        person_id=persons.ids[p],
                        organisation_id=orgs.ids[organiser] if organiser is not None else None,
                        sector=orgs.sectors[organiser]
                        if organiser is not None
                        else rng.choice(("individual", "unspecified")),
                        attended=rng.random() < 0.88,
                    )
                )
            with writer.batch():
                writer.insert(rows)
            advance(len(rows))
