"""Forms of the accounts pages. They check input; the writes are in services.py."""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    UserCreationForm,
    UsernameField,
)
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerhub.accounts.selectors import email_in_use, username_for_login
from partnerhub.accounts.services import EMAIL_TAKEN, resend_verification
from partnerhub.accounts.throttling import (
    CONFIRMATION_RESEND_THROTTLE,
    PASSWORD_RESET_THROTTLE,
)

logger = logging.getLogger(__name__)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: by field where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        if field == "password" and "password2" in form.fields:
            field = "password2"
        form.add_error(field if field in form.fields else None, messages)


class SignUpForm(UserCreationForm):
    """A username, an e-mail address, a password twice; the name may be left empty."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address; open it to activate your account."),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    class Meta:
        model = User
        fields = ("username", "email", "first_name", "last_name")
        field_classes = {"username": UsernameField}

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if email_in_use(email):
            raise ValidationError(EMAIL_TAKEN, code="taken")
        return email


class SignInForm(AuthenticationForm):
    """Sign in with a username or an e-mail address and a password.

    An address is turned into its account's username before authenticating, so
    django-axes counts failures against the account, however it was named. Someone who
    gives the right password of an account whose address is not confirmed yet is told so
    (``needs_verification``), instead of being told the password is wrong.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The username or e-mail address and the password do not match an active account. "
            "Passwords are case-sensitive."
        ),
        "unverified": _(
            "Your e-mail address is not confirmed yet. Open the link we sent you, or ask for "
            "a new one."
        ),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username or e-mail address")
        self.needs_verification = False

    def clean(self) -> dict[str, Any]:
        identifier = self.cleaned_data.get("username")
        if identifier:
            self.cleaned_data["username"] = username_for_login(identifier)
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login" and self._is_unconfirmed_account():
                self.needs_verification = True
                raise ValidationError(
                    self.error_messages["unverified"], code="unverified"
                ) from error
            raise

    def _is_unconfirmed_account(self) -> bool:
        # A locked-out visitor learns nothing more (django-axes replaces the whole answer).
        if getattr(self.request, "axes_locked_out", False):
            return False
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        user = User.objects.filter(
            username=username, is_active=False, last_login__isnull=True
        ).first()
        return user is not None and isinstance(password, str) and user.check_password(password)


class ResendVerificationForm(forms.Form):
    """The address an account was signed up with, to send a new confirmation link to."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, *, site_url: str) -> None:
        """Send the link, within the limit per address; the visitor is never told more."""
        email = self.cleaned_data["email"]
        if CONFIRMATION_RESEND_THROTTLE.allow(email):
            resend_verification(email, site_url=site_url)
        else:
            logger.info("New confirmation links to one address throttled")


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's password reset, sending at most five e-mails per address per hour.

    Every request for an address counts, whether an account has it or not, so the page
    looks the same for both and the limit reveals nothing either.
    """

    def save(self, *args: Any, **kwargs: Any) -> None:
        if PASSWORD_RESET_THROTTLE.allow(self.cleaned_data["email"]):
            super().save(*args, **kwargs)
        else:
            logger.info("Password reset e-mails to one address throttled")


class ProfileForm(forms.Form):
    """The name shown for the user and the address their e-mail goes to.

    A plain form, not a model form: a changed address must not touch the account (not even
    the ``request.user`` in memory) until the new address is confirmed.
    """

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "If you change it, we send a link to the new address; it replaces the current one "
            "when you open that link."
        ),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"first_name": user.first_name, "last_name": user.last_name, "email": user.email},
        )
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if email.casefold() != self.user.email.casefold() and email_in_use(
            email, except_user=self.user
        ):
            raise ValidationError(EMAIL_TAKEN, code="taken")
        return email
