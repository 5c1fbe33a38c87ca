"""Reads that span several domains."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation


def get_record_counts() -> list[tuple[Promise, int]]:
    """How many published records of each main kind the database holds."""
    return [
        (_("Organisations"), Organisation.objects.count()),
        (_("Partnerships"), Partnership.objects.published().count()),
        (_("Programmes"), Programme.objects.published().count()),
        (_("Projects"), Project.objects.published().count()),
        (_("Events"), Event.objects.published().count()),
    ]
