"""The API's addresses: one router for every domain's viewsets, the schema and its viewers.

Mounted at /api/ by partnerhub/urls.py.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from partnerhub.agreements.api.urls import routes as agreement_routes
from partnerhub.api import views
from partnerhub.consultation.api.views import LocalProblemViewSet
from partnerhub.events.api.views import AttendanceCountViewSet, EventViewSet
from partnerhub.formation.api.urls import routes as formation_routes
from partnerhub.partnerships.api.views import MembershipViewSet, PartnershipViewSet
from partnerhub.projects.api.views import (
    ActivityTypeViewSet,
    FundingProgrammeViewSet,
    ProgrammeViewSet,
    ProjectPartnerViewSet,
    ProjectViewSet,
    TargetGroupViewSet,
)
from partnerhub.registry.api.views import (
    AffiliationViewSet,
    OrganisationViewSet,
    PersonViewSet,
    ThematicAreaViewSet,
)
from partnerhub.results.api.views import GoalViewSet, IndicatorViewSet, ReportedValueViewSet
from partnerhub.territory.api.views import TerritorialUnitViewSet

app_name = "api"


class Router(DefaultRouter):
    """The default router, with the schema and its viewers listed on the browsable root."""

    include_format_suffixes = False
    APIRootView = views.ApiRootView


router = Router()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("people", PersonViewSet, basename="person")
router.register("affiliations", AffiliationViewSet, basename="affiliation")
router.register("partnerships", PartnershipViewSet, basename="partnership")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("funding-programmes", FundingProgrammeViewSet, basename="fundingprogramme")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("projects", ProjectViewSet, basename="project")
router.register("project-partners", ProjectPartnerViewSet, basename="projectpartner")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("reported-values", ReportedValueViewSet, basename="reportedvalue")
router.register("goals", GoalViewSet, basename="goal")
router.register("events", EventViewSet, basename="event")
router.register("attendance-counts", AttendanceCountViewSet, basename="attendancecount")
router.register("local-problems", LocalProblemViewSet, basename="localproblem")
router.register("territories", TerritorialUnitViewSet, basename="territorialunit")
router.register("thematic-areas", ThematicAreaViewSet, basename="thematicarea")
router.register("activity-types", ActivityTypeViewSet, basename="activitytype")
router.register("target-groups", TargetGroupViewSet, basename="targetgroup")
# Formation (invitations, lifecycle, balance, health) and agreements.
for prefix, viewset, basename in [*formation_routes, *agreement_routes]:
    router.register(prefix, viewset, basename=basename)

urlpatterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Tokens are managed on the profile, and people sign in where the site's pages do; the
    # API's addresses of old lead there.
    path("tokens/", RedirectView.as_view(pattern_name="accounts:profile"), name="tokens"),
    path(
        "auth/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
        name="login",
    ),
    # Partner recommendations hang under the records they are for (before the router).
    path("", include("partnerhub.matching.api.urls")),
    path("", include(router.urls)),
    # Last: whatever else is asked for under /api/ is a JSON 404, never an HTML page.
    re_path(r"^(?P<unmatched>[\s\S]*)$", views.not_found),
]
