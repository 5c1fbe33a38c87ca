"""The base viewsets every domain's API builds on.

Views are thin: they check the input's shape with a serializer, call the domain's service
function (which validates the whole record and writes in one transaction), and answer with
the record as the read serializer shows it. Which records a client sees is decided in one
place, ``get_queryset()`` → ``visible_to``; who may write, in ``RecordPermission``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from partnerhub.access.predicates import may_add, may_move
from partnerhub.api.visibility import visible_to
from partnerhub.core.filters import CODE
from partnerhub.core.services import Actor

CODE_PATTERN = CODE.pattern


def activate_client_language(request: HttpRequest) -> str:
    """Speak the language the client asks for (``Accept-Language``, or the language cookie).

    The site's pages take their language from the URL, and an address without a language
    prefix gets the default one; API addresses carry no prefix, so the API negotiates.
    """
    language = translation.get_language_from_request(request, check_path=False)
    translation.activate(language)
    return language


class ClientLanguageMixin:
    """Messages, labels and errors of an API view in the client's language."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        activate_client_language(request._request)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]


class RecordReadViewSet(ClientLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """List and retrieve records of one model, as far as the client may see them.

    Subclasses set ``queryset`` (with the ``select_related``/``prefetch_related`` its
    serializer needs, so lists never run a query per row) and may override
    ``base_queryset()`` when what is prefetched depends on the request. Many-to-many fields
    a ``RecordSerializer`` shows by code or id need no prefetch: it reads them for a whole
    page in one query each, without building their records (``partnerhub.api.representation``).
    """

    def base_queryset(self) -> QuerySet[Any]:
        assert self.queryset is not None
        return self.queryset.all()

    def get_queryset(self) -> QuerySet[Any]:
        """The single visibility hook: records outside it answer 404."""
        return visible_to(self.base_queryset(), self.request.user)

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """A list's filters and ordering narrow lists; a record named by its address is that
        record, whatever the query string says.

        DRF's ``get_object()`` runs the filter backends too, so every request for one record
        (read, change, delete, or a ``detail`` action of the router) would validate the
        list's filterset for nothing. What a client may see is still decided by
        ``get_queryset()``: a record outside it answers 404.
        """
        if self.detail:
            return queryset
        return super().filter_queryset(queryset)


class RecordViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    RecordReadViewSet,
):
    """Read and write records of one model; every write goes through a service function.

    ``create_service(by=..., **data)``, ``update_service(instance, by=..., **data)`` and
    ``delete_service(instance, by=...)`` are the domain's services; a viewset whose writes
    need more (nested items, an owner to pick) overrides ``create_record`` and friends.
    ``write_serializer_class`` names the input serializer when it differs from the output.
    """

    create_service: Callable[..., models.Model] | None = None
    update_service: Callable[..., models.Model] | None = None
    delete_service: Callable[..., Any] | None = None
    write_serializer_class: type[serializers.Serializer] | None = None

    # --- the three writes, each in one transaction --------------------------------------

    def service(self, name: str) -> Callable[..., Any]:
        """The service function named by the class attribute ``name`` (not bound to self)."""
        function = getattr(type(self), name)
        assert function is not None, f"{type(self).__name__} has no {name}"
        return function

    def create_record(self, data: dict[str, Any], *, by: Actor) -> models.Model:
        return self.service("create_service")(by=by, **data)

    def update_record(
        self, instance: models.Model, data: dict[str, Any], *, by: Actor
    ) -> models.Model:
        return self.service("update_service")(instance, by=by, **data)

    def delete_record(self, instance: models.Model, *, by: Actor) -> None:
        self.service("delete_service")(instance, by=by)

    # --- DRF plumbing -------------------------------------------------------------------

    def get_write_serializer(self, *args: Any, **kwargs: Any) -> serializers.BaseSerializer:
        serializer_class = self.write_serializer_class or self.get_serializer_class()
        kwargs.setdefault("context", self.get_serializer_context())
        return serializer_class(*args, **kwargs)

    def represent(self, instance: models.Model) -> Mapping[str, Any]:
        """The record as a read answer shows it, loaded again with its related records."""
        fresh = self.get_queryset().get(pk=instance.pk)
        return self.get_serializer(fresh).data

    def check_add(self, data: Mapping[str, Any]) -> None:
        """Refuse (403) adding a record under parents the client may not add to."""
        model = self.base_queryset().model
        if not may_add(self.request.user, model, data):
            raise PermissionDenied(_("You may not add this record here."))

    def check_move(self, instance: models.Model, data: Mapping[str, Any]) -> None:
        """Refuse (403) moving a record under parents the client may not add to."""
        if not may_move(self.request.user, instance, data):
            raise PermissionDenied(_("You may not move this record there."))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_write_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.check_add(serializer.validated_data)
        with transaction.atomic():
            instance = self.create_record(dict(serializer.validated_data), by=request.user)
        return Response(self.represent(instance), status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        serializer = self.get_write_serializer(
            instance, data=request.data, partial=kwargs.pop("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        self.check_move(instance, serializer.validated_data)
        with transaction.atomic():
            instance = self.update_record(
                instance, dict(serializer.validated_data), by=request.user
            )
        return Response(self.represent(instance))

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        with transaction.atomic():
            self.delete_record(instance, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
