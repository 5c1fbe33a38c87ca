"""Pages of the privacy app (mounted at /privacy/)."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.privacy import views

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path("consents/", views.consents, name="consents"),
    path("my-data/", views.my_data, name="my-data"),
    path("my-data/export.json", views.export, name="export"),
    path("people/<int:pk>/export.json", views.person_export, name="person-export"),
    path("people/<int:pk>/erase/", views.erase, name="erase"),
]
