"""Case 5: "Kuźnia Ekspertów", a project card from a public grants database, field by field.

Every field of the card is kept as it is, an empty field as empty: no partners, no lead
organisation named, no activity types, no target groups. The card names no funding
programme; its support area, the amounts in EUR and the implementer's mention of an
institutional development grant point to the Active Citizens Fund - Regional (EEA and
Norway Grants). That link is an inference and the project's description says so.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from partnerhub.core.choices import Currency, DatePrecision
from partnerhub.demo import places
from partnerhub.demo.context import DemoContext
from partnerhub.projects.choices import Instrument, ProjectStatus, Reach
from partnerhub.projects.services import create_funding_programme, create_project
from partnerhub.results.choices import IndicatorKind, Qualifier, Unit
from partnerhub.results.services import add_indicator

TITLE = "Kuźnia Ekspertów – wsparcie III sektora Warmii i Mazur"

# (kind, name, unit, achieved, qualifier), in the card's order.
INDICATORS = (
    (IndicatorKind.OUTPUT, "Szkolenia", Unit.HOURS, Decimal(328), Qualifier.EXACT),
    (IndicatorKind.OUTPUT, "Doradztwo", Unit.HOURS, Decimal(511), Qualifier.EXACT),
    (IndicatorKind.OUTPUT, "Sesje społeczne", Unit.SESSIONS, Decimal(27), Qualifier.EXACT),
    (IndicatorKind.OUTPUT, "Mini-projekty", Unit.PROJECTS, Decimal(20), Qualifier.EXACT),
    (IndicatorKind.OUTPUT, "Ekspertyzy", Unit.DOCUMENTS, Decimal(6), Qualifier.EXACT),
    (
        IndicatorKind.RESULT,
        "Wzmocnione organizacje z regionu",
        Unit.ORGANISATIONS,
        Decimal(337),
        Qualifier.OVER,
    ),
)


def load(ctx: DemoContext) -> None:
    """Create the project card of Kuźnia Ekspertów and its six indicators."""
    active_citizens = create_funding_programme(
        name="Aktywni Obywatele – Fundusz Regionalny",
        short_name="Aktywni Obywatele",
        instrument=Instrument.EEA_NORWAY_GRANTS,
        period="2014-2021",
        description=(
            "Program Funduszy EOG i funduszy norweskich wspierający społeczeństwo "
            "obywatelskie w regionach."
        ),
    )
    project = create_project(
        title=TITLE,
        support_area=ctx.area("civic-sector-development"),
        seat=ctx.unit(places.ELBLAG),
        start=datetime.date(2021, 4, 1),
        end=datetime.date(2023, 9, 30),
        period_precision=DatePrecision.DAY,
        status=ProjectStatus.COMPLETED,
        currency=Currency.EUR,
        total_cost=Decimal("137476.00"),
        grant=Decimal("137476.00"),
        reach=Reach.REGIONAL,
        funding_programme=active_citizens,
        problem=(
            "Organizacje pozarządowe z Warmii i Mazur potrzebowały trwałego wzmocnienia: "
            "profesjonalizacji, lepszego kontaktu z mieszkańcami, specjalizacji i udziału "
            "w tworzeniu oraz stosowaniu prawa miejscowego i polityk publicznych, bo wiele "
            "samorządów nie radzi sobie z ważnymi dla obywateli sprawami. Pandemia mocno "
            "dotknęła sektor: organizacje dostały mniej pomocy niż inne branże, wiele zawiesiło "
            "działalność, większość miała kłopoty z finansami i kadrą. Do tego mieszkańcy "
            "niewiele wiedzą o roli organizacji, a przekaz medialny bywa wobec nich niechętny."
        ),
        activities=(
            "Szkolenia i cykle szkoleniowe, doradztwo, konsultacje, ekspertyzy, mini-projekty "
            "prowadzone przez same organizacje oraz sesje społeczne; działania uzupełniały się "
            "w jedną ofertę wzmacniającą organizacje."
        ),
        beneficiaries=(
            "Bezpośrednio: organizacje pozarządowe i grupy nieformalne z województwa "
            "warmińsko-mazurskiego (fundacje, stowarzyszenia, aktywiści i działacze społeczni). "
            "Pośrednio: mieszkańcy województwa i przedstawiciele samorządów, którzy śledzili "
            "ofertę i wyniki projektu w mediach społecznościowych."
        ),
        description=(
            "Karta projektu z publicznej bazy projektów dotacyjnych. Karta nie podaje "
            "realizatora, partnerów, typów działań ani grup docelowych. Nie wskazuje też "
            "programu finansującego: powiązanie z programem Aktywni Obywatele – Fundusz "
            "Regionalny (Fundusze EOG i norweskie) jest wnioskiem z obszaru wsparcia, kwot "
            "w euro i wzmianki realizatora o dotacji na rozwój instytucjonalny. Według "
            "realizatora projekt zakończył się sukcesem: powstały też ekspertyzy przydatne "
            "organizacjom i samorządom."
        ),
    )
    for position, (kind, name, unit, achieved, qualifier) in enumerate(INDICATORS, start=1):
        add_indicator(
            project,
            kind=kind,
            name=name,
            unit=unit,
            achieved=achieved,
            achieved_qualifier=qualifier,
            position=position,
        )
