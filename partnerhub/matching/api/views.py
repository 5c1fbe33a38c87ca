"""Recommended partners through the API: for a local problem or a partnership being formed.

Who may ask: whoever may change the record (hub staff of its hub, the coordinator of the
partnership, site administrators). A record the client may not see answers 404; one it may
see but not change answers 403 (401 without credentials).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from partnerhub.access.predicates import permission_name
from partnerhub.api.viewsets import ClientLanguageMixin
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.matching.api.serializers import RecommendationsSerializer, ShortlistSerializer
from partnerhub.matching.choices import Radius
from partnerhub.matching.options import (
    DEFAULT_SHORTLIST_SIZE,
    MAX_SHORTLIST_SIZE,
    parse_search_options,
    parse_whole_number,
)
from partnerhub.matching.selectors import balanced_shortlist, recommend_partners
from partnerhub.matching.targets import MatchTarget, partnership_target, problem_target
from partnerhub.partnerships.models import Partnership

SEARCH_PARAMETERS = [
    OpenApiParameter(
        "weights",
        str,
        description=_(
            "Weights of the score's components as name:number pairs separated by commas, e.g. "
            "thematic:0.5,network:0 (thematic, territory, sector, track_record, network). "
            "Components not named keep their default; the weights are normalised to sum to 1. "
            "Negative weights, or all zero, are refused."
        ),
    ),
    OpenApiParameter("sector", str, enum=Sector.values, description=_("Only this sector.")),
    OpenApiParameter(
        "radius",
        str,
        enum=Radius.values,
        description=_("How far from the territory candidates may be seated (default: any)."),
    ),
    OpenApiParameter(
        "territory",
        str,
        description=_(
            "Search around this unit instead of the record's own territory: an id, a country "
            "and code (PL:02, SI:094) or a NUTS code."
        ),
    ),
    OpenApiParameter(
        "exclude_ids",
        str,
        description=_(
            "Ids of organisations not to recommend (e.g. those that declined), comma-separated."
        ),
    ),
]


@dataclass(frozen=True)
class TargetSource:
    """Where a view finds its record, and how the record becomes a target."""

    model: type[models.Model]
    related: tuple[str, ...]
    target: Callable[[Any], MatchTarget]


PROBLEMS = TargetSource(LocalProblem, ("territory", "raised_by_organisation"), problem_target)
PARTNERSHIPS = TargetSource(Partnership, ("territory",), partnership_target)


class RecommendationView(ClientLanguageMixin, APIView):
    """The base of the four views: find the record, check the client may change it, search."""

    source: ClassVar[TargetSource]

    def get_target(self, request: Request, pk: int) -> MatchTarget:
        model = self.source.model
        queryset = model._default_manager.select_related(*self.source.related)
        record = get_object_or_404(queryset.visible_to(request.user), pk=pk)  # type: ignore[attr-defined]
        if not request.user.has_perm(permission_name(model, "change"), record):
            self.permission_denied(
                request, message=str(_("You may not look for partners for this record."))
            )
        return self.source.target(record)

    def search_params(self, request: Request) -> dict[str, str]:
        return {name: str(value) for name, value in request.query_params.items()}


class RecommendationListView(RecommendationView):
    def get(self, request: Request, pk: int) -> Response:
        target = self.get_target(request, pk)
        options = parse_search_options(self.search_params(request))
        return Response(RecommendationsSerializer(recommend_partners(target, options)).data)


class ShortlistView(RecommendationView):
    def get(self, request: Request, pk: int) -> Response:
        target = self.get_target(request, pk)
        params = self.search_params(request)
        size = params.pop("size", "").strip()
        params.pop("limit", None)
        options = parse_search_options(params)
        if size:
            count = parse_whole_number(size, "size", 1, MAX_SHORTLIST_SIZE)
        else:
            count = DEFAULT_SHORTLIST_SIZE
        return Response(ShortlistSerializer(balanced_shortlist(target, options, count)).data)


LIMIT = OpenApiParameter(
    "limit", int, description=_("How many organisations, from 1 to 100 (default 10).")
)
SIZE = OpenApiParameter(
    "size", int, description=_("How many organisations, from 1 to 20 (default 3).")
)


@extend_schema(
    parameters=[*SEARCH_PARAMETERS, LIMIT],
    responses=RecommendationsSerializer,
    summary=_("Organisations to invite to a local problem"),
)
class LocalProblemRecommendationsView(RecommendationListView):
    """Organisations worth inviting to take on this local problem, best first, with the
    reasons for each score component."""

    source = PROBLEMS


@extend_schema(
    parameters=[*SEARCH_PARAMETERS, SIZE],
    responses=ShortlistSerializer,
    summary=_("A balanced shortlist for a local problem"),
)
class LocalProblemShortlistView(ShortlistView):
    """The best few organisations that together cover the public, private and civil sectors."""

    source = PROBLEMS


@extend_schema(
    parameters=[*SEARCH_PARAMETERS, LIMIT],
    responses=RecommendationsSerializer,
    summary=_("Organisations to invite to a partnership"),
)
class PartnershipRecommendationsView(RecommendationListView):
    """Organisations worth inviting to this partnership, best first: sectors it lacks count."""

    source = PARTNERSHIPS


@extend_schema(
    parameters=[*SEARCH_PARAMETERS, SIZE],
    responses=ShortlistSerializer,
    summary=_("A balanced shortlist for a partnership"),
)
class PartnershipShortlistView(ShortlistView):
    """The best few organisations to invite that together cover the public, private and
    civil sectors."""

    source = PARTNERSHIPS
