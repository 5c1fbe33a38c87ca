"""The open-data page and its downloads: list exports, Popolo, IATI and the data package.

Anonymous visitors get published records only. Signed in, a list export holds every record
the user may see (their partnerships' internal records included, people by name only); the
Popolo document with people is for site administrators.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import user_passes_test
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rest_framework.exceptions import AuthenticationFailed

from partnerhub.access.predicates import is_site_admin
from partnerhub.api.authentication import ApiTokenAuthentication
from partnerhub.api.visibility import visible_to
from partnerhub.opendata import selectors
from partnerhub.opendata.conf import DATA_PACKAGE_FILENAME, data_package_path, get_publisher
from partnerhub.opendata.datapackage import build_data_package
from partnerhub.opendata.exporters import FORMATS, export_response
from partnerhub.opendata.filtering import InvalidFilters, filtered
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


def _filtered_or_400(request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any] | JsonResponse:
    """The list's own filters (its query string) applied, or a 400 naming the bad ones."""
    try:
        return filtered(queryset, request.GET, request)
    except InvalidFilters as invalid:
        return JsonResponse(
            {
                "detail": _("Some filters are not valid."),
                "code": "invalid",
                "errors": invalid.errors,
            },
            status=400,
        )


@require_safe
def list_export(request: HttpRequest, resource: str, export_format: str) -> HttpResponseBase:
    """Published records of one type as CSV, XLSX or JSON, filtered as the list's query string."""
    spec = _spec_or_404(resource, export_format)
    if spec.staff_only:
        raise Http404(_("There is no such export."))
    queryset = _filtered_or_400(request, spec.model._default_manager.order_by("pk"))
    if isinstance(queryset, JsonResponse):
        return queryset
    return export_response(queryset, spec, export_format, public=True)


def _token_user(request: HttpRequest) -> Any:
    """The user of a personal API token in ``Authorization``, for scripts; None without one."""
    try:
        authenticated = ApiTokenAuthentication().authenticate(request)  # type: ignore[arg-type]
    except AuthenticationFailed as failure:
        raise PermissionDenied(str(failure.detail)) from failure
    return authenticated[0] if authenticated else None


@require_safe
def staff_list_export(request: HttpRequest, resource: str, export_format: str) -> HttpResponseBase:
    """Every record of one type the user may see, internal columns included (never contacts).

    Signed in with the browser's session, or from a script with a personal API token
    (``Authorization: Token <key>``). Filtered as the list's query string.
    """
    user = _token_user(request) or request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    spec = _spec_or_404(resource, export_format)
    queryset = _filtered_or_400(
        request, visible_to(spec.model._default_manager.order_by("pk"), user)
    )
    if isinstance(queryset, JsonResponse):
        return queryset
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
