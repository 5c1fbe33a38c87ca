"""Building blocks of the workspace forms, and the moderation form of local problems.

Every record form of the workspace is a ``RecordForm``: made for one user, its choices
limited to the records that user may see (or, for the record a new one goes under, may
add under), big tables offered through a searchable select, dates typed in a date input.
The domain apps' ``forms.py`` declare which fields each record's form has.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.models import Vocabulary
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation, Person
from partnerhub.territory.models import TerritorialUnit
from partnerhub.workspace.sources import RecordOption, RecordSource, get_source

#: Foreign keys and many-to-many fields into these tables get a searchable select.
BIG_TABLES: dict[type[models.Model], str] = {
    Organisation: "organisation",
    Person: "person",
    TerritorialUnit: "territory",
    LocalProblem: "problem",
    Partnership: "partnership",
    Programme: "programme",
    Project: "project",
}

SEARCH_SUFFIX = "__q"
NOTHING_CHOSEN = _("— choose —")
SEARCH_PENDING = _("Choose one of the records found for “%(query)s”, or clear the search box.")


class RecordSearchMixin:
    """A select that lists only the chosen records and the matches of a search.

    Next to the select, a search box (``<name>__q``) asks the ``<source>-options``
    endpoint for matches as the user types (htmx). Without JavaScript, submitting the
    form with a search typed shows the matches, and the form asks to choose one.
    """

    template_name = "workspace/widgets/record_search_select.html"
    allow_multiple_selected: bool
    choices: Any

    options_url = ""
    field_label: Any = ""
    search_term = ""
    pending_search = ""

    def use_required_attribute(self, initial: Any) -> bool:
        # The browser must let the form through with only a search typed (see above).
        return False

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)  # type: ignore[misc]
        self.search_term = (data.get(name + SEARCH_SUFFIX) or "").strip()
        self.pending_search = "" if value not in (None, "", [], ()) else self.search_term
        return value

    def optgroups(self, name: str, value: list[str], attrs: Any = None) -> list[Any]:
        field = self.choices.field
        options: list[RecordOption] = field.offered(value, self.search_term)
        groups = []
        for index, option in enumerate(options):
            option_attrs = {"disabled": True} if option.disabled else {}
            selected = option.value is not None and str(option.value) in value
            groups.append(
                (
                    None,
                    [
                        self.create_option(  # type: ignore[attr-defined]
                            name,
                            "" if option.value is None else option.value,
                            option.label,
                            selected,
                            index,
                            attrs=option_attrs,
                        )
                    ],
                    index,
                )
            )
        return groups

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)  # type: ignore[misc]
        context["widget"].update(
            {
                "search_name": name + SEARCH_SUFFIX,
                "search_term": self.search_term,
                "options_url": self.options_url,
                "field_label": self.field_label,
                "hx_vals": json.dumps(
                    {"field": name, "multiple": "1" if self.allow_multiple_selected else ""}
                ),
            }
        )
        return context


class RecordSearchSelect(RecordSearchMixin, forms.Select):
    pass


class RecordSearchSelectMultiple(RecordSearchMixin, forms.SelectMultiple):
    pass


class RecordFieldMixin:
    """What the single and multiple record fields share: their source and their options."""

    queryset: Any
    widget: Any
    label: Any
    source_name: str

    def limit_to(self, user: Any, current: Iterable[int]) -> None:
        """Offer ``user`` the records of the field's source, and the current ones."""
        source = self.source
        records = source.records(user)
        current = list(current)
        if current:
            records = records | source.model._default_manager.filter(pk__in=current)
        self.queryset = records
        self.widget.options_url = reverse(f"workspace:{source.name}-options")
        self.widget.field_label = self.label
        if getattr(self, "required", False):
            # The browser must not block a search typed without a choice (see the widget).
            self.widget.attrs["aria-required"] = "true"

    @property
    def source(self) -> RecordSource:
        return get_source(self.source_name)

    def label_from_instance(self, obj: Any) -> str:
        return self.source.label(obj)

    def offered(self, value: list[str], query: str) -> list[RecordOption]:
        options = self.source.offered(self.queryset, value, query)
        if not self.widget.allow_multiple_selected:
            options.insert(0, RecordOption(None, str(NOTHING_CHOSEN)))
        return options

    def check_no_pending_search(self) -> None:
        query = self.widget.pending_search
        if query:
            raise ValidationError(SEARCH_PENDING, code="search_pending", params={"query": query})


class RecordChoiceField(RecordFieldMixin, forms.ModelChoiceField):
    """A foreign key into a big table, chosen with a searchable select."""

    widget = RecordSearchSelect

    def __init__(self, queryset: Any = None, *, source: str, **kwargs: Any) -> None:
        super().__init__(queryset, **kwargs)
        self.source_name = source

    def clean(self, value: Any) -> Any:
        self.check_no_pending_search()
        return super().clean(value)


class RecordMultipleChoiceField(RecordFieldMixin, forms.ModelMultipleChoiceField):
    """A many-to-many field into a big table, chosen with a searchable select."""

    widget = RecordSearchSelectMultiple

    def __init__(self, queryset: Any = None, *, source: str, **kwargs: Any) -> None:
        super().__init__(queryset, **kwargs)
        self.source_name = source

    def clean(self, value: Any) -> Any:
        self.check_no_pending_search()
        return super().clean(value)


def record_formfield(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """The form field of a model field in a workspace form (``Meta.formfield_callback``)."""
    related = db_field.related_model
    chosen_class = "form_class" in kwargs  # Meta.field_classes decides
    if isinstance(db_field, models.ForeignKey) and related in BIG_TABLES and not chosen_class:
        kwargs.update(form_class=RecordChoiceField, source=BIG_TABLES[related])  # type: ignore[index]
    elif (
        isinstance(db_field, models.ManyToManyField) and related in BIG_TABLES and not chosen_class
    ):
        kwargs.update(form_class=RecordMultipleChoiceField, source=BIG_TABLES[related])  # type: ignore[index]
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
    elif isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    elif isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    elif isinstance(db_field, models.TextField):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
    return db_field.formfield(**kwargs)


def _primary_keys(value: Any) -> list[int]:
    """The primary keys in a form's initial value (a record, a key, or a list of either)."""
    values = value if isinstance(value, list | tuple | QuerySet) else [value]
    keys = []
    for item in values:
        key = getattr(item, "pk", item)
        if isinstance(key, int):
            keys.append(key)
        elif isinstance(key, str) and key.isdigit():
            keys.append(int(key))
    return keys


class RecordForm(forms.ModelForm):
    """A form that creates or changes one record, made for the user who fills it in.

    ``record_sources`` names, per field, the source of records offered when it differs
    from the table's default (a new record's parent: the records the user manages).
    """

    record_sources: ClassVar[dict[str, str]] = {}
    #: Groups of fields shown together under a title, for long forms: (title, field names).
    #: Fields in no group come last.
    fieldsets: ClassVar[tuple[tuple[Any, tuple[str, ...]], ...]] = ()
    template_name = "workspace/partials/form_fields.html"

    class Meta:
        formfield_callback = record_formfield

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user
        for name, field in self.fields.items():
            current = _primary_keys(self.initial.get(name))
            if isinstance(field, RecordFieldMixin):
                field.source_name = self.record_sources.get(name, field.source_name)
                field.limit_to(user, current)
            elif isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                vocabulary = field.queryset.model
                if issubclass(vocabulary, Vocabulary):
                    # Retired terms stay on the records that have them, and are offered no more.
                    field.queryset = vocabulary.objects.filter(
                        Q(is_active=True) | Q(pk__in=current)
                    )

    def grouped_fields(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """The visible fields by ``fieldsets`` (one untitled group without fieldsets)."""
        visible = {field.name: field for field in self.visible_fields()}
        groups = []
        for title, names in self.fieldsets:
            fields = [visible.pop(name) for name in names if name in visible]
            if fields:
                groups.append((title, fields))
        rest = list(visible.values())
        if rest:
            groups.append((_("More") if groups else "", rest))
        return groups


class ModerationForm(forms.Form):
    """A hub's decision on a submitted local problem: publish it, or reject it with a reason."""

    PUBLISH = "publish"
    REJECT = "reject"

    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[(PUBLISH, _("Publish")), (REJECT, _("Reject"))],
    )
    rejection_reason = forms.CharField(
        label=_("reason for rejection"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to reject: whoever raised the problem reads it."),
    )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == self.REJECT and not cleaned.get("rejection_reason"):
            self.add_error(
                "rejection_reason",
                ValidationError(
                    _("Give the reason for rejecting this problem."), code="reason_required"
                ),
            )
        return cleaned


class LocalProblemForm(RecordForm):
    """A local problem as its submitter describes it (hubs publish or reject it apart)."""

    class Meta(RecordForm.Meta):
        model = LocalProblem
        fields = [
            "title",
            "description",
            "territory",
            "areas",
            "raised_by_organisation",
            "raised_by_person",
            "hub",
        ]
        # Hubs are few: a plain select.
        field_classes = {"hub": forms.ModelChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hub_field = self.fields["hub"]
        assert isinstance(hub_field, forms.ModelChoiceField)
        hub_field.queryset = Organisation.objects.filter(is_hub=True)
