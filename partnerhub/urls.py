"""URL configuration: the admin for staff and the public home page."""

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
    path("", core_views.home, name="home"),
    prefix_default_language=False,
)
