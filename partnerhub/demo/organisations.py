"""The organisations of the five demo cases, each described once under a stable key.

Names are in the original language. A seat is given only where the source page (or the
organisation's very name) states it; otherwise it stays empty. Organisations invented for
the demo say so in their description.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerhub.core.choices import Sector
from partnerhub.demo import places
from partnerhub.demo.places import Place
from partnerhub.registry.choices import LegalForm


@dataclass(frozen=True)
class OrganisationSpec:
    """How to register one demo organisation."""

    name: str
    sector: str
    legal_form: str = LegalForm.OTHER
    short_name: str = ""
    country: str = "PL"
    seat: Place | None = None
    areas: tuple[str, ...] = ()
    description: str = ""
    is_hub: bool = False
    address: str = ""
    postal_code: str = ""


def _gmina(name: str, seat: Place) -> OrganisationSpec:
    return OrganisationSpec(
        name=f"Gmina {name}", sector=Sector.PUBLIC, legal_form=LegalForm.MUNICIPALITY, seat=seat
    )


ORGANISATIONS: dict[str, OrganisationSpec] = {
    # Case 1: Forum Aktywności Lokalnej and its partners (Lower Silesia).
    "fal": OrganisationSpec(
        name="Stowarzyszenie Forum Aktywności Lokalnej",
        short_name="FAL",
        sector=Sector.CIVIL,
        legal_form=LegalForm.ASSOCIATION,
        seat=places.DOLNOSLASKIE,
        areas=("local-development", "social-economy", "entrepreneurship"),
        is_hub=True,
        description=(
            "Stowarzyszenie z Dolnego Śląska, które od 2006 r. buduje i wspiera partnerstwa "
            "organizacji pozarządowych, biznesu i administracji. W jego strukturach działa "
            "Sudecki Inkubator Przedsiębiorczości, przez który FAL koordynuje trzy klastry."
        ),
    ),
    "marshal_office": OrganisationSpec(
        name="Urząd Marszałkowski Województwa Dolnośląskiego",
        short_name="UMWD",
        sector=Sector.PUBLIC,
        legal_form=LegalForm.REGIONAL_GOVERNMENT,
        seat=places.DOLNOSLASKIE,
    ),
    "cercifaf": OrganisationSpec(
        name="Cooperativa de Educação e Reabilitação de Crianças Inadaptadas de Fafe",
        short_name="CERCIFAF",
        sector=Sector.CIVIL,
        legal_form=LegalForm.SOCIAL_COOPERATIVE,
        country="PT",
        seat=places.FAFE,
        areas=("disability",),
        description=(
            "Portugalska spółdzielnia zajmująca się edukacją i rehabilitacją dzieci "
            "z niepełnosprawnościami; zagraniczny partner FAL w projekcie ponadnarodowym."
        ),
    ),
    "gmina_boguszow_gorce": _gmina("Boguszów-Gorce", places.BOGUSZOW_GORCE),
    "gmina_stare_bogaczowice": _gmina("Stare Bogaczowice", places.STARE_BOGACZOWICE),
    "gmina_msciwojow": _gmina("Mściwojów", places.MSCIWOJOW),
    "gmina_gluszyca": _gmina("Głuszyca", places.GLUSZYCA),
    "ost": OrganisationSpec(
        name="Ośrodek Szkolenia Technicznego",
        sector=Sector.PRIVATE,
        areas=("entrepreneurship",),
        description=(
            "Ośrodek szkoleniowy; partner biznesowy FAL w programie wsparcia konkurencyjności "
            "MŚP z subregionu jeleniogórskiego."
        ),
    ),
    "dolnoslascy_pracodawcy": OrganisationSpec(
        name="Dolnośląscy Pracodawcy",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.BUSINESS_ASSOCIATION,
        seat=places.DOLNOSLASKIE,
        areas=("entrepreneurship",),
        description="Związek pracodawców zrzeszający ponad 120 firm z Dolnego Śląska.",
    ),
    "umed_wroclaw": OrganisationSpec(
        name="Uniwersytet Medyczny we Wrocławiu",
        sector=Sector.PUBLIC,
        legal_form=LegalForm.UNIVERSITY,
        seat=places.WROCLAW_CITY,
        areas=("health",),
    ),
    "uzdrowisko": OrganisationSpec(
        name="Uzdrowisko Świeradów-Czerniawa sp. z o.o.",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.LIMITED_COMPANY,
        seat=places.SWIERADOW_ZDROJ,
        areas=("health", "tourism"),
        description="Spółka uzdrowiskowa należąca do grupy kapitałowej KGHM Polska Miedź.",
    ),
    # Case 1: the members of the Subregion Sudety partnership not listed above.
    "voivodeship_office": OrganisationSpec(
        name="Urząd Województwa Dolnośląskiego",
        sector=Sector.PUBLIC,
        seat=places.DOLNOSLASKIE,
        description=(
            "Nazwa jak w źródle, które nie precyzuje, czy chodzi o urząd marszałkowski "
            "(samorząd województwa), czy o urząd wojewódzki (administracja rządowa)."
        ),
    ),
    "gmina_swieradow_zdroj": _gmina("Świeradów-Zdrój", places.SWIERADOW_ZDROJ),
    "gmina_karpacz": _gmina("Karpacz", places.KARPACZ),
    "gmina_szklarska_poreba": _gmina("Szklarska Poręba", places.SZKLARSKA_POREBA),
    "kghm_tfi": OrganisationSpec(
        name="KGHM Towarzystwo Funduszy Inwestycyjnych S.A.",
        short_name="KGHM TFI",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.JOINT_STOCK_COMPANY,
    ),
    "interferie": OrganisationSpec(
        name="Interferie S.A.",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.JOINT_STOCK_COMPANY,
        areas=("tourism",),
    ),
    "gk_zasada": OrganisationSpec(
        name="Grupa Kapitałowa Sobiesław Zasada S.A.",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.JOINT_STOCK_COMPANY,
    ),
    "cwip": OrganisationSpec(
        name="Centrum Wspierania Inicjatyw Pozarządowych",
        sector=Sector.CIVIL,
        areas=("civic-sector-development",),
    ),
    "ue_wroclaw": OrganisationSpec(
        name="Uniwersytet Ekonomiczny we Wrocławiu",
        sector=Sector.PUBLIC,
        legal_form=LegalForm.UNIVERSITY,
        seat=places.WROCLAW_CITY,
    ),
    # Case 2: SWPPG (Gostyń county, Wielkopolska).
    "swppg": OrganisationSpec(
        name="Stowarzyszenie Wspierania Przedsiębiorczości Powiatu Gostyńskiego",
        short_name="SWPPG",
        sector=Sector.CIVIL,
        legal_form=LegalForm.ASSOCIATION,
        seat=places.POWIAT_GOSTYNSKI,
        areas=("entrepreneurship", "local-development"),
        description=(
            "Stowarzyszenie wspierające przedsiębiorczość w powiecie gostyńskim; prowadzi "
            "zespoły robocze partnerów lokalnych i ekspertów, które opracowują programy "
            "rozwoju partnerstw lokalnych."
        ),
    ),
    # Case 3: the Postojna hub and the pilot local partnership (Slovenia).
    "postojna_hub": OrganisationSpec(
        name="Regionalno stičišče NVO Primorsko-notranjske regije",
        sector=Sector.CIVIL,
        country="SI",
        seat=places.POSTOJNA,
        address="Vilharjeva ulica 14",
        postal_code="6230",
        is_hub=True,
        areas=("civic-sector-development", "local-development"),
        description=(
            "Regionalno stičišče nevladnih organizacij, ki povezuje javni, zasebni in civilni "
            "sektor. Kot facilitator izbira in povezuje ključne deležnike, jim pomaga "
            "prepoznati lokalne probleme in potrebne aktivnosti ter spremlja izvedbo "
            "lokalnih partnerstev."
        ),
    ),
    "obcina_postojna": OrganisationSpec(
        name="Občina Postojna",
        sector=Sector.PUBLIC,
        legal_form=LegalForm.MUNICIPALITY,
        country="SI",
        seat=places.POSTOJNA,
    ),
    "demo_ngo_postojna": OrganisationSpec(
        name="Društvo Zgledni sosedje",
        sector=Sector.CIVIL,
        legal_form=LegalForm.ASSOCIATION,
        country="SI",
        seat=places.POSTOJNA,
        areas=("seniors",),
        description="Demo organizacija: izmišljeno društvo za predstavitev pilotnega partnerstva.",
    ),
    "demo_firm_postojna": OrganisationSpec(
        name="Zgledno podjetje d.o.o.",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.LIMITED_COMPANY,
        country="SI",
        seat=places.POSTOJNA,
        description="Demo organizacija: izmišljeno podjetje za predstavitev pilotnega partnerstva.",
    ),
    # Case 4: 3P4SSE (Lower Silesia).
    "dops": OrganisationSpec(
        name="Dolnośląski Ośrodek Polityki Społecznej",
        short_name="DOPS",
        sector=Sector.PUBLIC,
        legal_form=LegalForm.PUBLIC_INSTITUTION,
        seat=places.DOLNOSLASKIE,
        areas=("social-economy", "social-assistance"),
    ),
    "arleg": OrganisationSpec(
        name="Agencja Rozwoju Regionalnego „ARLEG” S.A.",
        short_name="ARLEG",
        sector=Sector.PRIVATE,
        legal_form=LegalForm.JOINT_STOCK_COMPANY,
        seat=places.DOLNOSLASKIE,
        areas=("local-development", "social-economy"),
    ),
}
