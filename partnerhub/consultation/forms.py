"""Forms of a local problem's page: backing it, adding evidence, moderating it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.choices import ProblemStatus, SupportKind
from partnerhub.consultation.models import LocalProblem
from partnerhub.registry.models import Organisation, Person

#: The value of the backer choice that means "as myself" (the user's own person).
AS_MYSELF = "me"
ORGANISATION_PREFIX = "organisation-"


class BackingForm(forms.Form):
    """Back a problem as an organisation the user represents, or as themselves."""

    backer = forms.ChoiceField(label=_("Back it as"))
    kind = forms.ChoiceField(label=_("How"), choices=SupportKind.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: what you see, or how you could help."),
    )

    def __init__(
        self,
        *args: Any,
        organisations: list[Organisation],
        person: Person | None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        choices = [(f"{ORGANISATION_PREFIX}{o.pk}", o.name) for o in organisations]
        if person is not None:
            choices.append((AS_MYSELF, str(_("Myself (%(name)s)") % {"name": person.full_name})))
        backer = self.fields["backer"]
        assert isinstance(backer, forms.ChoiceField)
        backer.choices = choices
        self.organisations = {o.pk: o for o in organisations}
        self.person = person
        self.initial.setdefault("kind", SupportKind.SEES_IT_TOO)

    @property
    def has_backers(self) -> bool:
        return bool(self.organisations) or self.person is not None

    def backer_record(self) -> Organisation | Person | None:
        """The organisation chosen, or None for "myself" (the service uses the user's person)."""
        value = self.cleaned_data["backer"]
        if value.startswith(ORGANISATION_PREFIX):
            return self.organisations[int(value.removeprefix(ORGANISATION_PREFIX))]
        return None


class ProblemLinkForm(forms.Form):
    """A link to evidence: a study, an article, a council resolution."""

    url = forms.URLField(label=_("Web address"), max_length=500, assume_scheme="https")
    title = forms.CharField(label=_("Title"), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


#: What each move of a problem's review is called on its button.
MODERATION_ACTIONS = {
    ProblemStatus.PUBLISHED: _("Publish"),
    ProblemStatus.REJECTED: _("Reject with the reason given"),
    ProblemStatus.BEING_ADDRESSED: _("Mark as being addressed"),
    ProblemStatus.ADDRESSED: _("Mark as addressed"),
}


class ProblemModerationForm(forms.Form):
    """The hub's next step with a problem: one of the moves its review allows now."""

    status = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Reason for rejection"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to reject: whoever raised the problem reads it."),
    )

    def __init__(self, *args: Any, problem: LocalProblem, allowed: tuple[str, ...], **kwargs: Any):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = [(value, MODERATION_ACTIONS[ProblemStatus(value)]) for value in allowed]
        self.problem = problem

    @property
    def actions(self) -> list[tuple[str, Any]]:
        """The buttons: (status, label) for each allowed move."""
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        return list(status.choices)  # type: ignore[arg-type]

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        rejecting = cleaned.get("status") == ProblemStatus.REJECTED
        if rejecting and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason",
                ValidationError(
                    _("Give the reason for rejecting this problem."), code="reason_required"
                ),
            )
        return cleaned
