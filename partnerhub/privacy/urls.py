"""Pages of the privacy app."""

from django.urls import URLPattern, URLResolver

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = []
