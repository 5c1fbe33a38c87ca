"""Pages of the consultation app."""

from django.urls import URLPattern, URLResolver

app_name = "consultation"
urlpatterns: list[URLPattern | URLResolver] = []
