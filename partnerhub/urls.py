"""URL configuration: public directory, workspace, accounts, API, open data and the admin."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from partnerhub.core import views as core_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", core_views.health, name="health"),
    path("api/", include("partnerhub.api.urls")),
    path("open-data/", include("partnerhub.opendata.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("partnerhub.accounts.urls")),
    path("privacy/", include("partnerhub.privacy.urls")),
    path("history/", include("partnerhub.audit.urls")),
    path("workspace/matching/", include("partnerhub.matching.urls")),
    path("workspace/formation/", include("partnerhub.formation.urls")),
    path("workspace/agreements/", include("partnerhub.agreements.urls")),
    path("workspace/", include("partnerhub.workspace.urls")),
    path("invitations/", include("partnerhub.formation.invitation_urls")),
    path("organisations/", include("partnerhub.registry.urls")),
    path("partnerships/", include("partnerhub.partnerships.urls")),
    path("projects/", include("partnerhub.projects.urls")),
    path("events/", include("partnerhub.events.urls")),
    path("problems/", include("partnerhub.consultation.urls")),
    path("", core_views.home, name="home"),
    prefix_default_language=False,
)
