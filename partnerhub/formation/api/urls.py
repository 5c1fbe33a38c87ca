"""The API collections of this domain, for partnerhub/api/urls.py to register on its router."""

from __future__ import annotations

from typing import Any

from partnerhub.formation.api import views

#: (prefix, viewset, basename) for ``router.register``.
routes: list[tuple[str, Any, str]] = [
    ("invitations", views.InvitationViewSet, "invitation"),
    (
        r"partnerships/(?P<partnership_pk>[0-9]+)/transitions",
        views.PartnershipTransitionViewSet,
        "partnership-transition",
    ),
    (
        r"partnerships/(?P<partnership_pk>[0-9]+)/balance-warnings",
        views.PartnershipBalanceViewSet,
        "partnership-balance-warning",
    ),
    ("health-surveys", views.HealthSurveyViewSet, "healthsurvey"),
    ("health-responses", views.HealthResponseViewSet, "healthresponse"),
]
