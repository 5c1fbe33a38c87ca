"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL points at it."""

from partnerhub.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "partnerhub-test-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Tests never collect static files; without a STATIC_ROOT whitenoise has nothing to scan.
STATIC_ROOT = None  # type: ignore[assignment]

# Schemathesis and the API tests send hundreds of anonymous requests; the throttle itself is
# tested with its own low rate (partnerhub/api/tests/test_throttling.py).
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"},
}

# Each test process keeps its own caches (throttle counters); tests clear them where it
# matters.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api-throttle": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "partnerhub-api-throttle",
    },
}

# SQLite tests use a database file (WAL, as in production), not the in-memory default: an
# in-memory shared-cache database reports a lock at once instead of waiting, so concurrency
# tests could not tell a working lock from a broken one. One file per test process.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import os
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"partnerhub-test-{os.getpid()}.sqlite3")
    }
