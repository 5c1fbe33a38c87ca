"""Rate limits for anonymous clients."""

from __future__ import annotations

from django.core.cache import caches
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

#: The cache alias of the API's request counters (settings: ``CACHES``, ``API_THROTTLE_CACHE``).
API_THROTTLE_CACHE = "api-throttle"


class AnonymousRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate from the settings when it runs.

    DRF binds the rates when the class is imported; reading them per request lets a
    deployment (``API_ANON_THROTTLE_RATE``) and tests change the rate without reloading.

    Its counters live in their own cache, by default each worker's memory: an anonymous
    API request reads and writes its client's counter, and in the shared database cache
    that would be a write transaction on every read of the API.
    """

    def __init__(self) -> None:
        self.cache = caches[API_THROTTLE_CACHE]
        super().__init__()

    def get_rate(self) -> str | None:
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope or "")
        return None if rate is None else str(rate)
