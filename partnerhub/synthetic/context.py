"""What every phase of a generation run shares: seeds, word pools, places and what was made.

Each phase draws from its own random stream (seeded by the run's seed and the phase's
name), so changing how many projects are asked for never changes the organisations.
Generated rows are remembered only as compact references (ids, region, sector), never as
model instances, so memory stays flat however many rows are written.
"""

from __future__ import annotations

import datetime
import random
import string
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from faker import Faker

from partnerhub.projects.models import ActivityType, TargetGroup
from partnerhub.registry.models import ThematicArea
from partnerhub.synthetic.lexicon import Lexicon, get_lexicon
from partnerhub.synthetic.places import Places

POOL_SIZE = 1_500


@dataclass(frozen=True)
class NamePools:
    """People's names, towns and addresses made by Faker for one country, drawn once."""

    first_female: tuple[str, ...]
    first_male: tuple[str, ...]
    last_female: tuple[str, ...]
    last_male: tuple[str, ...]
    towns: tuple[str, ...]
    streets: tuple[str, ...]
    postcodes: tuple[str, ...]
    phones: tuple[str, ...]

    @classmethod
    def build(cls, lexicon: Lexicon, seed: int) -> NamePools:
        fake = Faker(lexicon.faker_locale)
        fake.seed_instance(seed)

        def pool(make: Callable[[], str], size: int = POOL_SIZE) -> tuple[str, ...]:
            return tuple(dict.fromkeys(make() for _ in range(size)))

        return cls(
            first_female=pool(fake.first_name_female),
            first_male=pool(fake.first_name_male),
            last_female=pool(fake.last_name_female),
            last_male=pool(fake.last_name_male),
            towns=pool(fake.city, 600),
            streets=pool(fake.street_address),
            postcodes=pool(fake.postcode, 500),
            phones=pool(fake.phone_number, 500),
        )

    def person(self, rng: random.Random) -> tuple[str, str]:
        """A first and last name of one gender."""
        if rng.random() < 0.5:
            return rng.choice(self.first_female), rng.choice(self.last_female)
        return rng.choice(self.first_male), rng.choice(self.last_male)


@lru_cache(maxsize=8)
def name_pools(country: str, seed: int) -> NamePools:
    """The pools of a country for a seed (immutable, so made once per process)."""
    return NamePools.build(get_lexicon(country), seed)


@dataclass(frozen=True)
class Vocabulary:
    """Ids of the shipped vocabulary terms, and the areas' names in Polish and Slovenian."""

    area_ids: dict[str, int]
    area_names: dict[int, dict[str, str]]
    activity_type_ids: tuple[int, ...]
    target_group_ids: tuple[int, ...]
    target_group_names: dict[int, dict[str, str]]

    @classmethod
    def load(cls) -> Vocabulary:
        areas = list(ThematicArea.objects.order_by("code"))
        groups = list(TargetGroup.objects.order_by("code"))
        return cls(
            area_ids={a.code: a.pk for a in areas},
            area_names={a.pk: {"pl": a.name_pl, "sl": a.name_sl} for a in areas},
            activity_type_ids=tuple(
                ActivityType.objects.order_by("code").values_list("pk", flat=True)
            ),
            target_group_ids=tuple(g.pk for g in groups),
            target_group_names={g.pk: {"pl": g.name_pl, "sl": g.name_sl} for g in groups},
        )

    def area_list(self, area_ids: Sequence[int], language: str) -> str:
        """ "edukacja, kultura i dziedzictwo": names in lower case for running text."""
        return ", ".join(lower_first(self.area_names[a][language]) for a in area_ids)


@dataclass
class Refs:
    """What later phases need to know about rows already written, by list index."""

    ids: list[int] = field(default_factory=list)
    regions: list[int] = field(default_factory=list)
    by_region: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, pk: int, region: int) -> int:
        index = len(self.ids)
        self.ids.append(pk)
        self.regions.append(region)
        self.by_region[region].append(index)
        return index


@dataclass
class OrganisationRefs(Refs):
    sectors: list[str] = field(default_factory=list)
    seats: list[int] = field(default_factory=list)
    by_region_sector: dict[tuple[int, str], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )
    hubs: list[int] = field(default_factory=list)

    def add_organisation(
        self, pk: int, region: int, sector: str, seat: int, *, is_hub: bool
    ) -> None:
        index = self.add(pk, region)
        self.sectors.append(sector)
        self.seats.append(seat)
        self.by_region_sector[(region, sector)].append(index)
        if is_hub:
            self.hubs.append(index)


@dataclass
class PartnershipRefs(Refs):
    periods: list[tuple[datetime.date, datetime.date | None]] = field(default_factory=list)
    members: list[list[int]] = field(default_factory=list)  # organisation indexes, leader first


@dataclass
class ProjectRefs(Refs):
    periods: list[tuple[datetime.date, datetime.date]] = field(default_factory=list)
    organisers: list[list[int]] = field(default_factory=list)  # lead first


class GenerationContext:
    """The shared state of one generation run."""

    def __init__(self, seed: int, places: Places, vocabulary: Vocabulary) -> None:
        self.seed = seed
        self.places = places
        self.vocabulary = vocabulary
        self.lexicons = {country: get_lexicon(country) for country in ("PL", "SI")}
        self.pools = {country: name_pools(country, seed) for country in self.lexicons}
        self.organisations = OrganisationRefs()
        self.persons = Refs()
        self.problems = Refs()
        self.partnerships = PartnershipRefs()
        self.projects = ProjectRefs()
        self.events = Refs()
        self.event_organisers: list[int] = []  # first organiser (organisation index) per event
        self.funding: dict[str, int] = {}  # funding programme name → id

    def rng(self, phase: str) -> random.Random:
        return random.Random(f"partnerhub-synthetic:{self.seed}:{phase}")


class WeightedChoice:
    """Draw keys by weight quickly (cumulative weights computed once)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.keys = list(weights)
        self.cum = list(accumulate(weights.values()))

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.keys, cum_weights=self.cum)[0]

    def several(self, rng: random.Random, low: int, high: int) -> list[str]:
        """Between ``low`` and ``high`` distinct keys."""
        wanted = min(rng.randint(low, high), len(self.keys))
        chosen: list[str] = []
        while len(chosen) < wanted:
            key = self(rng)
            if key not in chosen:
                chosen.append(key)
        return chosen


@lru_cache(maxsize=512)
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def fill(template: str, values: Mapping[str, Callable[[], str]]) -> str:
    """``template`` with each placeholder it uses computed by its function in ``values``."""
    return template.format(**{name: values[name]() for name in _fields(template)})


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def ascii_slug(text: str, limit: int = 40) -> str:
    """ "Fundacja „Źródło”" → "fundacja-zrodlo": for e-mail and web addresses."""
    text = text.replace("ł", "l").replace("Ł", "L")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in plain.lower()).split()
    return "-".join(words)[:limit].strip("-") or "org"


def random_date(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    """A day between ``first`` and ``last`` inclusive."""
    span = max(0, (last - first).days)
    return first + datetime.timedelta(days=rng.randint(0, span))


def with_precision(day: datetime.date, precision: str) -> datetime.date:
    """The date a source knowing only the month (or year) would give: its first day."""
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "month":
        return day.replace(day=1)
    return day
