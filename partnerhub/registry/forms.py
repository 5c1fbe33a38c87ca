"""Workspace forms of the registry: an organisation's profile, a person's record."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from partnerhub.access.scope import get_scope
from partnerhub.registry.models import Organisation, Person
from partnerhub.workspace.forms import RecordForm


class OrganisationForm(RecordForm):
    """An organisation's profile; only site administrators mark an organisation as a hub."""

    fieldsets = (
        (_("Organisation"), ("name", "short_name", "sector", "legal_form", "is_hub")),
        (
            _("Registry identifiers"),
            ("country", "krs", "nip", "regon", "si_registration_number", "si_tax_number"),
        ),
        (_("Contact"), ("seat", "address", "postal_code", "website", "email", "phone")),
        (_("Activity"), ("areas", "description", "founded_on", "status", "dissolved_on")),
    )

    class Meta(RecordForm.Meta):
        model = Organisation
        fields = [
            "name",
            "short_name",
            "sector",
            "legal_form",
            "country",
            "krs",
            "nip",
            "regon",
            "si_registration_number",
            "si_tax_number",
            "seat",
            "address",
            "postal_code",
            "website",
            "email",
            "phone",
            "areas",
            "description",
            "founded_on",
            "status",
            "dissolved_on",
            "is_hub",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Being a hub gives its staff rights over partnerships: granted by administrators.
        if not get_scope(self.user).is_site_admin:
            del self.fields["is_hub"]


class PersonForm(RecordForm):
    """A person's record; e-mail, phone and address are personal data, never public."""

    class Meta(RecordForm.Meta):
        model = Person
        fields = [
            "first_name",
            "last_name",
            "title",
            "email",
            "phone",
            "address",
            "territory",
            "areas",
        ]
