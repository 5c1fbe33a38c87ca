"""Pages of the agreements app: a partnership's agreement, under /workspace/agreements/."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.agreements import views

app_name = "agreements"
urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "partnership/<int:pk>/",
        views.partnership_agreement,
        name="partnership-agreement",
    ),
    path("<int:pk>/", views.agreement_page, name="agreement"),
    path("<int:pk>/version/<int:number>/", views.version_page, name="version"),
    path("<int:pk>/revise/", views.revise, name="revise"),
    path("version/<int:pk>/activities/", views.add_activity, name="add-activity"),
    path("activity/<int:pk>/remove/", views.remove_activity, name="remove-activity"),
    path("version/<int:pk>/matrix/", views.save_matrix, name="matrix"),
    path(
        "version/<int:pk>/cell/<int:activity_pk>/<int:membership_pk>/",
        views.save_cell,
        name="cell",
    ),
    path("version/<int:pk>/commitment/", views.save_commitment, name="commitment"),
    path("version/<int:pk>/open/", views.open_for_signature, name="open"),
    path("version/<int:pk>/sign/", views.sign, name="sign"),
    path("version/<int:pk>/agreement.json", views.export_json, name="export-json"),
    path("version/<int:pk>/agreement.pdf", views.export_pdf, name="export-pdf"),
]
