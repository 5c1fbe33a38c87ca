"""Pages of the partnerships app: /partnerships/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.partnerships import views

app_name = "partnerships"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.PartnershipListView.as_view(), name="partnership-list"),
    path("<int:pk>/", views.partnership_detail, name="partnership-detail"),
]
