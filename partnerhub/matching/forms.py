"""The search form of the recommendations page: weights, filters, and what to show."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerhub.core.choices import Sector
from partnerhub.matching.choices import Component, Radius
from partnerhub.matching.options import (
    DEFAULT_LIMIT,
    DEFAULT_SHORTLIST_SIZE,
    DEFAULT_WEIGHTS,
    MAX_LIMIT,
    MAX_SHORTLIST_SIZE,
    SearchOptions,
    Weights,
)

LIST, SHORTLIST = "list", "shortlist"
WEIGHT_PREFIX = "weight_"


def weight_field_name(component: str) -> str:
    return f"{WEIGHT_PREFIX}{component}"


class RecommendationSearchForm(forms.Form):
    """How to look for partners: a weight per score component, a sector, a radius, whether
    to leave out organisations already invited, and a ranked list or a balanced shortlist.

    A GET form: with no parameters the defaults apply. Weights are checked by the matching
    engine (``Weights.from_mapping``), whose errors — a negative weight, all weights zero —
    are shown as they are.
    """

    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("Any sector")), *Sector.choices],
    )
    radius = forms.ChoiceField(
        label=_("Seated within"), required=False, choices=Radius.choices, initial=Radius.ANY
    )
    exclude_invited = forms.BooleanField(
        label=_("Leave out organisations already invited"),
        required=False,
        initial=True,
        help_text=_("Current members are never recommended."),
    )
    view = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[(LIST, _("Ranked list")), (SHORTLIST, _("Balanced shortlist"))],
        initial=LIST,
    )
    size = forms.IntegerField(
        label=_("Shortlist size"),
        required=False,
        min_value=1,
        max_value=MAX_SHORTLIST_SIZE,
        initial=DEFAULT_SHORTLIST_SIZE,
    )
    limit = forms.IntegerField(
        label=_("How many"),
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        initial=DEFAULT_LIMIT,
    )

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        # No parameter at all: the page's first visit, with the defaults (a checkbox left
        # out of a submitted form means "no", so an empty query cannot be read as a form).
        bound = data is not None and any(name in data for name in self.parameter_names())
        kwargs.setdefault("label_suffix", "")
        super().__init__(data if bound else None, **kwargs)
        weights: dict[str, forms.Field] = {}
        for component in Component:
            weights[weight_field_name(component.value)] = forms.FloatField(
                label=component.label,
                required=False,
                initial=DEFAULT_WEIGHTS[component.value],
                widget=forms.NumberInput(attrs={"step": "0.05", "min": "0"}),
            )
        # Weights first, in the order of the score's components.
        self.fields = {**weights, **self.fields}

    @classmethod
    def parameter_names(cls) -> list[str]:
        return [*(weight_field_name(c) for c in Component.values), *cls.base_fields]

    def weight_fields(self) -> list[forms.BoundField]:
        return [self[weight_field_name(c)] for c in Component.values]

    def filter_fields(self) -> list[forms.BoundField]:
        return [self["sector"], self["radius"], self["exclude_invited"]]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = {
            component: value
            for component in Component.values
            if (value := cleaned.get(weight_field_name(component))) is not None
        }
        try:
            cleaned["weights"] = Weights.from_mapping(given)
        except ValidationError as error:
            for message in error.message_dict.get("weights", []):
                self.add_error(None, message)
        return cleaned

    def value(self, name: str) -> Any:
        """A cleaned value, or the field's initial value when the form was not submitted."""
        if self.is_bound:
            found = self.cleaned_data.get(name)
            if found not in (None, ""):
                return found
            if name == "exclude_invited":
                return bool(found)
        return self.fields[name].initial

    @property
    def wants_shortlist(self) -> bool:
        return self.value("view") == SHORTLIST

    def search_options(self, invited: Iterable[int]) -> SearchOptions:
        """The engine's options (call once the form is valid, or unbound for the defaults)."""
        weights = self.cleaned_data["weights"] if self.is_bound else Weights()
        return SearchOptions(
            weights=weights,
            sector=self.value("sector") or None,
            radius=self.value("radius") or Radius.ANY,
            exclude_ids=frozenset(invited) if self.value("exclude_invited") else frozenset(),
            limit=self.value("limit"),
        )
