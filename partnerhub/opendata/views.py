"""The open-data page and its downloads: list exports, Popolo, IATI and the data package.

Anonymous visitors get published records only. Signed in, a list export holds every record
the user may see (their partnerships' internal records included, people by name only); the
Popolo document with people is for site administrators.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, user_passes_test
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partnerhub.access.predicates import is_site_admin
from partnerhub.api.visibility import visible_to
from partnerhub.opendata import selectors
from partnerhub.opendata.conf import DATA_PACKAGE_FILENAME, data_package_path, get_publisher
from partnerhub.opendata.datapackage import build_data_package
from partnerhub.opendata.exporters import FORMATS, export_response
from partnerhub.opendata.iati import (
    build_activity,
    iati_document,
    iati_projects,
    iati_xml_chunks,
)
from partnerhub.opendata.popolo import build_popolo
from partnerhub.opendata.specs import SPECS_BY_NAME, ExportSpec

XML_CONTENT_TYPE = "application/xml; charset=utf-8"
JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """What can be downloaded, in which formats, and when the data package was made.

    /open-data/ has no language prefix, so the page follows the visitor's language cookie
    (the language switcher) or browser language.
    """
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = render(request, "opendata/index.html", selectors.get_open_data_page())
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _spec_or_404(resource: str, export_format: str) -> ExportSpec:
    spec = SPECS_BY_NAME.get(resource)
    if spec is None or export_format not in FORMATS:
        raise Http404(_("There is no such export."))
    return spec


@require_safe
def list_export(request: HttpRequest, resource: str, export_format: str) -> HttpResponseBase:
    """Published records of one type as CSV, XLSX or JSON."""
    spec = _spec_or_404(resource, export_format)
    if spec.staff_only:
        raise Http404(_("There is no such export."))
    queryset = spec.model._default_manager.order_by("pk")
    return export_response(queryset, spec, export_format, public=True)


@require_safe
@login_required
def staff_list_export(request: HttpRequest, resource: str, export_format: str) -> HttpResponseBase:
    """Every record of one type the user may see, internal columns included (never contacts)."""
    spec = _spec_or_404(resource, export_format)
    queryset = visible_to(spec.model._default_manager.order_by("pk"), request.user)
    return export_response(
        queryset, spec, export_format, public=False, filename=f"{spec.name}-staff.{export_format}"
    )


@require_safe
def popolo(request: HttpRequest) -> JsonResponse:
    """Organisations, partnerships, posts and memberships of organisations, in Popolo JSON."""
    return JsonResponse(build_popolo(public=True), json_dumps_params=JSON_OPTIONS)


@require_safe
@user_passes_test(is_site_admin)
def popolo_staff(request: HttpRequest) -> JsonResponse:
    """The Popolo document with people (names only), their memberships and affiliations."""
    return JsonResponse(build_popolo(public=False), json_dumps_params=JSON_OPTIONS)


@require_safe
def iati_activities(request: HttpRequest) -> StreamingHttpResponse:
    """Every published project IATI 2.03 can carry, as one ``iati-activities`` file."""
    return StreamingHttpResponse(
        iati_xml_chunks(iati_projects(), get_publisher()), content_type=XML_CONTENT_TYPE
    )


@require_safe
def iati_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """One published project as an ``iati-activities`` file of one activity.

    404 for a project that is not published, or that IATI cannot carry (no date at all,
    no organisation and no funding programme).
    """
    project = get_object_or_404(iati_projects(), pk=pk)
    activity = build_activity(project, get_publisher())
    return HttpResponse("".join(iati_document([activity])), content_type=XML_CONTENT_TYPE)


@require_safe
def data_package(request: HttpRequest) -> FileResponse:
    """The last data package written by ``export-open-data``; made now if there is none."""
    path = data_package_path()
    if not path.exists():
        build_data_package(path)
    return FileResponse(path.open("rb"), as_attachment=True, filename=DATA_PACKAGE_FILENAME)
