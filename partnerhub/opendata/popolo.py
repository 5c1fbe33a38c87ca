"""Popolo JSON (https://www.popoloproject.com/specs/): who takes part in which partnership.

The mapping:

* every **organisation** is a Popolo ``organization`` (id ``organisation/<id>``) with its
  registry ids as ``identifiers`` under org-id.guide scheme codes (``PL-KRS``, ``PL-NIP``,
  ``PL-REGON``, ``SI-PRS`` for the matična številka, ``SI-TIN`` for the davčna številka),
  its legal form as ``classification``, its seat as ``area_id``, its founding and
  dissolution dates, its public contact details and website; its sector, which Popolo has
  no property for, is the extension property ``sector``;
* every **partnership** is a Popolo ``organization`` too (id ``partnership/<id>``) with
  ``classification`` ``"partnership"``, its period as founding and dissolution dates (as
  precise as known: ``2006`` for a year) and its kind as the extension ``partnership_kind``.
  Popolo's membership links a member to an organization, and a partnership is exactly the
  organization its members belong to;
* every **role** used in a partnership (leader / coordinator, partner, facilitator, expert,
  observer, associated partner) is a ``post`` of that partnership
  (id ``partnership/<id>/post/<role>``);
* every **membership** links the partnership (``organization_id``) to its member: an
  organisation as ``member: {"@type": "Organization", "id": ...}``, a person as
  ``person_id``, with ``role``, ``post_id`` and its dates;
* territorial units are ``areas`` (with their official code as ``identifier``, their
  level as ``classification`` and their parent);
* **people** are personal data: only the staff variant lists ``persons``, their
  memberships and their affiliations with organisations (as memberships of the
  organisation), and even there only names and function, never e-mail, phone or address.

Public output holds published partnerships only.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from partnerhub.core.choices import DatePrecision
from partnerhub.partnerships.choices import MemberRole
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.registry.models import Affiliation, Organisation, Person
from partnerhub.territory.models import PATH_SEPARATOR, TerritorialUnit

CHUNK_SIZE = 2000
# org-id.guide codes of the registers behind each identifier field.
IDENTIFIER_SCHEMES = {
    "krs": "PL-KRS",
    "nip": "PL-NIP",
    "regon": "PL-REGON",
    "si_registration_number": "SI-PRS",
    "si_tax_number": "SI-TIN",
}
PARTNERSHIP_CLASSIFICATION = "partnership"


def organisation_id(pk: int) -> str:
    return f"organisation/{pk}"


def partnership_id(pk: int) -> str:
    return f"partnership/{pk}"


def person_id(pk: int) -> str:
    return f"person/{pk}"


def area_id(pk: int) -> str:
    return f"area/{pk}"


def post_id(partnership_pk: int, role: str) -> str:
    return f"{partnership_id(partnership_pk)}/post/{role}"


def popolo_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str | None:
    """A date as precise as it is known: ``2006``, ``2014-11`` or ``2021-04-01``."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty properties (Popolo properties are optional)."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def organisation_record(organisation: Organisation) -> dict[str, Any]:
    contact_details = [
        {"type": kind, "value": value}
        for kind, value in (
            ("email", organisation.email),
            ("voice", organisation.phone),
            ("address", ", ".join(filter(None, [organisation.address, organisation.postal_code]))),
        )
        if value
    ]
    return _compact(
        {
            "id": organisation_id(organisation.pk),
            "name": organisation.name,
            "other_names": [{"name": organisation.short_name, "note": "short name"}]
            if organisation.short_name
            else [],
            "identifiers": [
                {"scheme": scheme, "identifier": getattr(organisation, field)}
                for field, scheme in IDENTIFIER_SCHEMES.items()
                if getattr(organisation, field)
            ],
            "classification": organisation.legal_form,
            "sector": organisation.sector,
            "area_id": area_id(organisation.seat_id) if organisation.seat_id else None,
            "founding_date": popolo_date(organisation.founded_on),
            "dissolution_date": popolo_date(organisation.dissolved_on),
            "contact_details": contact_details,
            "links": [{"url": organisation.website, "note": "website"}]
            if organisation.website
            else [],
        }
    )


def partnership_record(partnership: Partnership) -> dict[str, Any]:
    return _compact(
        {
            "id": partnership_id(partnership.pk),
            "name": partnership.name,
            "other_names": [{"name": partnership.short_name, "note": "short name"}]
            if partnership.short_name
            else [],
            "classification": PARTNERSHIP_CLASSIFICATION,
            "partnership_kind": partnership.kind,
            "area_id": area_id(partnership.territory_id) if partnership.territory_id else None,
            "founding_date": popolo_date(partnership.start, partnership.period_precision),
            "dissolution_date": popolo_date(partnership.end, partnership.period_precision),
        }
    )


def membership_record(membership: Membership) -> dict[str, Any]:
    member: dict[str, Any] = (
        {"member": {"@type": "Organization", "id": organisation_id(membership.organisation_id)}}
        if membership.organisation_id
        else {"person_id": person_id(membership.person_id)}  # type: ignore[arg-type]
    )
    return _compact(
        {
            "id": f"membership/{membership.pk}",
            "organization_id": partnership_id(membership.partnership_id),
            **member,
            "role": membership.role,
            "label": str(MemberRole(membership.role).label),
            "post_id": post_id(membership.partnership_id, membership.role),
            "start_date": popolo_date(membership.joined),
            "end_date": popolo_date(membership.left),
        }
    )


def affiliation_record(affiliation: Affiliation) -> dict[str, Any]:
    return _compact(
        {
            "id": f"affiliation/{affiliation.pk}",
            "person_id": person_id(affiliation.person_id),
            "organization_id": organisation_id(affiliation.organisation_id),
            "role": affiliation.role,
            "start_date": popolo_date(affiliation.start),
            "end_date": popolo_date(affiliation.end),
        }
    )


def person_record(person: Person) -> dict[str, Any]:
    """A person's name and function only: contact details are never exported."""
    return _compact(
        {
            "id": person_id(person.pk),
            "name": person.full_name,
            "given_name": person.first_name,
            "family_name": person.last_name,
            "sort_name": ", ".join(filter(None, [person.last_name, person.first_name])),
            "summary": person.title,
        }
    )


def area_record(unit: TerritorialUnit) -> dict[str, Any]:
    return _compact(
        {
            "id": area_id(unit.pk),
            "name": unit.name,
            "identifier": unit.code,
            "classification": unit.level,
            "parent_id": area_id(unit.parent_id) if unit.parent_id else None,
        }
    )


def posts_of(memberships: Iterable[Membership]) -> list[dict[str, Any]]:
    """One post per role used in each partnership, in the order the roles are declared."""
    used = {(m.partnership_id, m.role) for m in memberships}
    order = {role: position for position, role in enumerate(MemberRole.values)}
    return [
        {
            "id": post_id(partnership_pk, role),
            "organization_id": partnership_id(partnership_pk),
            "role": role,
            "label": str(MemberRole(role).label),
        }
        for partnership_pk, role in sorted(used, key=lambda key: (key[0], order[key[1]]))
    ]


def areas_with_ancestors(unit_ids: set[int]) -> list[TerritorialUnit]:
    """The units referred to and every unit above them (two queries)."""
    paths = TerritorialUnit.objects.filter(pk__in=unit_ids).values_list("path", flat=True)
    prefixes: set[str] = set()
    for path in paths:
        parts = path.split(PATH_SEPARATOR)
        prefixes.update(PATH_SEPARATOR.join(parts[: i + 1]) for i in range(len(parts)))
    return list(TerritorialUnit.objects.filter(path__in=prefixes).order_by("pk"))


def build_popolo(*, public: bool = True) -> dict[str, Any]:
    """The Popolo document of the registry and the partnerships.

    ``public=True``: published partnerships, organisations' memberships, no people.
    ``public=False`` (staff): every partnership, people (names only), their memberships
    and affiliations.
    """
    partnerships = Partnership.objects.order_by("pk")
    if public:
        partnerships = partnerships.published()
    memberships_qs = Membership.objects.filter(partnership__in=partnerships).order_by("pk")
    if public:
        memberships_qs = memberships_qs.filter(organisation__isnull=False)
    memberships = list(memberships_qs.iterator(chunk_size=CHUNK_SIZE))
    organisations = Organisation.objects.order_by("pk")

    unit_ids: set[int] = set()
    organization_records = []
    for organisation in organisations.iterator(chunk_size=CHUNK_SIZE):
        organization_records.append(organisation_record(organisation))
        if organisation.seat_id:
            unit_ids.add(organisation.seat_id)
    for partnership in partnerships.iterator(chunk_size=CHUNK_SIZE):
        organization_records.append(partnership_record(partnership))
        if partnership.territory_id:
            unit_ids.add(partnership.territory_id)

    document: dict[str, Any] = {
        "meta": {
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "scope": "public" if public else "staff",
            "specification": "https://www.popoloproject.com/specs/",
        },
        "organizations": organization_records,
        "posts": posts_of(memberships),
        "memberships": [membership_record(m) for m in memberships],
    }
    if not public:
        document["persons"] = [
            person_record(person)
            for person in Person.objects.order_by("pk").iterator(chunk_size=CHUNK_SIZE)
        ]
        document["memberships"] += [
            affiliation_record(a)
            for a in Affiliation.objects.order_by("pk").iterator(chunk_size=CHUNK_SIZE)
        ]
    document["areas"] = [area_record(unit) for unit in areas_with_ancestors(unit_ids)]
    return document
