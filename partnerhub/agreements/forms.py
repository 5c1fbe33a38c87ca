"""Forms of a partnership's agreement: starting it, its activities, the responsibility
matrix, commitments and revisions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerhub.agreements.choices import ResponsibilityLevel
from partnerhub.agreements.models import AgreementActivity
from partnerhub.core.choices import Currency
from partnerhub.formation.forms import MemberChoiceField
from partnerhub.partnerships.models import Membership

#: A cell of the matrix with no part for the member.
NO_PART = ""
LEVEL_CHOICES = [(NO_PART, "—"), *ResponsibilityLevel.choices]


class AgreementForm(forms.Form):
    """The forms of this app: labels without a colon, as in the workspace."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class StartAgreementForm(AgreementForm):
    title = forms.CharField(label=_("Title of the agreement"), max_length=300)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What this first version is about."),
    )


class ActivityForm(AgreementForm):
    title = forms.CharField(label=_("Activity"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviseForm(AgreementForm):
    note = forms.CharField(
        label=_("What the new version changes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def cell_name(activity_id: int, membership_id: int) -> str:
    """The name of the matrix cell of one activity and one member."""
    return f"cell-{activity_id}-{membership_id}"


def cell_field(initial: str = NO_PART, label: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=LEVEL_CHOICES, required=False, initial=initial)


class MatrixForm(AgreementForm):
    """The responsibility matrix: for each activity and member, a part (or none)."""

    def __init__(
        self,
        *args: Any,
        activities: Iterable[AgreementActivity],
        members: Iterable[Membership],
        current: dict[tuple[int, int], str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.activities = list(activities)
        self.members = list(members)
        for activity in self.activities:
            for membership in self.members:
                label = _("%(member)s in “%(activity)s”") % {
                    "member": membership.member,
                    "activity": activity.title,
                }
                self.fields[cell_name(activity.pk, membership.pk)] = cell_field(
                    current.get((activity.pk, membership.pk), NO_PART), label
                )

    def rows(self) -> list[tuple[AgreementActivity, list[tuple[Membership, forms.BoundField]]]]:
        """The grid: each activity with its cells, one per member."""
        return [
            (
                activity,
                [(m, self[cell_name(activity.pk, m.pk)]) for m in self.members],
            )
            for activity in self.activities
        ]

    def changes(
        self, current: dict[tuple[int, int], str]
    ) -> list[tuple[AgreementActivity, Membership, str]]:
        """The cells that differ from ``current``: (activity, member, new part or "")."""
        changed = []
        for activity in self.activities:
            for membership in self.members:
                key = (activity.pk, membership.pk)
                wanted = self.cleaned_data.get(cell_name(*key)) or NO_PART
                if wanted != current.get(key, NO_PART):
                    changed.append((activity, membership, wanted))
        return changed


class CommitmentForm(AgreementForm):
    """What one member commits: money (with its currency), something in kind, hours."""

    membership = MemberChoiceField(
        label=_("Member"), queryset=Membership.objects.none(), empty_label=None
    )
    money = forms.DecimalField(
        label=_("Money"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=[("", "—"), *Currency.choices]
    )
    in_kind = forms.CharField(
        label=_("In kind"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Rooms, vehicles, equipment, services…"),
    )
    hours = forms.DecimalField(
        label=_("Hours of work"), required=False, max_digits=8, decimal_places=1, min_value=0
    )

    def __init__(self, *args: Any, members: Iterable[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Membership.objects.filter(pk__in=[m.pk for m in members])
