"""Addresses of recommended partners, under /api/ (included by partnerhub/api/urls.py)."""

from __future__ import annotations

from django.urls import path

from partnerhub.matching.api import views

urlpatterns = [
    path(
        "local-problems/<int:pk>/recommendations/",
        views.LocalProblemRecommendationsView.as_view(),
        name="localproblem-recommendations",
    ),
    path(
        "local-problems/<int:pk>/recommendations/shortlist/",
        views.LocalProblemShortlistView.as_view(),
        name="localproblem-shortlist",
    ),
    path(
        "partnerships/<int:pk>/recommendations/",
        views.PartnershipRecommendationsView.as_view(),
        name="partnership-recommendations",
    ),
    path(
        "partnerships/<int:pk>/recommendations/shortlist/",
        views.PartnershipShortlistView.as_view(),
        name="partnership-shortlist",
    ),
]
