"""Case 1, part one: Forum Aktywności Lokalnej's partnerships with NGOs and public bodies.

Muflon (12 entities, 2006-2010, an EQUAL project worth over 8 million PLN) and the OWES
network that grew out of it; the partnership with the Marshal's Office; the transnational
partnership with CERCIFAF; the municipalities' schools and rural pre-school points; the NGO
loan fund. Figures are those of the source page; what it does not say stays empty.
"""

from __future__ import annotations

from decimal import Decimal

from partnerhub.core.choices import Currency, DatePrecision
from partnerhub.demo import places
from partnerhub.demo.context import DemoContext, year_end, year_start
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.services import add_member, create_partnership
from partnerhub.projects.choices import Instrument, PartnerRole, ProjectStatus, Reach
from partnerhub.projects.services import (
    add_project_partner,
    create_funding_programme,
    create_project,
)
from partnerhub.results.choices import IndicatorKind, Qualifier, Unit
from partnerhub.results.services import add_indicator


def load(ctx: DemoContext) -> None:
    """Create FAL's partnerships with NGOs and public bodies, with their outcomes."""
    _load_muflon_and_owes(ctx)
    _load_public_partnerships(ctx)
    _load_loan_fund(ctx)


def _load_muflon_and_owes(ctx: DemoContext) -> None:
    fal = ctx.organisation("fal")
    lower_silesia = ctx.unit(places.DOLNOSLASKIE)
    muflon = create_partnership(
        name="Partnerstwo Muflon",
        kind=PartnershipKind.LOCAL_PARTNERSHIP,
        stage=Stage.CLOSED,
        territory=lower_silesia,
        start=year_start(2006),
        end=year_end(2010),
        period_precision=DatePrecision.YEAR,
        declared_member_count=12,
        areas=ctx.areas("social-economy", "employment"),
        goal="Tworzenie spółdzielni socjalnych na Dolnym Śląsku.",
        description=(
            "Partnerstwo 12 podmiotów: organizacji pozarządowych, firm oraz administracji "
            "publicznej szczebla lokalnego i wojewódzkiego, budowane przez FAL od 2006 r. "
            "i działające do 2010 r. Wspólnie zrealizowało projekt o wartości ponad 8 mln zł "
            "w ramach Inicjatywy Wspólnotowej EQUAL. Źródło wymienia z nazwy tylko FAL."
        ),
    )
    add_member(muflon, fal, MemberRole.PARTNER, responsibilities="Budowa i animacja partnerstwa.")

    equal = create_funding_programme(
        name="Inicjatywa Wspólnotowa EQUAL",
        short_name="EQUAL",
        instrument=Instrument.EQUAL,
        description=(
            "Inicjatywa Wspólnotowa Unii Europejskiej finansowana "
            "z Europejskiego Funduszu Społecznego."
        ),
    )
    project = create_project(
        title="Wspólny projekt Partnerstwa Muflon w ramach IW EQUAL",
        partnership=muflon,
        funding_programme=equal,
        status=ProjectStatus.COMPLETED,
        reach=Reach.REGIONAL,
        currency=Currency.PLN,
        total_cost=Decimal("8000000.00"),
        areas=ctx.areas("social-economy"),
        description=(
            "Projekt Partnerstwa Muflon, którego głównym kierunkiem było tworzenie spółdzielni "
            "socjalnych na Dolnym Śląsku. Źródło podaje łączną wartość „ponad 8 mln zł”: "
            "w koszcie zapisano tę dolną granicę. Tytułu, dat ani lidera źródło nie podaje."
        ),
    )
    add_project_partner(project, fal, PartnerRole.PARTNER)

    add_indicator(
        muflon,
        kind=IndicatorKind.RESULT,
        name="Nieformalne grupy założycielskie spółdzielni socjalnych",
        unit=Unit.GROUPS,
        achieved=Decimal(30),
        achieved_qualifier=Qualifier.OVER,
        position=1,
    )
    add_indicator(
        muflon,
        kind=IndicatorKind.RESULT,
        name="Utworzone spółdzielnie socjalne",
        unit=Unit.ORGANISATIONS,
        achieved=Decimal(16),
        position=2,
    )

    owes = create_partnership(
        name="Sieć Ośrodków Wspierania Ekonomii Społecznej na Dolnym Śląsku",
        short_name="Sieć OWES",
        kind=PartnershipKind.NETWORK,
        stage=Stage.IMPLEMENTING,
        territory=lower_silesia,
        start=year_start(2010),
        period_precision=DatePrecision.YEAR,
        grew_out_of=[muflon],
        areas=ctx.areas("social-economy", "civic-sector-development"),
        description=(
            "Sformalizowana sieć ośrodków wsparcia ekonomii społecznej, którą od 2010 r. tworzy "
            "część partnerów Muflonu. FAL prowadzi działania ośrodków w Wałbrzychu, Jeleniej "
            "Górze i Legnicy: animuje partnerstwa lokalne i pomaga zakładać nowe organizacje "
            "pozarządowe (doradztwo, szkolenia)."
        ),
    )
    add_member(
        owes,
        fal,
        MemberRole.PARTNER,
        responsibilities=(
            "Działania OWES w Wałbrzychu, Jeleniej Górze i Legnicy: animacja partnerstw "
            "lokalnych, doradztwo i szkolenia dla nowych organizacji pozarządowych."
        ),
    )
    add_indicator(
        owes,
        kind=IndicatorKind.RESULT,
        name="Zawiązane partnerstwa lokalne",
        unit=Unit.PARTNERSHIPS,
        achieved=Decimal(6),
        position=1,
    )
    add_indicator(
        owes,
        kind=IndicatorKind.RESULT,
        name="Nowe organizacje pozarządowe",
        unit=Unit.ORGANISATIONS,
        achieved=Decimal(10),
        achieved_qualifier=Qualifier.AT_LEAST,
        position=2,
        note="Proces trwa: część nowych organizacji jest w trakcie rejestracji w KRS.",
    )


def _load_public_partnerships(ctx: DemoContext) -> None:
    fal = ctx.organisation("fal")
    lower_silesia = ctx.unit(places.DOLNOSLASKIE)

    disability = create_partnership(
        name="Partnerstwo FAL i Urzędu Marszałkowskiego Województwa Dolnośląskiego",
        kind=PartnershipKind.LOCAL_PARTNERSHIP,
        stage=Stage.IMPLEMENTING,
        territory=lower_silesia,
        areas=ctx.areas("disability"),
        goal="Realizacja zadań na rzecz osób z niepełnosprawnościami.",
    )
    add_member(disability, fal, MemberRole.PARTNER)
    add_member(disability, ctx.organisation("marshal_office"), MemberRole.PARTNER)

    transnational = create_partnership(
        name="Partnerstwo ponadnarodowe FAL i CERCIFAF",
        kind=PartnershipKind.PROJECT_CONSORTIUM,
        stage=Stage.IMPLEMENTING,
        areas=ctx.areas("disability"),
        goal="Wspólny projekt ponadnarodowy na rzecz osób z niepełnosprawnościami.",
        description="Współpraca FAL z portugalskim partnerem z Fafe.",
    )
    add_member(transnational, fal, MemberRole.PARTNER)
    add_member(transnational, ctx.organisation("cercifaf"), MemberRole.PARTNER)

    schools = create_partnership(
        name="Partnerstwa FAL z gminami na rzecz lokalnych szkół",
        kind=PartnershipKind.LOCAL_PARTNERSHIP,
        stage=Stage.IMPLEMENTING,
        territory=lower_silesia,
        areas=ctx.areas("education", "children-youth"),
        goal="Wsparcie lokalnych szkół: wsparciem objęci są wszyscy uczniowie w tych gminach.",
        description=(
            "Źródło opisuje partnerstwa FAL z samorządami czterech gmin; zapisano je razem, "
            "jako jedno partnerstwo z czterema gminami."
        ),
    )
    add_member(schools, fal, MemberRole.PARTNER)
    for key in (
        "gmina_boguszow_gorce",
        "gmina_stare_bogaczowice",
        "gmina_msciwojow",
        "gmina_gluszyca",
    ):
        add_member(schools, ctx.organisation(key), MemberRole.PARTNER)

    preschool = create_partnership(
        name="Wiejskie punkty przedszkolne w gminach Głuszyca i Mściwojów",
        kind=PartnershipKind.LOCAL_PARTNERSHIP,
        stage=Stage.IMPLEMENTING,
        territory=lower_silesia,
        areas=ctx.areas("education", "children-youth", "rural-development"),
        goal="Opieka i edukacja dzieci w wieku przedszkolnym na terenach wiejskich.",
        description=(
            "FAL we współpracy z samorządami gmin utworzyło cztery punkty przedszkolne "
            "na wsi i prowadziło je przez dwa lata (dat źródło nie podaje)."
        ),
    )
    add_member(
        preschool, fal, MemberRole.LEADER, responsibilities="Utworzenie i prowadzenie punktów."
    )
    add_member(preschool, ctx.organisation("gmina_gluszyca"), MemberRole.PARTNER)
    add_member(preschool, ctx.organisation("gmina_msciwojow"), MemberRole.PARTNER)
    add_indicator(
        preschool,
        kind=IndicatorKind.OUTPUT,
        name="Punkty przedszkolne na terenach wiejskich",
        unit=Unit.PLACES,
        achieved=Decimal(4),
        position=1,
    )


def _load_loan_fund(ctx: DemoContext) -> None:
    fund = create_partnership(
        name="Pozarządowy Fundusz Pożyczkowy",
        kind=PartnershipKind.FUND,
        stage=Stage.SUSTAINING,
        territory=ctx.unit(places.DOLNOSLASKIE),
        start=year_start(2011),
        period_precision=DatePrecision.YEAR,
        declared_member_count=4,
        areas=ctx.areas("finance", "social-economy"),
        goal="Nisko oprocentowane pożyczki dla organizacji pozarządowych i spółdzielni socjalnych.",
        description=(
            "Partnerska inicjatywa czterech organizacji pozarządowych z Dolnego Śląska, "
            "utworzona w 2011 r. Działa bez wsparcia jakiegokolwiek projektu publicznego. "
            "Źródło wymienia z nazwy tylko FAL."
        ),
    )
    add_member(fund, ctx.organisation("fal"), MemberRole.PARTNER)
