"""The settings the API's throughput rests on, read from the environment as deployed.

Each case imports the local settings in a fresh interpreter with only the variables given.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PRINT_SETTINGS = (
    "import json, partnerhub.settings.local as s; "
    "d = s.DATABASES['default']; "
    "print(json.dumps({'age': d['CONN_MAX_AGE'], 'checks': d['CONN_HEALTH_CHECKS'], "
    "'caches': s.CACHES}))"
)


def settings_with(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", PRINT_SETTINGS],
        env={"PATH": "/usr/bin:/bin", "PARTNERHUB_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
    )


def read(tmp_path: Path, **env: str) -> dict[str, Any]:
    result = settings_with(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def test_workers_keep_their_database_connection_and_check_it(tmp_path: Path) -> None:
    default = read(tmp_path)

    assert (default["age"], default["checks"]) == (60, True)
    assert read(tmp_path, DB_CONN_MAX_AGE="0")["age"] == 0


def test_the_api_throttle_counts_in_each_workers_memory_and_the_rest_in_the_database(
    tmp_path: Path,
) -> None:
    caches = read(tmp_path)["caches"]

    assert caches["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert caches["api-throttle"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize(
    ("chosen", "backend", "location"),
    [
        ("database", "django.core.cache.backends.db.DatabaseCache", "partnerhub_cache"),
        (
            "redis://cache.example.org:6379/1",
            "django.core.cache.backends.redis.RedisCache",
            "redis://cache.example.org:6379/1",
        ),
    ],
)
def test_a_deployment_may_share_the_api_throttle_across_workers(
    tmp_path: Path, chosen: str, backend: str, location: str
) -> None:
    throttle = read(tmp_path, API_THROTTLE_CACHE=chosen)["caches"]["api-throttle"]

    assert (throttle["BACKEND"], throttle["LOCATION"]) == (backend, location)


def test_an_unknown_api_throttle_cache_stops_start_up(tmp_path: Path) -> None:
    result = settings_with(tmp_path, API_THROTTLE_CACHE="memcached")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "API_THROTTLE_CACHE" in result.stderr
