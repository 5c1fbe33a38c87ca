"""Pages of the projects app: /projects/ and /projects/programmes/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.projects import views

app_name = "projects"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.ProjectListView.as_view(), name="project-list"),
    path("<int:pk>/", views.project_detail, name="project-detail"),
    path("programmes/", views.ProgrammeListView.as_view(), name="programme-list"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme-detail"),
]
