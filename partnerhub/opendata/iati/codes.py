"""How Partnerhub's vocabularies map to IATI 2.03 codelists (https://iatistandard.org/en/iati-standard/203/codelists/)."""

from __future__ import annotations

from decimal import Decimal

from partnerhub.core.choices import Sector
from partnerhub.projects.choices import PartnerRole, ProjectStatus, Reach
from partnerhub.registry.choices import LegalForm
from partnerhub.registry.models import Organisation
from partnerhub.results.choices import IndicatorKind, Unit

VERSION = "2.03"

# ActivityStatus: 1 Pipeline/identification, 2 Implementation, 3 Finalisation, 4 Closed,
# 5 Cancelled. A completed project in a grants database is closed: nothing more is paid.
ACTIVITY_STATUS: dict[str, str] = {
    ProjectStatus.PLANNED: "1",
    ProjectStatus.ONGOING: "2",
    ProjectStatus.COMPLETED: "4",
    ProjectStatus.TERMINATED: "5",
}

# ActivityDateType: 1 Planned start, 2 Actual start, 3 Planned end, 4 Actual end.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
STARTED = {ProjectStatus.ONGOING, ProjectStatus.COMPLETED, ProjectStatus.TERMINATED}
ENDED = {ProjectStatus.COMPLETED, ProjectStatus.TERMINATED}

# ActivityScope: 3 Multi-national, 4 National, 6 Sub-national: single first-level
# administrative area (a voivodeship, a statistical region), 7 Sub-national: single
# second-level administrative area (a county, a municipality).
ACTIVITY_SCOPE: dict[str, str] = {
    Reach.LOCAL: "7",
    Reach.REGIONAL: "6",
    Reach.NATIONAL: "4",
    Reach.INTERNATIONAL: "3",
}

# OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. The lead partner
# answers for the grant and carries the project out; partners and associated partners carry
# it out; a funder funds it.
FUNDING, ACCOUNTABLE, IMPLEMENTING = "1", "2", "4"
PARTNER_ROLES: dict[str, tuple[str, ...]] = {
    PartnerRole.LEAD: (ACCOUNTABLE, IMPLEMENTING),
    PartnerRole.PARTNER: (IMPLEMENTING,),
    PartnerRole.ASSOCIATED: (IMPLEMENTING,),
    PartnerRole.FUNDER: (FUNDING,),
}

# OrganisationType: 10 Government, 11 Local Government, 15 Other Public Sector, 22 National
# NGO, 60 Foundation, 70 Private Sector, 80 Academic, Training and Research, 90 Other.
ORGANISATION_TYPE_BY_LEGAL_FORM: dict[str, str] = {
    LegalForm.MUNICIPALITY: "11",
    LegalForm.COUNTY: "11",
    LegalForm.REGIONAL_GOVERNMENT: "11",
    LegalForm.STATE_ADMINISTRATION: "10",
    LegalForm.PUBLIC_INSTITUTION: "15",
    LegalForm.UNIVERSITY: "80",
    LegalForm.FOUNDATION: "60",
    LegalForm.ASSOCIATION: "22",
    LegalForm.SOCIAL_COOPERATIVE: "22",
    LegalForm.INFORMAL_GROUP: "22",
    LegalForm.RELIGIOUS_ORGANISATION: "22",
    LegalForm.COOPERATIVE: "70",
    LegalForm.LIMITED_COMPANY: "70",
    LegalForm.JOINT_STOCK_COMPANY: "70",
    LegalForm.SOLE_TRADER: "70",
    LegalForm.BUSINESS_ASSOCIATION: "70",
}
ORGANISATION_TYPE_BY_SECTOR: dict[str, str] = {
    Sector.PUBLIC: "15",
    Sector.PRIVATE: "70",
    Sector.CIVIL: "22",
}

# Organisation identifiers: org-id.guide register prefix + the id, the first one known.
ORGANISATION_ID_PREFIXES = (
    ("krs", "PL-KRS"),
    ("regon", "PL-REGON"),
    ("nip", "PL-NIP"),
    ("si_registration_number", "SI-PRS"),
    ("si_tax_number", "SI-TIN"),
)

# SectorVocabulary 99: the reporting organisation's own, here Partnerhub's thematic areas.
# SectorVocabulary 1: OECD DAC CRS purpose codes, only where an area maps cleanly to one.
OWN_SECTOR_VOCABULARY = "99"
DAC_VOCABULARY = "1"
DAC_PURPOSE_CODES = {
    "civic-sector-development": "15150",  # Democratic participation and civil society
    "employment": "16020",  # Employment creation
    "entrepreneurship": "25030",  # Business development services
    "tourism": "33210",  # Tourism policy and administrative management
    "rural-development": "43040",  # Rural development
    "social-assistance": "16010",  # Social protection
    "culture": "16061",  # Culture and recreation
    "environment": "41010",  # Environmental policy and administrative management
}

# ResultType: 1 Output, 2 Outcome. IndicatorMeasure: 1 Unit, 2 Percentage.
RESULT_TYPE: dict[str, str] = {IndicatorKind.OUTPUT: "1", IndicatorKind.RESULT: "2"}
MEASURE_UNIT, MEASURE_PERCENTAGE = "1", "2"

# BudgetType 1 Original; BudgetStatus 1 Indicative, 2 Committed (the grant was awarded).
BUDGET_ORIGINAL, BUDGET_INDICATIVE, BUDGET_COMMITTED = "1", "1", "2"

# DescriptionType: 1 General, 3 Target Groups, 4 Other (the problem the project answers).
DESCRIPTION_GENERAL, DESCRIPTION_TARGET_GROUPS, DESCRIPTION_OTHER = "1", "3", "4"
DOCUMENT_ACTIVITY_WEB_PAGE = "A12"

# GeographicVocabulary A4: ISO 3166-1 alpha-2; GeographicLocationReach 1: activity;
# GeographicLocationClass 1: administrative region.
ISO_COUNTRY_VOCABULARY = "A4"
LOCATION_REACH_ACTIVITY = "1"
LOCATION_CLASS_ADMINISTRATIVE = "1"

# The language the texts of a record are written in, by the country they come from.
LANGUAGE_BY_COUNTRY = {"PL": "pl", "SI": "sl"}
DEFAULT_LANGUAGE = "en"


def measure(unit: str) -> str:
    return MEASURE_PERCENTAGE if unit == Unit.PERCENT else MEASURE_UNIT


def organisation_ref(organisation: Organisation) -> str | None:
    """The IATI organisation identifier, or None for an organisation without registry ids."""
    for field, prefix in ORGANISATION_ID_PREFIXES:
        value = getattr(organisation, field)
        if value:
            return f"{prefix}-{value}"
    return None


def organisation_type(organisation: Organisation) -> str:
    return ORGANISATION_TYPE_BY_LEGAL_FORM.get(
        organisation.legal_form, ORGANISATION_TYPE_BY_SECTOR.get(organisation.sector, "90")
    )


def split_percentages(count: int) -> list[Decimal]:
    """``count`` equal shares of 100 with two decimals, the rounding left on the first."""
    if count == 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    return [Decimal(100) - share * (count - 1), *([share] * (count - 1))]
