"""The proportions synthetic data follows, with where each figure comes from.

Shares are weights (they need not add up to 100). They describe the organisations a
national hub network registers, not every entity in the business register: most are
civil (associations far ahead of foundations, as in the GUS and AJPES NGO counts:
about 70 % associations and 20 % foundations in Poland, in Slovenia about 80 % societies
and most of the rest private institutes), then private firms, then few public bodies.
"""

from __future__ import annotations

# Poland and Slovenia in the proportion of their NGO sectors (~100 000 and ~28 000
# active organisations), rounded to 85 / 15.
COUNTRY_WEIGHTS = {"PL": 85.0, "SI": 15.0}

# (sector, legal form, weight) per country.
LEGAL_FORMS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "PL": (
        ("civil", "association", 46.0),
        ("civil", "foundation", 15.0),
        ("civil", "social_cooperative", 1.5),
        ("civil", "religious_organisation", 2.5),
        ("civil", "informal_group", 3.0),
        ("civil", "other", 1.0),
        ("private", "limited_company", 9.0),
        ("private", "sole_trader", 9.0),
        ("private", "joint_stock_company", 0.5),
        ("private", "cooperative", 1.5),
        ("private", "business_association", 2.0),
        # ~2 500 municipalities in 200 000 organisations, as Poland has 2 477.
        ("public", "municipality", 1.3),
        ("public", "county", 0.3),
        ("public", "regional_government", 0.02),
        ("public", "state_administration", 0.6),
        ("public", "public_institution", 6.5),
        ("public", "university", 0.1),
    ),
    "SI": (
        ("civil", "association", 55.0),
        ("civil", "foundation", 1.5),
        ("civil", "social_cooperative", 1.0),
        ("civil", "religious_organisation", 2.0),
        ("civil", "informal_group", 2.0),
        ("civil", "other", 9.0),  # zavodi: private non-profit institutes
        ("private", "limited_company", 11.0),
        ("private", "sole_trader", 8.0),
        ("private", "joint_stock_company", 0.5),
        ("private", "cooperative", 1.0),
        ("private", "business_association", 1.0),
        ("public", "municipality", 1.5),
        ("public", "state_administration", 0.5),
        ("public", "public_institution", 6.0),
        ("public", "university", 0.1),
    ),
}

# Legal forms with one organisation per place or per name: when every one is taken, the
# organisation becomes a public institution instead.
ONE_PER_SEAT = {"municipality", "county", "regional_government"}

# Polish voivodeships: population in thousands (GUS 2023), number of municipalities
# (gminy) and of cities with county rights (TERYT 2024).
VOIVODESHIPS: dict[str, tuple[int, int, int]] = {
    "02": (2_870, 169, 4),
    "04": (1_990, 144, 4),
    "06": (2_030, 213, 4),
    "08": (970, 82, 2),
    "10": (2_380, 177, 3),
    "12": (3_430, 182, 3),
    "14": (5_510, 314, 5),
    "16": (950, 71, 1),
    "18": (2_080, 160, 4),
    "20": (1_150, 118, 3),
    "22": (2_350, 123, 4),
    "24": (4_350, 167, 19),
    "26": (1_190, 102, 1),
    "28": (1_370, 116, 2),
    "30": (3_480, 226, 4),
    "32": (1_650, 113, 3),
}
# Warsaw's NGO density is well above the country's: Mazowieckie counts for more.
VOIVODESHIP_NGO_FACTOR = {"14": 1.3}

# Slovenian statistical regions: population in thousands (SURS 2023).
SI_REGIONS: dict[str, int] = {
    "SI031": 113,
    "SI032": 325,
    "SI033": 70,
    "SI034": 257,
    "SI035": 57,
    "SI036": 76,
    "SI037": 147,
    "SI038": 53,
    "SI041": 560,
    "SI042": 210,
    "SI043": 118,
    "SI044": 118,
}

# Weight of a municipality within its region: by TERYT type for Poland (urban, rural,
# urban-rural), cities with county rights far above; Slovenia's urban municipalities
# (mestne občine) by code, the others 1.
PL_MUNICIPALITY_TYPE_WEIGHTS = {"1": 4.0, "2": 1.0, "3": 2.0}
PL_CITY_COUNTY_WEIGHT = 40.0
SI_URBAN_MUNICIPALITIES: dict[str, float] = {
    "061": 60.0,  # Ljubljana
    "070": 25.0,  # Maribor
    "011": 10.0,  # Celje
    "052": 10.0,  # Kranj
    "050": 8.0,  # Koper
    "085": 7.0,  # Novo mesto
    "133": 6.0,  # Velenje
    "084": 6.0,  # Nova Gorica
    "096": 4.0,  # Ptuj
    "080": 4.0,  # Murska Sobota
    "112": 3.0,  # Slovenj Gradec
}

# Thematic areas by sector (codes of the shipped vocabulary).
AREAS_BY_SECTOR: dict[str, dict[str, float]] = {
    "civil": {
        "social-economy": 3,
        "civic-sector-development": 3,
        "education": 8,
        "disability": 4,
        "tourism": 2,
        "health": 4,
        "employment": 2,
        "local-development": 5,
        "rural-development": 4,
        "social-assistance": 6,
        "children-youth": 8,
        "seniors": 5,
        "culture": 8,
        "environment": 4,
        "advocacy": 2,
    },
    "private": {
        "entrepreneurship": 8,
        "employment": 5,
        "tourism": 4,
        "local-development": 3,
        "environment": 2,
        "finance": 2,
        "social-economy": 1,
        "education": 1,
    },
    "public": {
        "local-development": 6,
        "social-assistance": 5,
        "education": 5,
        "culture": 3,
        "employment": 3,
        "health": 2,
        "children-youth": 2,
        "seniors": 2,
        "civic-sector-development": 1,
        "rural-development": 2,
    },
}

PARTNERSHIP_KINDS = {
    "local_partnership": 45.0,
    "network": 15.0,
    "cluster": 5.0,
    "platform": 5.0,
    "umbrella_organisation": 3.0,
    "fund": 2.0,
    "informal_group": 10.0,
    "public_private_partnership": 5.0,
    "project_consortium": 10.0,
}
STAGES = {
    "scoping": 10.0,
    "building": 12.0,
    "formalised": 12.0,
    "implementing": 30.0,
    "reviewing": 6.0,
    "sustaining": 15.0,
    "closed": 15.0,
}
MEMBER_ROLES = {"partner": 70.0, "associated": 12.0, "observer": 6.0, "expert": 7.0}
LEADER_SECTORS = {"civil": 60.0, "public": 35.0, "private": 5.0}

REACH = {"local": 55.0, "regional": 30.0, "national": 12.0, "international": 3.0}
EVENT_TYPES = {
    "meeting": 25.0,
    "workshop": 20.0,
    "training": 20.0,
    "seminar": 8.0,
    "advisory": 12.0,
    "consultation_meeting": 7.0,
    "community_session": 8.0,
}
# Attendance by sector: a typical participant count range per sector present.
ATTENDANCE_RANGES = {
    "civil": (3, 60),
    "public": (1, 25),
    "private": (1, 15),
    "individual": (2, 80),
    "unspecified": (1, 20),
}
PROBLEM_STATUSES = {
    "submitted": 15.0,
    "published": 45.0,
    "being_addressed": 20.0,
    "addressed": 12.0,
    "rejected": 8.0,
}
DATE_PRECISIONS = {"day": 85.0, "month": 10.0, "year": 5.0}
