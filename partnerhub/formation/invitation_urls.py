"""The public page that answers an invitation by its link: /invitations/<token>/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.formation import views

app_name = "invitations"
urlpatterns: list[URLPattern | URLResolver] = [
    path("<str:token>/", views.respond_by_token, name="respond"),
]
