"""Settings of the privacy app, with their defaults."""

from __future__ import annotations

from django.conf import settings

DEFAULT_POLICY_VERSION = "2026-11"
DEFAULT_RETENTION_DAYS = 5 * 365
#: Accounts whose address was never confirmed are deleted this many days after sign-up.
UNCONFIRMED_ACCOUNT_DAYS = 30


def policy_version() -> str:
    """The version of the privacy policy in force (``PRIVACY_POLICY_VERSION``)."""
    return str(getattr(settings, "PRIVACY_POLICY_VERSION", DEFAULT_POLICY_VERSION))


def retention_days() -> int:
    """How long data of an inactive person without an account is kept."""
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))
