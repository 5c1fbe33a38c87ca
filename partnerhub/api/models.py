"""Personal API tokens: a user's named keys for scripts and integrations."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.access.visibility import AccessQuerySet


class ApiTokenQuerySet(AccessQuerySet["ApiToken"]):
    def usable(self, now: datetime.datetime | None = None) -> ApiTokenQuerySet:
        """Tokens that authenticate now: not revoked, not expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    """A personal API token: acts as its user, until revoked or expired.

    Only the SHA-256 digest of the key is stored; the key itself is shown once, when the
    token is created. ``prefix`` (the first characters of the key) lets the owner tell
    tokens apart without the key. Keys are long random strings, so a plain digest is enough:
    there is nothing to guess that a slow password hash would protect.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    key_digest = models.CharField(_("key digest (SHA-256)"), max_length=64, unique=True)
    prefix = models.CharField(_("prefix"), max_length=16)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    @property
    def status(self) -> str:
        """ "active", "expired" or "revoked", for the profile page."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return "expired"
        return "active"
