from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Accounts: sign up with e-mail verification, sign in and out, password reset, profile."""

    name = "partnerhub.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
