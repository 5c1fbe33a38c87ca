"""Workspace forms of partnerships and their members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnerhub.access.scope import get_scope
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.registry.models import Organisation
from partnerhub.workspace.forms import RecordForm


class PartnershipForm(RecordForm):
    """A partnership: what it is, who facilitates it, its goal, period and lineage.

    The facilitating hub is chosen among the hubs the user works for (administrators: any
    hub); a partnership is started under its hub.
    """

    fieldsets = (
        (_("Partnership"), ("name", "short_name", "kind", "stage", "hub", "visibility")),
        (_("Goal and scope"), ("goal", "description", "territory", "areas", "problems")),
        (_("Period"), ("start", "end", "period_precision")),
        (_("Lineage and size"), ("grew_out_of", "declared_member_count")),
    )

    class Meta(RecordForm.Meta):
        model = Partnership
        fields = [
            "name",
            "short_name",
            "kind",
            "stage",
            "hub",
            "territory",
            "goal",
            "description",
            "areas",
            "problems",
            "start",
            "end",
            "period_precision",
            "grew_out_of",
            "declared_member_count",
            "visibility",
        ]
        # Hubs are few: a plain select of the hubs the user works for.
        field_classes = {"hub": forms.ModelChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Later stages are reached through the lifecycle, which records each move.
            self.fields["stage"].disabled = True
            self.fields["stage"].help_text = _(
                "The stage changes through the partnership's lifecycle (Move to another stage)."
            )
        hub_field = self.fields["hub"]
        assert isinstance(hub_field, forms.ModelChoiceField)
        scope = get_scope(self.user)
        hubs = Organisation.objects.filter(is_hub=True)
        if not scope.is_site_admin:
            hubs = hubs.filter(Q(pk__in=scope.hub_ids) | Q(pk=self.instance.hub_id))
        hub_field.queryset = hubs
        if self.instance.pk is None and not self.initial.get("hub") and len(scope.hub_ids) == 1:
            self.initial["hub"] = next(iter(scope.hub_ids))


class MembershipForm(RecordForm):
    """A member of a partnership: an organisation or a person, a role and a period."""

    class Meta(RecordForm.Meta):
        model = Membership
        fields = ["organisation", "person", "role", "joined", "left", "responsibilities"]
        widgets = {"responsibilities": forms.Textarea(attrs={"rows": 2})}
