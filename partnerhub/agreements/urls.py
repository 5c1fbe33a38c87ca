"""Pages of the agreements app."""

from django.urls import URLPattern, URLResolver

app_name = "agreements"
urlpatterns: list[URLPattern | URLResolver] = []
