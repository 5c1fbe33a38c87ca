"""The public page that answers an invitation by its link."""

from django.urls import URLPattern, URLResolver

app_name = "invitations"
urlpatterns: list[URLPattern | URLResolver] = []
