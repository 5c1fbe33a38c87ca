"""Pages of the consultation app: /problems/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.consultation import views

app_name = "consultation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.LocalProblemListView.as_view(), name="problem-list"),
    path("<int:pk>/", views.problem_detail, name="problem-detail"),
]
