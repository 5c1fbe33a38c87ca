"""Limits on e-mails sent to addresses people type: password reset, confirmation links.

Counts are kept in Django's cache, one counter per purpose and address for a fixed window.
With several server processes the cache must be shared (database or Redis cache); the
default local-memory cache counts per process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class EmailThrottle:
    """At most ``limit`` e-mails of one kind (``scope``) to one address per ``window`` seconds."""

    scope: str
    limit: int = 5
    window: int = 60 * 60

    def cache_key(self, email: str) -> str:
        # Hashed: the cache is no place to keep a list of addresses people typed.
        digest = hashlib.sha256(email.strip().casefold().encode("utf-8")).hexdigest()
        return f"partnerhub:accounts:{self.scope}:{digest}"

    def allow(self, email: str) -> bool:
        """Count one more e-mail to ``email``; False once the limit for the window is used up."""
        key = self.cache_key(email)
        cache.add(key, 0, timeout=self.window)  # starts the window; no-op when it runs
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.add(key, 1, timeout=self.window)
            count = 1
        return count <= self.limit


PASSWORD_RESET_THROTTLE = EmailThrottle("password-reset")
CONFIRMATION_RESEND_THROTTLE = EmailThrottle("confirmation-resend")
EMAIL_CHANGE_THROTTLE = EmailThrottle("email-change")
