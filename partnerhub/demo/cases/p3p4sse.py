"""Case 4: 3P4SSE, an Interreg project building social-economy ecosystems across borders.

12 partners: DOPS and ARLEG, named, and 10 European partners the source does not name
(kept as the declared partner count). Five local workshops, one per country, whose dates
the source does not give; their 74 participants are a project indicator because the split
per workshop and per sector is not given. Six local policy priorities and four goals of
the local action plan, tied to Lower Silesia.
"""

from __future__ import annotations

from decimal import Decimal

from partnerhub.core.choices import Currency, DatePrecision
from partnerhub.demo import places
from partnerhub.demo.context import DemoContext, year_start
from partnerhub.events.choices import EventType
from partnerhub.events.services import create_event
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.services import add_member, create_partnership
from partnerhub.projects.choices import Instrument, PartnerRole, ProjectStatus, Reach
from partnerhub.projects.models import Project
from partnerhub.projects.services import (
    add_project_partner,
    create_funding_programme,
    create_project,
)
from partnerhub.results.choices import GoalKind, IndicatorKind, Unit
from partnerhub.results.services import add_goal, add_indicator

SOURCE_URL = "https://dops.wroc.pl/projekty-efs/projekty-realizowane/projekt-3p4sse-interreg/informacje-ogolne/"

# (country in Polish, place) of the five local workshops, in the source's order.
WORKSHOPS = (
    ("Włochy", places.ITALY),
    ("Chorwacja", places.CROATIA),
    ("Słowenia", places.SLOVENIA),
    ("Węgry", places.HUNGARY),
    ("Polska", places.POLAND),
)

PRIORITIES = (
    "Wspólne inicjatywy ekonomii społecznej: projekty, promocja i marketing, inwestycje "
    "i ekologizacja",
    "Budowanie potencjału ekonomii społecznej przez współpracę i dzielenie się wiedzą i zasobami",
    "Silniejsza pozycja przetargowa ekonomii społecznej w regionie i jej rzecznictwo "
    "(publikacje, sieci kontaktów)",
    "Większa widoczność ekonomii społecznej publicznie i jej wpływ na społeczności lokalne",
    "Efektywność ekonomiczna dzięki redukcji kosztów i wspólnym zakupom",
    "Zróżnicowanie źródeł przychodów i zarządzanie ryzykiem inwestycyjnym",
)

ACTION_PLAN_GOALS = (
    "Większe kompetencje samorządów we wspieraniu sieci współpracy (klasteringu) w ekonomii "
    "społecznej i solidarnej",
    "Systematyczne wsparcie, promocja i finansowanie regionalnych sieci i partnerstw na rzecz "
    "ekonomii społecznej i solidarnej",
    "Mechanizmy zobowiązujące samorządy do kontraktowania podmiotów ekonomii społecznej",
    "Większy potencjał podmiotów ekonomii społecznej do świadczenia usług na rzecz samorządów",
)


def load(ctx: DemoContext) -> None:
    """Create 3P4SSE with its partners, workshops, priorities, goals and the local model."""
    interreg = create_funding_programme(
        name="Interreg Europa Środkowa",
        short_name="Interreg CE",
        instrument=Instrument.INTERREG,
        period="2021-2027",
        description=(
            "Źródło podaje tylko „Program Interreg”; Europę Środkową wskazano na podstawie "
            "celu projektu (regiony Europy Środkowej) i krajów partnerów."
        ),
    )
    project = create_project(
        title="Partnerstwo publiczno-prywatne na rzecz ekonomii społecznej i solidarnej",
        acronym="3P4SSE",
        funding_programme=interreg,
        start=year_start(2023),
        period_precision=DatePrecision.YEAR,
        status=ProjectStatus.ONGOING,
        reach=Reach.INTERNATIONAL,
        currency=Currency.EUR,
        declared_partner_count=12,
        source_url=SOURCE_URL,
        areas=ctx.areas("social-economy"),
        target_groups=ctx.target_groups("social-economy-entities", "local-government"),
        activity_types=ctx.activity_types("workshop", "networking"),
        activities=(
            "Budowanie ekosystemów ekonomii społecznej przez sieci, klastry, platformy i "
            "organizacje parasolowe; wspólna strategia polityczna z pięciu lokalnych "
            "warsztatów; lokalny model współpracy dla Dolnego Śląska; priorytety polityki "
            "lokalnej i cele lokalnego planu działania. Dalej: pilotażowe działania na rzecz "
            "sieci i klastrów zgodne z Regionalnym i Krajowym Programem Rozwoju Ekonomii "
            "Społecznej 2021-2027, z animacją na obszarach wiejskich."
        ),
        description=(
            "Cel: wzmocnienie gospodarki społecznej i solidarnej w regionach Europy Środkowej. "
            "Projekt 12 partnerów: DOPS, ARLEG i 10 partnerów europejskich, których źródło "
            "nie wymienia z nazwy. Kwot ani daty zakończenia źródło nie podaje."
        ),
    )
    add_project_partner(project, ctx.organisation("dops"), PartnerRole.PARTNER)
    add_project_partner(project, ctx.organisation("arleg"), PartnerRole.PARTNER)

    _load_workshops(ctx, project)
    lower_silesia = ctx.unit(places.DOLNOSLASKIE)
    for kind, titles in (
        (GoalKind.PRIORITY, PRIORITIES),
        (GoalKind.ACTION_PLAN_GOAL, ACTION_PLAN_GOALS),
    ):
        for position, title in enumerate(titles, start=1):
            add_goal(project, kind=kind, title=title, territory=lower_silesia, position=position)

    _load_local_model(ctx)


def _load_workshops(ctx: DemoContext, project: Project) -> None:
    for country_name, place in WORKSHOPS:
        create_event(
            title=f"Lokalny warsztat 3P4SSE ({country_name})",
            event_type=EventType.WORKSHOP,
            project=project,
            territory=ctx.unit(place),
            description="Warsztat lokalny, z którego wyników partnerzy złożyli wspólną strategię.",
        )
    add_indicator(
        project,
        kind=IndicatorKind.OUTPUT,
        name="Lokalne warsztaty",
        unit=Unit.EVENTS,
        achieved=Decimal(len(WORKSHOPS)),
        position=1,
    )
    add_indicator(
        project,
        kind=IndicatorKind.OUTPUT,
        name="Uczestnicy lokalnych warsztatów",
        unit=Unit.PERSONS,
        achieved=Decimal(74),
        position=2,
        note="Osoby z różnych sektorów; źródło nie podaje podziału na warsztaty ani na sektory.",
    )


def _load_local_model(ctx: DemoContext) -> None:
    model = create_partnership(
        name="Lokalny model współpracy na rzecz ekonomii społecznej na Dolnym Śląsku",
        kind=PartnershipKind.PLATFORM,
        stage=Stage.BUILDING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        areas=ctx.areas("social-economy", "social-assistance"),
        goal="Współpraca instytucji regionu przy tworzeniu sieci i klastrów ekonomii społecznej.",
        description=(
            "Model zaprojektowany w projekcie 3P4SSE przez DOPS i ARLEG z przedstawicielami "
            "Urzędu Marszałkowskiego Województwa Dolnośląskiego, ośrodków pomocy społecznej, "
            "Dolnośląskiego Forum Pomocy Społecznej, ośrodków wsparcia ekonomii społecznej "
            "oraz podmiotów zatrudnienia socjalnego."
        ),
    )
    add_member(model, ctx.organisation("dops"), MemberRole.LEADER)
    add_member(model, ctx.organisation("arleg"), MemberRole.PARTNER)
    add_member(model, ctx.organisation("marshal_office"), MemberRole.PARTNER)
