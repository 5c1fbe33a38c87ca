"""An agreement version as a document: a JSON-ready dict, and a PDF rendered with WeasyPrint.

Both read the same version, loaded with everything it shows in a fixed number of queries
(``load_for_export``), so the JSON and the PDF never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from partnerhub.agreements.models import (
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.agreements.services import signatories
from partnerhub.partnerships.models import Membership

TEMPLATE = "agreements/agreement.html"
MEMBER = ("membership__organisation", "membership__person")


def load_for_export(version: AgreementVersion) -> AgreementVersion:
    """The version with its partnership, activities, matrix, commitments and signatures."""
    matrix: Prefetch[Any, Any, Any] = Prefetch(
        "responsibilities",
        queryset=Responsibility.objects.select_related(*MEMBER).in_matrix_order(),
    )
    activities: Prefetch[Any, Any, Any] = Prefetch(
        "activities", queryset=AgreementActivity.objects.prefetch_related(matrix)
    )
    commitments: Prefetch[Any, Any, Any] = Prefetch(
        "commitments", queryset=Commitment.objects.select_related(*MEMBER)
    )
    signatures: Prefetch[Any, Any, Any] = Prefetch(
        "signatures", queryset=Signature.objects.select_related(*MEMBER)
    )
    return (
        AgreementVersion.objects.select_related("agreement__partnership__hub")
        .prefetch_related(activities, commitments, signatures)
        .get(pk=version.pk)
    )


def _member(membership: Membership) -> dict[str, Any]:
    organisation = membership.organisation
    return {
        "membership": membership.pk,
        "name": str(membership.member),
        "sector": organisation.sector if organisation is not None else None,
        "role": membership.role,
    }


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _when(value: Any) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True)
class SignatoryStatus:
    """A member organisation expected to sign, and its signature if given."""

    membership: Membership
    signature: Signature | None


def signatory_statuses(version: AgreementVersion) -> list[SignatoryStatus]:
    """Who signs the version and who already has (signatures of former members included)."""
    signed = {signature.membership_id: signature for signature in version.signatures.all()}
    expected = list(signatories(version))
    statuses = [SignatoryStatus(m, signed.pop(m.pk, None)) for m in expected]
    return statuses + [SignatoryStatus(s.membership, s) for s in signed.values()]


def agreement_as_dict(version: AgreementVersion) -> dict[str, Any]:
    """The version as a self-contained JSON document (names, not only ids)."""
    version = load_for_export(version)
    agreement = version.agreement
    partnership = agreement.partnership
    return {
        "agreement": {"id": agreement.pk, "title": agreement.title},
        "partnership": {
            "id": partnership.pk,
            "name": partnership.name,
            "hub": partnership.hub.name if partnership.hub else None,
        },
        "version": {
            "id": version.pk,
            "number": version.number,
            "status": version.status,
            "note": version.note,
            "created_at": _when(version.created_at),
            "opened_at": _when(version.opened_at),
            "signed_at": _when(version.signed_at),
        },
        "activities": [
            {
                "position": activity.position,
                "title": activity.title,
                "description": activity.description,
                "responsibilities": [
                    {**_member(r.membership), "level": r.level}
                    for r in activity.responsibilities.all()
                ],
            }
            for activity in version.activities.all()
        ],
        "commitments": [
            {
                **_member(c.membership),
                "money": _amount(c.money),
                "currency": c.currency or None,
                "in_kind": c.in_kind,
                "hours": _amount(c.hours),
            }
            for c in version.commitments.all()
        ],
        "signatories": [
            {
                **_member(status.membership),
                "signed": status.signature is not None,
                "signed_by": status.signature.signer_name if status.signature else None,
                "signed_at": _when(status.signature.signed_at) if status.signature else None,
            }
            for status in signatory_statuses(version)
        ],
        "exported_at": timezone.now().isoformat(),
    }


def render_agreement_html(version: AgreementVersion) -> str:
    """The version as a printable HTML document (in the active language)."""
    version = load_for_export(version)
    return render_to_string(
        TEMPLATE,
        {
            "version": version,
            "agreement": version.agreement,
            "partnership": version.agreement.partnership,
            "signatories": signatory_statuses(version),
            "exported_at": timezone.now(),
        },
    )


def render_agreement_pdf(version: AgreementVersion) -> bytes:
    """The version as a PDF document, rendered by WeasyPrint from ``agreements/agreement.html``."""
    # Imported here: WeasyPrint loads Pango when imported, which only the export needs.
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_agreement_html(version)).write_pdf()
    return pdf
