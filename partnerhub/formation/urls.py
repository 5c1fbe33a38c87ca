"""Pages of the formation app."""

from django.urls import URLPattern, URLResolver

app_name = "formation"
urlpatterns: list[URLPattern | URLResolver] = []
