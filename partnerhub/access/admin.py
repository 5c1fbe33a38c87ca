"""Site administrators grant and end roles in the admin."""

from __future__ import annotations

from django.contrib import admin

from partnerhub.access.models import RoleAssignment
from partnerhub.core.admin import ServiceModelAdmin


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ServiceModelAdmin):
    list_display = ("user", "role", "organisation", "partnership", "start", "end")
    list_filter = ("role",)
    search_fields = ("user__username", "user__email", "organisation__name", "partnership__name")
    autocomplete_fields = ("organisation", "partnership")
    raw_id_fields = ("user", "granted_by")
    date_hierarchy = "start"
