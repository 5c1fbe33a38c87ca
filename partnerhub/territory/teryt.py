"""Reading the official Polish TERC register (TERYT) as published by GUS.

GUS publishes TERC as CSV (semicolon-separated UTF-8, header
``WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA``) and as XML
(``<teryt><catalog name="TERC"><row><WOJ>02</WOJ>…``; older files write
``<col name="WOJ">02</col>`` and call NAZWA_DOD ``NAZDOD``), each also zipped. A row with
only WOJ is a voivodeship, WOJ+POW a county, WOJ+POW+GMI+RODZ a municipality or a part of
one (a town or the rural area of an urban-rural municipality, a Warsaw district, a city
delegation). Everything here only reads: a bad file raises ``TercError`` naming the line
or row, before anything is written.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from partnerhub.territory.choices import Level, MunicipalityType

REQUIRED_COLUMNS = ("WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD")
OFFICIAL_HEADER = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA"
COLUMN_ALIASES = {"NAZDOD": "NAZWA_DOD"}  # the older XML files
KIND_COUNTY = "powiat"
MAX_NAME_LENGTH = 200
# Parts of a municipality hang under the whole: a town (4) and the rural area (5) under
# the urban-rural municipality (3); Warsaw districts (8) and city delegations (9) under
# the city (its urban municipality, GMI 01 type 1).
PART_OF = {
    MunicipalityType.TOWN_IN_URBAN_RURAL.value: MunicipalityType.URBAN_RURAL.value,
    MunicipalityType.RURAL_AREA_IN_URBAN_RURAL.value: MunicipalityType.URBAN_RURAL.value,
}
CITY_PARTS = {MunicipalityType.CAPITAL_DISTRICT.value, MunicipalityType.CITY_DELEGATION.value}
CITY_MUNICIPALITY = "01" + MunicipalityType.URBAN.value  # GMI and RODZ of a city


class TercError(Exception):
    """The file is not a valid TERC register; the message says where and why."""


@dataclass(frozen=True)
class TercRow:
    """One row of TERC: a voivodeship, a county or a municipality (or part of one)."""

    where: str  # "line 12" or "row 11", for messages
    woj: str
    pow: str
    gmi: str
    rodz: str
    name: str
    kind: str  # NAZWA_DOD: "województwo", "powiat", "gmina miejska", …

    @property
    def code(self) -> str:
        return f"{self.woj}{self.pow}{self.gmi}{self.rodz}"

    @property
    def level(self) -> str:
        if not self.pow:
            return Level.VOIVODESHIP
        if not self.gmi:
            return Level.COUNTY
        return Level.MUNICIPALITY

    @property
    def is_part(self) -> bool:
        """A town, rural area, district or delegation inside a municipality."""
        return self.rodz in PART_OF or self.rodz in CITY_PARTS


def read_terc(path: Path) -> list[TercRow]:
    """Read and check every row of a TERC file (``.csv``, ``.xml`` or a ``.zip`` of one)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TercError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        ) from error
    name = path.name.lower()
    if name.endswith(".zip") or data.startswith(b"PK\x03\x04"):
        name, data = _unzip(path, data)
    if name.endswith(".xml") or (not name.endswith(".csv") and data.lstrip()[:1] == b"<"):
        rows = parse_xml(data)
    else:
        rows = parse_csv(data)
    if not rows:
        raise TercError(_("The file %(path)s has no rows.") % {"path": path})
    return rows


def _unzip(path: Path, data: bytes) -> tuple[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                member for member in archive.namelist() if member.lower().endswith((".csv", ".xml"))
            ]
            if len(members) != 1:
                raise TercError(
                    _("The archive %(path)s must hold exactly one .csv or .xml file.")
                    % {"path": path}
                )
            return members[0].lower(), archive.read(members[0])
    except zipfile.BadZipFile as error:
        raise TercError(_("%(path)s is not a valid ZIP archive.") % {"path": path}) from error


def parse_csv(data: bytes) -> list[TercRow]:
    """Parse the CSV form: UTF-8 (a byte order mark is allowed), semicolon-separated."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TercError(
            _("The file is not UTF-8 text (byte %(position)s).") % {"position": error.start + 1}
        ) from error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(reader, None)
    if header is None:
        raise TercError(_("The file is empty."))
    columns = [COLUMN_ALIASES.get(name.strip(), name.strip()) for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise TercError(
            _("Line 1: the header lacks %(columns)s; a TERC file starts with %(header)s.")
            % {"columns": ", ".join(missing), "header": OFFICIAL_HEADER}
        )
    rows = []
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        where = _("line %(number)s") % {"number": reader.line_num}
        if len(values) != len(columns):
            raise TercError(
                _("%(where)s: expected %(expected)s fields separated by ';', found %(found)s.")
                % {"where": _capital(where), "expected": len(columns), "found": len(values)}
            )
        rows.append(_row(where, dict(zip(columns, values, strict=True))))
    return _checked(rows)


def parse_xml(data: bytes) -> list[TercRow]:
    """Parse the XML form, with ``<WOJ>02</WOJ>`` or ``<col name="WOJ">02</col>`` fields."""
    try:
        # The stdlib parser resolves no external entities and its expat (>= 2.4) limits
        # entity expansion, which is what defusedxml would add for this trusted file.
        root = ElementTree.fromstring(data)  # noqa: S314
    except ElementTree.ParseError as error:
        line, column = error.position
        raise TercError(
            _("The XML is not well-formed (line %(line)s, column %(column)s).")
            % {"line": line, "column": column + 1}
        ) from error
    # GUS wraps the rows in <teryt><catalog name="TERC">; some copies use another root.
    catalog = root if root.tag == "catalog" else root.find("catalog")
    if catalog is not None and catalog.get("name", "TERC").upper() != "TERC":
        raise TercError(
            _("This XML is the %(catalog)s catalogue of TERYT, not TERC.")
            % {"catalog": catalog.get("name")}
        )
    rows = []
    for number, element in enumerate(root.iter("row"), start=1):
        where = _("row %(number)s") % {"number": number}
        fields = {}
        for child in element:
            name = child.get("name", "") if child.tag in ("col", "column") else child.tag
            fields[COLUMN_ALIASES.get(name, name)] = (child.text or "").strip()
        missing = [name for name in REQUIRED_COLUMNS if name not in fields]
        if missing:
            raise TercError(
                _("%(where)s: the fields %(columns)s are missing.")
                % {"where": _capital(where), "columns": ", ".join(missing)}
            )
        rows.append(_row(where, fields))
    return _checked(rows)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _row(where: str, fields: dict[str, str]) -> TercRow:
    """One row with its codes checked on their own."""
    row = TercRow(
        where=where,
        woj=fields["WOJ"].strip(),
        pow=fields["POW"].strip(),
        gmi=fields["GMI"].strip(),
        rodz=fields["RODZ"].strip(),
        name=fields["NAZWA"].strip(),
        kind=fields["NAZWA_DOD"].strip(),
    )
    here = _capital(where)
    for column, value, length in (
        ("WOJ", row.woj, 2),
        ("POW", row.pow, 2),
        ("GMI", row.gmi, 2),
        ("RODZ", row.rodz, 1),
    ):
        if value and not (len(value) == length and value.isascii() and value.isdigit()):
            raise TercError(
                _("%(where)s: %(column)s must be %(length)s digits, not “%(value)s”.")
                % {"where": here, "column": column, "length": length, "value": value}
            )
    if not row.woj:
        raise TercError(_("%(where)s: WOJ is empty.") % {"where": here})
    if row.gmi and not row.pow:
        raise TercError(_("%(where)s: GMI is given without POW.") % {"where": here})
    if bool(row.gmi) != bool(row.rodz):
        raise TercError(
            _("%(where)s: GMI and RODZ go together; a municipality needs both.") % {"where": here}
        )
    if row.rodz and row.rodz not in MunicipalityType.values:
        raise TercError(
            _("%(where)s: unknown municipality type RODZ=%(rodz)s.")
            % {"where": here, "rodz": row.rodz}
        )
    if not row.name:
        raise TercError(_("%(where)s: NAZWA is empty.") % {"where": here})
    if len(row.name) > MAX_NAME_LENGTH:
        raise TercError(
            _("%(where)s: NAZWA is longer than %(length)s characters.")
            % {"where": here, "length": MAX_NAME_LENGTH}
        )
    return row


def _checked(rows: list[TercRow]) -> list[TercRow]:
    """Reject a code that occurs twice in the file."""
    first_seen: dict[str, TercRow] = {}
    for row in rows:
        earlier = first_seen.setdefault(row.code, row)
        if earlier is not row:
            raise TercError(
                _("%(where)s: the code %(code)s already occurs at %(earlier)s.")
                % {"where": _capital(row.where), "code": row.code, "earlier": earlier.where}
            )
    return rows


def check_hierarchy(rows: Iterable[TercRow], existing_codes: set[str]) -> dict[str, str]:
    """The parent code of every row; each parent must be in the file or in ``existing_codes``.

    Raises ``TercError`` for a county outside any known voivodeship or a municipality
    outside any known county. A part of a municipality whose whole is unknown hangs under
    the county.
    """
    rows = list(rows)
    known = existing_codes | {row.code for row in rows}
    parents = {}
    for row in rows:
        if row.level == Level.VOIVODESHIP:
            parents[row.code] = "PL"
            continue
        if row.level == Level.COUNTY:
            parent, missing = row.woj, _("voivodeship %(code)s") % {"code": row.woj}
        else:
            parent = row.woj + row.pow
            missing = _("county %(code)s") % {"code": parent}
        if parent not in known:
            raise TercError(
                _(
                    "%(where)s: %(name)s (%(code)s) lies in %(missing)s, which is neither in the "
                    "file nor in the database."
                )
                % {
                    "where": _capital(row.where),
                    "name": row.name,
                    "code": row.code,
                    "missing": missing,
                }
            )
        whole = _whole_municipality(row)
        parents[row.code] = whole if whole in known else parent
    return parents


def _whole_municipality(row: TercRow) -> str | None:
    if row.rodz in PART_OF:
        return f"{row.woj}{row.pow}{row.gmi}{PART_OF[row.rodz]}"
    if row.rodz in CITY_PARTS:
        return f"{row.woj}{row.pow}{CITY_MUNICIPALITY}"
    return None


def parents_first(rows: Iterable[TercRow]) -> list[TercRow]:
    """The rows ordered so that every parent comes before its children."""
    depth = {Level.VOIVODESHIP: 0, Level.COUNTY: 1, Level.MUNICIPALITY: 2}
    return sorted(rows, key=lambda row: (depth[Level(row.level)], row.is_part, row.code))
