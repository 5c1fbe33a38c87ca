"""Forms of the privacy pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerhub.privacy.choices import ConsentPurpose


class ConsentForm(forms.Form):
    """Give or withdraw one consent."""

    GIVE = "give"
    WITHDRAW = "withdraw"

    purpose = forms.ChoiceField(label=_("purpose"), choices=ConsentPurpose.choices)
    action = forms.ChoiceField(
        label=_("action"), choices=[(GIVE, _("give")), (WITHDRAW, _("withdraw"))]
    )


class ErasureForm(forms.Form):
    """Confirm the erasure of a person's data."""

    confirm = forms.BooleanField(
        label=_("I understand that this person's data will be erased for good."),
        required=True,
    )
