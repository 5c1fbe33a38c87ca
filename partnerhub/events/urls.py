"""Pages of the events app: /events/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.events import views

app_name = "events"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.EventListView.as_view(), name="event-list"),
    path("<int:pk>/", views.event_detail, name="event-detail"),
]
