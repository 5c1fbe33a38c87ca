"""Pages of the matching app: recommended partners, under /workspace/matching/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.matching import views

app_name = "matching"
urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "problem/<int:pk>/",
        views.problem_recommendations,
        name="problem-recommendations",
    ),
    path(
        "partnership/<int:pk>/",
        views.partnership_recommendations,
        name="partnership-recommendations",
    ),
]
