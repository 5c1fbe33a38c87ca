"""Settings of the bench process and of the servers it starts: the local settings, with
static files named rather than looked up in a manifest.

The pages the bench renders need no ``collectstatic`` (a minute of compressing files,
and a manifest that goes stale whenever a static file changes): ``{% static %}`` joins a
path instead of reading the manifest's dictionary, the same cost to within microseconds.
Everything else — database, middleware, cache, throttles — is what ``make run`` uses.
"""

from partnerhub.settings.local import *  # noqa: F403
from partnerhub.settings.local import STORAGES as _STORAGES

STORAGES = {
    **_STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # type: ignore[assignment]  # nothing collected: whitenoise scans nothing
