"""``<source>-options``: the options of a searchable select, for htmx to swap in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from partnerhub.workspace.forms import NOTHING_CHOSEN, SEARCH_SUFFIX
from partnerhub.workspace.sources import SOURCES, RecordOption


@login_required
def record_options(request: HttpRequest, source: str) -> HttpResponse:
    """The chosen records and the matches of the search typed, as ``<option>`` elements.

    The search box sends ``field`` (the select's name), ``<field>__q`` (what was typed),
    ``<field>`` (the values chosen so far, kept selected) and ``multiple``.
    """
    if source not in SOURCES:
        raise Http404
    records_source = SOURCES[source]
    field = request.GET.get("field", "")
    query = request.GET.get(field + SEARCH_SUFFIX, "") if field else request.GET.get("q", "")
    chosen = request.GET.getlist(field) if field else []
    multiple = bool(request.GET.get("multiple"))
    options = records_source.offered(records_source.records(request.user), chosen, query)
    if not multiple:
        options.insert(0, RecordOption(None, str(NOTHING_CHOSEN)))
    context = {
        "options": options,
        "chosen": {str(value) for value in chosen},
        "multiple": multiple,
        "empty_label": _("— choose —"),
    }
    return render(request, "workspace/widgets/record_options.html", context)
