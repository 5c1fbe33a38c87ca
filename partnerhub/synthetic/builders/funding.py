"""Funding programmes of Poland and Slovenia that synthetic projects are financed from.

Real programme names and periods: regional programmes per voivodeship, national ESF and
NGO programmes, EEA and Norway Grants, Interreg for border regions, municipal grants.
A project draws from the programmes open in its start year, in its country and region.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from partnerhub.projects.models import FundingProgramme
from partnerhub.synthetic.context import GenerationContext
from partnerhub.synthetic.conventions import mark
from partnerhub.synthetic.writer import BatchWriter

# Voivodeship code → (the region in "Fundusze Europejskie dla …", the RPO's genitive).
PL_REGIONAL = {
    "02": ("Dolnego Śląska", "Dolnośląskiego"),
    "04": ("Kujaw i Pomorza", "Kujawsko-Pomorskiego"),
    "06": ("Lubelskiego", "Lubelskiego"),
    "08": ("Lubuskiego", "Lubuskiego"),
    "10": ("Łódzkiego", "Łódzkiego"),
    "12": ("Małopolski", "Małopolskiego"),
    "14": ("Mazowsza", "Mazowieckiego"),
    "16": ("Opolskiego", "Opolskiego"),
    "18": ("Podkarpacia", "Podkarpackiego"),
    "20": ("Podlaskiego", "Podlaskiego"),
    "22": ("Pomorza", "Pomorskiego"),
    "24": ("Śląskiego", "Śląskiego"),
    "26": ("Świętokrzyskiego", "Świętokrzyskiego"),
    "28": ("Warmii i Mazur", "Warmińsko-Mazurskiego"),
    "30": ("Wielkopolski", "Wielkopolskiego"),
    "32": ("Pomorza Zachodniego", "Zachodniopomorskiego"),
}


@dataclass(frozen=True)
class ProgrammeSpec:
    name: str
    short_name: str
    instrument: str
    period: str
    country: str  # "" for both countries
    years: tuple[int, int]
    weight: float
    regions: tuple[str, ...] = ()  # region codes; empty for the whole country


def _specs() -> list[ProgrammeSpec]:
    specs = []
    for code, (region, genitive) in PL_REGIONAL.items():
        specs.append(
            ProgrammeSpec(
                f"Fundusze Europejskie dla {region} 2021–2027",
                f"FE {code}",
                "esf",
                "2021–2027",
                "PL",
                (2022, 2029),
                40,
                (code,),
            )
        )
        specs.append(
            ProgrammeSpec(
                f"Regionalny Program Operacyjny Województwa {genitive} 2014–2020",
                f"RPO {code}",
                "erdf",
                "2014–2020",
                "PL",
                (2015, 2023),
                40,
                (code,),
            )
        )
    plain = [
        ("Program Operacyjny Kapitał Ludzki 2007–2013", "POKL", "esf", "PL", (2007, 2015), 40),
        (
            "Program Operacyjny Wiedza Edukacja Rozwój 2014–2020",
            "POWER",
            "esf",
            "PL",
            (2015, 2023),
            25,
        ),
        (
            "Fundusze Europejskie dla Rozwoju Społecznego 2021–2027",
            "FERS",
            "esf",
            "PL",
            (2022, 2029),
            25,
        ),
        ("Fundusz Inicjatyw Obywatelskich 2014–2020", "FIO", "national", "PL", (2014, 2020), 10),
        (
            "Fundusz Inicjatyw Obywatelskich NOWEFIO 2021–2030",
            "NOWEFIO",
            "national",
            "PL",
            (2021, 2030),
            10,
        ),
        (
            "Program Rozwoju Organizacji Obywatelskich 2018–2030",
            "PROO",
            "national",
            "PL",
            (2018, 2030),
            8,
        ),
        (
            "Rządowy Program na rzecz Aktywności Społecznej Osób Starszych 2014–2020",
            "ASOS",
            "national",
            "PL",
            (2014, 2020),
            5,
        ),
        ("Program Obywatele dla Demokracji", "ODD", "eea_norway_grants", "PL", (2013, 2017), 5),
        (
            "Aktywni Obywatele – Fundusz Krajowy",
            "AO FK",
            "eea_norway_grants",
            "PL",
            (2019, 2024),
            5,
        ),
        (
            "Dotacje gminne z programu współpracy z organizacjami pozarządowymi",
            "Dotacje gminne",
            "regional",
            "PL",
            (2007, 2029),
            20,
        ),
        (
            "Operativni program razvoja človeških virov 2007–2013",
            "OP RČV",
            "esf",
            "SI",
            (2007, 2015),
            40,
        ),
        (
            "Program razvoja podeželja Republike Slovenije 2014–2020",
            "PRP",
            "other",
            "SI",
            (2015, 2023),
            20,
        ),
        (
            "Program evropske kohezijske politike v obdobju 2021–2027 v Sloveniji",
            "PEKP",
            "esf",
            "SI",
            (2022, 2029),
            40,
        ),
        (
            "Norveški finančni mehanizem in Finančni mehanizem EGP 2014–2021",
            "EGP/NFM",
            "eea_norway_grants",
            "SI",
            (2017, 2024),
            5,
        ),
        (
            "Javni razpis Ministrstva za javno upravo za razvoj nevladnih organizacij",
            "MJU NVO",
            "national",
            "SI",
            (2014, 2029),
            10,
        ),
        (
            "Občinski razpisi za sofinanciranje programov društev",
            "Občinski razpisi",
            "regional",
            "SI",
            (2007, 2029),
            25,
        ),
        ("Erasmus+ 2021–2027", "Erasmus+", "other", "", (2021, 2029), 3),
    ]
    specs += [
        ProgrammeSpec(name, short, instrument, "", country, years, weight)
        for name, short, instrument, country, years, weight in plain
    ]
    interreg = [
        ("Interreg Polska–Saksonia 2021–2027", "PL", ("02",)),
        ("Interreg Czechy–Polska 2021–2027", "PL", ("02", "16", "24")),
        ("Interreg Południowy Bałtyk 2021–2027", "PL", ("22", "28", "32")),
        ("Interreg Italija–Slovenija 2021–2027", "SI", ("SI038", "SI042", "SI043", "SI044")),
        ("Interreg Slovenija–Avstrija 2021–2027", "SI", ("SI031", "SI032", "SI033", "SI042")),
        ("Interreg Slovenija–Hrvaška 2021–2027", "SI", ("SI031", "SI032", "SI036", "SI044")),
    ]
    specs += [
        ProgrammeSpec(name, "Interreg", "interreg", "2021–2027", country, (2022, 2029), 4, regions)
        for name, country, regions in interreg
    ]
    return specs


SPECS = _specs()
INSTRUMENTS = {spec.name: spec.instrument for spec in SPECS}


def generate_funding_programmes(ctx: GenerationContext, writer: BatchWriter) -> None:
    """Write the funding programmes whose names are not taken yet (names are unique)."""
    taken = set(FundingProgramme.objects.values_list("name", flat=True))
    rows = [
        FundingProgramme(
            name=spec.name,
            short_name=spec.short_name,
            instrument=spec.instrument,
            period=spec.period,
            description=mark(""),
        )
        for spec in SPECS
        if spec.name not in taken
    ]
    with writer.phase("funding programmes", len(rows)) as advance, writer.batch():
        writer.insert(rows)
        advance(len(rows))
    ctx.funding = {row.name: row.pk for row in rows}


@lru_cache(maxsize=4096)
def _open_programmes(
    country: str, region: str, year: int
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    open_now = [
        spec
        for spec in SPECS
        if spec.country in ("", country)
        and spec.years[0] <= year <= spec.years[1]
        and (not spec.regions or region in spec.regions)
    ]
    return tuple(s.name for s in open_now), tuple(s.weight for s in open_now)


def pick_programme(
    ctx: GenerationContext, rng: random.Random, country: str, region: str, year: int
) -> tuple[int | None, str]:
    """A programme open in ``year`` for the region (its id and instrument), or (None, "")."""
    names, weights = _open_programmes(country, region, year)
    available = [(n, w) for n, w in zip(names, weights, strict=True) if n in ctx.funding]
    if not available:
        return None, ""
    name = rng.choices([n for n, _ in available], weights=[w for _, w in available])[0]
    return ctx.funding[name], INSTRUMENTS[name]
