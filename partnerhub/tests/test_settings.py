"""Settings come from the environment; production refuses to start half-configured."""

import subprocess
import sys
from pathlib import Path

import pytest

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "partnerhub.example.org",
    "DATABASE_URL": "postgres://user@db.example.org/partnerhub",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "Partnerhub <noreply@example.org>",
}


def _import_production(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import partnerhub.settings.production as s; print(s.DATABASES['default']['ENGINE'])"
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_settings_fail_loudly_without_required_value(missing: str) -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _import_production(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_settings_read_database_url() -> None:
    result = _import_production(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_local_defaults_use_an_sqlite_file_in_wal_mode(tmp_path: Path) -> None:
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); "
        "print(connection.settings_dict['NAME'], c.fetchone()[0])"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "partnerhub.settings.local",
        "PARTNERHUB_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    name, journal_mode = result.stdout.split()
    assert name == str(tmp_path / "partnerhub.sqlite3")
    assert journal_mode == "wal"


def test_console_script_accepts_dashed_command_names(capsys: pytest.CaptureFixture[str]) -> None:
    from partnerhub.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(["partnerhub", "load-demo", "--help"])
    assert exit_info.value.code == 0
    assert "load_demo" in capsys.readouterr().out
