"""The controlled vocabularies Partnerhub ships, in English, Polish and Slovenian.

Each entry is (code, English, Polish, Slovenian). Codes are stable identifiers used by
imports, the API and the demo data; names may be improved without breaking anything.
"""

THEMATIC_AREAS = [
    ("social-economy", "Social economy", "Ekonomia społeczna", "Socialna ekonomija"),
    (
        "civic-sector-development",
        "Development of the civic sector",
        "Rozwój sektora obywatelskiego",
        "Razvoj civilne družbe",
    ),
    ("education", "Education", "Edukacja", "Izobraževanje"),
    (
        "disability",
        "Disability and inclusion",
        "Niepełnosprawność i włączenie",
        "Invalidnost in vključevanje",
    ),
    ("tourism", "Tourism", "Turystyka", "Turizem"),
    ("health", "Health and wellness", "Zdrowie i wellness", "Zdravje in dobro počutje"),
    (
        "employment",
        "Employment and labour market",
        "Zatrudnienie i rynek pracy",
        "Zaposlovanje in trg dela",
    ),
    (
        "entrepreneurship",
        "Entrepreneurship and business support",
        "Przedsiębiorczość i wsparcie biznesu",
        "Podjetništvo in podpora gospodarstvu",
    ),
    (
        "local-development",
        "Local and regional development",
        "Rozwój lokalny i regionalny",
        "Lokalni in regionalni razvoj",
    ),
    ("rural-development", "Rural development", "Rozwój obszarów wiejskich", "Razvoj podeželja"),
    ("social-assistance", "Social assistance and welfare", "Pomoc społeczna", "Socialno varstvo"),
    ("children-youth", "Children and youth", "Dzieci i młodzież", "Otroci in mladi"),
    ("seniors", "Older people", "Seniorzy", "Starejši"),
    ("culture", "Culture and heritage", "Kultura i dziedzictwo", "Kultura in dediščina"),
    ("environment", "Environment and climate", "Środowisko i klimat", "Okolje in podnebje"),
    (
        "finance",
        "Social finance and loans",
        "Finanse społeczne i pożyczki",
        "Socialne finance in posojila",
    ),
    (
        "advocacy",
        "Advocacy and public policy",
        "Rzecznictwo i polityki publiczne",
        "Zagovorništvo in javne politike",
    ),
]

ACTIVITY_TYPES = [
    ("training", "Training", "Szkolenie", "Usposabljanje"),
    ("training-cycle", "Training cycle", "Cykl szkoleniowy", "Cikel usposabljanj"),
    ("advisory", "Advisory", "Doradztwo", "Svetovanje"),
    ("consultation", "Consultation", "Konsultacje", "Posvetovanje"),
    ("expert-opinion", "Expert opinion", "Ekspertyza", "Strokovno mnenje"),
    (
        "mini-project",
        "Mini-projects (re-granting)",
        "Mini-projekty (regranting)",
        "Mini projekti (nadaljnje dodeljevanje)",
    ),
    ("community-session", "Community session", "Sesja społeczna", "Skupnostno srečanje"),
    ("workshop", "Workshop", "Warsztat", "Delavnica"),
    ("seminar", "Seminar", "Seminarium", "Seminar"),
    ("animation", "Community animation", "Animacja lokalna", "Animacija skupnosti"),
    (
        "networking",
        "Networking and cooperation",
        "Sieciowanie i współpraca",
        "Mreženje in sodelovanje",
    ),
    ("study-visit", "Study visit", "Wizyta studyjna", "Študijski obisk"),
    ("publication", "Publication", "Publikacja", "Publikacija"),
    ("loans", "Loans", "Pożyczki", "Posojila"),
]

TARGET_GROUPS = [
    ("ngos", "NGOs", "Organizacje pozarządowe", "Nevladne organizacije"),
    ("informal-groups", "Informal groups", "Grupy nieformalne", "Neformalne skupine"),
    ("residents", "Residents", "Mieszkańcy", "Prebivalci"),
    ("local-government", "Local government", "Samorząd terytorialny", "Lokalna samouprava"),
    (
        "social-economy-entities",
        "Social economy entities",
        "Podmioty ekonomii społecznej",
        "Subjekti socialne ekonomije",
    ),
    (
        "persons-with-disabilities",
        "Persons with disabilities",
        "Osoby z niepełnosprawnościami",
        "Osebe z invalidnostmi",
    ),
    ("unemployed", "Unemployed people", "Osoby bezrobotne", "Brezposelni"),
    ("children", "Children", "Dzieci", "Otroci"),
    ("youth", "Young people", "Młodzież", "Mladi"),
    ("pupils", "Pupils", "Uczniowie", "Učenci"),
    ("seniors", "Older people", "Seniorzy", "Starejši"),
    (
        "smes",
        "Small and medium-sized enterprises",
        "Małe i średnie przedsiębiorstwa",
        "Mala in srednja podjetja",
    ),
    ("local-leaders", "Local leaders", "Liderzy lokalni", "Lokalni voditelji"),
]
