"""Pages of the formation app: forming a partnership, under /workspace/formation/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.formation import views

app_name = "formation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("problem/<int:pk>/start/", views.start_partnership, name="start-partnership"),
    path("partnership/<int:pk>/", views.partnership_page, name="partnership"),
    path("partnership/<int:pk>/stage/", views.move_stage, name="move-stage"),
    path("partnership/<int:pk>/health/open/", views.open_survey, name="open-survey"),
    path("invite/", views.invite, name="invite"),
    path("invitation/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("invitation/<int:pk>/accept/", views.accept, name="accept"),
    path("invitation/<int:pk>/decline/", views.decline, name="decline"),
    path("survey/<int:pk>/answer/", views.answer_survey, name="answer-survey"),
]
