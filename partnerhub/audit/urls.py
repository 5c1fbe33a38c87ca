"""Pages of the audit app (mounted at /history/)."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.audit import views

app_name = "audit"
urlpatterns: list[URLPattern | URLResolver] = [
    path("events/", views.audit_events, name="events"),
    path("<slug:app_label>/<slug:model_name>/<int:pk>/", views.record_history, name="history"),
]
