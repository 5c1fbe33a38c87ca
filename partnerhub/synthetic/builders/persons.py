"""Synthetic people: participants, members and the authors of local problems."""

from __future__ import annotations

from partnerhub.registry.models import Person
from partnerhub.synthetic import distributions as dist
from partnerhub.synthetic.context import GenerationContext, WeightedChoice, ascii_slug
from partnerhub.synthetic.conventions import mark
from partnerhub.synthetic.writer import BatchWriter

AreasThrough = Person.areas.through
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


def generate_persons(ctx: GenerationContext, writer: BatchWriter, count: int) -> None:
    """Write ``count`` people; their contact details are personal data, all fictitious."""
    rng = ctx.rng("persons")
    country_choice = WeightedChoice(dist.COUNTRY_WEIGHTS)
    area_ids = sorted(ctx.vocabulary.area_ids.values())
    with writer.phase("persons", count) as advance:
        for chunk in writer.chunks(count):
            rows = []
            for n in chunk:
                country = country_choice(rng)
                lexicon, pools = ctx.lexicons[country], ctx.pools[country]
                region = ctx.places.pick_region(rng, country)
                first, last = pools.person(rng)
                email = ""
                if rng.random() < 0.7:
                    local = f"{ascii_slug(first)}.{ascii_slug(last)}{n}".replace("-", ".")
                    email = f"{local}@{rng.choice(EMAIL_DOMAINS)}"
                person = Person(
                    first_name=first,
                    last_name=last,
                    title=mark(rng.choice(lexicon.person_titles)),
                    email=email,
                    phone=rng.choice(pools.phones) if rng.random() < 0.4 else "",
                    territory_id=region.pick_seat(rng).unit_id,
                )
                areas = rng.sample(area_ids, rng.choice((0, 0, 1, 2)))
                rows.append((person, areas, region.index))
            with writer.batch():
                writer.insert([person for person, _, _ in rows])
                writer.insert(
                    [
                        AreasThrough(person_id=person.pk, thematicarea_id=area)
                        for person, areas, _ in rows
                        for area in areas
                    ]
                )
            for person, _, region_index in rows:
                ctx.persons.add(person.pk, region_index)
            advance(len(rows))
