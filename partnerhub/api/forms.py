"""The form a signed-in user fills in to create a personal API token."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """A name to recognise the token by, and an optional last day of validity."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “monthly report script”."),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional: the token stops working at the end of this day."),
    )

    def clean_expires_on(self) -> datetime.date | None:
        expires_on: datetime.date | None = self.cleaned_data.get("expires_on")
        if expires_on is not None and expires_on < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return expires_on

    def expires_at(self) -> datetime.datetime | None:
        """The moment the token stops working: the end of the chosen day, local time."""
        expires_on = self.cleaned_data.get("expires_on")
        if expires_on is None:
            return None
        end_of_day = datetime.datetime.combine(expires_on, datetime.time.max)
        return timezone.make_aware(end_of_day)
