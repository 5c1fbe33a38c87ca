"""An agreement version exported as JSON and as PDF: the same content, in fixed queries."""

from __future__ import annotations

import json
import re
import zlib
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerhub.agreements.choices import ResponsibilityLevel
from partnerhub.agreements.exports import (
    agreement_as_dict,
    render_agreement_html,
    render_agreement_pdf,
)
from partnerhub.agreements.models import AgreementVersion
from partnerhub.agreements.services import (
    add_activity,
    assign_responsibility,
    create_agreement,
    open_for_signature,
    set_commitment,
    sign_agreement,
)
from partnerhub.agreements.tests.conftest import Pilot

pytestmark = pytest.mark.django_db


def _version(pilot: Pilot, activities: int = 1) -> AgreementVersion:
    agreement = create_agreement(
        pilot.partnership, title="Partnership Agreement Postojna", by=pilot.coordinator
    )
    version = agreement.versions.get()
    for number in range(1, activities + 1):
        activity = add_activity(
            version, title=f"Transport for the elderly {number}", by=pilot.coordinator
        )
        assign_responsibility(activity, pilot.ngo, ResponsibilityLevel.LEAD, by=pilot.coordinator)
        assign_responsibility(
            activity, pilot.volunteer, ResponsibilityLevel.CONTRIBUTES, by=pilot.coordinator
        )
    set_commitment(
        version,
        pilot.municipality,
        money=Decimal("12500.50"),
        currency="EUR",
        in_kind="Prostori",
        by=pilot.coordinator,
    )
    open_for_signature(version, by=pilot.coordinator)
    sign_agreement(version, pilot.ngo, by=pilot.ngo_representative)
    return version


def test_the_json_document_names_everything_it_refers_to(pilot: Pilot) -> None:
    version = _version(pilot)

    document = agreement_as_dict(version)

    assert document["agreement"]["title"] == "Partnership Agreement Postojna"
    assert document["partnership"] == {
        "id": pilot.partnership.pk,
        "name": "Pilotno lokalno partnerstvo Postojna",
        "hub": "Regionalno stičišče NVO",
    }
    assert document["version"]["number"] == 1
    assert document["version"]["status"] == "open"
    [activity] = document["activities"]
    assert activity["title"] == "Transport for the elderly 1"
    assert [(r["name"], r["level"]) for r in activity["responsibilities"]] == [
        ("Društvo Skupaj", "lead"),
        (str(pilot.volunteer.person), "contributes"),
    ]
    [commitment] = document["commitments"]
    assert (commitment["name"], commitment["money"], commitment["currency"]) == (
        "Občina Postojna",
        "12500.50",
        "EUR",
    )
    signed = {s["name"]: (s["signed"], s["signed_by"]) for s in document["signatories"]}
    assert signed == {
        "Društvo Skupaj": (True, "Ngo Demo"),
        "Občina Postojna": (False, None),
        "Prevozi d.o.o.": (False, None),
    }
    assert json.loads(json.dumps(document)) == document


def _queries(action: object) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()  # type: ignore[operator]
    return len(captured)


def test_the_export_costs_the_same_queries_however_long_the_agreement(pilot: Pilot) -> None:
    short = _version(pilot, activities=1)
    other = _version(pilot, activities=6)
    assert _queries(lambda: agreement_as_dict(short)) == _queries(lambda: agreement_as_dict(other))


def _pdf_text(pdf: bytes) -> bytes:
    """The uncompressed objects of a PDF: metadata and bookmarks (headings) are readable there."""
    parts = []
    for stream in re.finditer(rb"stream\n(.*?)\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_the_pdf_is_rendered_from_the_template(pilot: Pilot) -> None:
    version = _version(pilot)

    pdf = render_agreement_pdf(version)

    assert pdf.startswith(b"%PDF-")
    text = _pdf_text(pdf)
    assert b"/Title (Partnership Agreement Postojna" in text
    assert b"(1. Transport for the elderly 1)" in text  # the activity's heading, a bookmark
    assert b"(Commitments)" in text and b"(Signatures)" in text


def test_the_printable_document_has_no_script_and_shows_who_signed(pilot: Pilot) -> None:
    html = render_agreement_html(_version(pilot))
    assert "<script" not in html
    assert "Transport for the elderly 1" in html
    assert "12,500.50 EUR" in html
    assert "Ngo Demo" in html
    assert html.count("not signed yet") == 2
