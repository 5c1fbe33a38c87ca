"""Synthetic organisations of the three sectors, with registry ids, seats and areas."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from partnerhub.registry.models import Organisation
from partnerhub.synthetic import distributions as dist
from partnerhub.synthetic.context import (
    GenerationContext,
    WeightedChoice,
    ascii_slug,
    fill,
    random_date,
)
from partnerhub.synthetic.conventions import EXAMPLE_DOMAIN, REFERENCE_DATE, mark
from partnerhub.synthetic.identifiers import RegistryIds
from partnerhub.synthetic.lexicon import Lexicon
from partnerhub.synthetic.places import Region, Seat
from partnerhub.synthetic.writer import BatchWriter

AreasThrough = Organisation.areas.through

# Which identifiers each country's organisations carry, for which legal forms, how often.
NOT_IN_KRS = {"informal_group", "religious_organisation", "sole_trader"}
PUBLIC_FORMS = {
    "municipality",
    "county",
    "regional_government",
    "state_administration",
    "public_institution",
    "university",
}
HUB_SHARE = 0.004
DISSOLVED_SHARE = 0.03


@dataclass
class Drawn:
    """An organisation being drawn, before it becomes a model instance."""

    country: str
    region: Region
    seat: Seat
    sector: str
    legal_form: str
    name: str = ""


class OrganisationDraw:
    """Draws organisations one by one; remembers which one-per-place bodies exist."""

    def __init__(self, ctx: GenerationContext, rng: random.Random) -> None:
        self.ctx = ctx
        self.rng = rng
        self.ids = RegistryIds.excluding_database(ctx.seed)
        self.country = WeightedChoice(dist.COUNTRY_WEIGHTS)
        self.forms = {
            country: WeightedChoice({f"{s}:{f}": w for s, f, w in forms})
            for country, forms in dist.LEGAL_FORMS.items()
        }
        self.areas = {
            sector: WeightedChoice({str(ctx.vocabulary.area_ids[c]): w for c, w in weights.items()})
            for sector, weights in dist.AREAS_BY_SECTOR.items()
        }
        self.used_seats: set[tuple[str, int]] = set()
        self.used_universities: set[str] = set()

    def draw(self) -> tuple[Organisation, list[int], Drawn]:
        rng = self.rng
        country = self.country(rng)
        region = self.ctx.places.pick_region(rng, country)
        sector, legal_form = self.forms[country](rng).split(":")
        drawn = Drawn(country, region, region.pick_seat(rng), sector, legal_form)
        lexicon = self.ctx.lexicons[country]
        drawn.name = self._name(drawn, lexicon)
        area_ids = [int(a) for a in self.areas[drawn.sector].several(rng, 1, 3)]
        founded = self._founded(drawn.legal_form)
        dissolved = None
        if rng.random() < DISSOLVED_SHARE:
            dissolved = random_date(rng, founded + datetime.timedelta(days=365), REFERENCE_DATE)
        organisation = Organisation(
            name=drawn.name,
            short_name=_acronym(drawn.name) if rng.random() < 0.15 else "",
            sector=drawn.sector,
            legal_form=drawn.legal_form,
            country=country,
            seat_id=drawn.seat.unit_id,
            description=self._description(drawn, lexicon, area_ids, founded.year),
            founded_on=founded,
            status="dissolved" if dissolved else "active",
            dissolved_on=dissolved,
            is_hub=drawn.sector == "civil" and rng.random() < HUB_SHARE,
            **self._identifiers(drawn),
            **self._contacts(drawn, country),
        )
        return organisation, area_ids, drawn

    def _name(self, drawn: Drawn, lexicon: Lexicon) -> str:
        rng, pools = self.rng, self.ctx.pools[drawn.country]
        if drawn.legal_form == "university":
            free = [
                name
                for name, code in lexicon.universities
                if code == drawn.region.code and name not in self.used_universities
            ]
            if free:
                self.used_universities.add(free[0])
                return free[0]
            drawn.legal_form = "public_institution"
        if drawn.legal_form in dist.ONE_PER_SEAT:
            seat_key = (drawn.legal_form, drawn.seat.unit_id)
            if drawn.legal_form == "regional_government":
                seat_key = (drawn.legal_form, drawn.region.unit_id)
            if seat_key in self.used_seats or not lexicon.org_names[drawn.legal_form]:
                drawn.legal_form = "public_institution"
            elif drawn.seat.is_municipality or drawn.legal_form == "regional_government":
                self.used_seats.add(seat_key)
                if drawn.legal_form == "municipality" and drawn.seat.is_big_city:
                    return lexicon.big_municipality.format(place=drawn.seat.name)
        first, last = pools.person(rng)
        values = {
            "place": lambda: (
                drawn.seat.name if drawn.seat.is_municipality else rng.choice(pools.towns)
            ),
            "region": lambda: drawn.region.name,
            "motto": lambda: rng.choice(lexicon.mottos),
            "plain": lambda: rng.choice(lexicon.plain_names),
            "cause": lambda: rng.choice(lexicon.causes),
            "trade": lambda: rng.choice(lexicon.trades),
            "saint": lambda: rng.choice(lexicon.saints),
            "surname": lambda: rng.choice(pools.last_male),
            "first": lambda: first,
            "last": lambda: last,
            "n": lambda: str(rng.randint(1, 40)),
        }
        return fill(rng.choice(lexicon.org_names[drawn.legal_form]), values)

    def _founded(self, legal_form: str) -> datetime.date:
        # Most organisations are young; public bodies date from the 1990 and 1999 reforms.
        if legal_form in PUBLIC_FORMS:
            year = self.rng.choice((1990, 1991, 1995, 1999, 2002, 2008, 2015))
        else:
            year = max(1989, REFERENCE_DATE.year - int(self.rng.expovariate(1 / 11)))
        return random_date(
            self.rng, datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), REFERENCE_DATE)
        )

    def _description(self, drawn: Drawn, lexicon: Lexicon, area_ids: list[int], year: int) -> str:
        rng = self.rng
        sentences = [
            rng.choice(lexicon.intros[drawn.sector]).format(year=year),
            lexicon.areas_sentence.format(
                areas=self.ctx.vocabulary.area_list(area_ids, lexicon.language)
            ),
            *rng.sample(lexicon.extra_sentences, rng.randint(0, 2)),
        ]
        return mark(" ".join(sentences))

    def _identifiers(self, drawn: Drawn) -> dict[str, str]:
        rng, form = self.rng, drawn.legal_form
        found: dict[str, str] = {}
        if form == "informal_group":
            return found
        if drawn.country == "PL":
            if form not in NOT_IN_KRS and form not in PUBLIC_FORMS and rng.random() < 0.9:
                found["krs"] = self.ids.next("krs")
            if rng.random() < 0.85:
                found["nip"] = self.ids.next("nip")
            if rng.random() < 0.9:
                found["regon"] = self.ids.next("regon")
        else:
            if rng.random() < 0.9:
                found["si_registration_number"] = self.ids.next("si_registration_number")
            if rng.random() < 0.85:
                found["si_tax_number"] = self.ids.next("si_tax_number")
        return found

    def _contacts(self, drawn: Drawn, country: str) -> dict[str, str]:
        rng, pools = self.rng, self.ctx.pools[country]
        share = {"civil": 0.35, "private": 0.6, "public": 0.9}[drawn.sector]
        host = f"{ascii_slug(drawn.name)}.{EXAMPLE_DOMAIN}"
        return {
            "address": rng.choice(pools.streets),
            "postal_code": rng.choice(pools.postcodes),
            "website": f"https://{host}" if rng.random() < share else "",
            "email": f"kontakt@{host}" if rng.random() < share + 0.2 else "",
            "phone": rng.choice(pools.phones) if rng.random() < share else "",
        }


def _acronym(name: str) -> str:
    letters = [w[0] for w in name.replace("„", " ").replace("”", " ").split() if w[0].isupper()]
    return "".join(letters)[:12] if len(letters) >= 2 else ""


def generate_organisations(ctx: GenerationContext, writer: BatchWriter, count: int) -> None:
    """Write ``count`` organisations with their areas of activity."""
    draw = OrganisationDraw(ctx, ctx.rng("organisations"))
    with writer.phase("organisations", count) as advance:
        for chunk in writer.chunks(count):
            rows = [draw.draw() for _ in chunk]
            with writer.batch():
                writer.insert([org for org, _, _ in rows])
                writer.insert(
                    [
                        AreasThrough(organisation_id=org.pk, thematicarea_id=area)
                        for org, areas, _ in rows
                        for area in areas
                    ]
                )
            for org, _, drawn in rows:
                ctx.organisations.add_organisation(
                    org.pk,
                    drawn.region.index,
                    drawn.sector,
                    drawn.seat.unit_id,
                    is_hub=org.is_hub,
                )
            advance(len(rows))
