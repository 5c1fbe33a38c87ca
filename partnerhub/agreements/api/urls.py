"""The API collections of this domain, for partnerhub/api/urls.py to register on its router."""

from __future__ import annotations

from typing import Any

from partnerhub.agreements.api import views

#: (prefix, viewset, basename) for ``router.register``.
routes: list[tuple[str, Any, str]] = [
    ("agreements", views.AgreementViewSet, "agreement"),
    ("agreement-versions", views.AgreementVersionViewSet, "agreementversion"),
    ("agreement-activities", views.AgreementActivityViewSet, "agreementactivity"),
    ("responsibilities", views.ResponsibilityViewSet, "responsibility"),
    ("commitments", views.CommitmentViewSet, "commitment"),
    ("signatures", views.SignatureViewSet, "signature"),
]
