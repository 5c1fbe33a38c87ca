"""Case 3: the Postojna regional NGO hub and its pilot local partnership of three sectors.

The hub, its ESF-funded project and its own goals come from the source page. The pilot
partnership, its local problem, the local NGO and the local firm are invented for the demo
(the source only sets the goal of "at least one pilot local partnership") and say so.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from partnerhub.consultation.choices import ProblemStatus
from partnerhub.consultation.services import record_problem
from partnerhub.core.choices import Currency
from partnerhub.demo import places
from partnerhub.demo.context import DemoContext
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.services import add_member, create_partnership, update_partnership
from partnerhub.projects.choices import Instrument, PartnerRole, ProjectStatus, Reach
from partnerhub.projects.services import (
    add_project_partner,
    create_funding_programme,
    create_project,
)
from partnerhub.results.choices import GoalKind, GoalMeasure, GoalStatus, IndicatorKind, Unit
from partnerhub.results.models import Indicator
from partnerhub.results.services import add_goal, add_indicator

ESF_DESCRIPTION = (
    "Evropski socialni sklad. 11. prednostna os; prednostna naložba 2.11.4 (krepitev "
    "zmogljivosti deležnikov, ki izvajajo politike izobraževanja, usposabljanja, "
    "zaposlovanja in socialnih zadev); specifični cilj 1: okrepljena zmogljivost nevladnih "
    "organizacij za zagovorništvo in izvajanje javnih storitev."
)


def load(ctx: DemoContext) -> None:
    """Create the hub, its project and goals, and the pilot local partnership."""
    hub = ctx.organisation("postojna_hub")
    region = ctx.unit(places.PRIMORSKO_NOTRANJSKA)

    op = create_funding_programme(
        name="Operativni program za izvajanje evropske kohezijske politike v obdobju 2014-2020",
        short_name="OP EKP 2014-2020",
        instrument=Instrument.ESF,
        period="2014-2020",
        description=ESF_DESCRIPTION,
    )
    project = create_project(
        title="Projekt regionalnega stičišča NVO Primorsko-notranjske regije",
        lead_organisation=hub,
        funding_programme=op,
        seat=ctx.unit(places.POSTOJNA),
        status=ProjectStatus.ONGOING,
        reach=Reach.REGIONAL,
        currency=Currency.EUR,
        areas=ctx.areas("civic-sector-development", "local-development"),
        activities=(
            "Stičišče kot facilitator izbira in povezuje ključne deležnike vseh treh sektorjev, "
            "jim pomaga prepoznati lokalne probleme in določiti potrebne aktivnosti, promovira "
            "lokalno partnerstvo in skrbi za njegovo izvedbo."
        ),
        description=(
            "Projekt delno financira Evropska unija iz Evropskega socialnega sklada. "
            "Naslova, obdobja in zneskov vir ne navaja."
        ),
    )
    add_project_partner(project, hub, PartnerRole.LEAD)
    pilot_indicator = add_indicator(
        project,
        kind=IndicatorKind.OUTPUT,
        name="Vzpostavljena pilotna lokalna partnerstva",
        unit=Unit.PARTNERSHIPS,
        target=Decimal(1),
        position=1,
    )

    # The pilot goal is counted from the records: it is met once a partnership the hub
    # facilitates reaches implementation (the demo pilot is still being built).
    pilot_count = {"measure": GoalMeasure.PARTNERSHIPS_IMPLEMENTING, "measure_target": 1}
    goals: tuple[tuple[str, Indicator | None, dict[str, Any]], ...] = (
        (
            "Promovirati lokalna partnerstva kot model reševanja konkretnih lokalnih problemov",
            None,
            {},
        ),
        ("Osveščati javni in zasebni sektor o pomenu nevladnih organizacij", None, {}),
        ("Vzpostaviti vsaj eno pilotno lokalno partnerstvo v regiji", pilot_indicator, pilot_count),
    )
    for position, (title, indicator, counted) in enumerate(goals, start=1):
        add_goal(
            hub,
            kind=GoalKind.ORGANISATION_GOAL,
            title=title,
            territory=region,
            status=GoalStatus.IN_PROGRESS,
            indicator=indicator,
            position=position,
            **counted,
        )

    _load_pilot(ctx)


def _load_pilot(ctx: DemoContext) -> None:
    hub = ctx.organisation("postojna_hub")
    postojna = ctx.unit(places.POSTOJNA)
    ngo = ctx.organisation("demo_ngo_postojna")
    problem = record_problem(
        title="Starejši na podeželju občine Postojna težko pridejo do storitev v mestu",
        description=(
            "Demo: izmišljen lokalni problem za predstavitev dela facilitatorja; ne izhaja iz "
            "vira. Starejši prebivalci vasi brez rednega javnega prevoza težko pridejo do "
            "zdravnika, trgovine in uradov."
        ),
        territory=postojna,
        raised_by_organisation=ngo,
        hub=hub,
        status=ProblemStatus.PUBLISHED,
        areas=ctx.areas("seniors", "local-development"),
    )
    pilot = create_partnership(
        name="Pilotno lokalno partnerstvo Postojna",
        kind=PartnershipKind.LOCAL_PARTNERSHIP,
        stage=Stage.BUILDING,
        territory=postojna,
        hub=hub,
        areas=ctx.areas("seniors", "local-development"),
        goal="Skupaj z vsemi tremi sektorji rešiti izbrani lokalni problem.",
        description=(
            "Demo: pilotno lokalno partnerstvo, ki ga facilitira regionalno stičišče. Društvo, "
            "podjetje in problem so izmišljeni; vir postavlja le cilj vsaj enega pilotnega "
            "partnerstva v regiji."
        ),
    )
    update_partnership(pilot, problems=[problem])
    add_member(
        pilot,
        hub,
        MemberRole.FACILITATOR,
        responsibilities="Izbira in povezovanje deležnikov, vodenje srečanj, promocija.",
    )
    add_member(
        pilot,
        ngo,
        MemberRole.LEADER,
        responsibilities="Koordinacija partnerstva in prostovoljcev, stik s starejšimi.",
    )
    add_member(
        pilot,
        ctx.organisation("obcina_postojna"),
        MemberRole.PARTNER,
        responsibilities="Podatki o potrebah, prostori in sofinanciranje iz občinskega proračuna.",
    )
    add_member(
        pilot,
        ctx.organisation("demo_firm_postojna"),
        MemberRole.PARTNER,
        responsibilities="Vozilo in logistika prevozov.",
    )
