"""Every territorial unit the demo cases refer to, by its official code, in one place.

Codes are those the territory loader uses: ISO 3166-1 alpha-2 for countries, TERYT for
Poland (voivodeship 2 digits, county 4, municipality 7 including the type digit), NUTS for
Slovenian statistical regions and the 3-digit municipality number for Slovenia. When a code
here turns out wrong, correct it here and nowhere else.
"""

from typing import NamedTuple


class Place(NamedTuple):
    """A territorial unit named by its country and its official code within that country."""

    country: str
    code: str


# Countries (a country's code is its own ISO code).
POLAND = Place("PL", "PL")
SLOVENIA = Place("SI", "SI")
PORTUGAL = Place("PT", "PT")
ITALY = Place("IT", "IT")
CROATIA = Place("HR", "HR")
HUNGARY = Place("HU", "HU")

# Polish voivodeships.
DOLNOSLASKIE = Place("PL", "02")
WARMINSKO_MAZURSKIE = Place("PL", "28")
WIELKOPOLSKIE = Place("PL", "30")

# Polish counties (powiaty) and cities with county rights.
POWIAT_WALBRZYSKI = Place("PL", "0221")
POWIAT_JAWORSKI = Place("PL", "0205")
POWIAT_KARKONOSKI = Place("PL", "0206")
POWIAT_LUBANSKI = Place("PL", "0210")
POWIAT_GOSTYNSKI = Place("PL", "3004")
JELENIA_GORA = Place("PL", "0261")
LEGNICA = Place("PL", "0262")
WROCLAW = Place("PL", "0264")
WALBRZYCH = Place("PL", "0265")
ELBLAG_CITY_COUNTY = Place("PL", "2861")

# Polish municipalities (gminy).
BOGUSZOW_GORCE = Place("PL", "0221011")
GLUSZYCA = Place("PL", "0221053")
STARE_BOGACZOWICE = Place("PL", "0221072")
MSCIWOJOW = Place("PL", "0205042")
KARPACZ = Place("PL", "0206011")
SZKLARSKA_POREBA = Place("PL", "0206041")
SWIERADOW_ZDROJ = Place("PL", "0210021")
WROCLAW_CITY = Place("PL", "0264011")
ELBLAG = Place("PL", "2861011")

# Slovenia: the statistical region and the municipality of Postojna.
PRIMORSKO_NOTRANJSKA = Place("SI", "SI038")
POSTOJNA = Place("SI", "094")

# Portugal: the locality of Fafe (seat of CERCIFAF).
FAFE = Place("PT", "fafe")
