"""Rate limits for anonymous clients."""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate from the settings when it runs.

    DRF binds the rates when the class is imported; reading them per request lets a
    deployment (``API_ANON_THROTTLE_RATE``) and tests change the rate without reloading.
    """

    def get_rate(self) -> str | None:
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope or "")
        return None if rate is None else str(rate)
