"""Roles held by users: the one source of who may manage which hub, partnership or organisation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.choices import ORGANISATION_ROLES, PARTNERSHIP_ROLES, Role
from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.validation import END_BEFORE_START


class RoleAssignmentQuerySet(AccessQuerySet["RoleAssignment"]):
    def current(self) -> RoleAssignmentQuerySet:
        """Assignments in force today (started, and not ended before today)."""
        today = timezone.localdate()
        return self.filter(Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today))


class RoleAssignment(models.Model):
    """A user holds a role over one scope, from ``start`` until ``end`` (open when empty).

    Hub staff and organisation representatives hold their role over an organisation (the
    hub, or the organisation represented); a coordinator holds it over a partnership.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
    )
    start = models.DateField(_("from"), default=timezone.localdate)
    end = models.DateField(_("until"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user", "role", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=ORGANISATION_ROLES,
                        organisation__isnull=False,
                        partnership__isnull=True,
                    )
                    | Q(
                        role__in=PARTNERSHIP_ROLES,
                        partnership__isnull=False,
                        organisation__isnull=True,
                    )
                ),
                name="access_role_scope_matches_role",
                violation_error_message=_(
                    "Hub staff and representatives need an organisation; a coordinator needs "
                    "a partnership."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="access_role_end_after_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation", "partnership", "start"],
                name="access_role_unique_start",
                violation_error_message=_("This user already holds this role from this date."),
            ),
        ]

    def __str__(self) -> str:
        scope = self.organisation or self.partnership
        return f"{self.user} — {self.get_role_display()} — {scope}"
