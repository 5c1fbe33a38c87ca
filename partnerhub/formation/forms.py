"""Forms of forming a partnership: starting it for a problem, inviting, answering, moving
it to another stage, and its health check."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.core.choices import Visibility
from partnerhub.formation.choices import HEALTH_QUESTIONS, MAX_SCORE, MIN_SCORE, HealthFactor
from partnerhub.formation.services import allowed_next_stages
from partnerhub.partnerships.choices import MemberRole, PartnershipKind, Stage
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.workspace.forms import RecordMultipleChoiceField

#: How long a health survey stays open unless the facilitator says otherwise.
SURVEY_DAYS = 14


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MemberChoiceField(forms.ModelChoiceField):
    """A choice among a partnership's memberships, each shown by its member's name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.member)


class FormationForm(forms.Form):
    """The forms of this app: labels without a colon, as in the workspace."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class StartPartnershipForm(FormationForm):
    """A partnership started by the hub for a local problem (territory, areas and hub are the
    problem's)."""

    name = forms.CharField(label=_("Name of the partnership"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=PartnershipKind.choices, initial=PartnershipKind.LOCAL_PARTNERSHIP
    )
    goal = forms.CharField(
        label=_("Goal"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        initial=Visibility.INTERNAL,
        help_text=_("An internal partnership is seen only by those involved until published."),
    )


class InviteForm(FormationForm):
    """Invite organisations to a partnership the user facilitates, in one proposed role."""

    partnership = forms.ModelChoiceField(
        label=_("Invite to the partnership"), queryset=Partnership.objects.none()
    )
    organisations = RecordMultipleChoiceField(label=_("Organisations"), source="organisation")
    role = forms.ChoiceField(
        label=_("Proposed role"), choices=MemberRole.choices, initial=MemberRole.PARTNER
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why you invite them; it is sent with the invitation."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partnership = self.fields["partnership"]
        assert isinstance(partnership, forms.ModelChoiceField)
        partnership.queryset = Partnership.objects.editable_by(user)
        organisations = self.fields["organisations"]
        assert isinstance(organisations, RecordMultipleChoiceField)
        chosen = self.data.getlist("organisations") if hasattr(self.data, "getlist") else []
        organisations.limit_to(user, [int(pk) for pk in chosen if str(pk).isdigit()])


class DeclineForm(FormationForm):
    """Why the organisation declines: the partnership's facilitator reads it."""

    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StageMoveForm(FormationForm):
    """Move a partnership to one of the stages its lifecycle allows next, on a day."""

    stage = forms.ChoiceField(label=_("Move to the stage"))
    date = forms.DateField(label=_("Date"), widget=_date_input())
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stage = self.fields["stage"]
        assert isinstance(stage, forms.ChoiceField)
        stage.choices = [
            (value, Stage(value).label) for value in allowed_next_stages(partnership.stage)
        ]
        self.fields["date"].initial = timezone.localdate()

    @property
    def has_moves(self) -> bool:
        stage = self.fields["stage"]
        assert isinstance(stage, forms.ChoiceField)
        return bool(stage.choices)


class OpenSurveyForm(FormationForm):
    """Open a round of the health check between two dates."""

    opened_on = forms.DateField(label=_("Opens on"), widget=_date_input())
    closes_on = forms.DateField(label=_("Closes on"), widget=_date_input())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["opened_on"].initial = today
        self.fields["closes_on"].initial = today + datetime.timedelta(days=SURVEY_DAYS)


SCORE_CHOICES = [(score, str(score)) for score in range(MIN_SCORE, MAX_SCORE + 1)]


class HealthAnswerForm(FormationForm):
    """A member's answers: each statement of the health check scored from 1 (strongly
    disagree) to 5 (strongly agree), and a comment."""

    membership = MemberChoiceField(
        label=_("Answering for"), queryset=Membership.objects.none(), empty_label=None
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, memberships: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        membership = self.fields["membership"]
        assert isinstance(membership, forms.ModelChoiceField)
        membership.queryset = Membership.objects.filter(pk__in=[m.pk for m in memberships])
        if len(memberships) == 1:
            membership.initial = memberships[0].pk
            membership.widget = forms.HiddenInput()
        scores: dict[str, forms.Field] = {
            factor.value: forms.TypedChoiceField(
                label=HEALTH_QUESTIONS[factor],
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=factor.label,
            )
            for factor in HealthFactor
        }
        self.fields = {
            "membership": self.fields["membership"],
            **scores,
            "comment": self.fields["comment"],
        }

    def score_fields(self) -> list[forms.BoundField]:
        return [self[factor.value] for factor in HealthFactor]

    def scores(self) -> dict[str, int]:
        return {factor.value: self.cleaned_data[factor.value] for factor in HealthFactor}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.fields["membership"].queryset.exists():  # type: ignore[attr-defined]
            raise ValidationError(
                _("You answer for a member organisation you represent."), code="no_member"
            )
        return cleaned
