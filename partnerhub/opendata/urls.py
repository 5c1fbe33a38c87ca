"""Open-data downloads under /open-data/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.opendata import views

app_name = "opendata"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("partnerhub-open-data.zip", views.data_package, name="data-package"),
    path("popolo.json", views.popolo, name="popolo"),
    path("staff/popolo.json", views.popolo_staff, name="popolo-staff"),
    path("iati-activities.xml", views.iati_activities, name="iati-activities"),
    path("iati-activities/<int:pk>.xml", views.iati_activity, name="iati-activity"),
    path(
        "staff/<slug:resource>.<slug:export_format>",
        views.staff_list_export,
        name="staff-list-export",
    ),
    path("<slug:resource>.<slug:export_format>", views.list_export, name="list-export"),
]
