"""Pages of the registry app: /organisations/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.registry import views

app_name = "registry"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.OrganisationListView.as_view(), name="organisation-list"),
    path("<int:pk>/", views.organisation_detail, name="organisation-detail"),
]
