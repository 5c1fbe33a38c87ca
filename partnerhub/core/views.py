"""The home page and a health check for load balancers."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from partnerhub.core.selectors import get_record_counts


def home(request: HttpRequest) -> HttpResponse:
    """What Partnerhub holds, with a way into the staff workspace."""
    return render(request, "core/home.html", {"counts": get_record_counts()})


def health(request: HttpRequest) -> JsonResponse:
    """200 when the database answers; used by ``make run`` and load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
