"""Staff admin of territorial units: searchable, so other admins can autocomplete them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from partnerhub.core.admin import ServiceModelAdmin, acting_user
from partnerhub.territory.models import TerritorialUnit
from partnerhub.territory.services import save_unit


@admin.register(TerritorialUnit)
class TerritorialUnitAdmin(ServiceModelAdmin):
    list_display = ("name", "level", "code", "nuts_code", "parent")
    list_filter = ("country", "level", "municipality_type")
    # Also what ``autocomplete_fields = ["seat"]`` in other admins searches.
    search_fields = ("name", "code", "nuts_code")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    readonly_fields = ("path",)
    fields = (
        "country",
        "level",
        "code",
        "name",
        "municipality_type",
        "nuts_code",
        "parent",
        "path",
    )
    ordering = ("country", "path")

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        save_unit(obj, by=acting_user(request))
