"""Case 2: SWPPG's working teams write four programmes from a standard fiche.

The teams have 8 local partners and subject-matter experts. The source names nobody and
does not say how many experts there are, so the people here are invented and two experts
stand for "the experts". The programmes' titles are not given either: they get neutral
numbered titles and stay drafts. The planned consultation (18 counties), training (18 local
leaders) and seminars (4) are targets; nothing is recorded as achieved yet.
"""

from __future__ import annotations

from decimal import Decimal

from partnerhub.demo import places
from partnerhub.demo.context import DemoContext
from partnerhub.events.choices import EventType
from partnerhub.events.services import create_event
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.models import Partnership
from partnerhub.partnerships.services import add_member, create_partnership
from partnerhub.projects.choices import ProgrammeStatus
from partnerhub.projects.services import create_programme
from partnerhub.registry.services import create_person
from partnerhub.results.choices import IndicatorKind, Unit
from partnerhub.results.services import add_indicator
from partnerhub.territory.models import TerritorialUnit

# Invented people: (first name, last name, what they bring, thematic area code).
LOCAL_PARTNERS = (
    ("Adam", "Przykładowski", "przedstawiciel organizacji pozarządowej", "education"),
    ("Beata", "Wzorcowa", "przedstawicielka organizacji pozarządowej", "tourism"),
    ("Cezary", "Pokazowy", "przedstawiciel instytucji otoczenia biznesu", "entrepreneurship"),
    ("Dorota", "Próbna", "przedstawicielka instytucji otoczenia biznesu", "entrepreneurship"),
    ("Edward", "Szablonowy", "przedsiębiorca", "entrepreneurship"),
    ("Felicja", "Modelowa", "przedsiębiorczyni", "tourism"),
    ("Grzegorz", "Demowicz", "przedstawiciel organizacji pozarządowej", "education"),
    ("Halina", "Testowa", "przedstawicielka organizacji pozarządowej", "local-development"),
)
EXPERTS = (
    ("Irena", "Fachowa", "ekspertka merytoryczna", "education"),
    ("Jerzy", "Rzeczowy", "ekspert merytoryczny", "tourism"),
)
PROGRAMME_COUNT = 4


def load(ctx: DemoContext) -> None:
    """Create SWPPG, its working teams, the four draft programmes and the DR network."""
    swppg = ctx.organisation("swppg")
    wielkopolska = ctx.unit(places.WIELKOPOLSKIE)
    teams = create_partnership(
        name="Zespoły robocze Partnerów Lokalnych i Ekspertów Merytorycznych SWPPG",
        kind=PartnershipKind.PROJECT_CONSORTIUM,
        stage=Stage.BUILDING,
        territory=wielkopolska,
        areas=ctx.areas("local-development", "education", "entrepreneurship", "tourism"),
        goal=(
            "Opracowanie czterech wieloletnich programów rozwoju i współpracy partnerstw "
            "lokalnych opartych na sieci Działamy Razem."
        ),
        description=(
            "Zespoły 8 partnerów lokalnych i ekspertów merytorycznych z różnych powiatów "
            "Wielkopolski: organizacje pozarządowe, instytucje otoczenia biznesu i "
            "przedsiębiorcy. Osoby są przykładowe; źródło nie podaje liczby ekspertów "
            "(zapisano dwóch)."
        ),
    )
    add_member(
        teams, swppg, MemberRole.LEADER, responsibilities="Prowadzenie cyklu spotkań zespołów."
    )
    _add_people(teams, LOCAL_PARTNERS, MemberRole.PARTNER, "Partner lokalny", ctx, wielkopolska)
    _add_people(teams, EXPERTS, MemberRole.EXPERT, "Ekspert merytoryczny", ctx, wielkopolska)

    create_event(
        title="Pierwsze spotkanie zespołów roboczych",
        event_type=EventType.MEETING,
        partnership=teams,
        territory=wielkopolska,
        organisers=[swppg],
        description=(
            "Spotkanie na początku grudnia (roku źródło nie podaje): poznanie się członków "
            "zespołów, harmonogram prac, podział działań i omówienie standardu fiszki."
        ),
    )

    for number in range(1, PROGRAMME_COUNT + 1):
        create_programme(
            title=f"Wieloletni program rozwoju partnerstw lokalnych nr {number}",
            partnership=teams,
            status=ProgrammeStatus.DRAFT,
            territory=wielkopolska,
            objectives="Rozwój i współpraca partnerstw lokalnych opartych na sieci Działamy Razem.",
            areas=ctx.areas("local-development"),
        )

    targets = (
        ("Wieloletnie programy rozwoju partnerstw lokalnych", Unit.DOCUMENTS, PROGRAMME_COUNT),
        ("Powiaty objęte konsultacjami społecznymi programów", Unit.COUNTIES, 18),
        ("Przeszkoleni liderzy lokalni", Unit.PERSONS, 18),
        ("Seminaria o idei partnerstwa lokalnego", Unit.EVENTS, 4),
    )
    for position, (name, unit, target) in enumerate(targets, start=1):
        add_indicator(
            teams,
            kind=IndicatorKind.OUTPUT,
            name=name,
            unit=unit,
            target=Decimal(target),
            position=position,
        )

    network = create_partnership(
        name="Sieć Działamy Razem",
        short_name="DR",
        kind=PartnershipKind.NETWORK,
        stage=Stage.IMPLEMENTING,
        territory=wielkopolska,
        areas=ctx.areas("local-development", "civic-sector-development"),
        description=(
            "Sieć organizacji pozarządowych, na której opierają się programy rozwoju "
            "partnerstw lokalnych. Partnerstwo lokalne oznacza tu wspólne działania "
            "organizacji pozarządowych i samorządów na rzecz lokalnej społeczności."
        ),
    )
    add_member(network, swppg, MemberRole.PARTNER)


def _add_people(
    teams: Partnership,
    people: tuple[tuple[str, str, str, str], ...],
    role: str,
    title: str,
    ctx: DemoContext,
    territory: TerritorialUnit,
) -> None:
    for first_name, last_name, background, area in people:
        person = create_person(
            first_name=first_name,
            last_name=last_name,
            title=f"{title}: {background} (osoba przykładowa)",
            territory=territory,
            areas=ctx.areas(area),
        )
        add_member(teams, person, role)
