"""Case 1, part two: Forum Aktywności Lokalnej with business, its clusters and new groups.

The SME competitiveness programme with a technical training centre; the cooperation with
Dolnośląscy Pracodawcy and its PARP-funded pilot; the three clusters FAL coordinates through
its Sudety business incubator; the Subregion Sudety partnership of exactly 11 entities; the
informal group around "Dolnośląski Eko Kalejdoskop", whose individual members are invented.
"""

from __future__ import annotations

from decimal import Decimal

from partnerhub.core.choices import DatePrecision
from partnerhub.demo import places
from partnerhub.demo.context import DemoContext, month_start, year_start
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.services import add_member, create_partnership
from partnerhub.projects.choices import Instrument, PartnerRole, ProjectStatus
from partnerhub.projects.services import (
    add_project_partner,
    create_funding_programme,
    create_project,
)
from partnerhub.registry.services import create_person
from partnerhub.results.choices import IndicatorKind, Qualifier, Unit
from partnerhub.results.services import add_indicator

INCUBATOR = "Sudecki Inkubator Przedsiębiorczości"

# The Subregion Sudety partnership, in the order the source lists its 11 members.
SUDETY_MEMBERS = (
    "voivodeship_office",
    "gmina_swieradow_zdroj",
    "gmina_karpacz",
    "gmina_szklarska_poreba",
    "kghm_tfi",
    "uzdrowisko",
    "interferie",
    "gk_zasada",
    "fal",
    "cwip",
    "ue_wroclaw",
)

# Invented individuals of the informal group (the source names none).
EKO_KALEJDOSKOP_PEOPLE = (("Ewa", "Pokazowa"), ("Tomasz", "Wzorcowy"), ("Marta", "Demowska"))


def load(ctx: DemoContext) -> None:
    """Create FAL's business partnerships, clusters, Subregion Sudety and the informal group."""
    _load_business_partnerships(ctx)
    _load_clusters(ctx)
    _load_sudety(ctx)
    _load_eko_kalejdoskop(ctx)


def _load_business_partnerships(ctx: DemoContext) -> None:
    fal = ctx.organisation("fal")
    ost = ctx.organisation("ost")
    sme = create_partnership(
        name="Partnerstwo NGO+biznes: FAL i Ośrodek Szkolenia Technicznego",
        kind=PartnershipKind.PROJECT_CONSORTIUM,
        stage=Stage.CLOSED,
        territory=ctx.unit(places.DOLNOSLASKIE),
        areas=ctx.areas("entrepreneurship"),
        goal="Wzmocnienie konkurencyjności małych i średnich firm z subregionu jeleniogórskiego.",
    )
    add_member(sme, fal, MemberRole.PARTNER)
    add_member(sme, ost, MemberRole.PARTNER)
    programme = create_project(
        title="Program Wsparcia konkurencyjności MŚP z subregionu jeleniogórskiego",
        partnership=sme,
        status=ProjectStatus.COMPLETED,
        areas=ctx.areas("entrepreneurship"),
        target_groups=ctx.target_groups("smes"),
        description=(
            "Program zrealizowany w ciągu 17 miesięcy przez partnerstwo NGO+biznes. "
            "Dat, budżetu ani źródła finansowania źródło nie podaje."
        ),
    )
    add_project_partner(programme, fal, PartnerRole.PARTNER)
    add_project_partner(programme, ost, PartnerRole.PARTNER)
    add_indicator(
        programme,
        kind=IndicatorKind.OUTPUT,
        name="Firmy objęte programem",
        unit=Unit.FIRMS,
        achieved=Decimal(200),
        achieved_qualifier=Qualifier.OVER,
        position=1,
    )

    employers = ctx.organisation("dolnoslascy_pracodawcy")
    cooperation = create_partnership(
        name="Współpraca FAL i związku Dolnośląscy Pracodawcy",
        kind=PartnershipKind.PROJECT_CONSORTIUM,
        stage=Stage.IMPLEMENTING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        start=year_start(2012),
        period_precision=DatePrecision.YEAR,
        areas=ctx.areas("entrepreneurship", "employment"),
        description=(
            "Współpraca od 2012 r. ze związkiem skupiającym ponad 120 firm z Dolnego Śląska."
        ),
    )
    add_member(cooperation, fal, MemberRole.PARTNER)
    add_member(cooperation, employers, MemberRole.PARTNER)
    parp = create_funding_programme(
        name="Polska Agencja Rozwoju Przedsiębiorczości (PARP)",
        short_name="PARP",
        instrument=Instrument.OTHER,
        description="Źródło podaje jedynie, że projekt sfinansowała PARP; programu nie wskazuje.",
    )
    pilot = create_project(
        title="Pilotaż funduszy szkoleniowych w małych i średnich firmach",
        partnership=cooperation,
        funding_programme=parp,
        status=ProjectStatus.COMPLETED,
        areas=ctx.areas("entrepreneurship", "employment"),
        target_groups=ctx.target_groups("smes"),
        description="Pilotażowy projekt utworzenia funduszy szkoleniowych w dolnośląskich MŚP.",
    )
    add_project_partner(pilot, fal, PartnerRole.PARTNER)
    add_project_partner(pilot, employers, PartnerRole.PARTNER)


def _load_clusters(ctx: DemoContext) -> None:
    fal = ctx.organisation("fal")
    coordination = f"Koordynacja klastra przez {INCUBATOR} działający w strukturach FAL."

    producers = create_partnership(
        name="Klaster Wytwórców Regionalnych",
        kind=PartnershipKind.CLUSTER,
        stage=Stage.IMPLEMENTING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        areas=ctx.areas("entrepreneurship", "local-development"),
    )
    add_member(producers, fal, MemberRole.LEADER, responsibilities=coordination)

    wellness = create_partnership(
        name="Klaster Zdrowie Moda Uroda",
        kind=PartnershipKind.CLUSTER,
        stage=Stage.IMPLEMENTING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        declared_member_count=30,
        areas=ctx.areas("health", "entrepreneurship"),
        description=(
            "Klaster skupiający 30 firm z branży wellness; firm źródło nie wymienia z nazwy."
        ),
    )
    add_member(wellness, fal, MemberRole.LEADER, responsibilities=coordination)

    radon = create_partnership(
        name="Klaster Polski Radon",
        kind=PartnershipKind.CLUSTER,
        stage=Stage.IMPLEMENTING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        start=month_start(2014, 11),
        period_precision=DatePrecision.MONTH,
        areas=ctx.areas("health", "tourism"),
        description="Klaster powołany w listopadzie 2014 r.",
    )
    add_member(radon, fal, MemberRole.LEADER, responsibilities=coordination)
    add_member(radon, ctx.organisation("umed_wroclaw"), MemberRole.PARTNER)
    add_member(radon, ctx.organisation("uzdrowisko"), MemberRole.PARTNER)


def _load_sudety(ctx: DemoContext) -> None:
    sudety = create_partnership(
        name="Partnerstwo Subregion Sudety",
        kind=PartnershipKind.PUBLIC_PRIVATE_PARTNERSHIP,
        stage=Stage.BUILDING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        start=month_start(2014, 9),
        period_precision=DatePrecision.MONTH,
        areas=ctx.areas("local-development", "tourism", "health"),
        goal="Ożywienie gospodarcze i społeczne subregionu Sudety na Dolnym Śląsku.",
        description="Partnerstwo 11 podmiotów administracji, samorządu, biznesu, NGO i uczelni.",
    )
    for key in SUDETY_MEMBERS:
        add_member(sudety, ctx.organisation(key), MemberRole.PARTNER)


def _load_eko_kalejdoskop(ctx: DemoContext) -> None:
    group = create_partnership(
        name="Grupa nieformalna „Dolnośląski Eko Kalejdoskop”",
        kind=PartnershipKind.INFORMAL_GROUP,
        stage=Stage.BUILDING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        areas=ctx.areas("environment"),
        description=(
            "Nieformalna grupa osób fizycznych i organizacji pozarządowych skupionych wokół "
            "przedsięwzięcia „Dolnośląski Eko Kalejdoskop”, animowana przez FAL. Osoby "
            "w tej grupie są przykładowe (wymyślone na potrzeby demonstracji)."
        ),
    )
    add_member(group, ctx.organisation("fal"), MemberRole.FACILITATOR)
    lower_silesia = ctx.unit(places.DOLNOSLASKIE)
    for first_name, last_name in EKO_KALEJDOSKOP_PEOPLE:
        person = create_person(
            first_name=first_name,
            last_name=last_name,
            title="Osoba przykładowa (dane demonstracyjne)",
            territory=lower_silesia,
        )
        add_member(group, person, MemberRole.PARTNER)
